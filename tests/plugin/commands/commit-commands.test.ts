/** @jest-environment jsdom */
import { App, chooseSuggestion, getOpenModal, notices, resetPlatform, runCommand, setMobilePlatform, typeInSuggestModal } from '../../__mocks__/obsidian';
import { recordCommit } from '../../../src/core/workflow/log-entry';
import { startSession } from '../../../src/core/workflow/start-session';
import { Workspace } from '../../../src/core/workspace/workspace';
import { RecordCommitModal } from '../../../src/plugin/modals/record-commit-modal';
import { SpecPickerModal } from '../../../src/plugin/shared/spec-picker';
import { coreWorkspace, field, isOpen, loaded, openNote, press, startCommand, type, vaultFiles, waitForModal } from './artifact-harness';

const SPEC = 'specs/1000/1001/1014.spec.md';
const CONTEXT = 'specs/1000/1001/1014.context.md';

/** The plugin with session 3 of spec 1014 started; `expected` replays the same on the core's workspace. */
async function withSession() {
	const l = await loaded();
	await startSession(l.plugin.workspace(), { id: '1014', title: 'Archive tier' });
	await l.app.flush();
	const expected = async (run: (ws: Workspace) => Promise<unknown>): Promise<Record<string, string>> => {
		const ws = await coreWorkspace(l.before);
		await startSession(ws, { id: '1014', title: 'Archive tier' });
		await run(ws);
		return ws.store.snapshot();
	};
	return { ...l, started: await vaultFiles(l.app), expected };
}

async function openRecordCommit(app: App): Promise<RecordCommitModal> {
	expect(await runCommand(app, 'spec-workflow:record-commit')).toBe(true);
	const modal = getOpenModal(RecordCommitModal);
	if (!modal) throw new Error('the record commit modal did not open');
	return modal;
}

async function record(modal: RecordCommitModal, hash: string, message: string): Promise<void> {
	type(field(modal, 'Commit hash'), hash);
	type(field(modal, 'Message'), message);
	press(modal, 'Record commit');
	await modal.submitting;
}

describe('Record commit…', () => {
	afterEach(() => resetPlatform());

	it('records a typed commit in the active session: the same bytes as the core', async () => {
		const { app, expected } = await withSession();
		await openNote(app, SPEC);
		const modal = await openRecordCommit(app);
		expect(modal.contentEl.textContent).toContain('Session 3: 2025-08-28 - Archive tier');
		await record(modal, 'abc1234', 'Add log rotation script');
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await expected((ws) => recordCommit(ws, { id: '1014', hash: 'abc1234', message: 'Add log rotation script' })));
		expect((await vaultFiles(app))[CONTEXT]).toContain('- `abc1234`: Add log rotation script\n');
		expect(notices).toEqual(['Recorded the commit in session 3.']);
		expect(isOpen(modal)).toBe(false);
	});

	it('splits a pasted "hash message" line', async () => {
		const { app, expected } = await withSession();
		await openNote(app, CONTEXT);
		const modal = await openRecordCommit(app);
		await record(modal, 'abc1234 Add log rotation script', '');
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await expected((ws) => recordCommit(ws, { id: '1014', hash: 'abc1234', message: 'Add log rotation script' })));
	});

	it('refuses what is not a hash: the core’s message, nothing written, the modal kept', async () => {
		const { app, started } = await withSession();
		await openNote(app, SPEC);
		const modal = await openRecordCommit(app);
		await record(modal, 'not-a-hash', 'Add log rotation script');
		await app.flush();
		expect(notices).toEqual(['"not-a-hash" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"']);
		expect(await vaultFiles(app)).toEqual(started);
		expect(isOpen(modal)).toBe(true);
		expect(field(modal, 'Message').value).toBe('Add log rotation script');
	});

	it('says when the session already lists the commit, and writes nothing', async () => {
		const { app } = await withSession();
		await openNote(app, SPEC);
		await record(await openRecordCommit(app), 'abc1234', 'Add log rotation script');
		const once = await vaultFiles(app);
		await record(await openRecordCommit(app), 'ABC1234', 'Again');
		await app.flush();
		expect(notices).toEqual(['Recorded the commit in session 3.', 'Session 3 already lists that commit.']);
		expect(await vaultFiles(app)).toEqual(once);
	});

	it('refuses before asking when the spec has no active session', async () => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		await runCommand(app, 'spec-workflow:record-commit');
		expect(notices).toEqual(['Spec 1014 has no active session; start one with "Start work on spec…"']);
		expect(getOpenModal(RecordCommitModal)).toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('asks for the spec when the active note has none', async () => {
		const { app, expected } = await withSession();
		await openNote(app, 'notes/Storage tiers.md');
		const done = startCommand(app, 'record-commit');
		const picker = await waitForModal(SpecPickerModal);
		await typeInSuggestModal(picker, '1014');
		chooseSuggestion(picker, 0);
		await done;
		const modal = getOpenModal(RecordCommitModal) as RecordCommitModal;
		await record(modal, 'abc1234', 'Add log rotation script');
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await expected((ws) => recordCommit(ws, { id: '1014', hash: 'abc1234', message: 'Add log rotation script' })));
	});

	it('works on mobile, where git cannot run', async () => {
		setMobilePlatform();
		const { app, expected } = await withSession();
		await openNote(app, SPEC);
		await record(await openRecordCommit(app), 'abc1234', 'From the phone');
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await expected((ws) => recordCommit(ws, { id: '1014', hash: 'abc1234', message: 'From the phone' })));
	});
});
