jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import { join } from 'path';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { specStatus } from '../../../src/core/reports/spec-status';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { CTX_1011, CTX_1014, EXAMPLE, expectOnlyChanged, expectRefused, replaceOnce, toCrlf, workspace } from './session-fixtures';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';

const UPDATED = ['**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 14:30'] as const;

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('setTaskState', () => {
		it('sets a task by number without an active session, changing only its marker and `updated`', async () => {
			const ws = await workspace();
			const before = ws.store.snapshot();
			const result = await setTaskState(ws, { id: '1014', task: '7', state: 'in-progress' });
			expect(result).toEqual({ task: { number: 7, text: 'Final validation', state: 'in-progress', previous: 'pending' }, written: [CTX_1014], workBegun: null });
			const expected = replaceOnce(replaceOnce(before[CTX_1014], '- [ ] Final validation\n', '- [/] Final validation\n'), ...UPDATED);
			expect(expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014])[CTX_1014]).toBe(expected);
		});

		it('finds a task by a unique part of its text, case-insensitively', async () => {
			const ws = await workspace();
			const result = await setTaskState(ws, { id: '1014', task: 'DOCUMENTATION', state: 'done' });
			expect(result.task).toEqual({ number: 6, text: 'Documentation', state: 'done', previous: 'in-progress' });
			expect(ws.store.snapshot()[CTX_1014]).toBe(replaceOnce(replaceOnce(EXAMPLE[CTX_1014], '- [/] Documentation\n', '- [x] Documentation\n'), ...UPDATED));
		});

		it('refuses text that matches several tasks, listing them with their numbers', async () => {
			const ws = await workspace();
			await expectRefused(
				ws,
				() => setTaskState(ws, { id: '1014', task: 'ation', state: 'done' }),
				'ambiguous-task',
				`${CTX_1014}: "ation" matches 5 tasks: 1. Network buffer optimization; 2. NFS mount configuration; 3. Directory structure creation; 6. Documentation; 7. Final validation. Give the task number.`,
			);
		});

		it('refuses a task that is not in the plan', async () => {
			const ws = await workspace();
			await expectRefused(ws, () => setTaskState(ws, { id: '1014', task: '9', state: 'done' }), 'unknown-task', `${CTX_1014}: No task 9: the plan has 7 tasks.`);
			await expectRefused(ws, () => setTaskState(ws, { id: '1014', task: 'deploy', state: 'done' }), 'unknown-task', `${CTX_1014}: No task matches "deploy".`);
		});

		it("writes the seed's emoji for an emoji plan (1011)", async () => {
			const ws = await workspace();
			const before = ws.store.snapshot();
			await setTaskState(ws, { id: '1011', task: '#4', state: 'blocked' });
			let expected = replaceOnce(before[CTX_1011], '4. ✅ Benchmark with fio\n', '4. ❌ Benchmark with fio\n');
			expected = replaceOnce(expected, '**Updated**: 2025-08-25 17:05', '**Updated**: 2025-08-28 14:30');
			expect(expectOnlyChanged(before, ws.store.snapshot(), [CTX_1011])[CTX_1011]).toBe(expected);
		});

		it('writes nothing when the task already has that state', async () => {
			const ws = await workspace();
			const before = ws.store.snapshot();
			const result = await setTaskState(ws, { id: '1014', task: '1', state: 'done' });
			expect(result).toEqual({ task: { number: 1, text: 'Network buffer optimization', state: 'done', previous: 'done' }, written: [], workBegun: null });
			expect(ws.store.snapshot()).toEqual(before);
		});

		it('refuses an unknown state, and a spec without a journal', async () => {
			const ws = await workspace();
			await expectRefused(
				ws,
				() => setTaskState(ws, { id: '1014', task: '1', state: 'finished' as never }),
				'bad-state',
				'Unknown task state "finished": use pending, in-progress, done, blocked, cancelled',
			);
			await expectRefused(
				ws,
				() => setTaskState(ws, { id: '4005', task: '1', state: 'done' }),
				'no-context',
				'Spec 4005 has no context file (specs/4000/4005/context.md) and so no plan, and no checklist in specs/4000/4005/spec.md',
			);
		});

		it('keeps a CRLF journal CRLF', async () => {
			const ws = await workspace({ [CTX_1014]: toCrlf(EXAMPLE[CTX_1014]) });
			await setTaskState(ws, { id: '1014', task: '7', state: 'cancelled' });
			expect(ws.store.snapshot()[CTX_1014]).toBe(toCrlf(replaceOnce(replaceOnce(EXAMPLE[CTX_1014], '- [ ] Final validation\n', '- [-] Final validation\n'), ...UPDATED)));
		});
	});

	describe('setTaskState on a spec that keeps its tasks as a checklist', () => {
		const vault = readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'progress'));
		const SPEC = 'specs/1000/1001/1014.spec.md';

		it('ticks checklist item 4 of the spec itself, as status and next number it, changing only its box', async () => {
			const ws = await memoryWorkspace(vault);
			const before = ws.store.snapshot();
			const result = await setTaskState(ws, { id: '1014', task: '4', state: 'done' });
			expect(result).toEqual({ task: { number: 4, text: 'Benchmark on the NAS', state: 'done', previous: 'pending' }, written: [SPEC], workBegun: null });
			expect(expectOnlyChanged(before, ws.store.snapshot(), [SPEC])[SPEC]).toBe(replaceOnce(before[SPEC], '- [ ] Benchmark on the NAS\n', '- [x] Benchmark on the NAS\n'));
			expect((await specStatus(ws, '1014')).progress).toEqual({ done: 4, total: 5, percent: 80, from: 'checklist' });
		});

		it('finds a checklist item by its text, and never an acceptance criterion', async () => {
			const ws = await memoryWorkspace(vault);
			expect((await setTaskState(ws, { id: '1014', task: 'document', state: 'in-progress' })).task.number).toBe(5);
			await expectRefused(ws, () => setTaskState(ws, { id: '1014', task: '2 GB feed', state: 'done' }), 'unknown-task', `${SPEC}: No task matches "2 GB feed".`);
		});
	});

	describe('setTaskState with the text the caller showed', () => {
		it('refuses a numbered task whose text changed since, and writes nothing', async () => {
			const ws = await workspace();
			await expectRefused(
				ws,
				() => setTaskState(ws, { id: '1014', task: '7', state: 'done', expectText: 'Final check' }),
				'task-changed',
				`${CTX_1014}: task 7 is now "Final validation", not "Final check": the list changed since it was shown; nothing was written`,
			);
			expect((await setTaskState(ws, { id: '1014', task: '7', state: 'done', expectText: 'Final validation' })).written).toEqual([CTX_1014]);
		});
	});
});
