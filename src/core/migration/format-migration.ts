import { blockingProblems, type MigrationPlan } from './migration-types';

/** Counts a person reads first: specs, moves, files whose links change. */
export function planSummary(plan: MigrationPlan): string {
	const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
	const linkEdits = plan.edits.filter((e) => e.links.length > 0);
	const links = linkEdits.reduce((sum, e) => sum + e.links.length, 0);
	// Files edited for other reasons (a journal's sessions, a kept journal listed, a context link) are listed in their own sections.
	return `${n(plan.specs.length, 'spec')}, ${n(plan.moves.length, 'file')} to move, ${n(links, 'link')} to rewrite in ${n(linkEdits.length, 'file')}`;
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
		for (const m of plan.merges) {
			const into = plan.edits.find((e) => e.path === m.into)?.newPath ?? m.into;
			const which = m.sessions.length === 1 ? `session ${m.sessions[0]}` : `sessions ${m.sessions.join(', ')}`;
			lines.push(`  ${m.journal} → ${which} of ${into}; the journal kept as ${m.kept}, listed in the spec's and the context's Deliverables`);
		}
	}
	if (plan.contextLinks.length > 0) {
		lines.push('', 'Context links added (a journal becomes the spec\'s context):');
		for (const l of plan.contextLinks) lines.push(`  ${l.spec} → ${l.context}`);
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
		contextLinks: plan.contextLinks,
		problems: plan.problems,
		fileCount: plan.fileCount,
	};
}
