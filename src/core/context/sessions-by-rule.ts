import { parseHeading, scanLines, type ScannedLine } from './lines';
import { readSession, readSessionHeading, type Session } from './session';

/**
 * parseSessions' rule written plainly: every line of the range scanned and every session read
 * whole. It makes an object per line, so it is slower on a journal of thousands of sessions; it
 * stays as the oracle parseSessions is property-tested against (tests/core/context).
 */
export function parseSessionsByRule(text: string, from = 0, to = text.length, accept?: (headingStart: number) => boolean): Session[] {
	const lines = scanLines(text, from, to);
	const sessions: Session[] = [];
	let i = 0;
	while (i < lines.length) {
		const line = lines[i];
		const heading = line.inFence ? null : readSessionHeading(line.text);
		if (!heading || (accept && !accept(line.start))) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < lines.length && !endsSession(lines[j], heading.level)) j++;
		// A session without a number follows the one before it.
		const number = heading.number || (sessions.length > 0 ? sessions[sessions.length - 1].number : 0) + 1;
		sessions.push(readSession({ ...heading, number }, lines.slice(i, j), j < lines.length ? lines[j].start : Math.min(to, text.length)));
		i = j;
	}
	return sessions;
}

function endsSession(line: ScannedLine, level: number): boolean {
	if (line.inFence) return false;
	const h = parseHeading(line.text);
	return h !== null && h.level <= level;
}
