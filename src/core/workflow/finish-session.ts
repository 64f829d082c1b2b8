import { readContextFile } from '../context/context-file';
import { formatDuration, formatLocalDateTime, minutesBetween } from '../context/duration';
import { formatLinesOfCode, formatMetricLine, type MetricLine } from '../context/metrics';
import type { Session } from '../context/session';
import { detectEol } from '../markdown/eol';
import { appendToSection, ensureSection } from '../markdown/section-edits';
import { findSection, parseSections, sameTitle, type Section } from '../markdown/sections';
import { applyEdits, lineAt, type TextEdit } from '../markdown/text-edit';
import { ChangeSet } from '../workspace/file-changes';
import { activeSessionIn, appendHeadingBlock, ensureContextSection, noteStatus, requireActiveSession, safeText, sessionSection, setSessionFieldEdit } from '../edits/session-edits';
import { specProgress } from '../reports/progress-rollup';
import { setField, touchUpdated } from '../edits/spec-fields';
import { WorkflowError } from '../workspace/workflow-error';
import { commitChanges, requireSpec, Workspace } from '../workspace/workspace';

export type FinishStatus = 'completed' | 'partial' | 'blocked';
export const FINISH_STATUSES: readonly FinishStatus[] = ['completed', 'partial', 'blocked'];

export interface FinishOptions {
	id: string;
	/** Default `completed`. */
	status?: FinishStatus;
	/** Written under `#### Summary` at the end of the session. */
	summary?: string;
	/** Also mark the spec (and its context) completed. */
	complete?: boolean;
	/**
	 * Figures over the commits recorded in the context, computed by a shell that can run git (the
	 * core cannot). When given, the Lines of Code and Files Created/Modified metrics are refreshed too.
	 */
	gitStats?: GitStats;
}

/** What the recorded commits changed: lines added and removed, distinct files created and modified. */
export interface GitStats {
	added: number;
	removed: number;
	filesCreated: number;
	filesModified: number;
}

export interface FinishResult {
	session: number;
	/** The session's duration as now written; null when it is not known. */
	minutes: number | null;
	status: FinishStatus;
	/** With `complete`: the spec's status before and after, when it changed. */
	statusChange: { spec: string; from: string | null; to: 'completed' } | null;
	/** With `complete`: the spec's tasks not done (pending, in progress or blocked; cancelled ones are not counted), so a spec completed with work left says so. */
	openTasks: number;
	written: string[];
}

/** Written as the Duration of an open session that has no start time to compute it from. */
export const UNKNOWN_DURATION = 'unknown (no start time recorded)';

/**
 * Closes the spec's active session:
 *
 * - `**Duration**:` computed from `**Started**:` to now (`2.5 hours`); without a readable Started
 *   line the duration written is kept, or, when it only said `In progress`, becomes
 *   UNKNOWN_DURATION (so the session no longer reads as running);
 * - `**Status**:` completed (default), partial or blocked;
 * - a summary, when given, as a paragraph under `#### Summary` at the end of the session: the
 *   reference layout's sessions end with what happened, and a paragraph (not a list item) keeps the summary
 *   out of the "last activity" that resume reports; written as log entries are (safeText);
 * - the context's `## Metrics` › `### Implementation` lines `- **Total Sessions**:` and
 *   `- **Total Duration**:` (sum of the sessions' durations) refreshed, created when missing; other
 *   metric lines are left as they are;
 * - with `complete`, the spec and context status become `completed` (and the spec's `updated`);
 *   the result says the spec's change and how many of its tasks are not done.
 *
 * Also sets the context's `updated`. Without an active session nothing is written.
 */
export async function finishSession(ws: Workspace, options: FinishOptions): Promise<FinishResult> {
	const status = options.status ?? 'completed';
	if (!FINISH_STATUSES.includes(status)) {
		throw new WorkflowError('bad-status', `Unknown session status "${String(status)}": use ${FINISH_STATUSES.join(', ')}`);
	}
	const spec = requireSpec(ws, options.id);
	const changes = new ChangeSet(ws.store);
	const { path, session } = await requireActiveSession(ws, changes, spec);
	const now = ws.now();
	const stamp = formatLocalDateTime(now);
	let minutes: number | null = null;

	await changes.modify(path, (text) => {
		const open = activeSessionIn(text, spec, path);
		const closed = closeSession(text, open, status, now);
		minutes = closed.minutes;
		let out = closed.text;
		const summary = safeText(options.summary?.replace(/\r\n?/g, '\n').trim() ?? '');
		if (summary !== '') out = addSummary(out, open.headingStart, summary, path);
		out = refreshMetrics(out, path, options.gitStats);
		if (options.complete) out = setField(out, path, 'status', 'completed');
		return touchUpdated(out, path, stamp);
	});
	let statusChange: FinishResult['statusChange'] = null;
	let openTasks = 0;
	if (options.complete) {
		const left = await specProgress(ws, spec);
		openTasks = left.total - left.done;
		await changes.modify(spec.path, (text) => {
			const from = noteStatus(text, spec.path).raw.trim() || null;
			const out = setField(text, spec.path, 'status', 'completed');
			if (out === text) return text;
			statusChange = { spec: spec.id, from, to: 'completed' };
			return touchUpdated(out, spec.path, stamp);
		});
	}
	const written = await commitChanges(ws, changes);
	return { session: session.number, minutes, status, statusChange, openTasks, written };
}

/** Duration and Status of the session, edited in place (a missing line is added after the others). */
function closeSession(text: string, session: Session, status: FinishStatus, now: Date): { text: string; minutes: number | null } {
	const started = session.fields.started?.value;
	const computed = started ? minutesBetween(started, now) : null;
	let minutes = computed ?? session.durationMinutes;
	let duration: string | null = null;
	if (computed !== null) duration = formatDuration(computed);
	else if (session.inProgress || !session.fields.duration) {
		duration = UNKNOWN_DURATION;
		minutes = null;
	}
	let out = text;
	// One field at a time, re-reading the session: two missing lines go to the same place.
	const set = (name: string, value: string) => {
		const current = sessionAt(out, session.headingStart);
		out = applyEdits(out, [setSessionFieldEdit(out, current, name, value)]);
	};
	if (duration !== null) set('Duration', duration);
	set('Status', status);
	return { text: out, minutes };
}

function sessionAt(text: string, headingStart: number): Session {
	const session = readContextFile(text).sessions.find((s) => s.headingStart === headingStart);
	// Edits below a session's heading never move it; not finding it is a programming error.
	if (!session) throw new Error(`No session heading at offset ${headingStart}`);
	return session;
}

/** The summary paragraph under the session's `#### Summary`, created at the session's end. */
function addSummary(text: string, sessionStart: number, summary: string, path: string): string {
	const session = sessionAt(text, sessionStart);
	const root = parseSections(text);
	const parent = sessionSection(root, session, path);
	const existing = parent.children.find((c) => sameTitle(c.title, 'Summary'));
	if (existing) {
		// A summary already written by hand: the new paragraph follows it after a blank line.
		const hasContent = text.slice(existing.headingEnd, existing.end).trim() !== '';
		return applyEdits(text, [appendToSection(text, existing, (hasContent ? '\n' : '') + summary + '\n')]);
	}
	return appendHeadingBlock(text, parent, `${'#'.repeat(parent.level + 1)} Summary\n${summary}\n`);
}

const TOTAL_SESSIONS = 'Total Sessions';
const TOTAL_DURATION = 'Total Duration';

/**
 * The `### Implementation` metrics in `## Metrics`, in the reference layout's order: `- **Total Sessions**: N`
 * and `- **Total Duration**: X` from the sessions as now written (a session whose duration is
 * unknown adds nothing), and with `gitStats` also `- **Lines of Code**: +A, -R`,
 * `- **Files Created**: N` and `- **Files Modified**: N`. Only those values change; a missing line
 * is added after the nearest one before it in that order (or before the nearest after it, or at the
 * top of the group); a missing group or section is created.
 */
export function refreshMetrics(text: string, path: string, gitStats?: GitStats): string {
	const context = readContextFile(text);
	const total = context.sessions.reduce((sum, s) => sum + (s.durationMinutes ?? 0), 0);
	const wanted: [string, string][] = [
		[TOTAL_SESSIONS, String(context.sessions.length)],
		[TOTAL_DURATION, formatDuration(total)],
	];
	if (gitStats) {
		wanted.push(
			['Lines of Code', formatLinesOfCode(gitStats.added, gitStats.removed)],
			['Files Created', String(gitStats.filesCreated)],
			['Files Modified', String(gitStats.filesModified)],
		);
	}
	// New lines are written as the section's are: Dataview's `**Name**:: value` among such lines.
	const dataview = context.metrics.some((m) => text.slice(m.lineStart, m.valueStart).includes('**::'));
	const lines = wanted.map(([name, value]) => formatMetricLine(name, value, dataview ? '::' : ':'));
	if (!context.metricsSection) {
		return ensureContextSection(text, path, 'Metrics', `\n### Implementation\n${lines.join('\n')}\n`).text;
	}
	const metrics = context.metricsSection;
	const find = (name: string): MetricLine | undefined => {
		// `Total Time` is what some journals call the total duration.
		const named = context.metrics.filter((m) => sameTitle(m.name, name) || (name === TOTAL_DURATION && sameTitle(m.name, 'Total Time')));
		return named.find((m) => m.group !== null && sameTitle(m.group, 'Implementation')) ?? named[0];
	};
	const found = wanted.map(([name]) => find(name));
	const eol = detectEol(text);
	if (found.some((line) => line !== undefined)) {
		const edits: TextEdit[] = [];
		const before = new Map<MetricLine, string[]>();
		const after = new Map<MetricLine, string[]>();
		const add = (map: Map<MetricLine, string[]>, anchor: MetricLine, line: string) => map.set(anchor, [...(map.get(anchor) ?? []), line]);
		found.forEach((line, i) => {
			if (line) {
				edits.push({ start: line.valueStart, end: line.valueEnd, text: wanted[i][1] });
				return;
			}
			const previous = found
				.slice(0, i)
				.reverse()
				.find((l) => l !== undefined);
			if (previous) add(after, previous, lines[i]);
			else add(before, found.slice(i + 1).find((l) => l !== undefined) as MetricLine, lines[i]);
		});
		for (const [anchor, added] of before) edits.push({ start: anchor.lineStart, end: anchor.lineStart, text: added.map((l) => l + eol).join('') });
		for (const [anchor, added] of after) edits.push(insertAfterLine(text, anchor, added.join(eol), eol));
		return applyEdits(text, edits);
	}

	const group = implementationGroup(metrics);
	if (group) {
		const first = context.metrics.find((m) => m.lineStart >= group.headingEnd && m.lineStart < group.end);
		if (first) return applyEdits(text, [{ start: first.lineStart, end: first.lineStart, text: lines.map((l) => l + eol).join('') }]);
		return applyEdits(text, [appendToSection(text, group, lines.join('\n') + '\n')]);
	}
	const root = parseSections(text);
	const result = ensureSection(text, root, {
		title: 'Implementation',
		level: metrics.level + 1,
		parent: findSection(root, [(s: Section) => s.headingStart === metrics.headingStart]) ?? undefined,
		before: ['Quality'],
		content: lines.join('\n') + '\n',
	});
	if (!result.ok) throw new WorkflowError('section', `${path}: ${result.error}`, path);
	return result.edit ? applyEdits(text, [result.edit]) : text;
}

function implementationGroup(metrics: Section): Section | null {
	return findSection(metrics, ['Implementation']);
}

function insertAfterLine(text: string, line: MetricLine, newLine: string, eol: string): TextEdit {
	const end = lineAt(text, line.lineStart).end;
	const lead = end === text.length && !text.endsWith('\n') ? eol : '';
	return { start: end, end, text: `${lead}${newLine}${eol}` };
}
