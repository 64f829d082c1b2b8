import { decidePlan, DECISIONS, type DecideOptions, type DecideResult } from '../workflow/plan-proposal';
import { basedOnRevision, BaseRevision, ID_FIELD, Operation, REVISION_FIELD } from './operation';

export const DECIDE: Operation<DecideOptions & BaseRevision, DecideResult> = {
	name: 'decide',
	summary: 'Approve (and start the session) or reject the plan awaiting approval',
	writes: true,
	input: [
		ID_FIELD,
		{ name: 'decision', kind: 'choice', choices: DECISIONS, required: true, summary: 'approve or reject' },
		{ name: 'plan', kind: 'list', summary: 'The plan as approved, when modified; default the proposal as written' },
		{ name: 'reason', kind: 'text', summary: 'Why the plan is rejected' },
		{ name: 'title', kind: 'text', summary: 'The title of the session approval starts' },
		{ name: 'participants', kind: 'text', summary: 'Who takes part in the session approval starts' },
		REVISION_FIELD,
	],
	run: basedOnRevision((ws, input) => decidePlan(ws, input)),
};
