/**
 * The changes that turn one text into another, as few and as small as a line diff finds them, so
 * an editor applying them moves nothing it need not: a workflow edit often touches two places (a
 * header field at the top, an entry further down) with the person's typing in between.
 */

/** Replace [from, to) of the old text by `insert`; offsets are in the old text. */
export interface TextChange {
	from: number;
	to: number;
	insert: string;
}

/** Past this many changed lines a diff costs more than it saves: one change covers them all. */
const MAX_EDITS = 1000;

/** The changes from `before` to `after`, in order, none overlapping; empty when they are equal. */
export function textChanges(before: string, after: string): TextChange[] {
	if (before === after) return [];
	const a = linesOf(before);
	const b = linesOf(after);
	const hunks = lineHunks(a, b);
	if (!hunks) return [changedRange(before, after)];
	const aStart = starts(a);
	const bStart = starts(b);
	return hunks.map(([a0, a1, b0, b1]) => {
		const inner = changedRange(before.slice(aStart[a0], aStart[a1]), after.slice(bStart[b0], bStart[b1]));
		return { from: aStart[a0] + inner.from, to: aStart[a0] + inner.to, insert: inner.insert };
	});
}

/** The one range of `before` to replace, by `insert`, to get `after`: all but the common prefix and suffix. */
export function changedRange(before: string, after: string): TextChange {
	const shorter = Math.min(before.length, after.length);
	let start = 0;
	while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let end = 0;
	while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
	return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** Lines with their line ends, so joining them gives the text back. */
function linesOf(text: string): string[] {
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Where each line starts, and after the last one the text's length. */
function starts(lines: string[]): number[] {
	const out = [0];
	for (const line of lines) out.push(out[out.length - 1] + line.length);
	return out;
}

/**
 * Myers' shortest edit script over lines, as hunks [a0, a1, b0, b1]: lines a0..a1 of the old text
 * become lines b0..b1 of the new. Null when more than MAX_EDITS lines differ.
 */
function lineHunks(a: string[], b: string[]): [number, number, number, number][] | null {
	const n = a.length;
	const m = b.length;
	const off = n + m + 1;
	const v = new Int32Array(2 * off + 1);
	const trace: Int32Array[] = [];
	for (let d = 0; d <= Math.min(n + m, MAX_EDITS); d++) {
		trace.push(v.slice());
		for (let k = -d; k <= d; k += 2) {
			let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			v[off + k] = x;
			if (x >= n && y >= m) return hunksOf(matches(trace, a, b, off), n, m);
		}
	}
	return null;
}

/** Walks the trace back from the end: the pairs of equal lines the script keeps, in order. */
function matches(trace: Int32Array[], a: string[], b: string[], off: number): [number, number][] {
	let x = a.length;
	let y = b.length;
	const kept: [number, number][] = [];
	for (let d = trace.length - 1; d > 0; d--) {
		const v = trace[d];
		const k = x - y;
		const prevK = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? k + 1 : k - 1;
		const prevX = v[off + prevK];
		const prevY = prevX - prevK;
		while (x > prevX && y > prevY) kept.push([--x, --y]);
		x = prevX;
		y = prevY;
	}
	while (x > 0 && y > 0) kept.push([--x, --y]);
	return kept.reverse();
}

function hunksOf(kept: [number, number][], n: number, m: number): [number, number, number, number][] {
	const hunks: [number, number, number, number][] = [];
	let ai = 0;
	let bi = 0;
	for (const [i, j] of [...kept, [n, m] as [number, number]]) {
		if (i > ai || j > bi) hunks.push([ai, i, bi, j]);
		ai = i + 1;
		bi = j + 1;
	}
	return hunks;
}
