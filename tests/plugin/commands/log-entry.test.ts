/** @jest-environment jsdom */
import { getOpenModal, notices } from '../../__mocks__/obsidian';
import { logEntry, recordCommit } from '../../../src/core/workflow/log-entry';
import { LogEntryModal } from '../../../src/plugin/modals/log-entry-modal';
import { choose, click, command, field, loadVault, openModal, openNote, vaultFiles, type, withSession3Started } from '../plugin-harness';

const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';

/** Session 3 of 1014 started, the clock at 10:20. */
const withActiveSession = () => withSession3Started('2025-08-28T10:20');

function fieldNames(): string[] {
	return Array.from(openModal().contentEl.querySelectorAll('.setting-item-name'), (el) => el.textContent ?? '').filter((n) => n !== '');
}

describe('Log to current session…', () => {
	it('appends an entry to the chosen section, as the core does', async () => {
		const { app, ws } = await withActiveSession();
		await command(app, 'log-entry');
		expect(getOpenModal(LogEntryModal)?.titleEl.textContent).toBe('Log to session 3 of 1014');
		const sections = Array.from(field<HTMLSelectElement>('Section').options, (o) => o.textContent);
		expect(sections).toEqual(['Planning', 'Changes to spec', 'Implementation', 'Testing', 'Commits', 'Issues & resolutions']);
		choose(field<HTMLSelectElement>('Section'), 'testing');
		type(field<HTMLTextAreaElement>('Entry'), 'Restore drill: 2 TB back in 41 minutes ✅\nChecksums match');
		await click(app, 'Log entry');

		await logEntry(ws, { id: '1014', section: 'testing', text: 'Restore drill: 2 TB back in 41 minutes ✅\nChecksums match' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Logged to session 3 › Testing']);
		expect(getOpenModal()).toBeNull();
	});

	it('takes an issue with its resolution, keeping the issue text when the section changes', async () => {
		const { app, ws } = await withActiveSession();
		await command(app, 'log-entry');
		type(field<HTMLTextAreaElement>('Entry'), 'Mount hangs after the NAS reboots');
		choose(field<HTMLSelectElement>('Section'), 'issues');
		expect(fieldNames()).toEqual(['Section', 'Issue', 'Resolution']);
		expect(field<HTMLTextAreaElement>('Issue').value).toBe('Mount hangs after the NAS reboots');
		type(field<HTMLTextAreaElement>('Resolution'), 'Added `_netdev` and a systemd automount');
		await click(app, 'Log entry');

		await logEntry(ws, { id: '1014', section: 'issues', text: 'Mount hangs after the NAS reboots', resolution: 'Added `_netdev` and a systemd automount' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Logged to session 3 › Issues & Resolutions']);
	});

	it('records a commit from its hash and message, and only once', async () => {
		const { app, ws } = await withActiveSession();
		await command(app, 'log-entry');
		choose(field<HTMLSelectElement>('Section'), 'commits');
		expect(fieldNames()).toEqual(['Section', 'Commit hash', 'Message']);
		type(field('Commit hash'), ' 9f8e7d6 ');
		type(field('Message'), 'Add the restore runbook');
		await click(app, 'Log entry');
		await recordCommit(ws, { id: '1014', hash: '9f8e7d6', message: 'Add the restore runbook' });
		const expected = ws.store.snapshot();
		expect(await vaultFiles(app)).toEqual(expected);
		expect(notices).toEqual(['Logged to session 3 › Commits']);

		await command(app, 'log-entry');
		choose(field<HTMLSelectElement>('Section'), 'commits');
		type(field('Commit hash'), '9f8e7d6a');
		type(field('Message'), 'Add the restore runbook');
		await click(app, 'Log entry');
		expect(notices[1]).toBe('Commit 9f8e7d6a is already in session 3');
		expect(await vaultFiles(app)).toEqual(expected);
	});

	it("refuses a bad hash or an empty entry with the core's message, keeps the modal open, writes nothing", async () => {
		const { app } = await withActiveSession();
		const before = await vaultFiles(app);
		await command(app, 'log-entry');
		await click(app, 'Log entry');
		expect(notices).toEqual(['Nothing to log: the implementation entry is empty']);
		choose(field<HTMLSelectElement>('Section'), 'commits');
		type(field('Commit hash'), 'not-a-hash');
		await click(app, 'Log entry');
		expect(notices[1]).toBe('"not-a-hash" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"');
		expect(getOpenModal(LogEntryModal)).not.toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});

	it.each([
		['a hash of two words', '9f8e7d6 runbook', '"9f8e7d6 runbook" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"'],
		['no hash', '  ', '"" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"'],
		['a hash with a colon', '9f8e7d6:x', '"9f8e7d6:x" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"'],
	])('refuses %s whole, as typed, rather than logging its first word', async (_what, hash, message) => {
		const { app } = await withActiveSession();
		const before = await vaultFiles(app);
		await command(app, 'log-entry');
		choose(field<HTMLSelectElement>('Section'), 'commits');
		type(field('Commit hash'), hash);
		type(field('Message'), 'Add the restore runbook');
		await click(app, 'Log entry');
		expect(notices).toEqual([message]);
		expect(getOpenModal(LogEntryModal)).not.toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('keeps the message as typed: a leading dash, a colon, spaces around', async () => {
		const { app, ws } = await withActiveSession();
		await command(app, 'log-entry');
		choose(field<HTMLSelectElement>('Section'), 'commits');
		type(field('Commit hash'), '9f8e7d6');
		type(field('Message'), '  - Add: the restore runbook ');
		await click(app, 'Log entry');
		await recordCommit(ws, { id: '1014', hash: '9f8e7d6', message: '  - Add: the restore runbook ' });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
	});

	it('says there is no active session, without opening the form', async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		const before = await vaultFiles(app);
		await command(app, 'log-entry');
		expect(notices).toEqual(['Spec 1014 has no active session; start one with "Start work on spec…"']);
		expect(getOpenModal()).toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('says so for a spec without a context note too', async () => {
		const { app } = await loadVault();
		await openNote(app, 'specs/3000/3001/spec.md');
		await command(app, 'log-entry');
		expect(notices).toEqual(['Spec 3001 has no active session; start one with "Start work on spec…"']);
		expect(getOpenModal()).toBeNull();
	});
});
