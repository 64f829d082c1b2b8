import { formatLocalDateTime } from '../context/duration';
import { findTask, setTaskStateEdit, type TaskState } from '../context/plan-task';
import { applyEdits } from '../markdown/text-edit';
import { ChangeSet } from './file-changes';
import { readContext } from './session-edits';
import { touchUpdated } from './spec-fields';
import { WorkflowError } from './workflow-error';
import { commitChanges, requireSpec, Workspace } from './workspace';

export const TASK_STATES: readonly TaskState[] = ['pending', 'in-progress', 'done', 'blocked', 'cancelled'];

export interface SetTaskStateOptions {
	id: string;
	/** The task's number in the plan (`6`, `#6`) or its text (exact, or a unique part of it). */
	task: string;
	state: TaskState;
}

export interface SetTaskStateResult {
	task: { number: number; text: string; state: TaskState; previous: TaskState };
	/** Empty when the task already had that state. */
	written: string[];
}

/**
 * Sets one `## Plan` task's state, changing only its marker (`- [ ]` → `- [x]`, `⏳` → `✅`) and
 * the context's `updated`. Works with or without an active session. A text that matches several
 * tasks is refused with the list of them, so the caller can give the number.
 */
export async function setTaskState(ws: Workspace, options: SetTaskStateOptions): Promise<SetTaskStateResult> {
	if (!TASK_STATES.includes(options.state)) {
		throw new WorkflowError('bad-state', `Unknown task state "${String(options.state)}": use ${TASK_STATES.join(', ')}`);
	}
	const spec = requireSpec(ws, options.id);
	const changes = new ChangeSet(ws.store);
	const loaded = await readContext(ws, changes, spec);
	if (!loaded) {
		const path = ws.index.contextPathOf(spec);
		throw new WorkflowError('no-context', `Spec ${spec.id} has no context file (${path}) and so no plan`, path, `start one with: spec-work start ${spec.id} --plan "task"`);
	}
	const { path, text, context } = loaded;
	const found = findTask(context.tasks, options.task);
	if (found.kind === 'ambiguous') throw new WorkflowError('ambiguous-task', `${path}: ${found.message}`, path);
	if (found.kind === 'not-found') throw new WorkflowError('unknown-task', `${path}: ${found.message}`, path);
	const task = found.task;
	const edited = applyEdits(text, [setTaskStateEdit(text, task, options.state)]);
	if (edited !== text) await changes.modify(path, () => touchUpdated(edited, path, formatLocalDateTime(ws.now())));
	const written = await commitChanges(ws, changes);
	return { task: { number: task.number, text: task.text, state: options.state, previous: task.state }, written };
}
