import type { OpenSpec } from '../reports/open-specs';
import { progressFigures } from '../reports/progress-rollup';

/** `1014  Cold Storage NAS Integration  [implementing]  71% (5/7)  next: 6. Documentation (in progress)`, indented by depth. */
export function formatOpenSpecs(specs: readonly OpenSpec[]): string {
	if (specs.length === 0) return 'No open specs: every spec is completed (or there are none).\n';
	const lines = specs.map((s) => {
		const figures = progressFigures(s.progress);
		const session = s.activeSession === null ? '' : `  session ${s.activeSession} active`;
		const next = s.nextTask ? `  next: ${s.nextTask.number}. ${s.nextTask.text}${s.nextTask.state === 'in-progress' ? ' (in progress)' : ''}` : '';
		return `${'  '.repeat(s.depth)}${s.id}  ${s.title}  [${s.status || 'no status'}]  ${figures}${session}${next}`;
	});
	return `Open specs (${specs.length}):\n\n${lines.join('\n')}\n`;
}
