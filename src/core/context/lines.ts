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
	const fences: Range[] = findHiddenBlocks(text.slice(start, end)).map(([s, e]) => [s + start, e + start]);
	const lines = splitLines(text, start, end) as ScannedLine[];
	// Lines and fences are both in order: walk them together instead of searching per line.
	let f = 0;
	for (const line of lines) {
		while (f < fences.length && fences[f][1] <= line.start) f++;
		line.inFence = f < fences.length && fences[f][0] <= line.start;
	}
	return lines;
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
