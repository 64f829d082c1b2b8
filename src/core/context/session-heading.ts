import { parseHeading, type Heading } from './lines';

/** A session heading of the `## Implementation Timeline`, numbered or dated (docs/formats.md, Sessions). */
export interface SessionHeading {
	/** The heading's number; 0 for a heading dated but not numbered (readSessionHeading). */
	number: number;
	/** `YYYY-MM-DD`, or null when the heading has none. */
	date: string | null;
	/** `HH:MM` when the heading carries a time after the date. */
	time: string | null;
	/** Empty when the heading has no title. */
	title: string;
	level: number;
}

const SESSION_TEXT = /^session\s+#?(\d+)(?![\d])\s*(.*)$/i;
// A heading led by a full date, after an optional "Session": `2025-08-20 - Title`, `Session (2025-08-20)`.
const DATED_TEXT = /^(?:session(?![\p{L}\p{N}])[\s:#\-–—|]*)?(?=\(?\d{4}-\d{2}-\d{2}(?!\d))/iu;
const DATE_START = /^\(?(\d{4}-\d{2}-\d{2})(?:[ T]+(\d{1,2}:\d{2}))?\)?/;
const SEPARATORS = /^[\s:\-–—|]+/;

/** `### Session N: YYYY-MM-DD - Title`, tolerating –/—, a missing date or title, extra spaces. */
export function parseSessionHeading(line: string): SessionHeading | null {
	const heading = parseHeading(line);
	if (!heading || heading.level < 2 || heading.level > 3) return null;
	return numberedSession(heading.text, heading.level);
}

/**
 * What parseSessions takes for a session heading: the numbered forms of parseSessionHeading, and
 * headings of hand-kept journals dated but not numbered (number 0): `### 2025-08-20 - Title`,
 * `### Session 2025-08-20: Title`, `## Session (2025-08-20)`. A heading merely mentioning a date
 * (`### Notes 2025-08-20`) or a year (`### 2025 plans`) is not a session.
 */
export function readSessionHeading(line: string): SessionHeading | null {
	const heading = parseHeading(line);
	return heading ? sessionHeadingOf(heading) : null;
}

/** readSessionHeading of a heading already parsed. */
export function sessionHeadingOf(heading: Heading): SessionHeading | null {
	if (heading.level < 2 || heading.level > 3) return null;
	return datedSession(heading.text, heading.level) ?? numberedSession(heading.text, heading.level);
}

function numberedSession(text: string, level: number): SessionHeading | null {
	const m = SESSION_TEXT.exec(text);
	return m ? withDateAndTitle(Number(m[1]), m[2], level) : null;
}

function datedSession(text: string, level: number): SessionHeading | null {
	const m = DATED_TEXT.exec(text);
	return m ? withDateAndTitle(0, text.slice(m[0].length), level) : null;
}

function withDateAndTitle(number: number, after: string, level: number): SessionHeading {
	let rest = after.replace(SEPARATORS, '');
	let date: string | null = null;
	let time: string | null = null;
	const d = DATE_START.exec(rest);
	if (d) {
		date = d[1];
		time = d[2] ?? null;
		rest = rest.slice(d[0].length).replace(SEPARATORS, '');
	}
	return { number, date, time, title: rest.trim(), level };
}
