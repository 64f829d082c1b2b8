import { startSession, StartOptions, StartResult } from '../workflow/start-session';
import { basedOnRevision, BaseRevision, ID_FIELD, Operation, REVISION_FIELD } from './operation';

export const START: Operation<StartOptions & BaseRevision, StartResult> = {
	name: 'start',
	summary: 'Open (or continue) a work session on a spec, adding approved plan items',
	writes: true,
	input: [
		ID_FIELD,
		{ name: 'title', kind: 'text', summary: 'The session title' },
		{ name: 'participants', kind: 'text', summary: 'Who takes part ("User, Claude")' },
		{ name: 'plan', kind: 'list', summary: 'A plan item to add to ## Plan, in order' },
		REVISION_FIELD,
	],
	run: basedOnRevision((ws, input) => startSession(ws, input)),
};
