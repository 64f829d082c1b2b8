import { setTaskState, SetTaskStateOptions, SetTaskStateResult, TASK_STATES } from '../workflow/set-task-state';
import { basedOnRevision, BaseRevision, ID_FIELD, Operation, REVISION_FIELD } from './operation';

export const TASK: Operation<SetTaskStateOptions & BaseRevision, SetTaskStateResult> = {
	name: 'task',
	summary: "Set a plan task's state, by its number or its text",
	writes: true,
	input: [
		ID_FIELD,
		{ name: 'task', kind: 'text', required: true, summary: "The task's number in ## Plan, or its text" },
		{ name: 'state', kind: 'choice', choices: TASK_STATES, required: true, summary: 'The new state' },
		REVISION_FIELD,
	],
	run: basedOnRevision((ws, input) => setTaskState(ws, input)),
};
