import { normalizeSessionStatus } from '../metadata/status';
import { minutesBetween, parseDuration } from './duration';
import { plainText } from '../links/link-text';
import { contentEndOf, hiddenIn, markLines, parseHeading, parseListItem, scanLines, visitHeadings, type Heading, type ScannedLine } from './lines';

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
function sessionHeadingOf(heading: Heading): SessionHeading | null {
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

export interface SessionField {
	/** The name as written (`Duration`). */
	name: string;
	/** The value, without the trailing hard-break spaces. */
	value: string;
	lineStart: number;
	/** End of the line's content (before its line end). */
	lineEnd: number;
	/** The value's own offsets: replacing [valueStart, valueEnd) keeps the `**Name**: ` and the hard break. */
	valueStart: number;
	valueEnd: number;
}

export interface SessionEntry {
	/**
	 * `planning`, `changes`, `implementation`, `testing`, `commits`, `issues`, or a slug of the
	 * heading; `notes` (with an empty heading) for items written before any subsection.
	 */
	section: string;
	/** The heading text as written (`Issues & Resolutions`). */
	heading: string;
	headingStart: number;
	/** Just past the heading line. */
	start: number;
	/** Next heading of this level or higher, or the session's end. */
	end: number;
	/** Just past the last non-blank line: where a new item is appended. */
	contentEnd: number;
	/** Top-level list items, without their bullet. */
	items: string[];
}

export interface Commit {
	hash: string;
	message: string;
	lineStart: number;
	lineEnd: number;
}

export interface IssueRecord {
	issue: string;
	resolution: string | null;
	commit: string | null;
	lineStart: number;
}


export interface Session {
	number: number;
	date: string | null;
	time: string | null;
	title: string;
	headingStart: number;
	/** Just past the heading line. */
	headingEnd: number;
	/** Next session heading, or a heading of the session's level or higher, or the range end. */
	end: number;
	/** Just past the session's last non-blank line. */
	contentEnd: number;
	/** Field lines (`**Duration**: 2.5 hours`) before the first subsection, keyed by lowercased name. */
	fields: Record<string, SessionField>;
	/** Just past the last field line (the heading's end when there are none): where a new field goes. */
	fieldsEnd: number;
	durationMinutes: number | null;
	/** The Duration field says the session is still running. */
	inProgress: boolean;
	/** A SessionStatus when recognised, otherwise the value as written; null without a Status field. */
	status: string | null;
	entries: SessionEntry[];
	commits: Commit[];
	issues: IssueRecord[];
}

/** Canonical subsection headings by section key, in the seed's order. */
export const SESSION_SECTION_HEADINGS = {
	planning: 'Planning',
	changes: 'Changes to Spec',
	implementation: 'Implementation',
	testing: 'Testing',
	commits: 'Commits',
	issues: 'Issues & Resolutions',
} as const;

export type SessionSectionKey = keyof typeof SESSION_SECTION_HEADINGS;

const SECTION_SYNONYMS: Record<string, SessionSectionKey> = {
	planning: 'planning',
	plan: 'planning',
	'changes to spec': 'changes',
	'spec changes': 'changes',
	changes: 'changes',
	implementation: 'implementation',
	implemented: 'implementation',
	testing: 'testing',
	tests: 'testing',
	'test results': 'testing',
	commits: 'commits',
	commit: 'commits',
	'issues and resolutions': 'issues',
	'issues': 'issues',
	'problems': 'issues',
};

/** The section key of a `####` heading: a known section or a slug of the heading. */
export function sessionSectionKey(heading: string): string {
	const norm = heading.toLowerCase().replace(/&/g, 'and').replace(/[:\s]+$/, '').replace(/\s+/g, ' ').trim();
	return SECTION_SYNONYMS[norm] ?? slug(norm);
}

function slug(s: string): string {
	return s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

const FIELD = /^([ \t]*(?:[-*+][ \t]+)?\*\*([^*\n]+?)(:?)\*\*([ \t]*:)?[ \t]*)(.*)$/;

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
	for (let k = 0; k < starts.length; ) {
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

/** What a session's lines before its first subsection hold: its field lines, and loose items. */
interface SessionHead {
	fields: Record<string, SessionField>;
	fieldsEnd: number;
	/** Items (and the lines after the first) written before any subsection. */
	loose: ScannedLine[];
	/** The index of the first subsection's heading line (or the lines' length). */
	k: number;
	date: string | null;
	durationMinutes: number | null;
	inProgress: boolean;
	status: string | null;
}

/** The head of a session from its lines, the first its heading's; they may stop at its first subsection. */
function readHead(heading: SessionHeading, lines: ScannedLine[]): SessionHead {
	const fields: Record<string, SessionField> = {};
	let fieldsEnd = lines[0].end;
	let k = 1;
	// Lines before the first subsection: header fields, and any loose items written without one.
	const loose: ScannedLine[] = [];
	for (; k < lines.length; k++) {
		const line = lines[k];
		if (!line.inFence && parseHeading(line.text)) break;
		const f = line.inFence ? null : readField(line);
		if (!f) {
			if (loose.length > 0 || parseListItem(line.text)) loose.push(line);
			continue;
		}
		const key = f.name.toLowerCase();
		if (!(key in fields)) fields[key] = f;
		fieldsEnd = line.end;
	}
	const duration = fields.duration ? parseDuration(fields.duration.value) : { minutes: null, inProgress: false };
	return {
		fields,
		fieldsEnd,
		loose,
		k,
		// Journals kept by hand date a session in a `- **Date**: 2025-08-20` line instead of its heading.
		date: heading.date ?? dateIn(fields.date?.value),
		durationMinutes: duration.minutes,
		inProgress: duration.inProgress,
		status: fields.status ? sessionStatusText(fields.status.value) : null,
	};
}

/** A session read from its lines, the first its heading's; `end` where it ends (parseSessions). */
export function readSession(heading: SessionHeading, lines: ScannedLine[], end: number): Session {
	const head = lines[0];
	const { fields, fieldsEnd, loose, k, date, durationMinutes, inProgress, status } = readHead(heading, lines);
	const read = readEntries(lines.slice(k), end, heading.level);
	const looseItems = topLevelItems(loose);
	if (looseItems.length > 0) {
		// Journals written without `####` subsections still have entries: a heading-less `notes` one.
		const stop = k < lines.length ? lines[k].start : end;
		const first = loose[0].start;
		read.unshift({ entry: { section: 'notes', heading: '', headingStart: first, start: first, end: stop, contentEnd: contentEndOf(loose, first), items: looseItems }, body: loose });
	}
	const entries = read.map((r) => r.entry);
	const commits: Commit[] = [];
	const issues: IssueRecord[] = [];
	for (const { entry, body } of read) {
		const code = body.filter((l) => !l.inFence);
		if (entry.section === 'commits') commits.push(...readCommits(code));
		if (entry.section === 'issues') issues.push(...readIssues(code));
	}
	return {
		number: heading.number,
		date,
		time: heading.time,
		title: heading.title,
		headingStart: head.start,
		headingEnd: head.end,
		end,
		contentEnd: contentEndOf(lines, head.start),
		fields,
		fieldsEnd,
		durationMinutes,
		inProgress,
		status,
		entries,
		commits,
		issues,
	};
}

function dateIn(value: string | undefined): string | null {
	return value === undefined ? null : (/(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(value)?.[1] ?? null);
}

function readField(line: ScannedLine): SessionField | null {
	const m = FIELD.exec(line.text);
	// The colon may sit inside the bold (`**Duration:**`) or after it (`**Duration**:`).
	if (!m || (m[3] === '' && m[4] === undefined)) return null;
	const value = m[5].replace(/\s+$/, '');
	const valueStart = line.start + m[1].length;
	return {
		name: m[2].trim(),
		value,
		lineStart: line.start,
		lineEnd: line.start + line.text.length,
		valueStart,
		valueEnd: valueStart + value.length,
	};
}

function readEntries(lines: ScannedLine[], end: number, sessionLevel: number): { entry: SessionEntry; body: ScannedLine[] }[] {
	const entries: { entry: SessionEntry; body: ScannedLine[] }[] = [];
	let current: { heading: string; level: number; line: ScannedLine; body: ScannedLine[] } | null = null;
	const close = (stop: number) => {
		if (!current) return;
		const entry: SessionEntry = {
			section: sessionSectionKey(current.heading),
			heading: current.heading,
			headingStart: current.line.start,
			start: current.line.end,
			end: stop,
			contentEnd: contentEndOf(current.body, current.line.end),
			items: topLevelItems(current.body),
		};
		entries.push({ entry, body: current.body });
		current = null;
	};
	for (const line of lines) {
		const h = line.inFence ? null : parseHeading(line.text);
		// A subsection ends at the next heading of its own level or higher (deeper ones belong to it).
		if (h && h.level > sessionLevel && (current === null || h.level <= current.level)) {
			close(line.start);
			current = { heading: h.text, level: h.level, line, body: [] };
		} else if (current) {
			current.body.push(line);
		}
	}
	close(end);
	return entries;
}

function topLevelItems(lines: ScannedLine[]): string[] {
	const items: { indent: number; text: string }[] = [];
	for (const line of lines) {
		if (line.inFence) continue;
		const item = parseListItem(line.text);
		if (item) items.push({ indent: item.indent, text: item.content.trim() });
	}
	// A loop, not Math.min(...spread), which overflows the stack on very long lists.
	let top = Infinity;
	for (const x of items) top = Math.min(top, x.indent);
	return items.filter((x) => x.indent === top).map((x) => x.text);
}

const COMMIT_FORMS: RegExp[] = [
	// `hash`: message, `hash` - message, `hash` message
	/^`([^`\s]{4,64})`[ \t]*(?:[:\-–—][ \t]*)?(.*)$/,
	// [hash](url): message
	/^\[`?([0-9A-Za-z]{4,64})`?\]\([^)]*\)[ \t]*(?:[:\-–—][ \t]*)?(.*)$/,
	// hash: message, hash - message
	/^([0-9A-Za-z]{4,64})[ \t]*(?::|[ \t][-–—])[ \t]*(.+)$/,
	// hash message, or a hash alone (as `git log --oneline` prints them)
	/^([0-9a-f]{7,40})(?:[ \t]+(.+))?$/i,
];

/** A commit item (`` `a1b2c3d`: message ``, `a1b2c3d: message`, `` `a1b2c3d` - message ``, `a1b2c3d message`), or null. */
export function parseCommitItem(content: string): { hash: string; message: string } | null {
	const s = content.trim();
	for (let f = 0; f < COMMIT_FORMS.length; f++) {
		const m = COMMIT_FORMS[f].exec(s);
		if (!m) continue;
		// A bare word is a hash only when it looks like one: hex, or letters mixed with digits.
		if (f === 2 && !/^[0-9a-f]+$/i.test(m[1]) && !/\d/.test(m[1])) continue;
		// Without a separator the word must hold a digit: `deadbeef is a word` is prose.
		if (f === 3 && !/\d/.test(m[1])) continue;
		return { hash: m[1], message: unquote((m[2] ?? '').trim()) };
	}
	return null;
}

function unquote(s: string): string {
	const m = /^"(.*)"$/.exec(s) ?? /^“(.*)”$/.exec(s);
	return m ? m[1] : s;
}

function readCommits(lines: ScannedLine[]): Commit[] {
	const commits: Commit[] = [];
	for (const line of lines) {
		const item = parseListItem(line.text);
		if (!item) continue;
		const c = parseCommitItem(item.content);
		if (c) commits.push({ ...c, lineStart: line.start, lineEnd: line.start + line.text.length });
	}
	return commits;
}

const COMMITS_HEADING = /^(?:git\s+)?commits?(?:\s+(?:log|history|list|made))?$/i;

/**
 * Commits listed under a `## Commits` (or `### Commits`, `Commit History`…) heading that belongs
 * to no session: the list a journal kept without sessions has. The sessions given are the file's,
 * so a session's own Commits subsection is left to it.
 */
export function parseLooseCommits(text: string, sessions: readonly Session[]): Commit[] {
	const commits: Commit[] = [];
	let listLevel = 0;
	for (const line of scanLines(text)) {
		if (line.inFence) continue;
		const h = parseHeading(line.text);
		if (h) {
			if (listLevel > 0 && h.level > listLevel) continue;
			const title = h.text.replace(/^[^\p{L}]+/u, '').replace(/[:\s]+$/, '');
			listLevel = COMMITS_HEADING.test(title) && !sessions.some((s) => s.headingStart <= line.start && line.start < s.end) ? h.level : 0;
			continue;
		}
		if (listLevel > 0) commits.push(...readCommits([line]));
	}
	return commits;
}

const ISSUE_LINE = /^[ \t]*(?:[-*+][ \t]+)?\*\*(issue|problem|resolution|solution|fix|commit)(?::\*\*|\*\*[ \t]*:?)[ \t]*(.*)$/i;

function readIssues(lines: ScannedLine[]): IssueRecord[] {
	const issues: IssueRecord[] = [];
	let current: IssueRecord | null = null;
	for (const line of lines) {
		const m = ISSUE_LINE.exec(line.text);
		if (!m) continue;
		const kind = m[1].toLowerCase();
		const value = m[2].trim();
		if (kind === 'issue' || kind === 'problem' || current === null) {
			current = { issue: '', resolution: null, commit: null, lineStart: line.start };
			issues.push(current);
		}
		if (kind === 'issue' || kind === 'problem') current.issue = value;
		else if (kind === 'commit') current.commit = value.replace(/`/g, '').trim();
		else current.resolution = value;
	}
	return issues;
}

/**
 * The latest thing recorded: the last item of the last session that has items, read as plain
 * text (links become their alias: "Created Health Monitoring"). Work entries are preferred over
 * the Commits and Issues lists, which the seed's order puts last but which only restate the work;
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

/** Canonical commit line: ``- `a1b2c3d`: message``. */
export function formatCommit(hash: string, message: string): string {
	return `- \`${hash.trim()}\`: ${message.trim()}`;
}

/** A SessionStatus when recognised (`Done` → `completed`), otherwise the value as written. */
function sessionStatusText(value: string): string {
	const reading = normalizeSessionStatus(value);
	return reading.status ?? reading.raw.trim();
}
