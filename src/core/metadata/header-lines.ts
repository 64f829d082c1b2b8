import { findFencedBlocks, type Range } from '../markdown/code-ranges';
import { detectEol, splitLines, type Line } from '../markdown/eol';
import { bodyStart } from '../markdown/frontmatter-bounds';

/**
 * A visible header line under the note's title, as the reference layout writes them:
 * `**Status**: planning  ` (the two trailing spaces are a markdown hard break).
 * `**Status:** planning` is read too, and Dataview's inline field `**Status**:: planning` (its `::`
 * is the separator, kept by edits), and so are list items (`- **Status**: Completed`) in the
 * same place or in a `## Metadata` section, as owners write them. Below the first other `##`
 * heading they are content, such as a session's or a deliverable's details.
 */
export interface HeaderField {
	/** The name as written (`Status`). */
	name: string;
	/** The value, without the trailing hard-break spaces. */
	value: string;
	/** The value is text.slice(start, end). */
	start: number;
	end: number;
	/** The whole line: from its first character to past its line end. */
	lineStart: number;
	lineEnd: number;
}

const HEADER = /^ {0,3}(?:[-*+][ \t]+)?\*\*([^*]+?)\*\*[ \t]*::?[ \t]*(.*)$/;
const HEADER_COLON_INSIDE = /^ {0,3}(?:[-*+][ \t]+)?\*\*([^*]+?):\*\*[ \t]*(.*)$/;
const SECTION_HEADING = /^ {0,3}#{2,6}([ \t]|$)/;
/** `## Metadata` and its like: sections that hold a note's fields as bullets, read as its header. */
const FIELD_SECTION = /^ {0,3}##[ \t]+(?:metadata|meta|properties|spec info|info|details)[ \t]*#*[ \t]*$/i;
const TITLE = /^ {0,3}#[ \t]+\S/;

interface HeaderZone {
	/** Lines of the body before the first `##` heading, outside fenced code. */
	lines: Line[];
	title: Line | null;
}

function headerZone(text: string): HeaderZone {
	const body = bodyStart(text);
	// Lines are read up to the first `##` only, and fences looked for once a line could open one:
	// the zone is a few lines at the top of notes that run to thousands.
	let fences: Range[] | null = null;
	const lines: Line[] = [];
	let title: Line | null = null;
	let fieldSection = false;
	let f = 0;
	for (let start = body; start < text.length;) {
		const nl = text.indexOf('\n', start);
		const end = nl < 0 ? text.length : nl + 1;
		const raw = text.slice(start, nl < 0 ? text.length : nl);
		const line: Line = { text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start, end };
		start = end;
		if (fences === null && /^ {0,3}[`~]/.test(line.text)) fences = findFencedBlocks(text, body);
		if (fences !== null) {
			while (f < fences.length && fences[f][1] <= line.start) f++;
			if (f < fences.length && fences[f][0] <= line.start) continue;
		}
		if (SECTION_HEADING.test(line.text)) {
			if (!FIELD_SECTION.test(line.text) || fieldSection) break;
			fieldSection = true;
			continue;
		}
		if (title === null && TITLE.test(line.text)) title = line;
		lines.push(line);
	}
	return { lines, title };
}

/** The field a line writes as a header line (`**Status**: planning`, `- **Owner:** Ana`), wherever it stands; null for any other line. */
export function parseHeaderLine(line: Line): HeaderField | null {
	const m = HEADER.exec(line.text) ?? HEADER_COLON_INSIDE.exec(line.text);
	if (!m) return null;
	const value = m[2].replace(/[ \t]+$/, '');
	let start = line.start + line.text.length - m[2].length;
	if (value === '') {
		// An empty value sits after one space; the rest of the spaces are the hard break.
		const prefix = line.text.slice(0, line.text.length - m[2].length);
		const afterColon = prefix.replace(/[ \t]+$/, '').length;
		start = line.start + Math.min(afterColon + 1, prefix.length);
	}
	return { name: m[1].trim(), value, start, end: start + value.length, lineStart: line.start, lineEnd: line.end };
}

/** Where the header zone ends: the start of the first `##` heading below the title (outside code), or the text's end. */
export function headerEnd(text: string): number {
	const { lines } = headerZone(text);
	return lines.length > 0 ? lines[lines.length - 1].end : bodyStart(text);
}

/** Header fields by lower-cased name; the first occurrence of a name wins. */
export function readHeaderFields(text: string): Map<string, HeaderField> {
	const fields = new Map<string, HeaderField>();
	for (const line of headerZone(text).lines) {
		const field = parseHeaderLine(line);
		if (field && !fields.has(field.name.toLowerCase())) fields.set(field.name.toLowerCase(), field);
	}
	return fields;
}

/**
 * Sets a header line's value, touching only the value (its hard break stays). A missing line is
 * added after the last header line, which then gets the hard break so the two still show as two
 * lines; with no header lines it goes under the `# Title` after a blank line, or at the top of the body.
 */
export function setHeaderField(text: string, name: string, value: string): string {
	const clean = value.replace(/\s*\r?\n\s*/g, ' ').trim();
	const existing = readHeaderFields(text).get(name.trim().toLowerCase());
	if (existing) {
		const space = existing.value === '' && text[existing.start - 1] === ':' && clean !== '' ? ' ' : '';
		return text.slice(0, existing.start) + space + clean + text.slice(existing.end);
	}
	const eol = detectEol(text);
	const zone = headerZone(text);
	const headers = zone.lines.filter((l) => parseHeaderLine(l) !== null);
	// Among Dataview fields the new one is a Dataview field too.
	const colon = headers.length > 0 && /\*\*[ \t]*::/.test(headers[headers.length - 1].text) ? '::' : ':';
	const newLine = `**${name.trim()}**${colon} ${clean}`.trimEnd();
	if (headers.length > 0) {
		const last = headers[headers.length - 1];
		// Fields kept as bullets get one more bullet, in the same marker; the line above stays as it was.
		const bullet = /^( {0,3}[-*+][ \t]+)\*\*/.exec(last.text);
		if (bullet) return insertLineAfter(text, last, bullet[1] + newLine, eol);
		return insertAfterHeader(text, last, newLine, eol, hardBreak(headers));
	}
	if (zone.title) return insertAfterTitle(text, zone.title, newLine, eol);
	const at = bodyStart(text);
	const first = lineAt(text, at);
	const gap = first && first.text.trim() !== '' ? eol : '';
	return text.slice(0, at) + newLine + eol + gap + text.slice(at);
}

/** The physical line starting at `offset`, or null at the end of the text. */
function lineAt(text: string, offset: number): Line | null {
	if (offset >= text.length) return null;
	const nl = text.indexOf('\n', offset);
	return splitLines(text, offset, nl < 0 ? text.length : nl + 1)[0];
}

function hasEol(line: Line): boolean {
	return line.end > line.start + line.text.length;
}

/**
 * The line break the note's header lines end in, for the one that now gets one: the reference layout's two
 * spaces, a backslash, or none when the others have none (a note that sets each on its own line
 * without hard breaks keeps that look). A lone header line shows no style: the reference layout's is used.
 */
function hardBreak(headers: readonly Line[]): string {
	const others = headers.slice(0, -1);
	if (others.length === 0) return '  ';
	const ends = others.map((l) => (/[ \t]{2,}$/.test(l.text) ? '  ' : /\\$/.test(l.text) ? '\\' : ''));
	return ends.find((e) => e !== '') ?? '';
}

/** The new line takes over the last header line's ending; the old last line gets the note's hard break. */
function insertAfterHeader(text: string, last: Line, newLine: string, eol: string, lineBreak: string): string {
	const contentEnd = last.start + last.text.length;
	const trailing = /[ \t]*$/.exec(last.text)?.[0] ?? '';
	const bare = contentEnd - trailing.length;
	// A line already ending in a backslash break has it.
	const brk = lineBreak === '\\' && text.slice(last.start, bare).endsWith('\\') ? '' : lineBreak;
	const lineEol = text.slice(contentEnd, last.end);
	return text.slice(0, bare) + brk + (lineEol || eol) + newLine + trailing + lineEol + text.slice(last.end);
}

function insertLineAfter(text: string, last: Line, newLine: string, eol: string): string {
	const lineEol = text.slice(last.start + last.text.length, last.end);
	return text.slice(0, last.end) + (lineEol === '' ? eol : '') + newLine + (lineEol === '' ? '' : lineEol) + text.slice(last.end);
}

function insertAfterTitle(text: string, title: Line, newLine: string, eol: string): string {
	const next = lineAt(text, title.end);
	if (next && next.text.trim() === '') {
		// `# Title`, blank line, header line: and a blank line before whatever followed.
		const after = lineAt(text, next.end);
		const gap = after && after.text.trim() !== '' ? eol : '';
		return text.slice(0, next.end) + (hasEol(next) ? '' : eol) + newLine + eol + gap + text.slice(next.end);
	}
	const gap = next ? eol : '';
	return text.slice(0, title.end) + (hasEol(title) ? '' : eol) + eol + newLine + eol + gap + text.slice(title.end);
}
