/** @jest-environment jsdom */
import { getOpenModal, notices } from '../../__mocks__/obsidian';
import { finishSession } from '../../../src/core/workflow/finish-session';
import { FinishSessionModal } from '../../../src/plugin/modals/finish-session-modal';
import { choose, click, command, coreWorkspace, field, loadVault, openModal, openNote, vaultFiles, type, withSession3Started } from '../plugin-harness';

const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';

/** Session 3 of 1014 started, the clock at 12:30. */
const withActiveSession = () => withSession3Started('2025-08-28T12:30');

describe('Finish session…', () => {
	it('closes the session with its status and summary, and can mark the spec completed', async () => {
		const { app, ws } = await withActiveSession();
		await command(app, 'finish-session');
		expect(getOpenModal(FinishSessionModal)?.titleEl.textContent).toBe('Finish session 3 of 1014');
		choose(field<HTMLSelectElement>('Status'), 'partial');
		type(field<HTMLTextAreaElement>('Summary'), 'Runbook written; restore drill passed.\nValidation with the downstream teams is next.');
		field<HTMLElement>('Mark spec completed', '.checkbox-container').click();
		await click(app, 'Finish session');

		await finishSession(ws, { id: '1014', status: 'partial', summary: 'Runbook written; restore drill passed.\nValidation with the downstream teams is next.', complete: true });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Session 3 on 1014 partial after 2.5 hours\nSpec 1014: implementing → completed with 2 tasks not done']);
		expect(getOpenModal()).toBeNull();
	});

	it("defaults to completed without a summary, leaving the spec's status alone", async () => {
		const { app, ws } = await withActiveSession();
		await command(app, 'finish-session');
		expect(field<HTMLSelectElement>('Status').value).toBe('completed');
		await click(app, 'Finish session');
		await finishSession(ws, { id: '1014' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Session 3 on 1014 completed after 2.5 hours']);
	});

	it('says there is no active session, without opening the form', async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		const before = await vaultFiles(app);
		await command(app, 'finish-session');
		expect(notices).toEqual(['Spec 1014 has no active session; start one with "Start work on spec…"']);
		expect(getOpenModal()).toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('keeps the form open and writes nothing when the session was closed meanwhile', async () => {
		const { app } = await withActiveSession();
		await command(app, 'finish-session');
		// Another device (or the CLI) finishes the session while the modal is open.
		const finished = await coreWorkspace(await vaultFiles(app), '2025-08-28T12:00');
		await finishSession(finished, { id: '1014' });
		const context = app.vault.getFileByPath(CONTEXT_1014)!;
		await app.vault.modify(context, finished.store.snapshot()[CONTEXT_1014]);
		const before = await vaultFiles(app);
		type(field<HTMLTextAreaElement>('Summary'), 'Done');
		await click(app, 'Finish session');
		expect(notices).toEqual(['Spec 1014 has no active session; start one with "Start work on spec…"']);
		expect(getOpenModal(FinishSessionModal)).not.toBeNull();
		expect(openModal().contentEl.querySelector('textarea')?.value).toBe('Done');
		expect(await vaultFiles(app)).toEqual(before);
	});
});
