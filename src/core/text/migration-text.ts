import type { MigrationLog } from '../migration/migration-log';
import { blockingProblems, planIsEmpty, type MigrationPlan } from '../migration/migration-types';
import type { MigrateResult } from '../migration/run-migration';
import type { RevertOutcome } from '../migration/run-revert';
import { plural } from './problems-text';

/** What a migrate or revert call prints: its text, its JSON, and 1 when a problem blocked it or an interrupted migration waits. */
export interface MigrationOutput {
	json: unknown;
	text: string;
	exitCode?: number;
}

/** Counts a person reads first: specs, moves, files whose links change. */
export function planSummary(plan: MigrationPlan): string {
	const linkEdits = plan.edits.filter((e) => e.links.length > 0);
	const links = linkEdits.reduce((sum, e) => sum + e.links.length, 0);
	// Files edited for other reasons (a journal's sessions, a kept journal listed, a context link) are listed in their own sections.
	return `${plural(plan.specs.length, 'spec')}, ${plural(plan.moves.length, 'file')} to move, ${plural(links, 'link')} to rewrite in ${plural(linkEdits.length, 'file')}`;
}

/**
 * The plan as the CLI prints it (and the plugin's modal shows it, section by section): every move,
 * every link rewrite with its line, every journal merged, every problem.
 */
export function formatMigrationPlan(plan: MigrationPlan): string {
	const lines: string[] = [];
	if (planIsEmpty(plan)) lines.push(`Nothing to migrate: the ${plural(plan.specs.length, 'spec')} under ${plan.specsRoot}/ are in the new layout.`);
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
		lines.push('', "Context links added (a journal becomes the spec's context):");
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

/** A migrate call's result as the command line prints it (and the Obsidian CLI's handlers will). */
export function migrationOutput(r: MigrateResult): MigrationOutput {
	switch (r.outcome) {
		case 'unfinished':
			return {
				json: { unfinished: r.logPath, applied: false },
				text: `An interrupted migration is unfinished (${r.logPath}): finish it with: spec-work migrate --apply, or undo it with: spec-work migrate --revert last`,
				exitCode: 1,
			};
		case 'planned': {
			const { plan, blocked } = r;
			const tail =
				planIsEmpty(plan) && !blocked
					? ''
					: blocked
						? `\n\n${r.apply ? 'Not applied' : 'Dry run'}: fix the errors above first; nothing was changed.`
						: '\n\nDry run: nothing was changed. Apply with: spec-work migrate --apply';
			return { json: { ...(planJson(plan) as object), applied: false }, text: formatMigrationPlan(plan) + tail, exitCode: blocked ? 1 : 0 };
		}
		case 'applied':
			return {
				json: { ...(planJson(r.plan) as object), applied: true, log: r.logPath },
				text: `${formatMigrationPlan(r.plan)}\n\n${appliedLines(r.log, r.logPath)}`,
			};
		case 'resumed':
			return {
				json: { resumed: r.logPath, applied: true, log: r.logPath },
				text: `Finishing the interrupted migration ${r.logPath}.\n${appliedLines(r.log, r.logPath)}`,
			};
	}
}

function appliedLines(log: MigrationLog, logPath: string): string {
	return `Applied: moved ${plural(log.moves.length, 'file')}, edited ${log.edits.length}.\nLog: ${logPath} (undo with: spec-work migrate --revert ${logPath})`;
}

/** A revert's result as the command line prints it. */
export function revertOutput(r: RevertOutcome): MigrationOutput {
	return {
		json: { reverted: r.logPath, restored: r.restored, moved: r.moved },
		text: `Reverted ${r.finished ? '' : 'the interrupted migration '}${r.logPath}: moved ${plural(r.moved, 'file')} back, restored ${r.restored.length}.`,
	};
}
