import { normalizeSessionStatus } from '../metadata/status';
import { parseDuration } from './duration';
import { readCommits, type Commit } from './journal-commits';
import { contentEndOf, parseHeading, parseListItem, type ScannedLine } from './lines';
import type { SessionHeading } from './session-heading';
import { sessionSectionKey } from './session-sections';

/**
 * A session read from its lines: its field lines, its subsections' items, its commits and issues.
 * All offsets are character offsets into the journal, so callers can make surgical edits.
 */

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

const FIELD = /^([ \t]*(?:[-*+][ \t]+)?\*\*([^*\n]+?)(:?)\*\*([ \t]*::?)?[ \t]*)(.*)$/;

/** What a session's lines before its first subsection hold: its field lines, and loose items. */
export interface SessionHead {
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
export function readHead(heading: SessionHeading, lines: ScannedLine[]): SessionHead {
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
		read.unshift({
			entry: { section: 'notes', heading: '', headingStart: first, start: first, end: stop, contentEnd: contentEndOf(loose, first), items: looseItems },
			body: loose,
		});
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

const ISSUE_LINE = /^[ \t]*(?:[-*+][ \t]+)?\*\*(issue|problem|resolution|solution|fix|commit)(?::\*\*|\*\*[ \t]*(?:::?)?)[ \t]*(.*)$/i;

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

/** A SessionStatus when recognised (`Done` → `completed`), otherwise the value as written. */
function sessionStatusText(value: string): string {
	const reading = normalizeSessionStatus(value);
	return reading.status ?? reading.raw.trim();
}
