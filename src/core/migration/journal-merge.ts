import { parseHeading } from '../context/lines';
import { readSessionHeading, type SessionHeading } from '../context/session';
import { basename } from '../files/paths';
import { findFencedBlocks, isInRanges } from '../markdown/code-ranges';
import { detectEol, withEol } from '../markdown/eol';
import { bodyStart } from '../markdown/frontmatter-bounds';
import { findSection, flattenSections, parseSections } from '../markdown/sections';
import { appendToSection } from '../markdown/section-edits';
import { applyEdits } from '../markdown/text-edit';
import { readHeaderFields } from '../metadata/header-lines';
import { CONTEXT_SECTION_ORDER } from '../templates/context-template';
import { sessionBounds, type SessionBounds } from './session-bounds';
import { firstTitleHeading } from './spec-title';

const NUMBERED_SESSION = /^[ \t]{0,3}#{2,3}[ \t]+(session[ \t]+#?)\d+/i;
const DATE = /\d{4}-\d{2}-\d{2}/;

/** A context with a journal appended, and the numbers its sessions got there. */
export interface MergedJournal {
	text: string;
	sessions: number[];
}

/**
 * Appends a journal kept apart to a context file that already exists, as sessions of its
 * `## Implementation Timeline` (created at the end when missing): the journal's own sessions,
 * renumbered to follow the context's, or, when it has none, its whole body as one session dated
 * from its file name. Nothing of the journal is left out; its headings above session level are
 * pushed down so they stay inside the session. The note under it names the journal's old path,
 * as a link to `keptLink` (the kept original) when given, so a reader is one tap from it.
 */
export function appendJournal(contextText: string, journalText: string, journalPath: string, keptLink: string | null = null): MergedJournal {
	const eol = detectEol(contextText);
	const existing = sessionBounds(contextText);
	const first = existing.reduce((n, s) => Math.max(n, s.number), 0) + 1;
	// Sessions join the context's at the level its own sit at: `### Session N` by default.
	const last = existing[existing.length - 1];
	const level = last ? (readSessionHeading(lineAt(contextText, last.headingStart))?.level ?? 3) : 3;
	const sessions = sessionBounds(journalText);
	let next = first;
	let block: string;
	if (sessions.length > 0) {
		block = sessionsBlock(journalText, sessions, first, level);
		next += sessions.length;
	} else {
		const date = journalDateOf(journalPath);
		const body = journalText
			.slice(bodyStart(journalText))
			.split(/\r?\n/)
			.filter((line, i, all) => !(line.startsWith('# ') && all.findIndex((l) => l.startsWith('# ')) === i))
			.map((line) => (/^#{1,3}[ \t]/.test(line) ? `####${line.replace(/^#+/, '')}` : line))
			.join('\n')
			.trim();
		block = `${'#'.repeat(level)} Session ${next++}: ${date === '' ? '' : `${date} - `}${journalTitle(journalText, journalPath, date)}\n\n${body}`;
	}
	const numbers = Array.from({ length: next - first }, (_, i) => first + i);
	const note = `*Merged from ${keptLink ?? `\`${journalPath}\``} during the migration to the new layout.*`;
	const lines = `\n${block}\n\n${note}\n`;
	const timeline = findSection(parseSections(contextText), ['Implementation Timeline']);
	if (timeline) return { text: applyEdits(contextText, [appendToSection(contextText, timeline, lines)]), sessions: numbers };
	const trailing = /(\r?\n)*$/.exec(contextText)?.[0] ?? '';
	const head = contextText.slice(0, contextText.length - trailing.length);
	return { text: `${head}${eol}${eol}## Implementation Timeline${eol}${lines.replace(/\n/g, eol)}`, sessions: numbers };
}

/**
 * The journal's sessions, from the first heading to the end of the last, each heading numbered
 * from `first` at `level` (`## Session (2025-08-26)` → `### Session 2: 2025-08-26`). Every other
 * heading outside code keeps its level when below the sessions' (`#### Commits` stays a session's
 * Commits), else goes just below it, so a `## Findings` between sessions never ends the timeline.
 * Line ends become `\n`.
 */
function sessionsBlock(text: string, sessions: SessionBounds[], first: number, level: number): string {
	const fences = findFencedBlocks(text);
	const starts = new Map(sessions.map((s, i) => [s.headingStart, first + i] as const));
	const end = sessions[sessions.length - 1].end;
	const out: string[] = [];
	for (let at = sessions[0].headingStart; at < end;) {
		const nl = text.indexOf('\n', at);
		const lineEnd = nl < 0 || nl >= end ? end : nl;
		const line = text.slice(at, lineEnd).replace(/\r$/, '');
		const number = starts.get(at);
		const heading = number === undefined ? null : readSessionHeading(line);
		if (number !== undefined && heading) {
			out.push(`${'#'.repeat(level)} ${sessionHeadingText(line, heading, number)}`);
		} else {
			const other = isInRanges(fences, at) ? null : parseHeading(line);
			out.push(other ? `${'#'.repeat(Math.max(other.level, level + 1))}${line.replace(/^[ \t]*#+/, '')}` : line);
		}
		at = lineEnd + 1;
	}
	return out.join('\n').trimEnd();
}

/** A numbered heading keeps its words with the new number; a dated one is written as `Session N: date - title`. */
function sessionHeadingText(line: string, heading: SessionHeading, number: number): string {
	const numbered = NUMBERED_SESSION.exec(line);
	if (numbered && heading.number > 0) return `${numbered[1]}${number}${line.slice(numbered[0].length)}`.replace(/[ \t]+#*[ \t]*$/, '');
	const date = heading.date === null ? '' : `: ${heading.date}${heading.time === null ? '' : ` ${heading.time}`}`;
	return `Session ${number}${date}${heading.title === '' ? '' : ` - ${heading.title}`}`;
}

function lineAt(text: string, start: number): string {
	const nl = text.indexOf('\n', start);
	return text.slice(start, nl < 0 ? text.length : nl).replace(/\r$/, '');
}

function journalDateOf(path: string): string {
	return DATE.exec(basename(path))?.[0] ?? '';
}

/** A session's title from the journal's heading, or its file name, without the date it is dated by. */
function journalTitle(text: string, path: string, date: string): string {
	const name = basename(path).replace(/(\.context)?\.md$/i, '');
	return withoutDate(firstTitleHeading(text) ?? name, date, name);
}

/** Sections a context keeps outside its timeline: a journal's own work ends where one starts. */
const CONTEXT_SECTIONS = new Set(CONTEXT_SECTION_ORDER.map((name) => name.toLowerCase()));
// `**Name**: value` lines, as header lines or bullets.
const FIELD_LINE = /^[ \t]{0,3}(?:[-*+][ \t]+)?\*\*[^*\n]+?(?::\*\*|\*\*[ \t]*:)/;

/**
 * A dated journal (a date in its name or a `**Date**:` line) that becomes a spec's context with no
 * session in it: its work — what follows its title and header lines, up to the first section a
 * context keeps apart (`## Plan`, `## Deliverables`…) — becomes Session 1 of an
 * `## Implementation Timeline`, so status and resume count it. Only lines are added, and the
 * work's own headings pushed below the session's; a journal with a timeline, sessions, no date or
 * no work is returned as it is.
 */
export function journalAsSession(text: string, path: string): string {
	if (sessionBounds(text).length > 0) return text;
	const date = journalDateOf(path) || (DATE.exec(readHeaderFields(text).get('date')?.value ?? '')?.[0] ?? '');
	if (date === '') return text;
	const sections = flattenSections(parseSections(text)).filter((s) => s.level >= 1);
	if (sections.some((s) => s.title.toLowerCase() === 'implementation timeline')) return text;
	const start = workStart(text);
	const kept = sections.find((s) => s.level <= 2 && s.headingStart >= start && CONTEXT_SECTIONS.has(s.title.toLowerCase()));
	const end = kept ? kept.headingStart : text.length;
	const work = text.slice(start, end);
	if (work.trim() === '') return text;
	const eol = detectEol(text);
	// The work's own headings outside code: below the session's.
	const fences = findFencedBlocks(text);
	const pushed = work.replace(/^[ \t]{0,3}#{1,3}(?=[ \t])/gm, (hashes: string, offset: number) => (isInRanges(fences, start + offset) ? hashes : '####'));
	const gap = start > 0 && !/\n[ \t]*\r?\n$/.test(text.slice(0, start)) && text.slice(0, start).trim() !== '' ? eol : '';
	const heading = withEol(`## Implementation Timeline\n\n### Session 1: ${date} - ${journalTitle(text, path, date)}\n\n`, eol);
	const tail = kept && !/\n[ \t]*\r?\n$/.test(pushed) ? eol : '';
	return text.slice(0, start) + gap + heading + pushed.replace(/^(?:[ \t]*\r?\n)+/, '') + tail + text.slice(end);
}

/** Where a journal's work starts: after its frontmatter, its `# ` title, and the header lines and blank lines under it. */
function workStart(text: string): number {
	let at = bodyStart(text);
	let titled = false;
	while (at < text.length) {
		const nl = text.indexOf('\n', at);
		const next = nl < 0 ? text.length : nl + 1;
		const line = text.slice(at, next).replace(/\r?\n$/, '');
		const title = !titled && /^#[ \t]/.test(line);
		if (title) titled = true;
		else if (line.trim() !== '' && !FIELD_LINE.test(line)) return at;
		at = next;
	}
	return at;
}

/**
 * `Tuning - 2025-08-22` → `Tuning`: the session heading shows the date once, before the title.
 * A title that is only the date takes the file's name without it (`2025-08-22-standup` →
 * `standup`), else "Merged journal": `2025-08-22 - 2025-08-22` says nothing.
 */
function withoutDate(title: string, date: string, name: string): string {
	if (date === '' || !title.includes(date)) return title;
	const rest = dropDate(title, date);
	if (rest !== '') return rest;
	return (name.includes(date) ? dropDate(name, date) : '') || 'Merged journal';
}

function dropDate(text: string, date: string): string {
	return text
		.replace(date, ' ')
		.replace(/^[\s\-–—:,._]+|[\s\-–—:,._]+$/g, '')
		.replace(/\s{2,}/g, ' ');
}
