/** @jest-environment jsdom */
import { fileAt, getOpenModal, notices, typeInSuggestModal } from '../../__mocks__/obsidian';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { TaskPickerModal, TaskStatePickerModal } from '../../../src/plugin/modals/task-pickers';
import { command, coreWorkspace, loadVault, openModal, openNote, pick, settle, suggestions, vaultFiles } from '../plugin-harness';

const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';

describe('Update plan task…', () => {
	it("lists the plan's tasks with their states, then the states, and sets the one chosen", async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		await command(app, 'update-task');
		expect(getOpenModal(TaskPickerModal)).not.toBeNull();
		expect(await suggestions()).toEqual([
			'1. ✅ Network buffer optimization',
			'2. ✅ NFS mount configuration',
			'3. ✅ Directory structure creation',
			'4. ✅ Health monitoring script',
			'5. ✅ Performance benchmarking',
			'6. 🔄 Documentation',
			'7. ⏳ Final validation',
		]);
		expect(await typeInSuggestModal(openModal(), 'valid')).toEqual(['7. ⏳ Final validation']);
		await pick(app, 0);

		expect(getOpenModal(TaskStatePickerModal)).not.toBeNull();
		expect(await suggestions()).toEqual(['⏳ pending (current)', '🔄 in progress', '✅ done', '❌ blocked', '🚫 cancelled']);
		await pick(app, '🚫 cancelled');

		const ws = await coreWorkspace();
		await setTaskState(ws, { id: '1014', task: '7', state: 'cancelled' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Task 7 "Final validation" is now cancelled']);
	});

	it('finds a task by its number, and says when it already had the state', async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		const before = await vaultFiles(app);
		await command(app, 'update-task');
		expect(await typeInSuggestModal(openModal(), '6')).toEqual(['6. 🔄 Documentation']);
		await pick(app, 0);
		await pick(app, '🔄 in progress (current)');
		expect(notices).toEqual(['Task 6 "Documentation" is already in progress']);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('changes nothing when either picker is dismissed', async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		const before = await vaultFiles(app);
		await command(app, 'update-task');
		await pick(app, 0);
		openModal().close();
		await settle(app);
		await command(app, 'update-task');
		openModal().close();
		await settle(app);
		expect(getOpenModal()).toBeNull();
		expect(notices).toEqual([]);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('says a spec without a plan has no tasks to update', async () => {
		const { app } = await loadVault();
		await openNote(app, 'specs/3000/3001/spec.md');
		await command(app, 'update-task');
		expect(notices).toEqual(['Spec 3001 has no plan tasks yet: add them with "Start work on spec…"']);
		expect(getOpenModal()).toBeNull();
	});
	it('refuses the task picked when the plan changed under it, writing nothing', async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		await command(app, 'update-task');
		expect(await typeInSuggestModal(openModal(), '7')).toEqual(['7. ⏳ Final validation']);
		await pick(app, 0);
		// While the state picker is open, a task is inserted above: number 7 is now another task.
		await app.vault.process(fileAt(app, CONTEXT_1014), (t) => t.replace('- [/] Documentation\n', '- [/] Documentation\n- [ ] Archive job\n'));
		await settle(app);
		const before = await vaultFiles(app);
		await pick(app, '✅ done');
		expect(notices).toEqual([`${CONTEXT_1014}: task 7 is now "Archive job", not "Final validation": the list changed since it was shown; nothing was written`]);
		expect(await vaultFiles(app)).toEqual(before);
	});
});
