import { openSpecs } from '../../../src/core/reports/open-specs';
import { formatOpenSpecs } from '../../../src/core/text/open-specs-text';
import { join } from 'path';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

describe('openSpecs', () => {
	it('lists every spec of the example vault except the completed one, parents first, with progress and next task', async () => {
		const ws = await memoryWorkspace();
		const specs = await openSpecs(ws);
		expect(specs.map((s) => s.id)).toEqual(['1000', '1001', '1014', '3000', '3001', '4000', '4005', '9000', '9001']);
		expect(specs.find((s) => s.id === '1014')).toEqual({
			id: '1014',
			title: 'Cold Storage NAS Integration',
			type: 'task',
			status: 'implementing',
			statusRaw: 'implementing',
			path: 'specs/1000/1001/1014.spec.md',
			context: 'specs/1000/1001/1014.context.md',
			parent: { id: '1001', title: 'Storage Infrastructure' },
			depth: 2,
			progress: { done: 5, total: 7, percent: 71, from: 'plan' },
			activeSession: null,
			nextTask: { number: 6, text: 'Documentation', state: 'in-progress' },
			taskFile: 'specs/1000/1001/1014.context.md',
		});
		// A feature counts its tasks' plans but has no plan task of its own to work on.
		expect(specs.find((s) => s.id === '1001')).toMatchObject({
			depth: 1,
			context: 'specs/1000/1001/context.md',
			progress: { done: 10, total: 12, from: 'children' },
			nextTask: null,
		});
		expect(specs.find((s) => s.id === '3001')).toMatchObject({ context: null, parent: { id: '3000' }, progress: { total: 0, from: 'none' }, nextTask: null });
		expect(formatOpenSpecs(specs)).toBe(
			[
				'Open specs (9):',
				'',
				'1000  Foundation Infrastructure  [implementing]  83% (10/12)',
				'  1001  Storage Infrastructure  [implementing]  83% (10/12)',
				'    1014  Cold Storage NAS Integration  [implementing]  71% (5/7)  next: 6. Documentation (in progress)',
				'3000  Market Data  [planning]  no tasks',
				'  3001  Market Data Collection  [planning]  no tasks',
				'4000  Strategy Engine  [planning]  no tasks',
				'  4005  Strategy State Persistence  [planning]  no tasks',
				'9000  Research & Backtesting  [planning]  no tasks',
				'  9001  Backtesting Framework  [planning]  no tasks',
				'',
			].join('\n'),
		);
	});

	it('shows the session still open and a pending next task', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		const path = 'specs/1000/1001/1014.context.md';
		files[path] = files[path]
			.replace('- [/] Documentation', '- [x] Documentation')
			.replace('## Deliverables\n', '### Session 3: 2025-08-28 - Validation\n**Duration**: In progress  \n**Status**: active  \n\n## Deliverables\n');
		const specs = await openSpecs(await memoryWorkspace(files));
		const task = specs.find((s) => s.id === '1014');
		expect(task).toMatchObject({ activeSession: 3, progress: { done: 6, total: 7 }, nextTask: { number: 7, text: 'Final validation', state: 'pending' } });
		expect(formatOpenSpecs(specs)).toContain('    1014  Cold Storage NAS Integration  [implementing]  86% (6/7)  session 3 active  next: 7. Final validation\n');
	});

	it('keeps an open task under a completed feature, and says so when nothing is open', async () => {
		const ws = await memoryWorkspace({
			'specs/2000/epic.md': '---\ntitle: Done epic\nstatus: done\n---\n',
			'specs/2000/2001/spec.md': '---\ntitle: Open feature\nstatus: draft\n---\n',
		});
		expect((await openSpecs(ws)).map((s) => [s.id, s.depth, s.parent?.id])).toEqual([['2001', 1, '2000']]);
		const none = await memoryWorkspace({ 'specs/2000/epic.md': '---\ntitle: Done epic\nstatus: completed\n---\n' });
		expect(await openSpecs(none)).toEqual([]);
		expect(formatOpenSpecs([])).toBe('No open specs: every spec is completed (or there are none).\n');
	});
});

describe('openSpecs on a hand-written vault', () => {
	it('shows checklist figures and next items, and leaves the completed specs out', async () => {
		const ws = await memoryWorkspace(readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'progress')));
		expect(formatOpenSpecs(await openSpecs(ws))).toBe(
			[
				'Open specs (4):',
				'',
				'1000  Data Platform  [implementing]  76% (13/17)',
				'  1001  Ingest  [implementing]  86% (12/14)',
				'    1014  Feed Reader  [implementing]  60% (3/5)  next: 4. Benchmark on the NAS',
				'  1002  Storage  [implementing]  33% (1/3)  next: 2. Lifecycle rules (in progress)',
				'',
			].join('\n'),
		);
	});
});
