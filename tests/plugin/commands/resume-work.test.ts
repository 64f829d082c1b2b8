/** @jest-environment jsdom */
import { fileAt, getOpenModal, notices } from '../../__mocks__/obsidian';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { startSession } from '../../../src/core/workflow/start-session';
import { ResumeModal } from '../../../src/plugin/modals/resume-modal';
import { button, click, command, coreWorkspace, loadVault, openModal, openNote, pick, settle, vaultFiles } from '../plugin-harness';

const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';

function listed(cls: string): string[] {
	return Array.from(openModal().contentEl.querySelectorAll(`.${cls} li`), (li) => li.textContent ?? '');
}

describe('Resume work on spec…', () => {
	it("shows the brief of the active note's spec and continues from the task in progress", async () => {
		const { app } = await loadVault();
		await openNote(app, 'specs/1000/1001/deliverables/scripts/benchmark.sh');
		await command(app, 'resume-work');
		const modal = getOpenModal(ResumeModal);
		expect(modal?.titleEl.textContent).toBe('Resume work on 1014 - Cold Storage NAS Integration');
		// The CLI's words: each session's line as `resume` prints it, without the bullet.
		expect(listed('spec-workflow-resume-sessions')).toEqual([
			'Session 1 (2025-08-26): Analyzing current NFS mount at 192.168.1.101:/storage; Created Network Optimization Script; …',
			'Session 2 (2025-08-27): Created Directory Structure Script and ran it on `/mnt/nas`; Created Benchmark Script; …',
		]);
		expect(openModal().contentEl.querySelector('.spec-workflow-resume-progress')?.textContent).toBe('5/7 tasks completed (71%)');
		expect(openModal().contentEl.querySelector('.spec-workflow-resume-activity')?.textContent).toBe('Last activity: Created Setup Guide');
		expect(listed('spec-workflow-resume-tasks')).toEqual(['6. ⏳ Documentation', '7. ⏳ Final validation']);

		await click(app, 'Continue from task 6');
		const ws = await coreWorkspace();
		await startSession(ws, { id: '1014' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Started session 3 on 1014, task 6 in progress']);
		expect(getOpenModal()).toBeNull();
		expect(app.workspace.getActiveFile()?.path).toBe(CONTEXT_1014);
	});

	it('sets a pending next task in progress as it continues', async () => {
		const ws = await coreWorkspace();
		await setTaskState(ws, { id: '1014', task: '6', state: 'done' });
		const { app } = await loadVault(ws.store.snapshot());
		await openNote(app, CONTEXT_1014);
		await command(app, 'resume-work');
		expect(listed('spec-workflow-resume-tasks')).toEqual(['7. ⏳ Final validation']);
		await click(app, 'Continue from task 7');

		await startSession(ws, { id: '1014' });
		await setTaskState(ws, { id: '1014', task: '7', state: 'in-progress' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Started session 3 on 1014, task 7 in progress']);
	});

	it('offers to continue the active session when no task waits', async () => {
		const ws = await coreWorkspace();
		await startSession(ws, { id: '1011', title: 'Check' });
		const { app } = await loadVault(ws.store.snapshot(), '2025-08-28T11:30');
		await openNote(app, 'specs/1000/1001/1011.spec.md');
		await command(app, 'resume-work');
		expect(listed('spec-workflow-resume-sessions')[1]).toBe('Session 2 (2025-08-28): Check');
		expect(listed('spec-workflow-resume-tasks')).toEqual(['None: every task is done.']);
		await click(app, 'Continue session 2');
		expect(notices).toEqual(['Continuing session 2 on 1011']);
		ws.setNow('2025-08-28T11:30');
		await startSession(ws, { id: '1011' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
	});

	it('asks for a spec when the active note has none, and Close changes nothing', async () => {
		const { app } = await loadVault();
		await openNote(app, 'notes/Storage tiers.md');
		const before = await vaultFiles(app);
		await command(app, 'resume-work');
		await pick(app, '4005 - Strategy State Persistencefeature · draft');
		expect(listed('spec-workflow-resume-sessions')).toEqual(['No sessions yet.']);
		expect(openModal().contentEl.querySelector('.spec-workflow-resume-progress')?.textContent).toBe('No plan yet.');
		expect(button('Start a session')).toBeTruthy();
		await click(app, 'Close');
		expect(getOpenModal()).toBeNull();
		expect(notices).toEqual([]);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('stays open and writes nothing when continuing fails', async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		await command(app, 'resume-work');
		await app.vault.modify(app.vault.getFileByPath('specs/1000/1001/1014.spec.md')!, '---\ntitle: [broken\n---\n# Cold Storage\n');
		await settle(app);
		const before = await vaultFiles(app);
		await click(app, 'Continue from task 6');
		expect(notices).toEqual(['specs/1000/1001/1014.spec.md line 2: Flow sequence in block collection must be sufficiently indented and end with a ]']);
		expect(getOpenModal(ResumeModal)).not.toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});
	it.each([
		['a pending task', '- [x] Documentation', 'Final validation'],
		['the task in progress', '- [x] Performance benchmarking', 'Documentation'],
	])('refuses to continue from %s when the plan changed since the brief was drawn, writing nothing', async (_what, above, text) => {
		const ws = await coreWorkspace();
		if (text === 'Final validation') await setTaskState(ws, { id: '1014', task: '6', state: 'done' });
		const { app } = await loadVault(ws.store.snapshot());
		await openNote(app, CONTEXT_1014);
		await command(app, 'resume-work');
		const number = text === 'Final validation' ? 7 : 6;
		// A task is inserted above the one the button names: its number is now another task's.
		await app.vault.process(fileAt(app, CONTEXT_1014), (t) => t.replace(`${above}\n`, `${above}\n- [ ] Archive job\n`));
		await settle(app);
		const before = await vaultFiles(app);
		await click(app, `Continue from task ${number}`);
		expect(notices).toEqual([`${CONTEXT_1014}: task ${number} is now "Archive job", not "${text}": the list changed since it was shown; nothing was written`]);
		expect(getOpenModal(ResumeModal)).not.toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});
});
