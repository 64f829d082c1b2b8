import type { TextEdit } from '../markdown/text-edit';

/** Edits sorted by position, dropping any that would overlap the one before (never expected). */
export function disjoint(edits: TextEdit[]): TextEdit[] {
	const sorted = inOrder(edits, (a, b) => a.start - b.start || a.end - b.end);
	const out: TextEdit[] = [];
	for (const e of sorted) {
		const last = out[out.length - 1];
		if (last && e.start < last.end) continue;
		out.push(e);
	}
	return out;
}

/**
 * A stable sort's result without sorting when the items are in order already, as a file's links
 * nearly always are (a sort call costs more than the few items it would move).
 */
export function inOrder<T>(items: T[], compare: (a: T, b: T) => number): T[] {
	for (let i = 1; i < items.length; i++) if (compare(items[i - 1], items[i]) > 0) return [...items].sort(compare);
	return items;
}
