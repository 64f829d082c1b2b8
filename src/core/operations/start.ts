import { startSession, StartOptions, StartResult } from '../workflow/start-session';
import { BaseRevision, Operation, specWrite } from './operation';

export const START: Operation<StartOptions & BaseRevision, StartResult> = specWrite({
	name: 'start',
	summary: 'Open (or continue) a work session on a spec, adding approved plan items',
	fields: [
		{ name: 'title', kind: 'text', summary: 'The session title' },
		{ name: 'participants', kind: 'text', summary: 'Who takes part ("User, Claude")' },
		{ name: 'plan', kind: 'list', summary: 'A plan item to add to ## Plan, in order' },
	],
	run: (ws, input) => startSession(ws, input),
});
