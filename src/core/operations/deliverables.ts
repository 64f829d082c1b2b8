import { deliverablesReport, DeliverablesReport, writeDeliverablesReport } from '../reports/deliverables-report';
import { ID_FIELD, Operation } from './operation';

export interface DeliverablesOutcome {
	report: DeliverablesReport;
	/** With write: the report note's path and whether it changed. */
	saved?: { path: string; written: boolean };
}

export const DELIVERABLES: Operation<{ id: string; write?: boolean }, DeliverablesOutcome> = {
	name: 'deliverables',
	summary: 'The deliverables report; with write, saved as <id>.deliverables.md beside the spec',
	writes: (input) => input.write === true,
	input: [ID_FIELD, { name: 'write', kind: 'flag', summary: 'Save the report beside the spec' }],
	async run(ws, input) {
		const report = await deliverablesReport(ws, input.id);
		return input.write ? { report, saved: await writeDeliverablesReport(ws, input.id) } : { report };
	},
};
