import { blockingProblems, type MigrationPlan } from './migration-types';

/** Counts a person reads first: specs, moves, files whose links change. */
export function planSummary(plan: MigrationPlan): string {
	const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
	const links = plan.edits.reduce((sum, e) => sum + e.links.length, 0);
	return `${n(plan.specs.length, 'spec')}, ${n(plan.moves.length, 'file')} to move, ${n(links, 'link')} to rewrite in ${n(plan.edits.length, 'file')}`;
}

/** Whether there is anything to do. */
export function planIsEmpty(plan: MigrationPlan): boolean {
	return plan.moves.length === 0 && plan.edits.length === 0;
}

/**
 * The plan as the CLI prints it (and the plugin's modal shows it, section by section): every move,
 * every link rewrite with its line, every journal merged, every problem.
 */
export function formatMigrationPlan(plan: MigrationPlan): string {
	const lines: string[] = [];
	if (planIsEmpty(plan)) lines.push(`Nothing to migrate: the ${plan.specs.length} spec${plan.specs.length === 1 ? '' : 's'} under ${plan.specsRoot}/ are in the new layout.`);
	else lines.push(`Migration of ${plan.specsRoot}/ to the new layout: ${planSummary(plan)}.`);
	if (plan.moves.length > 0) {
		lines.push('', 'Moves:');
		for (const m of plan.moves) lines.push(`  ${m.from} → ${m.to}`);
	}
	const linkEdits = plan.edits.filter((e) => e.links.length > 0);
	if (linkEdits.length > 0) {
		lines.push('', 'Link rewrites:');
		for (const e of linkEdits) {
			lines.push(`  ${e.path}${e.newPath !== e.path ? ` (→ ${e.newPath})` : ''}`);
			for (const l of e.links) lines.push(`    line ${l.line}: ${l.from} → ${l.to}`);
		}
	}
	if (plan.merges.length > 0) {
		lines.push('', 'Journals appended as sessions:');
		for (const m of plan.merges) lines.push(`  ${m.journal} → sessions of ${plan.edits.find((e) => e.path === m.into)?.newPath ?? m.into}`);
	}
	if (plan.problems.length > 0) {
		lines.push('', 'Problems:');
		for (const p of plan.problems) lines.push(`  ${p.severity}: ${p.message}`);
	}
	return lines.join('\n');
}

/** The plan for `--json`: everything but the files' whole texts. */
export function planJson(plan: MigrationPlan): unknown {
	return {
		specsRoot: plan.specsRoot,
		summary: planSummary(plan),
		blocked: blockingProblems(plan).length > 0,
		specs: plan.specs,
		moves: plan.moves,
		edits: plan.edits.map((e) => ({ path: e.path, newPath: e.newPath, links: e.links, merged: e.merged })),
		merges: plan.merges,
		problems: plan.problems,
		fileCount: plan.fileCount,
	};
}
