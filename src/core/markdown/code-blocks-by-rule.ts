import { splitLines } from './eol';
import { fenceStep, type OpenBlock, type Range } from './code-ranges';

/**
 * The rules of code-ranges.ts written plainly: line by line, with regular expressions. They slice
 * every line, so they are slower; they stay as the oracles the fast scanners are property-tested
 * against (tests/core/markdown/code-ranges.property.test.ts).
 */

/**
 * findFencedBlocks' rule written plainly, line by line with regular expressions. It slices every
 * line, so it is slower; it stays as the oracle findFencedBlocks is property-tested against.
 */
export function fencedBlocksByRule(text: string, from = 0): Range[] {
	return blocksByRule(text, from, false);
}

/** findCodeBlocks' rule written plainly, its oracle as fencedBlocksByRule is findFencedBlocks'. */
export function codeBlocksByRule(text: string, from = 0): Range[] {
	return blocksByRule(text, from, true);
}

function blocksByRule(text: string, from: number, indented: boolean): Range[] {
	const blocks: Range[] = [];
	let open: OpenBlock | null = null;
	let code: { start: number; end: number; column: number; quotes: number } | null = null;
	let items: number[] = [];
	let itemQuotes = 0;
	let afterText = false;
	let blankQuotes = 0;
	for (const line of splitLines(text, from)) {
		if (open !== null) {
			const inner = unquote(line.text, open.quotes);
			const stays = inner.quotes === open.quotes && (inner.body === '' || inner.indent >= open.column);
			if (stays) {
				const mayClose = inner.body !== '' && (open.column > 0 || inner.indent <= 3);
				if (mayClose && fenceStep(inner.body, open) === null) {
					blocks.push([open.start, line.end]);
					open = null;
					afterText = false;
				}
				blankQuotes = -1;
				continue;
			}
			blocks.push([open.start, line.start]);
			open = null;
		}
		const { quotes, rest, body, indent } = unquote(line.text, Infinity);
		if (quotes !== itemQuotes) items = [];
		itemQuotes = quotes;
		if (body === '') {
			afterText = false;
			blankQuotes = quotes;
			continue;
		}
		const afterBlank = blankQuotes === quotes;
		blankQuotes = -1;
		const fence = fenceStep(body, null);
		const marker = fence === null ? /^([ \t]*(?:[-+*]|\d{1,9}[.)]))([ \t]*)([\s\S]*)$/.exec(rest) : null;
		const isMarker = marker !== null && (marker[2] !== '' || marker[3] === '');
		if (fence !== null || isMarker || /^#{1,6}(?:[ \t]|$)/.test(body) || !afterText) items = items.filter((c) => c <= indent);
		const column = items.length > 0 ? items[items.length - 1] : 0;
		const opens = fence !== null && (indent <= 3 || items.length > 0);
		if (indented) {
			const goesOn = code !== null && !opens && quotes === code.quotes && indent >= code.column;
			if (code !== null && goesOn) code.end = line.end;
			else {
				if (code !== null) blocks.push([code.start, code.end]);
				code = !opens && afterBlank && indent - column >= 4 ? { start: line.start, end: line.end, column: column + 4, quotes } : null;
			}
		}
		if (opens) {
			open = { ...fence, column: indent <= 3 ? 0 : column, quotes, start: line.start };
			afterText = false;
			continue;
		}
		if (marker !== null && isMarker && indent - column <= 3) {
			const markerColumn = columns(marker[1]);
			const textColumn = columns(marker[1] + marker[2]);
			items.push(marker[3] === '' || textColumn - markerColumn >= 5 ? markerColumn + 1 : textColumn);
		}
		afterText = true;
	}
	if (open !== null) blocks.push([open.start, text.length]);
	if (code !== null) blocks.push([code.start, code.end]);
	return blocks;
}

/** A line with up to `max` quote markers taken off: how many, the rest, the rest from its first non-blank character, and that character's column. */
function unquote(line: string, max: number): { quotes: number; rest: string; body: string; indent: number } {
	let rest = line;
	let quotes = 0;
	for (let m = /^ {0,3}> ?/.exec(rest); m !== null && quotes < max; m = /^ {0,3}> ?/.exec(rest)) {
		rest = rest.slice(m[0].length);
		quotes++;
	}
	const body = rest.replace(/^[ \t]*/, '');
	return { quotes, rest, body, indent: columns(rest.slice(0, rest.length - body.length)) };
}

/** The column after `s`, where a tab stops at the next multiple of 4 and any other character takes one. */
function columns(s: string): number {
	let column = 0;
	for (const ch of s) column += ch === '\t' ? 4 - (column % 4) : 1;
	return column;
}
