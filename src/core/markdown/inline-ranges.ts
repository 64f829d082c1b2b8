import type { Range } from './code-ranges';

const BACKTICK = 96;
const DOLLAR = 36;
const BACKSLASH = 92;
const NEWLINE = 10;

/**
 * The inline ranges that are not markdown for links: code spans, `%%` comments (which may run over
 * lines and blocks), autolinks and math. Read between the code blocks code-ranges.ts finds; the
 * leftmost construct wins, so a `$` in a code span opens no math and a backtick in math no span.
 *
 * Math, as Obsidian hands it to MathJax (the rule pandoc and markdown-it-katex share; `\$` is a
 * literal dollar, and no math runs past a blank line or into a code block):
 * - `$$` opens display math up to the next `$$`, over lines; unclosed, both dollars are text.
 * - `$` followed by a non-space opens inline math if the next `$` closes it: preceded by a
 *   non-space and not followed by a digit. Otherwise the `$` is text, so prices stay text:
 *   in "costs $5 and $10" the second `$` follows a space and closes nothing. Inline math holds no
 *   backtick: "$10 … `$x$`" leaves the code span a span.
 */

/** A CommonMark autolink at the offset: `<`, a scheme of 2–32 characters, `:`, then no space, `<` or `>` up to the `>`. */
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;

/** The inline ranges outside `blocks` (sorted): code spans, `%%` comments, which may run over blocks, autolinks and math. */
export function findInlineRanges(text: string, blocks: Range[]): InlineScan {
	const scan = new InlineScan(text);
	let cursor = 0;
	for (const [start, end] of blocks) {
		if (start >= cursor) cursor = scan.add(cursor, start);
		if (cursor > start) scan.swallowed = true;
		cursor = Math.max(cursor, end);
	}
	scan.add(cursor, text.length);
	return scan;
}

/**
 * Finds inline ranges from left to right. The next backtick, `%%`, `<` and `$` are each searched
 * for only once passed, and never again per block: one indexOf is much faster than a regular
 * expression with four alternatives, and a search past the end of a stretch is kept for the next.
 */
class InlineScan {
	/** Code spans, comments, autolinks and math, sorted. */
	readonly ranges: Range[] = [];
	readonly comments: Range[] = [];
	/** A block starts inside a comment, so the blocks are to be found again without it. */
	swallowed = false;
	private tick = -1;
	private comment = -1;
	private angle = -1;
	private dollar = -1;

	constructor(private readonly text: string) {}

	/** Adds the ranges starting between `from` and `to`; returns where they end, past `to` if a comment runs on. */
	add(from: number, to: number): number {
		const text = this.text;
		let i = from;
		while (i < to) {
			if (this.tick < i) this.tick = indexFrom(text, '`', i);
			if (this.comment < i) this.comment = indexFrom(text, '%%', i);
			if (this.angle < i) this.angle = indexFrom(text, '<', i);
			if (this.dollar < i) this.dollar = indexFrom(text, '$', i);
			i = Math.min(this.tick, this.comment, this.angle, this.dollar);
			if (i >= to) return to;
			if (i === this.dollar) {
				const end = mathEnd(text, i, to);
				if (end >= 0) this.ranges.push([i, end]);
				// An unclosed `$$` is text as a pair: its second dollar opens nothing either.
				i = end >= 0 ? end : i + (isEscaped(text, i) || text.charCodeAt(i + 1) !== DOLLAR ? 1 : 2);
				continue;
			}
			if (i === this.tick) {
				let runEnd = i + 1;
				while (runEnd < to && text.charCodeAt(runEnd) === BACKTICK) runEnd++;
				const end = codeSpanEnd(text, i, runEnd - i, to);
				if (end >= 0) this.ranges.push([i, end]);
				i = end >= 0 ? end : runEnd;
				continue;
			}
			const end = i === this.comment ? commentEnd(text, i) : autolinkEnd(text, i);
			if (end >= 0) this.ranges.push([i, end]);
			if (end >= 0 && i === this.comment) this.comments.push([i, end]);
			i = end >= 0 ? end : i + 1;
		}
		return Math.max(i, to);
	}
}

/** indexOf, with Infinity for none. */
function indexFrom(text: string, s: string, from: number): number {
	const k = text.indexOf(s, from);
	return k < 0 ? Infinity : k;
}

/** Past the code span whose run of `n` backticks starts at `i`, closed by the next run as long within its paragraph; -1 if none. */
function codeSpanEnd(text: string, i: number, n: number, to: number): number {
	const close = findClosingRun(text, i + n, to, n);
	return close < 0 ? -1 : close + n;
}

/** Past the math opened by the `$` at `i` (see the top comment), closed before `to` and any blank line; -1 if none. */
function mathEnd(text: string, i: number, to: number): number {
	if (isEscaped(text, i)) return -1;
	if (text.charCodeAt(i + 1) === DOLLAR) {
		const close = unescapedFrom(text, '$$', i + 2, to);
		return close < 0 || hasBlankLine(text, i, close) ? -1 : close + 2;
	}
	if (i + 1 >= to || isSpace(text[i + 1])) return -1;
	const close = unescapedFrom(text, '$', i + 1, to);
	if (close < 0 || hasBlankLine(text, i, close) || isSpace(text[close - 1])) return -1;
	// A backtick inside would leave a code span half in the math: the span is code, the `$` text.
	const tick = text.indexOf('`', i + 1);
	if (tick >= 0 && tick < close) return -1;
	const after = text.charCodeAt(close + 1);
	return after >= 48 && after <= 57 ? -1 : close + 1;
}

/** The first `s` at or after `from` whose first character no backslash escapes, ending by `to`; -1 if none. */
function unescapedFrom(text: string, s: string, from: number, to: number): number {
	for (let k = text.indexOf(s, from); k >= 0 && k + s.length <= to; k = text.indexOf(s, k + 1)) {
		if (!isEscaped(text, k)) return k;
	}
	return -1;
}

/** An odd number of backslashes stands right before `i`. */
function isEscaped(text: string, i: number): boolean {
	let p = i;
	while (p > 0 && text.charCodeAt(p - 1) === BACKSLASH) p--;
	return (i - p) % 2 === 1;
}

/** A blank line (a line end, spaces or tabs, a line end) starts between `from` and `to`. */
function hasBlankLine(text: string, from: number, to: number): boolean {
	// Char by char up to `to`: an indexOf for the next line end would search on past it, to the end of a long line.
	for (let nl = from; nl < to; nl++) {
		if (text.charCodeAt(nl) !== NEWLINE) continue;
		let p = nl + 1;
		while (text[p] === ' ' || text[p] === '\t') p++;
		if (text[p] === '\r') p++;
		if (text[p] === '\n') return true;
	}
	return false;
}

function isSpace(ch: string | undefined): boolean {
	return ch !== undefined && /\s/.test(ch);
}

/** Past the `%%` closing the comment opened at `i`, wherever it is (nothing inside a comment is markdown); -1 if none. */
function commentEnd(text: string, i: number): number {
	const close = text.indexOf('%%', i + 2);
	return close < 0 ? -1 : close + 2;
}

/** Past the autolink at `i`, or -1: none, or it is a link's destination written `](<…>)`. */
function autolinkEnd(text: string, i: number): number {
	AUTOLINK.lastIndex = i;
	if (!AUTOLINK.test(text)) return -1;
	let p = i - 1;
	while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
	return p >= 1 && text[p] === '(' && text[p - 1] === ']' ? -1 : AUTOLINK.lastIndex;
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
