import type { ContextReport, PlannedContext } from '../migration/context-generation';
import { plural } from './problems-text';

/** One planned context: `specs/3000/context.md (3000 Market Data, planning, 2 deliverables; links specs/3000/epic.md to it)`. */
export function formatPlannedContext(c: PlannedContext): string {
	const facts = [`${c.id} ${c.title}`, c.status];
	if (c.deliverables > 0) facts.push(plural(c.deliverables, 'deliverable'));
	return `${c.contextPath} (${facts.join(', ')}${c.linksSpec ? `; links ${c.specPath} to it` : ''})`;
}

/** The report as text; `applyHint` says how to write a dry run's plan, in the shell's own words. */
export function formatContextReport(r: ContextReport, options: { applyHint: string }): string {
	const lines: string[] = [];
	const n = r.contexts.length;
	if (n === 0) {
		lines.push(r.problems.length === 0 ? `Every spec has a context file (${plural(r.existing, 'spec')}); nothing to do.` : 'No context file to create.');
	} else {
		lines.push(r.applied ? `Created ${plural(n, 'context file')}:` : `Would create ${plural(n, 'context file')} (dry run; ${options.applyHint}):`);
		lines.push(...r.contexts.map((c) => `  ${formatPlannedContext(c)}`));
		if (r.existing > 0) lines.push(`${plural(r.existing, 'spec')} already ${r.existing === 1 ? 'has' : 'have'} a context file, left untouched.`);
	}
	if (r.problems.length > 0) {
		lines.push(`Skipped ${plural(r.problems.length, 'spec')}:`);
		lines.push(...r.problems.map((p) => `  ${p.message}`));
	}
	if (r.applied) lines.push(`Wrote ${r.written.join(', ')}`);
	return lines.join('\n');
}
