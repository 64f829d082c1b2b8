import { formatLocalDateTime } from '../context/duration';
import { findTask, setTaskStateEdit, type TaskState } from '../context/plan-task';
import { readContextFile } from '../context/context-file';
import type { Spec } from '../index/spec';
import { applyEdits } from '../markdown/text-edit';
import { ChangeSet } from '../workspace/file-changes';
import { type ContextCache, specTasks } from '../reports/progress-rollup';
import { touchUpdated } from '../edits/spec-fields';
import { markWorkBegun, type WorkBegun } from '../edits/work-begins';
import { WorkflowError } from '../workspace/workflow-error';
import { commitChanges, requireSpec, Workspace } from '../workspace/workspace';

export const TASK_STATES: readonly TaskState[] = ['pending', 'in-progress', 'done', 'blocked', 'cancelled'];

export interface SetTaskStateOptions {
	id: string;
	/** The task's number in the plan (`6`, `#6`) or its text (exact, or a unique part of it). */
	task: string;
	state: TaskState;
	/**
	 * The task's text as the caller showed it (the panel's row): a numbered task whose text differs
	 * now (the note changed since) is refused rather than the wrong one ticked.
	 */
	expectText?: string;
}

export interface SetTaskStateResult {
	task: { number: number; text: string; state: TaskState; previous: TaskState };
	/** Empty when the task already had that state. */
	written: string[];
	/** A task started or done in a spec still planning: its work began, and the spec is implementing now. */
	workBegun: WorkBegun | null;
}

/**
 * Sets the state of one of the spec's own tasks, changing only its marker (`- [ ]` → `- [x]`,
 * `⏳` → `✅`) and the note's `updated`: a `## Plan` task of the context, or, for a spec without a
 * plan, a checklist item of the spec or its journal (`## Tasks`, `### Implementation Steps`…),
 * numbered as `status` and `next` show them. Works with or without an active session. A text that
 * matches several tasks is refused with the list of them, so the caller can give the number.
 */
export async function setTaskState(ws: Workspace, options: SetTaskStateOptions): Promise<SetTaskStateResult> {
	if (!TASK_STATES.includes(options.state)) {
		throw new WorkflowError('bad-state', `Unknown task state "${String(options.state)}": use ${TASK_STATES.join(', ')}`);
	}
	const spec = requireSpec(ws, options.id);
	const changes = new ChangeSet(ws.store);
	const own = await specTasks(ws, spec, await readThrough(ws, changes, spec));
	if (own.tasks.length === 0) {
		const path = ws.index.contextPathOf(spec);
		const plan = (await changes.exists(path)) ? `no plan in ${path}` : `no context file (${path}) and so no plan`;
		throw new WorkflowError('no-context', `Spec ${spec.id} has ${plan}, and no checklist in ${spec.path}`, path, `start one with: spec-work start ${spec.id} --plan "task"`);
	}
	const where = own.from === 'plan' ? own.tasks[0].path : spec.path;
	const found = findTask(own.tasks, options.task);
	if (found.kind === 'ambiguous') throw new WorkflowError('ambiguous-task', `${where}: ${found.message}`, where);
	if (found.kind === 'not-found') throw new WorkflowError('unknown-task', `${where}: ${found.message}`, where);
	const task = found.task;
	if (options.expectText !== undefined && task.text !== options.expectText) {
		throw new WorkflowError(
			'task-changed',
			`${task.path}: task ${task.number} is now "${task.text}", not "${options.expectText}": the list changed since it was shown; nothing was written`,
			task.path,
		);
	}
	const text = await changes.read(task.path);
	const edited = applyEdits(text, [setTaskStateEdit(text, task, options.state)]);
	if (edited !== text) await changes.modify(task.path, () => touchUpdated(edited, task.path, formatLocalDateTime(ws.now())));
	const begins = options.state === 'in-progress' || options.state === 'done';
	const workBegun = begins ? await markWorkBegun(ws, changes, spec) : null;
	const written = await commitChanges(ws, changes);
	return { task: { number: task.number, text: task.text, state: options.state, previous: task.state }, written, workBegun };
}

/**
 * The spec's and its journal's texts as this change set reads them, so the tasks' offsets are
 * those of the text the edit applies to (the change set checks it is unchanged when it writes).
 */
async function readThrough(ws: Workspace, changes: ChangeSet, spec: Spec): Promise<ContextCache> {
	const cache: ContextCache = new Map();
	// Read, not required to be the spec's own: another spec's journal is then left out (specTasks does),
	// and the spec's own checklist can still be ticked in the spec file.
	const path = ws.index.contextPathOf(spec);
	const contextText = (await changes.exists(path)) ? await changes.read(path) : null;
	cache.set(path, Promise.resolve(contextText === null ? null : readContextFile(contextText)));
	const specText = (await changes.exists(spec.path)) ? await changes.read(spec.path) : null;
	cache.set(spec.path, Promise.resolve(specText === null ? null : readContextFile(specText)));
	return cache;
}
