import { CONTEXTS } from '../core/operations/contexts';
import { formatContextReport } from '../core/text/contexts-text';
import { Verb, verbInput } from './verb-adapter';

/** `spec-work contexts [--apply]`: migration phase 2, a context file for every spec without one. */
export const CONTEXTS_VERB: Verb = {
	usage: 'contexts [--apply]',
	help: "Creates a context file for every spec that has none: header lines, the spec's status, Summary from its Overview, Deliverables from its own ## Deliverables list, and the spec ↔ context links both ways. Existing contexts are left untouched. A dry run by default: lists what it would create (exit 0); --apply writes all of it or nothing.",
	operations: [CONTEXTS],
	positionals: [],
	async run(ws, args) {
		const report = await CONTEXTS.run(ws, verbInput(this, CONTEXTS, args), undefined);
		return { json: report, text: formatContextReport(report, { applyHint: 'run again with --apply to write them' }) };
	},
};
