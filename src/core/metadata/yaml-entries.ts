import { splitLines, type Line } from '../markdown/eol';
import type { FrontmatterBounds } from '../markdown/frontmatter-bounds';

/** How a top-level value starts on its key's line. */
export type ValueStyle = 'empty' | 'plain' | 'single' | 'double' | 'flow' | 'block-scalar' | 'open';

/**
 * One top-level `key: value` of the frontmatter, located by lines, never by re-serializing:
 * edits splice these offsets (all absolute in the file's text) and leave every other byte alone.
 */
export interface YamlEntry {
	/** The key as YAML reads it (quotes removed). */
	key: string;
	keyLine: Line;
	/** Offset just past the `:` after the key. */
	colonEnd: number;
	/** The value's text on the key line is [valueStart, valueEnd); a trailing `# comment` lies after it. */
	valueStart: number;
	valueEnd: number;
	style: ValueStyle;
	/** True for `[...]` values that are sequences (not `{...}` mappings). */
	flowSequence: boolean;
	/** Offset past the entry's last line: its key line, or its last indented / `- ` continuation line. */
	end: number;
	/** The continuation lines' indent before `-` when they form a block sequence, else null. */
	blockItemIndent: string | null;
	/** The continuation lines when every one of them is a one-line `- item` at the same indent. */
	simpleItems: Line[] | null;
}

const ITEM = /^([ \t]*)-([ \t]|$)/;

export function findTopLevelEntries(text: string, bounds: FrontmatterBounds): YamlEntry[] {
	const entries: YamlEntry[] = [];
	let continuation: Line[] = [];
	let open = false;
	for (const line of splitLines(text, bounds.yamlStart, bounds.yamlEnd)) {
		const first = line.text[0];
		// Blank lines and column-0 comments belong to an entry only when continuation lines follow them.
		if (line.text.trim() === '' || first === '#') continue;
		const isItem = first === '-' && ITEM.test(line.text);
		if (open && (first === ' ' || first === '\t' || isItem)) {
			continuation.push(line);
			entries[entries.length - 1].end = line.end;
			continue;
		}
		if (open) describeContinuation(entries[entries.length - 1], continuation);
		continuation = [];
		const entry = isItem || line.text.startsWith('---') || line.text.startsWith('...') ? null : parseKeyLine(line);
		if (entry) entries.push(entry);
		open = entry !== null;
	}
	if (open) describeContinuation(entries[entries.length - 1], continuation);
	return entries;
}

function describeContinuation(entry: YamlEntry, lines: Line[]): void {
	const content = lines.filter((l) => !l.text.trimStart().startsWith('#'));
	const firstItem = content.length > 0 ? ITEM.exec(content[0].text) : null;
	if (entry.style !== 'empty' || !firstItem) return;
	const indent = firstItem[1];
	entry.blockItemIndent = indent;
	// Simple: nothing but same-indent one-line items, back to back (no comments or blank lines between).
	const simple = lines.every((l, i) => {
		const m = ITEM.exec(l.text);
		return m !== null && m[1] === indent && l.start === (i === 0 ? entry.keyLine.end : lines[i - 1].end);
	});
	if (simple) entry.simpleItems = lines;
}

function parseKeyLine(line: Line): YamlEntry | null {
	const key = readKey(line.text);
	if (!key) return null;
	const colonEnd = line.start + key.colonEnd;
	const value = readValue(line.text, key.colonEnd);
	return {
		key: key.key,
		keyLine: line,
		colonEnd,
		valueStart: line.start + value.start,
		valueEnd: line.start + value.end,
		style: value.style,
		flowSequence: value.style === 'flow' && line.text[value.start] === '[',
		end: line.end,
		blockItemIndent: null,
		simpleItems: null,
	};
}

/** `key:`, `"key":` or `'key':` at column 0; the colon must be followed by a space or the line end. */
function readKey(text: string): { key: string; colonEnd: number } | null {
	const q = text[0];
	if (q === '"' || q === "'") {
		const close = closingQuote(text, 0);
		if (close < 0) return null;
		let i = close + 1;
		while (text[i] === ' ' || text[i] === '\t') i++;
		if (text[i] !== ':' || !isBreak(text, i + 1)) return null;
		return { key: unquote(text.slice(0, close + 1)), colonEnd: i + 1 };
	}
	if (q === '?' || q === '&' || q === '*' || q === '!' || q === '[' || q === '{') return null;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '#' && i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) return null;
		if (text[i] === ':' && isBreak(text, i + 1)) {
			const key = text.slice(0, i).trim();
			return key === '' ? null : { key, colonEnd: i + 1 };
		}
	}
	return null;
}

function isBreak(text: string, i: number): boolean {
	return i >= text.length || text[i] === ' ' || text[i] === '\t';
}

function unquote(quoted: string): string {
	if (quoted[0] === "'") return quoted.slice(1, -1).replace(/''/g, "'");
	try {
		return JSON.parse(quoted) as string;
	} catch {
		return quoted.slice(1, -1);
	}
}

/** Index of the quote closing the one at `open` in `text`, or -1 when it is not closed. */
export function closingQuote(text: string, open: number): number {
	const q = text[open];
	for (let i = open + 1; i < text.length; i++) {
		if (q === '"' && text[i] === '\\') i++;
		else if (text[i] === q) {
			if (q === "'" && text[i + 1] === "'") i++;
			else return i;
		}
	}
	return -1;
}

function readValue(text: string, colonEnd: number): { start: number; end: number; style: ValueStyle } {
	let p = colonEnd;
	while (text[p] === ' ' || text[p] === '\t') p++;
	const c = text[p];
	if (p >= text.length || c === '#') {
		// Empty: an inserted value replaces trailing spaces, but a comment stays where it is.
		return { start: colonEnd, end: c === '#' ? colonEnd : text.length, style: 'empty' };
	}
	if (c === '"' || c === "'") {
		const close = closingQuote(text, p);
		if (close < 0) return { start: p, end: trimmedEnd(text, text.length), style: 'open' };
		return { start: p, end: close + 1, style: c === '"' ? 'double' : 'single' };
	}
	if (c === '[' || c === '{') {
		const close = closingBracket(text, p);
		if (close < 0) return { start: p, end: trimmedEnd(text, text.length), style: 'open' };
		return { start: p, end: close + 1, style: 'flow' };
	}
	const end = trimmedEnd(text, commentStart(text, p));
	return { start: p, end, style: c === '|' || c === '>' ? 'block-scalar' : 'plain' };
}

function closingBracket(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const c = text[i];
		if (c === '"' || c === "'") {
			const close = closingQuote(text, i);
			if (close < 0) return -1;
			i = close;
		} else if (c === '[' || c === '{') depth++;
		else if (c === ']' || c === '}') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

/** Where a ` # comment` starts after a plain value (a `#` inside a word is text). */
function commentStart(text: string, from: number): number {
	for (let i = from + 1; i < text.length; i++) {
		if (text[i] === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
	}
	return text.length;
}

function trimmedEnd(text: string, end: number): number {
	let e = end;
	while (e > 0 && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
	return e;
}

/** The entry for `key`: an exact match first, else the only one that differs in case (`Status:`). */
export function findEntry(entries: YamlEntry[], key: string): YamlEntry | null {
	const exact = entries.find((e) => e.key === key);
	if (exact) return exact;
	const lower = key.toLowerCase();
	const loose = entries.filter((e) => e.key.toLowerCase() === lower);
	return loose.length === 1 ? loose[0] : null;
}
