import type { Range } from './code-ranges';

/**
 * findInlineRanges' rule written plainly: from left to right, a regular expression per construct
 * tried at each character outside the blocks. It slices and tests at every character, so it is
 * slower; it stays as the oracle findInlineRanges is property-tested against
 * (tests/core/markdown/code-ranges.property.test.ts).
 */
export function inlineRangesByRule(text: string, blocks: Range[]): Range[] {
	const ranges: Range[] = [];
	let i = 0;
	while (i < text.length) {
		const block = blocks.find(([s, e]) => s <= i && i < e);
		if (block !== undefined) {
			i = block[1];
			continue;
		}
		const next = blocks.find(([s]) => s > i);
		const to = next === undefined ? text.length : next[0];
		const found = rangeAt(text, i, to);
		if (typeof found === 'number') i = found;
		else {
			ranges.push(found);
			i = found[1];
		}
	}
	return ranges;
}

const BLANK_LINE = /\n[ \t]*\r?\n/;
/** The text up to the next unescaped `$$`, or `$`: escapes are taken two characters at a time. */
const DISPLAY_MATH = /\$\$(?:\\[\s\S]|[^\\$]|\$(?!\$))*?\$\$/y;
const INLINE_MATH = /\$(?:\\[\s\S]|[^\\$])*\$/y;
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;

/** The range starting at `i`, in a stretch of text ending at `to`; else where to look next. */
function rangeAt(text: string, i: number, to: number): Range | number {
	const rest = text.slice(i);
	// A backslash escapes a dollar or a backslash, nothing this rule reads besides.
	if (/^\\[\\$]/.test(rest)) return i + 2;
	if (rest.startsWith('$$')) return closed(text, i, to, DISPLAY_MATH) ?? i + 2;
	if (/^\$\S/.test(rest)) {
		const math = closed(text, i, to, INLINE_MATH);
		const ok = math !== null && /\S/.test(text[math[1] - 2]) && !/^\d/.test(text.slice(math[1])) && !text.slice(math[0], math[1]).includes('`');
		return ok ? math : i + 1;
	}
	const ticks = /^`+/.exec(rest);
	if (ticks !== null) return codeSpan(text, i, ticks[0].length, to) ?? i + ticks[0].length;
	if (rest.startsWith('%%')) {
		const close = text.indexOf('%%', i + 2);
		return close < 0 ? i + 1 : [i, close + 2];
	}
	AUTOLINK.lastIndex = i;
	if (AUTOLINK.test(text) && !/\]\([ \t]*$/.test(text.slice(0, i))) return [i, AUTOLINK.lastIndex];
	return i + 1;
}

/** The match of `re` at `i` when it ends by `to` with no blank line inside. */
function closed(text: string, i: number, to: number, re: RegExp): Range | null {
	re.lastIndex = i;
	const m = re.exec(text);
	return m !== null && re.lastIndex <= to && !BLANK_LINE.test(m[0]) ? [i, re.lastIndex] : null;
}

/** The code span opened by `n` backticks at `i`: up to the next run of exactly `n`, before `to` and any blank line. */
function codeSpan(text: string, i: number, n: number, to: number): Range | null {
	const close = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
	close.lastIndex = i + n;
	const m = close.exec(text);
	if (m === null || m.index + n > to || BLANK_LINE.test(text.slice(i, m.index))) return null;
	return [i, m.index + n];
}
