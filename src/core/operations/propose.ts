import { proposePlan, readProposal, type ProposalReport, type ProposeOptions, type ProposeResult } from '../workflow/plan-proposal';
import { BaseRevision, ID_FIELD, Operation, specWrite } from './operation';

export const PROPOSE: Operation<ProposeOptions & BaseRevision, ProposeResult> = specWrite({
	name: 'propose',
	summary: "Propose a plan for the person's approval: written to the journal, counted nowhere until approved",
	fields: [{ name: 'plan', kind: 'list', required: true, summary: 'A proposed task, in order' }],
	run: (ws, input) => proposePlan(ws, input),
});

/** The spec's latest proposal and its state: what `spec-work await` polls until it is decided. */
export const PROPOSAL: Operation<{ id: string }, ProposalReport> = {
	name: 'proposal',
	summary: 'The latest proposed plan of a spec and whether it is awaiting approval, approved or rejected',
	writes: false,
	input: [ID_FIELD],
	run: (ws, input) => readProposal(ws, input.id),
};
