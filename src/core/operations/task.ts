import { setTaskState, SetTaskStateOptions, SetTaskStateResult, TASK_STATES } from '../workflow/set-task-state';
import { BaseRevision, Operation, specWrite } from './operation';

export const TASK: Operation<SetTaskStateOptions & BaseRevision, SetTaskStateResult> = specWrite({
	name: 'task',
	summary: "Set a plan task's state, by its number or its text",
	fields: [
		{ name: 'task', kind: 'text', required: true, takesNumber: true, summary: "The task's number in ## Plan, or its text" },
		{ name: 'state', kind: 'choice', choices: TASK_STATES, required: true, summary: 'The new state' },
	],
	run: (ws, input) => setTaskState(ws, input),
});
