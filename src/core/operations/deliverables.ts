import { Backlinks, deliverablesReport, DeliverablesReport, writeDeliverablesReport } from '../reports/deliverables-report';
import { ID_FIELD, Operation, writeOperation } from './operation';

export interface DeliverablesOutcome {
	report: DeliverablesReport;
	/** With write: the report note's path and whether it changed. */
	saved?: { path: string; written: boolean };
}

/** Who links to what, where a shell knows it better than a scan (the plugin's metadata cache). */
export interface BacklinksAccess {
	backlinks?: Backlinks;
}

export const DELIVERABLES: Operation<{ id: string; write?: boolean }, DeliverablesOutcome, BacklinksAccess | undefined> = writeOperation({
	name: 'deliverables',
	summary: 'The deliverables report; with write, saved as <id>.deliverables.md beside the spec',
	writes: (input) => input.write === true,
	input: [ID_FIELD, { name: 'write', kind: 'flag', summary: 'Save the report beside the spec' }],
	async run(ws, input, host) {
		const backlinks = host?.backlinks;
		const report = await deliverablesReport(ws, input.id, backlinks);
		return input.write ? { report, saved: await writeDeliverablesReport(ws, input.id, backlinks) } : { report };
	},
});
