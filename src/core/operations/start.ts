import { startSession, StartOptions, StartResult } from '../workflow/start-session';
import { ID_FIELD, Operation } from './operation';

export const START: Operation<StartOptions, StartResult> = {
	name: 'start',
	summary: 'Open (or continue) a work session on a spec, adding approved plan items',
	writes: true,
	input: [
		ID_FIELD,
		{ name: 'title', kind: 'text', summary: 'The session title' },
		{ name: 'participants', kind: 'text', summary: 'Who takes part ("User, Claude")' },
		{ name: 'plan', kind: 'list', summary: 'A plan item to add to ## Plan, in order' },
	],
	run: (ws, input) => startSession(ws, input),
};
