import { readContextFile, type ContextFile } from '../context/context-file';
import { CONTEXT_MATCHERS, logMatcher, type ContextSectionName } from '../context/journal-sections';
import { activeSession, readSessionHeading, SESSION_SECTION_HEADINGS, sessionSectionKey, type Session, type SessionSectionKey } from '../context/session';
import type { Spec } from '../index/spec';
import { fenceAfter, type Fence } from '../markdown/code-ranges';
import { detectEol } from '../markdown/eol';
import { appendToSection, ensureSection } from '../markdown/section-edits';
import { matchesSection, parseSections, sectionStartingAt, type Section, type SectionMatcher } from '../markdown/sections';
import { applyEdits, isBlankLine, lineAt, type TextEdit } from '../markdown/text-edit';
import { readSpecMetadata } from '../metadata/spec-metadata';
import { normalizeStatus } from '../metadata/status';
import { CONTEXT_SECTION_ORDER, SESSION_SUBSECTION_ORDER } from '../templates/context-template';
import { ChangeSet } from '../workspace/file-changes';
import { ensureNoteSection, type Placement } from './note-sections';
import { requireOwnContext } from './context-ownership';
import { WorkflowError } from '../workspace/workflow-error';
import { Workspace } from '../workspace/workspace';
import { withoutControls } from './user-text';

/*
 * Small edits the session operations (start, log, task, finish) share. Each takes a context
 * file's text and returns the edited text, touching only the section it means to change.
 */

export type { ContextSectionName };

// For placing a section: a hand-kept journal's log (`## Work Log`) and its `##` session headings
// stand where the timeline would, so Deliverables or Metrics go after its sessions.
const TIMELINE_AT = CONTEXT_SECTION_ORDER.indexOf('Implementation Timeline');
const PLACE_MATCHERS: SectionMatcher[] = CONTEXT_MATCHERS.map((m, i) =>
	i === TIMELINE_AT ? (s: Section) => matchesSection(s, m) || logMatcher(s) || readSessionHeading(`## ${s.title}`) !== null : m,
);

/** Where a context section goes when missing, and how it is recognised. */
export function contextSectionPlace(name: ContextSectionName): Placement & { match: SectionMatcher } {
	const i = CONTEXT_SECTION_ORDER.indexOf(name);
	return { after: PLACE_MATCHERS.slice(0, i), before: PLACE_MATCHERS.slice(i + 1), match: CONTEXT_MATCHERS[i] };
}

/** The context section, created empty (or with `content`) at its canonical place when missing. */
export function ensureContextSection(text: string, path: string, name: ContextSectionName, content?: string): { text: string; section: Section; created: boolean } {
	return ensureNoteSection(text, path, { title: name, ...contextSectionPlace(name), content });
}

/**
 * Writes a new session where the journal keeps its sessions, so it is read with them: after the
 * last one in the file, its heading at that session's level; in a journal without sessions, at
 * the end of its log section (`## Implementation Timeline`, or a `## Work Log`, `## Sessions`…),
 * a timeline created at its canonical place when there is none. `block` gets the heading level.
 */
export function appendSessionBlock(text: string, path: string, sessions: readonly Session[], block: (level: number) => string): string {
	let last: Session | null = null;
	for (const s of sessions) if (last === null || s.headingStart > last.headingStart) last = s;
	if (last) {
		const section = sessionSection(parseSections(text), last, path);
		return appendHeadingBlock(text, section, inSessionStyle(block(section.level), text, last));
	}
	const log = ensureNoteSection(text, path, { title: 'Implementation Timeline', ...contextSectionPlace('Implementation Timeline'), match: logMatcher });
	// Only `##` and `###` headings are read as sessions.
	return appendHeadingBlock(log.text, log.section, block(Math.min(3, Math.max(2, log.section.level + 1))));
}

/**
 * Appends a block that starts with a heading at the end of `section`, with one blank line above
 * it, and one below when the next line (the following heading) is not blank already.
 */
export function appendHeadingBlock(text: string, section: Section, block: string): string {
	const probe = appendToSection(text, section, block);
	const at = probe.start;
	const below = at < text.length && !isBlankLine(lineAt(text, at).text) ? '\n' : '';
	return applyEdits(text, [appendToSection(text, section, `\n${block.replace(/\n?$/, '\n')}${below}`)]);
}

/**
 * A list item from free text: the first line after `lead` (`- `, `- **Issue**: `), the rest as
 * continuation lines indented under it (their common indentation removed first, so a nested
 * list written flush left becomes a sub-list). Blank lines inside stay, empty. The text goes
 * through safeLines first: it cannot end the item with a heading of its own.
 */
export function formatItem(text: string, lead = '- '): string {
	let lines = text
		.replace(/\r\n?/g, '\n')
		.replace(/\s+$/, '')
		.replace(/^(?:[ \t]*\n)+/, '')
		.split('\n');
	// A fence on the item's own line (`- ```bash`) is not seen as one by the journal's readers:
	// the code then starts on the next line, under a bare item marker.
	if (fenceAfter(lines[0].trim(), null) !== null) lines = ['', ...lines];
	let common = Infinity;
	for (const l of lines.slice(1)) if (l.trim() !== '') common = Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0);
	const [first, ...rest] = safeLines([lines[0].trim(), ...lines.slice(1).map((l) => l.slice(common))]);
	const continuation = rest.map((l) => (l.trim() === '' ? '' : `  ${l}`));
	const item = [`${lead}${first}`.trimEnd(), ...continuation];
	// A code fence the entry leaves open is closed, or the journal below it would read as code.
	const open = openFence(continuation);
	if (open) item.push(`  ${open}`);
	return item.join('\n') + '\n';
}

// A line a reader would take for a heading: ATX (`## Notes`), or a setext underline (`===`, `---`)
// under a line of text. Up to three spaces in, as inside a list item's text.
const ATX_LIKE = /^( {0,3})(#{1,6}(?:[ \t]|$))/;
const SETEXT_LIKE = /^( {0,3})([=-]+[ \t]*)$/;

/**
 * Free text made safe to write into a note (log entries, a session summary, plan items): outside
 * code, a line that would be a heading gets its first character escaped (`\## Notes`, `\---`),
 * so it shows as written but can never open a section or a session; and a shell test written in
 * the text (`[[ -d "$X" ]]`) is wrapped in backticks so it is not read as a link.
 */
export function safeLines(lines: readonly string[]): string[] {
	const out: string[] = [];
	let fence: Fence | null = null;
	let previous = '';
	for (const raw of lines) {
		// User text enters notes here and through oneLine: neither lets a control character through.
		const line = withoutControls(raw);
		const next = fenceAfter(line, fence);
		if (fence !== null || next !== null) {
			out.push(line);
		} else if (ATX_LIKE.test(line)) {
			out.push(line.replace(ATX_LIKE, '$1\\$2'));
		} else if (SETEXT_LIKE.test(line) && previous.trim() !== '') {
			out.push(line.replace(SETEXT_LIKE, '$1\\$2'));
		} else {
			out.push(codeShellTests(line));
		}
		previous = fence !== null || next !== null ? '' : line;
		fence = next;
	}
	return out;
}

/** safeLines for a text of several lines; line ends are kept. */
export function safeText(text: string): string {
	return safeLines(text.split('\n')).join('\n');
}

// `[[` then a space, `!` or `-`, up to the next ` ]]`: bash's test, not a wikilink.
const SHELL_TEST = /\[\[[ !-][^\n]*? \]\]/g;

/** Shell tests outside inline code wrapped in backticks. */
export function codeShellTests(line: string): string {
	if (!line.includes('[[')) return line;
	let out = '';
	let at = 0;
	for (const [from, to] of inlineCodeSpans(line)) {
		out += wrapTests(line.slice(at, from)) + line.slice(from, to);
		at = to;
	}
	return out + wrapTests(line.slice(at));
}

function wrapTests(s: string): string {
	return s.replace(SHELL_TEST, (m) => `\`${m}\``);
}

/** [start, end) of each inline code span: a backtick run up to the next run of the same length. */
function inlineCodeSpans(line: string): [number, number][] {
	const spans: [number, number][] = [];
	const runs = [...line.matchAll(/`+/g)];
	for (let i = 0; i < runs.length; i++) {
		const close = runs.findIndex((r, j) => j > i && r[0].length === runs[i][0].length);
		if (close < 0) continue;
		spans.push([runs[i].index, runs[close].index + runs[close][0].length]);
		i = close;
	}
	return spans;
}

/** The closing fence of a fence these lines leave open (as the markdown readers see fences), or null. */
function openFence(lines: readonly string[]): string | null {
	let open: Fence | null = null;
	for (const line of lines) open = fenceAfter(line, open);
	return open === null ? null : open.char.repeat(open.length);
}

/** Collapses a one-line value (title, participants, plan item): line breaks and runs of spaces become one space. */
export function oneLine(value: string | null | undefined): string {
	return withoutControls((value ?? '').replace(/\s+/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The context's text and reading, or null when the spec has no context file yet. Every workflow
 * write to a context reads it here first: a file that is not the spec's own is refused.
 */
export async function readContext(ws: Workspace, changes: ChangeSet, spec: Spec): Promise<{ path: string; text: string; context: ContextFile } | null> {
	const path = ws.index.contextPathOf(spec);
	if (!(await changes.exists(path))) return null;
	const text = await changes.read(path);
	requireOwnContext(ws, spec, path, text);
	return { path, text, context: readContextFile(text) };
}

export function noActiveSession(spec: Spec, path?: string): WorkflowError {
	return new WorkflowError('no-active-session', `Spec ${spec.id} has no active session`, path, `start one with: spec-work start ${spec.id}`);
}

/** The context and its active session, or the no-active-session error (also when there is no context). */
export async function requireActiveSession(ws: Workspace, changes: ChangeSet, spec: Spec): Promise<{ path: string; text: string; context: ContextFile; session: Session }> {
	const loaded = await readContext(ws, changes, spec);
	const session = loaded ? activeSession(loaded.context.sessions) : null;
	if (!loaded || !session) throw noActiveSession(spec, loaded?.path);
	return { ...loaded, session };
}

/** The active session of an already read text (the same one requireActiveSession found). */
export function activeSessionIn(text: string, spec: Spec, path: string): Session {
	const session = activeSession(readContextFile(text).sessions);
	if (!session) throw noActiveSession(spec, path);
	return session;
}

/** The heading section of a session, from an outline of the same text. */
export function sessionSection(root: Section, session: Session, path: string): Section {
	const section = sectionStartingAt(root, session.headingStart);
	if (!section) throw new WorkflowError('section', `${path}: session ${session.number}'s heading was not found`, path);
	return section;
}

const keyMatcher =
	(key: string): SectionMatcher =>
	(s: Section) =>
		sessionSectionKey(s.title) === key;
const SUBSECTION_KEYS = Object.keys(SESSION_SECTION_HEADINGS) as SessionSectionKey[];

/** The key for a section name as a user gives it (`testing`, `tests`, `Issues & Resolutions`), or null. */
export function sessionSectionFor(name: string): SessionSectionKey | null {
	const key = sessionSectionKey(name);
	return (SUBSECTION_KEYS as string[]).includes(key) ? (key as SessionSectionKey) : null;
}

/**
 * Adds `item` (lines written with "\n") at the end of the session's subsection, creating the
 * `#### Heading` at its place in SESSION_SUBSECTION_ORDER when the session has none.
 * Returns the edited text and the heading as it stands in the file.
 */
export function appendToSessionSection(text: string, session: Session, key: SessionSectionKey, item: string, path: string): { text: string; heading: string } {
	const root = parseSections(text);
	const parent = sessionSection(root, session, path);
	const i = SUBSECTION_KEYS.indexOf(key);
	const heading = SESSION_SUBSECTION_ORDER[i];
	const result = ensureSection(text, root, {
		title: heading,
		level: parent.level + 1,
		parent,
		after: SUBSECTION_KEYS.slice(0, i).map(keyMatcher),
		before: SUBSECTION_KEYS.slice(i + 1).map(keyMatcher),
		match: keyMatcher(key),
		content: item,
	});
	if (!result.ok) throw new WorkflowError('section', `${path}: ${result.error}`, path);
	if (result.edit) return { text: applyEdits(text, [result.edit]), heading };
	const existing = result.existing as Section;
	return { text: applyEdits(text, [appendToSection(text, existing, item)]), heading: existing.title };
}

/**
 * The edit that sets a session's `**Name**:` line, touching only its value; a missing line is
 * added after the session's last field line (which then gets the two-space hard break), or right
 * under the session heading when it has none.
 */
export function setSessionFieldEdit(text: string, session: Session, name: string, value: string): TextEdit {
	const field = session.fields[name.toLowerCase()];
	if (field) return { start: field.valueStart, end: field.valueEnd, text: value };
	const eol = detectEol(text);
	const fields = Object.values(session.fields);
	if (fields.length === 0) {
		const at = session.headingEnd;
		const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
		return { start: at, end: at, text: `${lead}**${name}**: ${value}${eol}` };
	}
	const last = fields.reduce((a, b) => (b.lineStart > a.lineStart ? b : a));
	const lineText = text.slice(last.lineStart, last.lineEnd);
	const lineEol = text.slice(last.lineEnd, lineAt(text, last.lineStart).end);
	const brk = sessionLineBreak(
		text,
		fields.filter((f) => f !== last),
	);
	// Written as the last line is: a list item (`- **Started**: …`) and Dataview's `**Started**:: …` stay so.
	const style = FIELD_STYLE.exec(lineText);
	const added = `${style?.[1] ?? ''}**${name}**${style?.[2] ?? ':'} ${value}`;
	// The last line keeps what it has when the session's lines have no break, or already ends in a backslash one.
	if (brk === '' || (brk === '\\' && /\\$/.test(lineText))) return { start: last.lineEnd, end: last.lineEnd, text: `${lineEol || eol}${added}` };
	// Else its trailing spaces become the session's hard break, and the new line follows it.
	const bare = last.lineStart + lineText.replace(/[ \t]+$/, '').length;
	return { start: bare, end: last.lineEnd, text: `${brk}${lineEol || eol}${added}` };
}

/** A field line as written: its list marker, if any (`- `), and its separator (`:`, or Dataview's `::`). */
const FIELD_STYLE = /^([ \t]*(?:[-*+][ \t]+)?)\*\*[^*]+\*\*[ \t]*(::?)/;

/**
 * A new session's block with its field lines written as the session before writes its own: list
 * items, Dataview's `::` and the hard break (docs/formats.md); the reference layout's when that
 * session has no field lines.
 */
function inSessionStyle(block: string, text: string, like: Session): string {
	const fields = Object.values(like.fields).sort((a, b) => a.lineStart - b.lineStart);
	if (fields.length === 0) return block;
	const style = FIELD_STYLE.exec(text.slice(fields[0].lineStart, fields[0].lineEnd));
	const brk = sessionLineBreak(text, fields.slice(0, -1));
	return block.replace(
		/^\*\*([^*\n]+)\*\*: (.*?)( {2})?$/gm,
		(_line, name: string, value: string, hard: string | undefined) => `${style?.[1] ?? ''}**${name}**${style?.[2] ?? ':'} ${value}${hard ? brk : ''}`,
	);
}

/**
 * The hard break a session's field lines end in, as header lines take theirs (docs/formats.md): two
 * spaces, a backslash, or none when the others have none; a lone field line shows no style, and
 * gets the reference layout's two spaces.
 */
function sessionLineBreak(text: string, others: readonly { lineStart: number; lineEnd: number }[]): string {
	if (others.length === 0) return '  ';
	const ends = others.map((f) => {
		const line = text.slice(f.lineStart, f.lineEnd);
		return /[ \t]{2,}$/.test(line) ? '  ' : /\\$/.test(line) ? '\\' : '';
	});
	return ends.find((e) => e !== '') ?? '';
}

/** A note's status (property first, else its `**Status**:` line), read as canonical when known. */
export function noteStatus(text: string, path: string): { status: string | null; raw: string } {
	const raw = readSpecMetadata(text, path).statusRaw ?? '';
	return { status: normalizeStatus(raw).status, raw };
}

/** Starting work moves a note to implementing from planning, from no status, and from completed (reopening it). */
export function startsImplementing(current: { status: string | null; raw: string }): boolean {
	return current.raw.trim() === '' || current.status === 'planning' || current.status === 'completed';
}
