/**
 * Where code is in a markdown text: fenced blocks (``` and ~~~, closed by a fence of the same
 * character at least as long, or running to the end) and inline code spans. Links, tasks and
 * headings inside code are not markdown, e.g. bash `[[ -d "$X" ]]` is not a wikilink.
 * Ranges are [start, end) character offsets, sorted and disjoint.
 */
export type Range = [number, number];

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

export function findCodeRanges(text: string): Range[] {
	const ranges: Range[] = [];
	const fences = findFencedBlocks(text);
	let cursor = 0;
	for (const block of fences) {
		addInlineSpans(text, cursor, block[0], ranges);
		ranges.push(block);
		cursor = block[1];
	}
	addInlineSpans(text, cursor, text.length, ranges);
	return ranges;
}

/**
 * Fenced code blocks only, each from the start of its opening line to past its closing line.
 * Pass `from` = the body's start so a ``` inside YAML frontmatter opens nothing.
 */
export function findFencedBlocks(text: string, from = 0): Range[] {
	const blocks: Range[] = [];
	let open: Fence | null = null;
	let openStart = 0;
	let lineStart = from;
	while (lineStart < text.length) {
		let nl = text.indexOf('\n', lineStart);
		const lineEnd = nl < 0 ? text.length : nl + 1;
		if (nl < 0) nl = text.length;
		// Most lines cannot be fences: look at the first non-space character before slicing.
		let first = lineStart;
		while (first < nl && first - lineStart < 3 && text[first] === ' ') first++;
		if (text[first] !== '`' && text[first] !== '~') {
			lineStart = lineEnd;
			continue;
		}
		const next = fenceAfter(text.slice(lineStart, nl).replace(/\r$/, ''), open);
		if (open === null && next !== null) openStart = lineStart;
		else if (open !== null && next === null) blocks.push([openStart, lineEnd]);
		open = next;
		lineStart = lineEnd;
	}
	if (open !== null) blocks.push([openStart, text.length]);
	return blocks;
}

/** The fence of an open fenced block: its character (` or ~) and how many of them. */
export interface Fence {
	char: string;
	length: number;
}

/**
 * The fence open after `line` (its text without the line end), given the one open before it (null:
 * none). Shared by every scanner that tracks fences, so they all agree on where code is.
 */
export function fenceAfter(line: string, open: Fence | null): Fence | null {
	const m = FENCE.exec(line);
	if (!m) return open;
	// A backtick fence's info string may not contain backticks.
	if (open === null) return m[2][0] === '`' && m[3].includes('`') ? null : { char: m[2][0], length: m[2].length };
	// Only the same character, at least as long, with nothing after it closes the block.
	return m[2][0] === open.char && m[2].length >= open.length && m[3].trim() === '' ? null : open;
}

/** Inline code spans between `from` and `to`: a run of N backticks closed by the next run of exactly N, within a paragraph. */
function addInlineSpans(text: string, from: number, to: number, out: Range[]): void {
	let i = text.indexOf('`', from);
	while (i >= 0 && i < to) {
		let runEnd = i;
		while (runEnd < to && text[runEnd] === '`') runEnd++;
		const n = runEnd - i;
		const close = findClosingRun(text, runEnd, to, n);
		if (close < 0) {
			i = text.indexOf('`', runEnd);
			continue;
		}
		out.push([i, close + n]);
		i = text.indexOf('`', close + n);
	}
}

function findClosingRun(text: string, from: number, to: number, n: number): number {
	const para = /\n[ \t]*\r?\n/g;
	para.lastIndex = from;
	const blank = para.exec(text);
	const limit = blank && blank.index < to ? blank.index : to;
	let j = text.indexOf('`', from);
	while (j >= 0 && j < limit) {
		let k = j;
		while (k < limit && text[k] === '`') k++;
		if (k - j === n) return j;
		j = text.indexOf('`', k);
	}
	return -1;
}

/** True when `offset` falls inside one of the sorted `ranges` (binary search). */
export function isInRanges(ranges: Range[], offset: number): boolean {
	let lo = 0;
	let hi = ranges.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const [s, e] = ranges[mid];
		if (offset < s) hi = mid - 1;
		else if (offset >= e) lo = mid + 1;
		else return true;
	}
	return false;
}
