import { minutesBetween } from './duration';
import { plainText } from '../links/link-text';
import { hiddenIn, markLines, visitHeadings, type ScannedLine } from './lines';
import type { Commit } from './journal-commits';
import { readHead, readSession, type IssueRecord, type Session, type SessionEntry, type SessionField, type SessionHead } from './read-session';
import { sessionHeadingOf, type SessionHeading } from './session-heading';

// What reading a session is made of lives beside this file; its names are exported from here too.
export { formatCommit, parseCommitItem, parseLooseCommits, type Commit } from './journal-commits';
export { readSession, type IssueRecord, type Session, type SessionEntry, type SessionField } from './read-session';
export { parseSessionHeading, readSessionHeading, type SessionHeading } from './session-heading';
export { SESSION_SECTION_HEADINGS, sessionSectionKey, type SessionSectionKey } from './session-sections';

/**
 * Sessions of the `## Implementation Timeline`:
 *
 *     ### Session 1: 2025-08-26 - Initial Planning
 *     **Duration**: 2.5 hours
 *     **Participants**: User, Claude
 *     **Status**: completed
 *     **Started**: 2025-08-26 14:30
 *
 *     #### Implementation
 *     - Created [[deliverables/scripts/setup.sh|Setup Script]]
 *
 * All offsets are character offsets into the text given, so callers can make surgical edits.
 */

/**
 * The sessions in [from, to). `accept` may pass over a session heading by its offset (one under a
 * note's Plan or Notes is not a session); scanning goes on inside it.
 *
 * Found from the heading lines alone, and each read only when asked (fields, entries, commits…):
 * the active session of a journal of thousands is the last one, and only it is read. The same
 * rule, reading every line, is parseSessionsByRule (sessions-by-rule.ts), its oracle.
 */
export function parseSessions(text: string, from = 0, to = text.length, accept?: (headingStart: number) => boolean): Session[] {
	const start = Math.max(0, Math.min(from, text.length));
	const end = Math.max(start, Math.min(to, text.length));
	const hidden = hiddenIn(text, start, end);
	// The heading lines, as parallel lists of numbers: a journal of thousands of sessions has
	// hundreds of thousands of headings, and only the sessions' are kept.
	const starts: number[] = [];
	const lineEnds: number[] = [];
	const levels: number[] = [];
	const heads = new Map<number, SessionHeading>();
	visitHeadings(text, start, end, hidden, (h, lineStart, lineEnd) => {
		const session = sessionHeadingOf(h);
		if (session) heads.set(starts.length, session);
		starts.push(lineStart);
		lineEnds.push(lineEnd);
		levels.push(h.level);
	});
	const sessions: Session[] = [];
	for (let k = 0; k < starts.length;) {
		const heading = heads.get(k);
		if (!heading || (accept && !accept(starts[k]))) {
			k++;
			continue;
		}
		let m = k + 1;
		while (m < starts.length && levels[m] > heading.level) m++;
		const sessionStart = starts[k];
		const sessionEnd = m < starts.length ? starts[m] : Math.min(to, text.length);
		// A session without a number follows the one before it.
		const number = heading.number || (sessions.length > 0 ? sessions[sessions.length - 1].number : 0) + 1;
		// Its head ends at its first subsection: the next heading, when that one is still in it.
		const headEnd = k + 1 < m ? starts[k + 1] : sessionEnd;
		sessions.push(new LazySession({ ...heading, number }, sessionStart, lineEnds[k], sessionEnd, (whole) => markLines(text, sessionStart, whole ? sessionEnd : headEnd, hidden)));
		k = m;
	}
	return sessions;
}

/**
 * A session whose heading is read; its head (fields, status, duration) is read from its first
 * lines on first use, the rest (entries, commits, issues) from all its lines when asked for.
 */
class LazySession implements Session {
	readonly number: number;
	readonly time: string | null;
	readonly title: string;
	private headRead: SessionHead | null = null;
	private full: Session | null = null;

	constructor(
		private readonly heading: SessionHeading,
		readonly headingStart: number,
		readonly headingEnd: number,
		readonly end: number,
		/** The session's lines: all of them, or those up to its first subsection. */
		private readonly lines: (whole: boolean) => ScannedLine[],
	) {
		this.number = heading.number;
		this.time = heading.time;
		this.title = heading.title;
	}

	private head(): SessionHead | Session {
		return this.full ?? (this.headRead ??= readHead(this.heading, this.lines(false)));
	}

	private read(): Session {
		return (this.full ??= readSession(this.heading, this.lines(true), this.end));
	}

	get date(): string | null {
		return this.head().date;
	}
	get fields(): Record<string, SessionField> {
		return this.head().fields;
	}
	get fieldsEnd(): number {
		return this.head().fieldsEnd;
	}
	get durationMinutes(): number | null {
		return this.head().durationMinutes;
	}
	get inProgress(): boolean {
		return this.head().inProgress;
	}
	get status(): string | null {
		return this.head().status;
	}
	get contentEnd(): number {
		return this.read().contentEnd;
	}
	get entries(): SessionEntry[] {
		return this.read().entries;
	}
	get commits(): Commit[] {
		return this.read().commits;
	}
	get issues(): IssueRecord[] {
		return this.read().issues;
	}
}

/** Every field of a session as plain data (a LazySession read whole): for comparing and printing. */
export function plainSession(s: Session): Session {
	const { number, date, time, title, headingStart, headingEnd, end, contentEnd, fields, fieldsEnd, durationMinutes, inProgress, status, entries, commits, issues } = s;
	return { number, date, time, title, headingStart, headingEnd, end, contentEnd, fields, fieldsEnd, durationMinutes, inProgress, status, entries, commits, issues };
}

/**
 * The latest thing recorded: the last item of the last session that has items, read as plain
 * text (links become their alias: "Created Health Monitoring"). Work entries are preferred over
 * the Commits and Issues lists, which a session lists last but which only restate the work;
 * a session holding only commits gives its last commit message.
 */
export function lastActivity(sessions: readonly Session[]): string | null {
	for (let s = sessions.length - 1; s >= 0; s--) {
		const session = sessions[s];
		const work = session.entries.filter((e) => e.section !== 'commits' && e.section !== 'issues' && e.items.length > 0);
		if (work.length > 0) return plainText(work[work.length - 1].items[work[work.length - 1].items.length - 1]);
		if (session.commits.length > 0) return session.commits[session.commits.length - 1].message;
		const issue = session.issues[session.issues.length - 1];
		if (issue) return plainText(issue.resolution ?? issue.issue);
	}
	return null;
}

/** An open session's minutes so far: Started to now; its written Duration when it has no readable Started line. */
export function minutesSoFar(session: Session, now: Date): number | null {
	const started = session.fields.started?.value;
	return (started ? minutesBetween(started, now) : null) ?? session.durationMinutes;
}

/** The session being worked in: the last one marked active or whose duration is in progress. */
export function activeSession(sessions: readonly Session[]): Session | null {
	for (let s = sessions.length - 1; s >= 0; s--) {
		if (sessions[s].status === 'active' || sessions[s].inProgress) return sessions[s];
	}
	return null;
}
