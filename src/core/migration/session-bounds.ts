import { parseHeading, scanLines } from '../context/lines';
import { parseSessionHeading } from '../context/session';

/** Where a session is, and its number: all that merging a journal needs of it. */
export interface SessionBounds {
	number: number;
	headingStart: number;
	end: number;
}

/**
 * The sessions parseSessions finds, found as it finds them (a session heading outside code, up to
 * the next heading of its level or above), without reading their fields, entries and commits.
 */
export function sessionBounds(text: string): SessionBounds[] {
	const lines = scanLines(text);
	const out: SessionBounds[] = [];
	let i = 0;
	while (i < lines.length) {
		const heading = lines[i].inFence ? null : parseSessionHeading(lines[i].text);
		if (!heading) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < lines.length && !endsSession(lines[j].inFence, lines[j].text, heading.level)) j++;
		out.push({ number: heading.number, headingStart: lines[i].start, end: j < lines.length ? lines[j].start : text.length });
		i = j;
	}
	return out;
}

function endsSession(inFence: boolean, line: string, level: number): boolean {
	if (inFence) return false;
	const h = parseHeading(line);
	return h !== null && h.level <= level;
}
