import { decidePlan, DECISIONS, type DecideOptions, type DecideResult } from '../workflow/plan-proposal';
import { BaseRevision, Operation, specWrite } from './operation';

export const DECIDE: Operation<DecideOptions & BaseRevision, DecideResult> = specWrite({
	name: 'decide',
	summary: 'Approve (and start the session) or reject the plan awaiting approval',
	fields: [
		{ name: 'decision', kind: 'choice', choices: DECISIONS, required: true, summary: 'approve or reject' },
		{ name: 'plan', kind: 'list', summary: 'The plan as approved, when modified; default the proposal as written' },
		{ name: 'reason', kind: 'text', summary: 'Why the plan is rejected' },
		{ name: 'title', kind: 'text', summary: 'The title of the session approval starts' },
		{ name: 'participants', kind: 'text', summary: 'Who takes part in the session approval starts' },
	],
	run: (ws, input) => decidePlan(ws, input),
});
