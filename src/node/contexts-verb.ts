import { formatContextReport, generateContextFiles } from '../core/migration/context-generation';
import type { Verb } from './verbs';

/** `spec-work contexts [--apply]`: migration phase 2, a context file for every spec without one. */
export const CONTEXTS_VERB: Verb = {
	usage: 'contexts [--apply]',
	help: 'Creates a context file for every spec that has none: header lines, the spec\'s status, Summary from its Overview, Deliverables from its own ## Deliverables list, and the spec ↔ context links both ways. Existing contexts are left untouched. A dry run by default: lists what it would create (exit 0); --apply writes all of it or nothing.',
	positionals: [0, 0],
	positionalNames: [],
	options: { flags: ['apply'] },
	async run(ws, args) {
		const report = await generateContextFiles(ws, { apply: args.options.has('apply') });
		return { json: report, text: formatContextReport(report, { applyHint: 'run again with --apply to write them' }) };
	},
};
