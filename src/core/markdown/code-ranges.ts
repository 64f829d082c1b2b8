import { findInlineRanges } from './inline-ranges';

/**
 * Where a markdown text holds what is not markdown to Obsidian: fenced blocks (``` and ~~~, closed
 * by a fence of the same character at least as long, or running to the end), indented code blocks,
 * inline code spans, `%%` comments (inline or over several lines: everything up to the next `%%`),
 * autolinks (`<https://…>`) and math (`$…$`, `$$…$$`: inline-ranges.ts). Links, tasks and headings
 * inside them are not markdown, e.g. bash `[[ -d "$X" ]]` is not a wikilink, nor is
 * `%% [[old-plan]] %%` or `$[[e]]$`. Ranges are [start, end)
 * character offsets, sorted and disjoint.
 *
 * Where a fence may stand, after CommonMark, kept simple:
 * - A fence indented 0–3 columns opens a block that only a fence indented 0–3 columns closes, even
 *   under a list item (as fenceAfter sees it line by line, so every scanner agrees on these).
 * - A fence indented 4 or more columns opens a block only inside a list item whose content column
 *   it reaches (`14. ` then a fence indented 4, or deeper: CommonMark would call 8 indented code,
 *   which is code all the same). A fence indented at least that far closes it, and so does the item
 *   ending: a non-blank line indented less than the item's content column.
 *   Outside lists such a line is indented code or paragraph text, and opens nothing.
 * - A line is inside a list item from its marker (`-`, `+`, `*`, `1.`, `1)` indented at most 3
 *   columns past the enclosing item's content) while the lines after are blank, indented to the
 *   item's content column, or continue its paragraph lazily. A marker, fence or heading line
 *   indented less ends it, as does any line less indented after a blank line or a fence.
 * - Inside blockquotes (`> `) the same holds for the quoted text; a fence opened in a quote ends
 *   with the first line not quoted as deeply.
 * Tabs count to the next multiple of 4 columns. Blank lines inside a fence never end it (in a quote,
 * blank quoted lines).
 *
 * Indented code (findCodeBlocks, not findFencedBlocks), conservatively: a line indented 4 or more
 * columns past the innermost list item's content column (past the margin outside lists), right
 * after a blank line at the same quote depth or first in the text, opens it; lines as deep, and
 * blank lines, go on with it. After paragraph text such a line is lazy continuation, not code;
 * text indented to an item's content column is the item's, not code.
 *
 * A `%%` in code opens no comment, and a fence or indented block that starts inside a comment is
 * comment. An unclosed `%%` is text. HTML comments are not ranges: their links are read.
 */
export type Range = [number, number];

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

export function findCodeRanges(text: string): Range[] {
	let blocks = findCodeBlocks(text);
	let inline = findInlineRanges(text, blocks);
	// A fence opened inside a comment is comment text: find the blocks again with the comments masked.
	for (let pass = 0; inline.swallowed && pass < 3; pass++) {
		blocks = findCodeBlocks(maskRanges(text, inline.comments));
		inline = findInlineRanges(text, blocks);
	}
	return mergeRanges(blocks, inline.ranges);
}

/** Fenced and indented code blocks, sorted: findFencedBlocks' blocks and the indented ones between them. */
export function findCodeBlocks(text: string, from = 0): Range[] {
	return scanLines(new FenceScan(text, true), text, from);
}

/** The fence of an open fenced block: its character (` or ~) and how many of them. */
export interface Fence {
	char: string;
	length: number;
}

/** An open block as findFencedBlocks tracks it: also its list item's content column (0: none), quote depth and start. */
export interface OpenBlock extends Fence {
	column: number;
	quotes: number;
	start: number;
}

/**
 * The fence open after `line` (its text without the line end), given the one open before it (null:
 * none), for fences indented up to 3 spaces, the ones that need no context. Scanners that track
 * fences line by line use it; findFencedBlocks also finds fences inside list items and quotes.
 */
export function fenceAfter(line: string, open: Fence | null): Fence | null {
	const m = FENCE.exec(line);
	return m ? fenceStep(line.slice(m[1].length), open) : open;
}

/** fenceAfter for a line's text from its first non-blank character. */
export function fenceStep(rest: string, open: Fence | null): Fence | null {
	const m = /^(`{3,}|~{3,})(.*)$/.exec(rest);
	if (!m) return open;
	// A backtick fence's info string may not contain backticks.
	if (open === null) return m[1][0] === '`' && m[2].includes('`') ? null : { char: m[1][0], length: m[1].length };
	// Only the same character, at least as long, with nothing after it closes the block.
	return m[1][0] === open.char && m[1].length >= open.length && m[2].trim() === '' ? null : open;
}

// Character codes the fast scan compares against.
const TAB = 9;
const SPACE = 32;
const HASH = 35;
const STAR = 42;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const GT = 62;
const PAREN = 41;
const BACKTICK = 96;
const TILDE = 126;
const CR = 13;
/** As many quote markers as the line has: a small integer, as Infinity would slow the compare. */
const ALL_QUOTES = 1 << 30;

/**
 * Fenced code blocks only, each from the start of its opening line to past its closing line (or to
 * the start of the line that ends its list item or quote). Pass `from` = the body's start so a ```
 * inside YAML frontmatter opens nothing. The rule is the one in this file's top comment; the same
 * rule written plainly, line by line, is fencedBlocksByRule.
 */
export function findFencedBlocks(text: string, from = 0): Range[] {
	return scanLines(new FenceScan(text, false), text, from);
}

function scanLines(scan: FenceScan, text: string, from: number): Range[] {
	let lineStart = from;
	while (lineStart < text.length) {
		const nl = text.indexOf('\n', lineStart);
		const lineEnd = nl < 0 ? text.length : nl + 1;
		let contentEnd = nl < 0 ? text.length : nl;
		if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === CR) contentEnd--;
		scan.line(lineStart, contentEnd, lineEnd);
		lineStart = lineEnd;
	}
	return scan.finish();
}

/** The line-by-line state of findFencedBlocks, read by char codes: only a line that may be a fence is sliced. */
class FenceScan {
	private readonly blocks: Range[] = [];
	private open: OpenBlock | null = null;
	/** Content columns of the list items the current line is in, outermost first, and their quote depth. */
	private readonly items: number[] = [];
	private itemQuotes = 0;
	/** The previous line was paragraph text, which a less indented text line continues lazily. */
	private afterText = false;
	// The current line, as measure() found it: quote markers taken off, where its text starts and at what column.
	private quotes = 0;
	private first = 0;
	private indent = 0;
	/** The quote depth of the previous line if it was blank (the text's start counts as one), else -1. */
	private blankQuotes = 0;
	// The open indented code block (codeStart -1: none): to the end of its last line, the column its lines reach, its quote depth.
	private codeStart = -1;
	private codeEnd = 0;
	private codeColumn = 0;
	private codeQuotes = 0;

	/** `indented`: also find indented code blocks; they change nothing else the scan finds. */
	constructor(
		private readonly text: string,
		private readonly indented: boolean,
	) {}

	line(start: number, end: number, next: number): void {
		if (this.open !== null && this.inBlock(start, end, next)) {
			this.blankQuotes = -1;
			return;
		}
		this.outside(start, end, next);
	}

	finish(): Range[] {
		if (this.open !== null) this.blocks.push([this.open.start, this.text.length]);
		this.closeCode();
		return this.blocks;
	}

	/** Reads a line inside the open block; false when the line ended the block and is still to be read. */
	private inBlock(start: number, end: number, next: number): boolean {
		const open = this.open as OpenBlock;
		this.measure(start, end, open.quotes);
		const blank = this.first === end;
		if (this.quotes < open.quotes || (!blank && this.indent < open.column)) {
			this.blocks.push([open.start, start]);
			this.open = null;
			return false;
		}
		const c = this.text.charCodeAt(this.first);
		if (!blank && (open.column > 0 || this.indent <= 3) && c === open.char.charCodeAt(0)) {
			if (fenceStep(this.text.slice(this.first, end), open) === null) {
				this.blocks.push([open.start, next]);
				this.open = null;
				this.afterText = false;
			}
		}
		return true;
	}

	private outside(start: number, end: number, next: number): void {
		const text = this.text;
		const items = this.items;
		this.measure(start, end, ALL_QUOTES);
		if (this.quotes !== this.itemQuotes) {
			items.length = 0;
			this.itemQuotes = this.quotes;
		}
		const first = this.first;
		if (first === end) {
			this.afterText = false;
			this.blankQuotes = this.quotes;
			return;
		}
		const afterBlank = this.blankQuotes === this.quotes;
		this.blankQuotes = -1;
		const c = text.charCodeAt(first);
		const fence = c === BACKTICK || c === TILDE ? fenceStep(text.slice(first, end), null) : null;
		const markerEnd = fence === null ? listMarkerEnd(text, first, end) : -1;
		const interrupts = fence !== null || markerEnd >= 0 || isHeadingStart(text, first, end);
		if (interrupts || !this.afterText) {
			while (items.length > 0 && items[items.length - 1] > this.indent) items.pop();
		}
		const column = items.length > 0 ? items[items.length - 1] : 0;
		const opens = fence !== null && (this.indent <= 3 || items.length > 0);
		if (this.indented) this.indentedCode(start, next, column, opens, afterBlank);
		if (opens) {
			// Built field by field: a spread object is slower to read on every line of the block.
			this.open = { char: fence.char, length: fence.length, column: this.indent <= 3 ? 0 : column, quotes: this.quotes, start };
			this.afterText = false;
			return;
		}
		if (markerEnd >= 0 && this.indent - column <= 3) items.push(contentColumn(text, markerEnd, end, this.indent + markerEnd - first));
		this.afterText = true;
	}

	/**
	 * Goes on with the open indented code block or closes it, then opens one when the line comes
	 * after a blank line and reaches 4 columns past `column`, its list item's text. A fence ends it.
	 */
	private indentedCode(start: number, next: number, column: number, fence: boolean, afterBlank: boolean): void {
		if (fence) {
			this.closeCode();
			return;
		}
		if (this.codeStart >= 0) {
			if (this.quotes === this.codeQuotes && this.indent >= this.codeColumn) {
				this.codeEnd = next;
				return;
			}
			this.closeCode();
		}
		if (afterBlank && this.indent - column >= 4) {
			this.codeStart = start;
			this.codeEnd = next;
			this.codeColumn = column + 4;
			this.codeQuotes = this.quotes;
		}
	}

	private closeCode(): void {
		if (this.codeStart < 0) return;
		this.blocks.push([this.codeStart, this.codeEnd]);
		this.codeStart = -1;
	}

	/** Takes up to `maxQuotes` quote markers off the line, then finds its first non-blank character and its column. */
	private measure(start: number, end: number, maxQuotes: number): void {
		const text = this.text;
		let p = start;
		let quotes = 0;
		while (quotes < maxQuotes) {
			let s = p;
			while (s < end && s - p < 3 && text.charCodeAt(s) === SPACE) s++;
			if (s >= end || text.charCodeAt(s) !== GT) break;
			quotes++;
			p = s + 1;
			if (p < end && text.charCodeAt(p) === SPACE) p++;
		}
		let column = 0;
		for (; p < end; p++) {
			const ch = text.charCodeAt(p);
			if (ch === SPACE) column++;
			else if (ch === TAB) column += 4 - (column % 4);
			else break;
		}
		this.quotes = quotes;
		this.first = p;
		this.indent = column;
	}
}

/** Past a list marker (`-`, `+`, `*`, or 1–9 digits then `.` or `)`) followed by a space, a tab or the line end; -1 if none. */
function listMarkerEnd(text: string, p: number, end: number): number {
	const c = text.charCodeAt(p);
	let q = p + 1;
	if (c >= ZERO && c <= NINE) {
		while (q < end && q - p < 9 && isDigit(text.charCodeAt(q))) q++;
		const d = text.charCodeAt(q);
		if (q >= end || (d !== DOT && d !== PAREN)) return -1;
		q++;
	} else if (c !== MINUS && c !== PLUS && c !== STAR) return -1;
	if (q === end) return q;
	const after = text.charCodeAt(q);
	return after === SPACE || after === TAB ? q : -1;
}

function isDigit(c: number): boolean {
	return c >= ZERO && c <= NINE;
}

/** An ATX heading's start: 1–6 #s then a space, a tab or the line end. */
function isHeadingStart(text: string, p: number, end: number): boolean {
	let q = p;
	while (q < end && q - p < 7 && text.charCodeAt(q) === HASH) q++;
	const n = q - p;
	if (n === 0 || n > 6) return false;
	return q === end || text.charCodeAt(q) === SPACE || text.charCodeAt(q) === TAB;
}

/**
 * The column a list item's content starts at: past the marker and the spaces after it, or one
 * column past the marker when nothing follows or 5+ columns of spaces do (then the text is indented code).
 */
function contentColumn(text: string, markerEnd: number, end: number, markerColumn: number): number {
	let column = markerColumn;
	let p = markerEnd;
	for (; p < end; p++) {
		const ch = text.charCodeAt(p);
		if (ch === SPACE) column++;
		else if (ch === TAB) column += 4 - (column % 4);
		else break;
	}
	return p === end || column - markerColumn >= 5 ? markerColumn + 1 : column;
}

/** `text` with the characters of `ranges` but line ends replaced by x, so they hold no fence, marker or blank line. */
function maskRanges(text: string, ranges: Range[]): string {
	let out = '';
	let cursor = 0;
	for (const [start, end] of ranges) {
		out += text.slice(cursor, start) + text.slice(start, end).replace(/[^\r\n]/g, 'x');
		cursor = end;
	}
	return out + text.slice(cursor);
}

/** Two sorted range lists as one, sorted and disjoint: overlapping ranges are joined. */
function mergeRanges(a: Range[], b: Range[]): Range[] {
	const out: Range[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		const next = j >= b.length || (i < a.length && a[i][0] <= b[j][0]) ? a[i++] : b[j++];
		const last = out.length > 0 ? out[out.length - 1] : null;
		if (last !== null && next[0] < last[1]) last[1] = Math.max(last[1], next[1]);
		else out.push([next[0], next[1]]);
	}
	return out;
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
