import type { Range } from '../markdown/code-ranges';
import { findHiddenBlocks } from '../markdown/hidden-blocks';
import { splitLines, type Line } from '../markdown/eol';

/**
 * Line-level reading shared by the context-file parsers: headings, list items, and which lines
 * sit inside fenced code or a comment block (where nothing is a heading, task or entry).
 */

/** A line of the scanned range, with its place in the file and whether it is inside a code fence or a comment block. */
export interface ScannedLine extends Line {
	/** Inside fenced code or a comment block (hidden-blocks.ts): not markdown. */
	inFence: boolean;
}

/**
 * Lines of [from, to) with their fence state. Fences are found within the range itself, so the
 * range is expected to start outside code, as a section (which begins at a heading) does.
 */
export function scanLines(text: string, from = 0, to = text.length): ScannedLine[] {
	const start = Math.max(0, Math.min(from, text.length));
	const end = Math.max(start, Math.min(to, text.length));
	return markLines(text, start, end, hiddenIn(text, start, end));
}

// The last range's hidden blocks: the readers of one journal ask for the same whole text in turn.
let lastHidden: { text: string; start: number; end: number; blocks: Range[] } | null = null;

/** The fenced and comment blocks of [start, end) (a clamped range), found within the range itself. */
export function hiddenIn(text: string, start: number, end: number): Range[] {
	if (lastHidden !== null && lastHidden.start === start && lastHidden.end === end && lastHidden.text === text) return lastHidden.blocks;
	const blocks: Range[] = start === 0 && end === text.length ? findHiddenBlocks(text) : findHiddenBlocks(text.slice(start, end)).map(([s, e]) => [s + start, e + start]);
	lastHidden = { text, start, end, blocks };
	return blocks;
}

/** The lines of [start, end) (a clamped range), each marked inFence when it starts inside one of the sorted `hidden` ranges. */
export function markLines(text: string, start: number, end: number, hidden: readonly Range[]): ScannedLine[] {
	const lines = splitLines(text, start, end) as ScannedLine[];
	// Lines and ranges are both in order: walk them together instead of searching per line.
	let f = firstEndingAfter(hidden, start);
	for (const line of lines) {
		while (f < hidden.length && hidden[f][1] <= line.start) f++;
		line.inFence = f < hidden.length && hidden[f][0] <= line.start;
	}
	return lines;
}

/** The index of the first of the sorted, disjoint `ranges` that ends after `offset` (binary search). */
function firstEndingAfter(ranges: readonly Range[], offset: number): number {
	let lo = 0;
	let hi = ranges.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (ranges[mid][1] <= offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const SPACE = 32;
const HASH = 35;
const CR = 13;

/**
 * Calls `visit` with each heading line of [start, end) (a clamped range) outside the sorted
 * `hidden` ranges, in order: the lines of markLines that parseHeading reads as headings, found
 * without making an object per line. Only a line with a # after up to 3 spaces is sliced.
 */
export function visitHeadings(text: string, start: number, end: number, hidden: readonly Range[], visit: (heading: Heading, lineStart: number, lineEnd: number) => void): void {
	let f = firstEndingAfter(hidden, start);
	for (let lineStart = start; lineStart < end;) {
		const nl = text.indexOf('\n', lineStart);
		const contentEnd = nl < 0 || nl >= end ? end : nl;
		const lineEnd = contentEnd === end ? end : nl + 1;
		while (f < hidden.length && hidden[f][1] <= lineStart) f++;
		if (f < hidden.length && hidden[f][0] <= lineStart) {
			lineStart = lineEnd;
			continue;
		}
		let first = lineStart;
		while (first - lineStart < 3 && text.charCodeAt(first) === SPACE) first++;
		if (first < contentEnd && text.charCodeAt(first) === HASH) {
			const h = parseHeading(text.slice(lineStart, contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === CR ? contentEnd - 1 : contentEnd));
			if (h) visit(h, lineStart, lineEnd);
		}
		lineStart = lineEnd;
	}
}

export interface Heading {
	level: number;
	/** Heading text without the #s, closing #s and surrounding spaces. */
	text: string;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** An ATX heading (`## Plan`); `#tag` (no space) is not a heading. */
export function parseHeading(line: string): Heading | null {
	// Cheap rejection first: most lines of a journal are not headings.
	const hash = line.indexOf('#');
	if (hash < 0 || hash > 3) return null;
	const m = HEADING.exec(line);
	if (!m) return null;
	let body = m[2] ?? '';
	// Optional closing sequence: `## Plan ##`.
	body = /^#+$/.test(body) ? '' : body.replace(/[ \t]+#+$/, '');
	return { level: m[1].length, text: body.trim() };
}

export interface ListItem {
	/** Leading whitespace width in columns (a tab advances to the next multiple of 4). */
	indent: number;
	/** `-`, `*`, `+`, or an ordered marker such as `1.` / `2)`. */
	bullet: string;
	/** Index in the line where the bullet starts. */
	bulletAt: number;
	/** Index in the line where the item's content starts (after the bullet and its spaces). */
	contentAt: number;
	content: string;
}

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;

export function parseListItem(line: string): ListItem | null {
	const m = LIST_ITEM.exec(line);
	if (!m) return null;
	const bulletAt = m[1].length;
	const contentAt = bulletAt + m[2].length + (m[3]?.length ?? 0);
	return { indent: columns(m[1]), bullet: m[2], bulletAt, contentAt, content: m[4] ?? '' };
}

/** Width of leading whitespace in columns. */
export function columns(ws: string): number {
	let col = 0;
	for (const ch of ws) {
		if (ch === '\t') col += 4 - (col % 4);
		else if (ch === ' ') col += 1;
		else break;
	}
	return col;
}

export function leadingWhitespace(line: string): string {
	return /^[ \t]*/.exec(line)?.[0] ?? '';
}

/** Offset just past the last non-blank line of [from, to): where an appended line belongs. */
export function contentEndOf(lines: readonly Line[], from: number): number {
	for (let i = lines.length - 1; i >= 0; i--) {
		if (lines[i].text.trim() !== '') return lines[i].end;
	}
	return from;
}
