import { parseHeading } from '../context/lines';
import { readSessionHeading } from '../context/session';
import { findFencedBlocks } from '../markdown/code-ranges';

/** Where a session is, and its number: all that merging a journal needs of it. */
export interface SessionBounds {
	number: number;
	headingStart: number;
	end: number;
}

/**
 * The sessions parseSessions finds, found as it finds them (a session heading outside code, up to
 * the next heading of its level or above), without reading their fields, entries and commits,
 * and without a line object per line: only lines with a `#` in their first four characters (the
 * only ones parseHeading reads as headings) are cut out of the text.
 */
export function sessionBounds(text: string): SessionBounds[] {
	const fences = findFencedBlocks(text);
	const out: SessionBounds[] = [];
	let open: { number: number; level: number; headingStart: number } | null = null;
	let f = 0;
	let start = 0;
	while (start < text.length) {
		const nl = text.indexOf('\n', start);
		const contentEnd = nl < 0 ? text.length : nl;
		const end = nl < 0 ? text.length : nl + 1;
		while (f < fences.length && fences[f][1] <= start) f++;
		const inFence = f < fences.length && fences[f][0] <= start;
		if (!inFence && hashNearStart(text, start, contentEnd)) {
			const raw = text.slice(start, contentEnd);
			const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
			if (open !== null) {
				const h = parseHeading(line);
				if (h !== null && h.level <= open.level) {
					out.push({ number: open.number, headingStart: open.headingStart, end: start });
					open = null;
				}
			}
			if (open === null) {
				const heading = readSessionHeading(line);
				// A dated session without a number follows the one before it, as parseSessions numbers it.
				const number = heading ? heading.number || (out.length > 0 ? out[out.length - 1].number : 0) + 1 : 0;
				if (heading) open = { number, level: heading.level, headingStart: start };
			}
		}
		start = end;
	}
	if (open !== null) out.push({ number: open.number, headingStart: open.headingStart, end: text.length });
	return out;
}

function hashNearStart(text: string, start: number, end: number): boolean {
	for (let i = start; i < start + 4 && i < end; i++) if (text.charCodeAt(i) === 35) return true;
	return false;
}
