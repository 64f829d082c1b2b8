/** @jest-environment jsdom */
import { clearNotices, notices } from '../../__mocks__/obsidian';
import { markReviewed } from '../../../src/core/review/mark-reviewed';
import { command, coreWorkspace, loadVault, openNote, pick, suggestions, vaultFiles } from '../plugin-harness';

const DIR = 'specs/1000/1001';
const SPEC = `${DIR}/1014.spec.md`;
const CONTEXT = `${DIR}/1014.context.md`;
const BENCH = `${DIR}/deliverables/scripts/benchmark.sh`;

beforeEach(() => clearNotices());

describe('Mark spec reviewed', () => {
	it('writes the bytes the core review writes, with the reviewer name from the settings', async () => {
		const { app, plugin } = await loadVault();
		plugin.settings.reviewerName = 'Ana';
		await openNote(app, SPEC);
		await command(app, 'mark-spec-reviewed');
		const ws = await coreWorkspace();
		await markReviewed(ws, { id: '1014', by: 'Ana' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect((await vaultFiles(app))[SPEC]).toContain('reviewed: 2025-08-28 10:00\nreviewed_by: Ana\nreviewed_tasks: dddddip\n---\n');
		expect(notices).toContain('Reviewed 1014');
	});

	it('a changed deliverable stays flagged after the mark; Accept changed deliverables re-baselines it', async () => {
		const ws = await coreWorkspace();
		await markReviewed(ws, { id: '1014' });
		const edited = ws.store.snapshot()[BENCH] + 'echo more\n';
		await ws.store.process(BENCH, () => edited);
		const { app } = await loadVault(ws.store.snapshot());
		await openNote(app, SPEC);
		await command(app, 'mark-spec-reviewed');
		expect(notices).toContain('Reviewed 1014; 1 still changed since review');
		clearNotices();
		await command(app, 'accept-changed-deliverables');
		expect(notices).toContain('Reviewed 1014; accepted 1 changed deliverable');
		await markReviewed(ws, { id: '1014', accept: true });
		expect((await vaultFiles(app))[CONTEXT]).toBe(ws.store.snapshot()[CONTEXT]);
	});
});

describe('Review changes…', () => {
	it('lists the specs with something new since review, newest first, and opens the one chosen', async () => {
		const { app } = await loadVault();
		await command(app, 'review-changes');
		expect(await suggestions()).toEqual([
			'1014 - Cold Storage NAS Integration2 sessions · 6 tasks moved · 8 deliverables new',
			'1011 - Hot Storage NVMe Setup1 session · 5 tasks moved',
			'1001 - Storage Infrastructure1 session',
			'1000 - Foundation Infrastructure1 session',
		]);
		await pick(app, 1);
		expect(app.workspace.getActiveFile()?.path).toBe('specs/1000/1001/1011.spec.md');
	});

	it('says there is nothing to review once every spec is marked', async () => {
		const ws = await coreWorkspace();
		for (const id of ['1014', '1011', '1001', '1000']) await markReviewed(ws, { id });
		const { app } = await loadVault(ws.store.snapshot());
		await command(app, 'review-changes');
		expect(notices).toContain('Nothing to review: no spec has changed since its last review');
	});
});
