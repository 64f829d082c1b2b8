import { findFencedBlocks, type Range } from './code-ranges';

/*
 * Lines a reader does not see as markdown: fenced code blocks (findFencedBlocks) and comment
 * blocks. Nothing in them is a heading, a task, a session or an entry (docs/formats.md).
 *
 * A comment block, as CommonMark reads an HTML block and Obsidian hides a comment:
 * - `<!--` first on a line (up to 3 spaces in) runs to the end of the line holding the next `-->`;
 * - `%%` first on a line runs to the end of the line holding the next `%%`.
 * An unclosed comment is text (as code-ranges.ts reads `%%`): a stray `<!--` does not hide the rest
 * of a journal, nor does a write land where no reader sees it.
 * A comment marker inside a fence opens nothing, and a fence inside a comment is comment.
 */

const SPACE = 32;

/**
 * Where the comment block opened by the line whose first non-blank character is at `first` ends
 * (past its last line's line end), or -1 when that line opens none.
 */
export function commentBlockEnd(text: string, first: number): number {
	let close: number;
	if (text.startsWith('<!--', first)) {
		const at = text.indexOf('-->', first + 4);
		if (at < 0) return -1;
		close = at + 3;
	} else if (text.startsWith('%%', first)) {
		const at = text.indexOf('%%', first + 2);
		if (at < 0) return -1;
		close = at + 2;
	} else return -1;
	const nl = text.indexOf('\n', close);
	return nl < 0 ? text.length : nl + 1;
}

/** Past up to 3 spaces from `lineStart`: where a block marker may stand. */
export function markerStart(text: string, lineStart: number): number {
	let first = lineStart;
	while (first - lineStart < 3 && text.charCodeAt(first) === SPACE) first++;
	return first;
}

/** The fenced blocks and comment blocks of the text from `from`, sorted and disjoint. */
export function findHiddenBlocks(text: string, from = 0): Range[] {
	let fences = findFencedBlocks(text, from);
	const out: Range[] = [];
	let f = 0;
	for (let lineStart = from; lineStart < text.length;) {
		while (f < fences.length && fences[f][1] <= lineStart) f++;
		if (f < fences.length && fences[f][0] <= lineStart) {
			out.push(fences[f]);
			lineStart = fences[f][1];
			continue;
		}
		const end = commentBlockEnd(text, markerStart(text, lineStart));
		if (end < 0) {
			const nl = text.indexOf('\n', lineStart);
			lineStart = nl < 0 ? text.length : nl + 1;
			continue;
		}
		out.push([lineStart, end]);
		// A fence opened inside the comment is comment text: the fences after it are found again.
		let straddles = false;
		for (; f < fences.length && fences[f][0] < end; f++) if (fences[f][1] > end) straddles = true;
		if (straddles) {
			fences = findFencedBlocks(text, end);
			f = 0;
		}
		lineStart = end;
	}
	return out;
}
