import { baselineOf, deliverableDrift } from '../../../src/core/deliverables/deliverable-drift';
import { readContextFile } from '../../../src/core/context/context-file';
import { markReviewed } from '../../../src/core/review/mark-reviewed';
import { reviewInbox } from '../../../src/core/review/review-inbox';
import { sinceReview } from '../../../src/core/review/since-review';
import { validate } from '../../../src/core/validate/validate';
import { specStatus } from '../../../src/core/reports/spec-status';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

const DIR = 'specs/1000/1001';
const SPEC = `${DIR}/1014.spec.md`;
const CONTEXT = `${DIR}/1014.context.md`;
const BENCH = `${DIR}/deliverables/scripts/benchmark.sh`;
const vault = readVaultFiles(EXAMPLE_VAULT);

/** The example's registry with every entry baselined as its file is now. */
function baselined(files: Record<string, string>): string {
	let text = files[CONTEXT];
	for (const [path, body] of Object.entries(files)) {
		if (!path.startsWith(`${DIR}/deliverables/`)) continue;
		const name = path.slice(`${DIR}/`.length);
		text = text.replace(new RegExp(`(- \\[\\[${name.replace(/[.]/g, '\\.')}\\|[^\\n]*)\\n`), `$1 \`hash:${baselineOf(body)}\`\n`);
	}
	return text;
}

describe('mark reviewed', () => {
	it('writes reviewed, reviewed_by and reviewed_tasks in the properties and baselines each registry entry, nothing else', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const r = await markReviewed(ws, { id: '1014', by: 'Ana' });
		const after = ws.store.snapshot();
		expect(r).toMatchObject({ reviewed: '2025-08-28 10:00', keptLater: false, accepted: [], changed: [] });
		expect(r.baselined).toHaveLength(8);
		expect(after[SPEC]).toBe(before[SPEC].replace('  - nas\n---\n', '  - nas\nreviewed: 2025-08-28 10:00\nreviewed_by: Ana\nreviewed_tasks: dddddip\n---\n'));
		expect(after[CONTEXT]).toBe(baselined(before));
		expect(after[CONTEXT]).toContain('- [[deliverables/scripts/benchmark.sh|Performance Benchmark]] - Performance testing `hash:' + baselineOf(before[BENCH]) + '`\n');
		const others = (s: Record<string, string>) => Object.entries(s).filter(([p]) => p !== SPEC && p !== CONTEXT);
		expect(others(after)).toEqual(others(before));
	});

	it('omits reviewed_by when no reviewer is named', async () => {
		const ws = await memoryWorkspace();
		await markReviewed(ws, { id: '1014' });
		expect(ws.store.snapshot()[SPEC]).toContain('  - nas\nreviewed: 2025-08-28 10:00\nreviewed_tasks: dddddip\n---\n');
	});

	it('empties the inbox entry: nothing is new right after the mark', async () => {
		const ws = await memoryWorkspace();
		expect((await reviewInbox(ws)).map((s) => s.id)).toContain('1014');
		await markReviewed(ws, { id: '1014' });
		const since = await sinceReview(ws, '1014');
		expect([since.sessions, since.tasks, since.deliverables]).toEqual([[], [], []]);
		expect((await reviewInbox(ws)).map((s) => s.id)).not.toContain('1014');
	});

	it('shows tasks that moved and a deliverable changed after the mark; accept re-baselines it', async () => {
		const ws = await memoryWorkspace();
		await markReviewed(ws, { id: '1014' });
		ws.setNow('2025-08-29T09:00:00');
		await setTaskState(ws, { id: '1014', task: '7', state: 'done' });
		const edited = ws.store.snapshot()[BENCH] + 'echo more\n';
		await ws.store.process(BENCH, () => edited);
		const since = await sinceReview(ws, '1014');
		expect(since.tasks).toEqual([{ number: 7, text: 'Final validation', from: 'pending', to: 'done' }]);
		expect(since.deliverables.map((d) => [d.path, d.state])).toEqual([[BENCH, 'changed']]);
		expect((await specStatus(ws, '1014')).changedSinceReview).toEqual([BENCH]);
		expect((await validate(ws)).problems.filter((p) => p.code === 'changed-since-review').map((p) => [p.severity, p.path, p.line])).toEqual([['warning', CONTEXT, 141]]);

		const plain = await markReviewed(ws, { id: '1014' });
		expect(plain.changed).toEqual([BENCH]);
		expect((await sinceReview(ws, '1014')).deliverables.map((d) => d.state)).toEqual(['changed']);

		const accepted = await markReviewed(ws, { id: '1014', accept: true });
		expect(accepted.accepted).toEqual([BENCH]);
		expect(ws.store.snapshot()[CONTEXT]).toContain('- Performance testing `hash:' + baselineOf(edited) + '`\n');
		expect((await sinceReview(ws, '1014')).deliverables).toEqual([]);
	});

	it("two devices: a later mark synced in wins over this device's earlier clock, and only that line is kept", async () => {
		const files = { ...vault, [SPEC]: vault[SPEC].replace('  - nas\n---\n', '  - nas\nreviewed: 2025-08-28 11:30\nreviewed_by: Bo\n---\n') };
		const ws = await memoryWorkspace(files);
		const r = await markReviewed(ws, { id: '1014', by: 'Ana' });
		expect(r).toMatchObject({ reviewed: '2025-08-28 11:30', keptLater: true });
		expect(ws.store.snapshot()[SPEC]).toBe(files[SPEC]);
	});

	it('two devices: a file a sync merged into holding both marks is read by the inbox as the later one; marking it is refused until mended', async () => {
		const files = { ...vault, [SPEC]: vault[SPEC].replace('  - nas\n---\n', '  - nas\nreviewed: 2025-08-28 09:00\nreviewed: 2025-08-28 09:40\n---\n') };
		const ws = await memoryWorkspace(files);
		expect((await reviewInbox(ws)).find((s) => s.id === '1014')?.reviewed).toBe('2025-08-28 09:40');
		await expect(markReviewed(ws, { id: '1014' })).rejects.toThrow('specs/1000/1001/1014.spec.md line 16');
		expect(ws.store.snapshot()).toEqual(files);
	});
});

describe('deliverable drift', () => {
	it('tells a renamed file (link not updated, its content beside) from a deleted one', async () => {
		const files: Record<string, string> = { ...vault, [CONTEXT]: baselined(vault) };
		const moved = `${DIR}/deliverables/scripts/bench-v2.sh`;
		files[moved] = files[BENCH];
		delete files[BENCH];
		delete files[`${DIR}/deliverables/scripts/directory-setup.sh`];
		const ws = await memoryWorkspace(files);
		const drift = await deliverableDrift(ws, CONTEXT, readContextFile(files[CONTEXT]));
		expect(drift.filter((d) => d.state !== 'unchanged').map((d) => [d.path, d.state, d.renamedTo])).toEqual([
			[`${DIR}/deliverables/scripts/directory-setup.sh`, 'deleted', null],
			[BENCH, 'renamed', moved],
		]);
	});

	it('a rename whose link was updated keeps its baseline: the hash travels with the entry', async () => {
		const moved = `${DIR}/deliverables/scripts/bench-v2.sh`;
		const files: Record<string, string> = { ...vault, [CONTEXT]: baselined(vault).replaceAll('[[deliverables/scripts/benchmark.sh|', '[[deliverables/scripts/bench-v2.sh|') };
		files[moved] = files[BENCH];
		delete files[BENCH];
		const ws = await memoryWorkspace(files);
		const drift = await deliverableDrift(ws, CONTEXT, readContextFile(files[CONTEXT]));
		expect(drift.map((d) => [d.path, d.state]).filter(([p]) => p.includes('bench'))).toEqual([[moved, 'unchanged']]);
		expect(drift.every((d) => d.state === 'unchanged')).toBe(true);
	});
});
