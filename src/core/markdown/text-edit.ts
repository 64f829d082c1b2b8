import { detectEol, type Line } from './eol';

/** Replace text[start, end) with `text`; start === end inserts. Offsets are into the original text. */
export interface TextEdit {
	start: number;
	end: number;
	text: string;
}

/**
 * Applies edits that were all computed against the same original text. Edits must not overlap;
 * insertions at the same offset are applied in the order given. Throws on overlapping or
 * out-of-range edits, which are programming errors, never user input.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
	for (const { edit } of sorted) {
		if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) {
			throw new Error(`Text edit [${edit.start}, ${edit.end}) is outside the text (length ${text.length}).`);
		}
	}
	for (let i = 1; i < sorted.length; i++) {
		const prev = sorted[i - 1].edit;
		const next = sorted[i].edit;
		if (next.start < prev.end) {
			throw new Error(`Text edits overlap: [${prev.start}, ${prev.end}) and [${next.start}, ${next.end}).`);
		}
	}
	return joinEdits(
		text,
		sorted.map((s) => s.edit),
	);
}

/** The text with edits already sorted, disjoint and in range (as applyEdits checks them) put in. */
export function joinEdits(text: string, sorted: readonly TextEdit[]): string {
	const parts: string[] = [];
	let cursor = 0;
	for (const edit of sorted) {
		parts.push(text.slice(cursor, edit.start), edit.text);
		cursor = edit.end;
	}
	parts.push(text.slice(cursor));
	return parts.join('');
}

/** The line holding `offset` (an offset at a line's end belongs to the next line). */
export function lineAt(text: string, offset: number): Line {
	const at = Math.max(0, Math.min(offset, text.length));
	const start = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
	const nl = text.indexOf('\n', start);
	const end = nl < 0 ? text.length : nl + 1;
	const contentEnd = nl < 0 ? text.length : nl;
	const raw = text.slice(start, contentEnd);
	return { text: raw.endsWith('\r') ? raw.slice(0, -1) : raw, start, end };
}

/** True when the line holds nothing but spaces and tabs. */
export function isBlankLine(line: string): boolean {
	return /^[ \t]*\r?$/.test(line);
}

/**
 * Where the last non-blank line in [from, to) ends (past its line end, or at the text's end when
 * it has none); `from` when the range holds only blank lines. `from` must be a line start.
 */
export function lastContentEnd(text: string, from: number, to: number): number {
	let i = to;
	while (i > from && /[ \t\r\n]/.test(text[i - 1])) i--;
	if (i === from) return from;
	const nl = text.indexOf('\n', i);
	return nl < 0 || nl >= to ? to : nl + 1;
}

/** Inserts a line just past `offset` (a line end, or the end of a text without a final one), in the text's line ends. */
export function insertLineAt(text: string, offset: number, line: string): string {
	const eol = detectEol(text);
	if (offset > 0 && text[offset - 1] !== '\n') return text.slice(0, offset) + eol + line + text.slice(offset);
	return text.slice(0, offset) + line + eol + text.slice(offset);
}
