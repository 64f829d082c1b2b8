import { bodyStart } from '../markdown/frontmatter-bounds';
import { commentSyntaxFor, fileKind, prologueEnd, type CommentSyntax } from './file-kind';

/*
 * Reading a deliverable's traceback (docs/formats.md, Deliverables): `Generated from:`, `Context:`, `Purpose:`…
 * lines anywhere in the file's leading comment block, in the file's comment syntax, after the
 * prologue the writer keeps first (BOM, shebang, XML declaration) and any banner. Markdown
 * deliverables keep them as properties or as HTML comments (`<!-- Spec: … -->`) after the frontmatter.
 */

/** A `Name: value` line of the leading comment block. */
export interface CommentField {
	/** Lower case, single-spaced: `generated from`, `context`, `purpose`. */
	name: string;
	/** Without surrounding spaces and any comment closer (`-->`, `*` + `/`). */
	value: string;
	/** Offset of the value in the file's text. */
	valueStart: number;
}

/** Fields that say which spec a file comes from: one of them makes a traceback. */
export const TRACEBACK_FIELDS: ReadonlySet<string> = new Set(['generated from', 'spec', 'specification']);

/** Fields whose values are links back into the vault, checked like any other link. */
export const LINK_FIELDS: ReadonlySet<string> = new Set(['generated from', 'spec', 'specification', 'context', 'parent']);

/** Only this many lines are looked at: a header is at the top, and a huge file costs nothing more. */
const MAX_LINES = 200;

const FIELD = /^([A-Za-z][A-Za-z ]{0,30}?)[ \t]*:[ \t]*/;

/**
 * The traceback fields of a deliverable's leading comment block, by its kind: none for binary
 * and comment-less formats; for markdown, the HTML comments after the frontmatter.
 */
export function deliverableComments(path: string, text: string): CommentField[] {
	const kind = fileKind(path, text);
	if (kind === 'binary' || kind === 'uncommented') return [];
	const syntax = commentSyntaxFor(path, text) as CommentSyntax;
	return readLeadingComments(text, syntax, kind === 'markdown' ? Math.max(bodyStart(text), prologueEnd(text)) : prologueEnd(text));
}

/**
 * The `Name: value` fields of the comment block that starts the text at `from` (by default after
 * the prologue), in the given syntax. Blank lines are skipped; the block ends at the first line
 * that is not a comment, or at code following a comment's close on the same line.
 */
export function readLeadingComments(text: string, syntax: CommentSyntax, from = prologueEnd(text)): CommentField[] {
	const fields: CommentField[] = [];
	let pos = from;
	let closer: string | null = null;
	for (let n = 0; n < MAX_LINES && pos < text.length; n++) {
		const nl = text.indexOf('\n', pos);
		const end = nl < 0 ? text.length : nl;
		let line = text.slice(pos, end);
		if (line.endsWith('\r')) line = line.slice(0, -1);
		const lead = line.length - line.trimStart().length;
		let content = line.slice(lead);
		let at = pos + lead;
		pos = nl < 0 ? text.length : nl + 1;
		if (closer === null) {
			if (content.trim() === '') continue;
			const prefix = syntax.line.find((p) => startsWithMarker(content, p));
			const block = prefix === undefined ? syntax.block.find(([open]) => content.startsWith(open)) : undefined;
			if (prefix !== undefined) {
				const marker = markerLength(content, prefix);
				content = content.slice(marker);
				at += marker;
			} else if (block) {
				closer = block[1];
				content = content.slice(block[0].length);
				at += block[0].length;
			} else break;
		}
		let codeFollows = false;
		if (closer !== null) {
			// ` * Generated from: …` inside a /* … */ banner.
			if (closer === '*/' && /^\s*\*(?!\/)/.test(content)) {
				const star = content.indexOf('*') + 1;
				content = content.slice(star);
				at += star;
			}
			const close = content.indexOf(closer);
			if (close >= 0) {
				codeFollows = content.slice(close + closer.length).trim() !== '';
				content = content.slice(0, close);
				closer = null;
			}
		}
		const lead2 = content.length - content.trimStart().length;
		const field = readField(content.slice(lead2), at + lead2);
		if (field) fields.push(field);
		if (codeFollows) break;
	}
	return fields;
}

/** A line prefix at the start of `s`; a word (`rem`) only as a whole word, in any case. */
function startsWithMarker(s: string, prefix: string): boolean {
	if (!/[A-Za-z]$/.test(prefix)) return s.startsWith(prefix);
	return s.slice(0, prefix.length).toLowerCase() === prefix && !/[A-Za-z0-9_]/.test(s.charAt(prefix.length));
}

/** The prefix with any repeats of a one-character marker (`#####`, `///`, `----`). */
function markerLength(s: string, prefix: string): number {
	let n = prefix.length;
	if ([...prefix].every((c) => c === prefix[0])) while (s[n] === prefix[0]) n++;
	return n;
}

function readField(content: string, at: number): CommentField | null {
	const m = FIELD.exec(content);
	if (!m) return null;
	const value = content.slice(m[0].length).replace(/[ \t]+$/, '');
	return { name: m[1].trim().toLowerCase().replace(/\s+/g, ' '), value, valueStart: at + m[0].length };
}

/** The fields by name (the first of each wins), for a reader that needs no offsets. */
export function headerFields(fields: readonly CommentField[]): Map<string, string> {
	const byName = new Map<string, string>();
	for (const f of fields) if (!byName.has(f.name)) byName.set(f.name, f.value.trim());
	return byName;
}

/** Whether the fields name the spec the file comes from. */
export function tracesBack(fields: readonly CommentField[]): boolean {
	return fields.some((f) => TRACEBACK_FIELDS.has(f.name) && f.value.trim() !== '');
}
