import { readFileSync } from 'fs';
import { join } from 'path';
import { readContextFile } from '../../../src/core/context/context-file';
import { progress } from '../../../src/core/context/plan-task';
import { EXAMPLE_VAULT } from '../../helpers/vault-files';

describe('readContextFile on the example 1014 journal', () => {
	const text = readFileSync(join(EXAMPLE_VAULT, 'specs/1000/1001/1014.context.md'), 'utf8');
	const context = readContextFile(text);

	it('reads the plan with the seed figures', () => {
		expect(progress(context.tasks)).toEqual(expect.objectContaining({ done: 5, total: 7, percent: 71 }));
		expect(context.tasks.filter((t) => t.state === 'in-progress').map((t) => t.text)).toEqual(['Documentation']);
	});

	it('reads both sessions with durations and the last commit', () => {
		expect(context.sessions.map((s) => [s.number, s.date, s.durationMinutes, s.status])).toEqual([
			[1, '2025-08-26', 150, 'completed'],
			[2, '2025-08-27', 90, 'completed'],
		]);
		expect(context.sessions[1].commits.at(-1)).toEqual(expect.objectContaining({ hash: 'b2c3d4e', message: 'Add performance benchmarking results' }));
	});

	it('reads the registry, the downstream specs and the metrics', () => {
		const byType: Record<string, number> = {};
		for (const d of context.deliverables.entries) byType[d.type] = (byType[d.type] ?? 0) + 1;
		expect(byType).toEqual({ scripts: 4, docs: 2, config: 2 });
		expect(context.dependencies.downstream.map((d) => d.target)).toEqual(['../../3000/3001/spec', '../../9000/9001/spec', '../../4000/4005/spec']);
		expect(context.metrics.find((m) => m.name === 'Total Sessions')?.value).toBe('2');
	});
});
