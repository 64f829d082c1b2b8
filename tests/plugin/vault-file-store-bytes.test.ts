/** @jest-environment jsdom */
import type { App } from 'obsidian';
import { clearNotices, createFakeApp, fileAt, getOpenModal, notices, runCommand, type App as FakeApp } from '../__mocks__/obsidian';
import { startSession } from '../../src/core/workflow/start-session';
import { addDeliverable } from '../../src/core/workflow/add-deliverable';
import { RecordCommitModal } from '../../src/plugin/modals/record-commit-modal';
import { VaultFileStore } from '../../src/plugin/vault-file-store';
import { field, loaded, openNote, press, type } from './commands/artifact-harness';

const CONTEXT = 'specs/1000/1001/1014.context.md';

/** `Caf\xe9` as an editor saving Latin-1 writes it: not UTF-8. */
const latin1Note = (before: string): Uint8Array =>
	new Uint8Array([...Buffer.from(before, 'utf8'), ...Buffer.from('\n## Notes\nCaf', 'utf8'), 0xe9, ...Buffer.from(' au lait\n', 'utf8')]);

async function bytesOf(app: FakeApp, path: string): Promise<Uint8Array> {
	return new Uint8Array(await app.vault.readBinary(fileAt(app, path)));
}

describe('VaultFileStore and notes that are not UTF-8', () => {
	it('refuses to edit one in one line naming the file and the first bad byte, and leaves its bytes as they were', async () => {
		const fake = createFakeApp({});
		const bytes = latin1Note('# Journal');
		fake.vault.seedBinary('notes/journal.md', bytes);
		const store = new VaultFileStore(fake as unknown as App);
		const edit = jest.fn((text: string) => text + '- more\n');
		await expect(store.process('notes/journal.md', edit)).rejects.toMatchObject({
			name: 'FileStoreError',
			path: 'notes/journal.md',
			message: 'notes/journal.md: not UTF-8 text (0xe9 at byte 22); it is left untouched: save it as UTF-8 to work on it',
		});
		expect(edit).not.toHaveBeenCalled();
		expect(await bytesOf(fake, 'notes/journal.md')).toEqual(bytes);
	});

	it('edits a UTF-8 note that holds the replacement character itself', async () => {
		const fake = createFakeApp({ 'a.md': 'broken \uFFFD glyph\n' });
		const store = new VaultFileStore(fake as unknown as App);
		await store.process('a.md', (text) => text + 'more\n');
		expect(Buffer.from(await bytesOf(fake, 'a.md')).toString('utf8')).toBe('broken \uFFFD glyph\nmore\n');
	});
});

describe('VaultFileStore.createBytes', () => {
	it('creates the file, and its folders, holding exactly the bytes given', async () => {
		const fake = createFakeApp({});
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0xe9]);
		await new VaultFileStore(fake as unknown as App).createBytes('specs/1000/deliverables/docs/red.png', png.subarray(0, 12));
		expect(await bytesOf(fake, 'specs/1000/deliverables/docs/red.png')).toEqual(png);
	});

	it('refuses an existing file as exists and leaves it as it was', async () => {
		const fake = createFakeApp({ 'a.png': 'A' });
		await expect(new VaultFileStore(fake as unknown as App).createBytes('a.png', new Uint8Array([1, 2]))).rejects.toMatchObject({ code: 'exists', path: 'a.png' });
		expect(await bytesOf(fake, 'a.png')).toEqual(new Uint8Array([0x41]));
	});
});

describe('the plugin over a journal that is not UTF-8', () => {
	beforeEach(() => clearNotices());

	it('Record commit… says which file and byte in its notice and leaves the journal’s bytes as they were', async () => {
		const { app, plugin } = await loaded();
		await startSession(plugin.workspace(), { id: '1014', title: 'Archive tier' });
		await app.flush();
		const bytes = latin1Note(await app.vault.read(fileAt(app, CONTEXT)));
		await app.vault.modifyBinary(fileAt(app, CONTEXT), bytes.slice().buffer);
		await app.flush();
		await openNote(app, CONTEXT);
		clearNotices();
		expect(await runCommand(app, 'spec-workflow:record-commit')).toBe(true);
		const modal = getOpenModal(RecordCommitModal);
		if (!modal) throw new Error('the record commit modal did not open');
		type(field(modal, 'Commit hash'), 'abc1234');
		type(field(modal, 'Message'), 'Add log rotation script');
		press(modal, 'Record commit');
		await modal.submitting;
		await app.flush();
		const offset = bytes.indexOf(0xe9);
		expect(notices).toEqual([`${CONTEXT}: not UTF-8 text (0xe9 at byte ${offset}); it is left untouched: save it as UTF-8 to work on it`]);
		expect(await bytesOf(app, CONTEXT)).toEqual(bytes);
	});

	it('a binary deliverable added through the plugin’s workspace is created as its bytes', async () => {
		const { app, plugin } = await loaded();
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
		const r = await addDeliverable(plugin.workspace(), { id: '1014', type: 'docs', file: 'red.png', content: png });
		expect(await bytesOf(app, r.path)).toEqual(png);
		expect(await app.vault.read(fileAt(app, CONTEXT))).toContain('\n- [[deliverables/docs/red.png|red.png]]\n');
	});
});
