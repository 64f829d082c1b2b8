import { readContextFile } from '../context/context-file';
import { formatLocalDate, formatLocalDateTime } from '../context/duration';
import { insertTasksAfter, lastTask, taskLinesLike } from '../context/plan-form';
import { parsePlanTasks, progress, type PlanTask } from '../context/plan-task';
import { activeSession, SESSION_SECTION_HEADINGS } from '../context/session';
import { Spec } from '../index/spec';
import { appendToSection } from '../markdown/section-edits';
import { applyEdits } from '../markdown/text-edit';
import { sessionTemplate } from '../templates/context-template';
import { ensureContextFile } from '../edits/context-creation';
import { ChangeSet } from '../workspace/file-changes';
import { specTasks } from '../reports/progress-rollup';
import { appendSessionBlock, ensureContextSection, noteStatus, oneLine, safeLines, startsImplementing } from '../edits/session-edits';
import { setField, touchUpdated } from '../edits/spec-fields';
import { commitChanges, requireSpec, Workspace } from '../workspace/workspace';

export interface StartOptions {
	id: string;
	/** Default `Implementation Session`, the reference layout's. */
	title?: string;
	/** Default: the workspace's `defaultParticipants` setting. */
	participants?: string;
	/** The approved plan: task texts added to `## Plan` as pending unless already there. */
	plan?: string[];
}

export interface StartResult {
	/** The spec as the index now reads it (status updated). */
	spec: Spec;
	contextPath: string;
	contextCreated: boolean;
	/** The session worked in: the new one, or the active one that was continued. */
	session: { number: number; date: string; title: string };
	/** True when a session was already active and is continued instead of opening another. */
	continued: boolean;
	/** How many plan items were new and added. */
	planAdded: number;
	/** The spec's status change, when start made one: `from` as written (null: it had none); `reopened` from completed. */
	statusChange: { from: string | null; to: 'implementing'; reopened: boolean } | null;
	written: string[];
}

export const DEFAULT_SESSION_TITLE = 'Implementation Session';

/**
 * Starts (or continues) a working session on a spec, as `/spec_work 1014` does in the reference layout's walkthrough (docs/formats.md):
 *
 * - finds the context file, or creates it from the reference layout's template;
 * - unless a session is active, appends `### Session N: YYYY-MM-DD - Title` with its Duration
 *   (`In progress`), Participants, Status (`active`) and Started lines after the journal's last
 *   session, at its heading level (see appendSessionBlock; `## Implementation Timeline` is created
 *   only for a journal without sessions). N is one more than the highest session number. A
 *   session already active is continued: no second one is opened, and
 *   the title and participants given are not applied to it;
 * - adds the approved plan's items to `## Plan` (created at its place when missing) after its last
 *   task and in that task's form (`8. ⏳ text` in a numbered emoji plan, else `- [ ] text`),
 *   skipping any whose text is already a task there (case-insensitive), so existing items keep
 *   their states and order. A spec whose tasks are a checklist (no plan counts; see specTasks)
 *   gets them in that checklist instead, after its last item (mergeChecklist): a `## Plan` would
 *   hide it;
 * - once the plan is approved and work begins — a plan is given, or the spec already has tasks
 *   (its plan or checklist) or child specs — moves the spec and its context to `implementing`
 *   when they are planning, have no status, or are completed (starting work on a completed spec
 *   reopens it); blocked and unknown statuses are left as written. Without any plan yet the
 *   statuses stay as they are (a new context says `planning`), and a new session in a journal
 *   still planning opens with an empty `#### Planning` subsection for the planning to be logged
 *   in; a later `start` with the plan moves both to `implementing`;
 * - sets `updated` on the context, and on the spec when the spec itself was edited (status, or the
 *   link to a newly created context).
 *
 * The CLI's `resume` only reads (see resumeBrief); continuing the work is this operation.
 */
export async function startSession(ws: Workspace, options: StartOptions): Promise<StartResult> {
	const changes = new ChangeSet(ws.store);
	const planned = await planStart(ws, options, changes);
	const written = await commitChanges(ws, changes);
	return { ...planned, spec: ws.index.byPath(planned.spec.path) ?? planned.spec, written };
}

/**
 * startSession's edits planned into `changes` without writing them, for an operation that starts a
 * session as one step with edits of its own (approving a proposed plan).
 */
export async function planStart(ws: Workspace, options: StartOptions, changes: ChangeSet): Promise<Omit<StartResult, 'written'>> {
	const spec = requireSpec(ws, options.id);
	const now = ws.now();
	const stamp = formatLocalDateTime(now);
	const plan = planItems(options.plan ?? []);
	let planAdded = 0;
	const specOriginal = await ws.store.read(spec.path);

	// A spec without a plan that keeps its tasks as a checklist: that checklist is its plan.
	const own = await specTasks(ws, spec);
	const checklist = plan.length > 0 && own.from === 'checklist' ? own.tasks : null;
	// Work begins once there is a plan: the one given now, tasks already planned, or child specs.
	const planned = plan.length > 0 || progress(own.tasks).total > 0 || ws.index.childrenOf(spec).length > 0;
	const checklistPath = checklist ? (checklist.some((t) => t.path === spec.path) ? spec.path : checklist[checklist.length - 1].path) : null;
	const addToChecklist = (text: string, path: string): string => {
		if (!checklist || path !== checklistPath) return text;
		const merged = mergeChecklist(text, path === spec.path, checklist, plan);
		planAdded = merged.added;
		return merged.text;
	};

	const context = await ensureContextFile(ws, changes, spec);
	let session = { number: 0, date: '', title: '' };
	let continued = false;
	await changes.modify(context.path, (text) => {
		let out = text;
		const sessions = readContextFile(out).sessions;
		const active = activeSession(sessions);
		if (active) {
			continued = true;
			session = { number: active.number, date: active.date ?? '', title: active.title };
		} else {
			const number = sessions.reduce((max, s) => Math.max(max, s.number), 0) + 1;
			session = { number, date: formatLocalDate(now), title: oneLine(options.title ?? '') || DEFAULT_SESSION_TITLE };
			const participants = oneLine(options.participants ?? '') || ws.settings.defaultParticipants;
			// A journal still in planning opens its session where that planning is logged.
			const current = noteStatus(out, context.path);
			const stillPlanning = !planned && (current.status === 'planning' || current.raw.trim() === '');
			const subsections = stillPlanning ? [SESSION_SECTION_HEADINGS.planning] : [];
			out = appendSessionBlock(out, context.path, sessions, (level) => sessionTemplate({ ...session, participants, started: stamp, level, subsections }));
		}
		if (checklist) out = addToChecklist(out, context.path);
		else {
			const merged = mergePlan(out, context.path, plan);
			out = merged.text;
			planAdded = merged.added;
		}
		if (planned && startsImplementing(noteStatus(out, context.path))) out = setField(out, context.path, 'status', 'implementing');
		return touchUpdated(out, context.path, stamp);
	});

	let statusChange: StartResult['statusChange'] = null;
	await changes.modify(spec.path, (text) => {
		let out = addToChecklist(text, spec.path);
		const current = noteStatus(out, spec.path);
		if (planned && startsImplementing(current)) {
			const set = setField(out, spec.path, 'status', 'implementing');
			if (set !== out) statusChange = { from: current.raw.trim() || null, to: 'implementing', reopened: current.status === 'completed' };
			out = set;
		}
		return out === specOriginal ? out : touchUpdated(out, spec.path, stamp);
	});

	return { spec, contextPath: context.path, contextCreated: context.created, session, continued, planAdded, statusChange };
}

/**
 * Plan items as given, one line each, without a list marker or checkbox an agent may have copied
 * (`1. Analyze`, `- [ ] Analyze` → `Analyze`), made safe as log entries are (safeLines); empty ones
 * and repeats dropped.
 */
export function planItems(raw: readonly string[]): string[] {
	const out: string[] = [];
	for (const item of raw) {
		const bare = oneLine(item)
			.replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+/, '')
			.replace(/^\[.\][ \t]+/, '')
			.trim();
		const text = safeLines([bare])[0];
		if (text !== '' && !out.some((t) => sameTask(t, text))) out.push(text);
	}
	return out;
}

// Backticks aside: an item written before shell tests were put in code is the same item.
function sameTask(a: string, b: string): boolean {
	const norm = (s: string) => oneLine(s.replace(/`/g, '')).toLowerCase();
	return norm(a) === norm(b);
}

/**
 * Adds the items not yet among the spec's checklist tasks (all its lists, in either file) after
 * the last task of this note (its sub-steps and wrapped lines too), in that item's form
 * (taskLinesLike). The note is read again: the spec may have been edited since the tasks were read.
 */
function mergeChecklist(text: string, isSpec: boolean, tasks: readonly PlanTask[], items: readonly string[]): { text: string; added: number } {
	const fresh = items.filter((item) => !tasks.some((t) => sameTask(t.text, item)));
	const note = readContextFile(text);
	const last = lastTask(isSpec ? [...note.tasks, ...note.checklist] : note.checklist);
	if (fresh.length === 0 || last === null) return { text, added: 0 };
	return { text: insertTasksAfter(text, last, fresh), added: fresh.length };
}

/**
 * Adds the items not yet in `## Plan`: after its last task, in that task's form (`8. ⏳ …` in
 * the reference layout's numbered plan, `- [ ] …` in a checkbox plan); at the end of a plan without tasks.
 */
function mergePlan(text: string, path: string, items: readonly string[]): { text: string; added: number } {
	if (items.length === 0) return { text, added: 0 };
	const existing = readContextFile(text);
	const tasks = existing.plan ? parsePlanTasks(text, existing.plan.headingEnd, existing.plan.end) : [];
	const fresh = items.filter((item) => !tasks.some((t) => sameTask(t.text, item)));
	if (fresh.length === 0) return { text, added: 0 };
	const last = lastTask(tasks);
	if (last) return { text: insertTasksAfter(text, last, fresh), added: fresh.length };
	const lines = taskLinesLike(text, null, fresh).join('\n') + '\n';
	const plan = ensureContextSection(text, path, 'Plan', existing.plan ? undefined : lines);
	if (plan.created) return { text: plan.text, added: fresh.length };
	return { text: applyEdits(plan.text, [appendToSection(plan.text, plan.section, lines)]), added: fresh.length };
}
