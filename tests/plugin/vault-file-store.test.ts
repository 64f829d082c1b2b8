import type { App } from 'obsidian';
import { createFakeApp } from '../__mocks__/obsidian';
import { FileStoreError } from '../../src/core/files/file-store';
import { VaultFileStore } from '../../src/plugin/vault-file-store';

function storeOver(files: Record<string, string>): { app: App; store: VaultFileStore } {
	const app = createFakeApp(files) as unknown as App;
	return { app, store: new VaultFileStore(app) };
}

describe('VaultFileStore.create', () => {
	it('creates the file and its missing folders', async () => {
		const { app, store } = storeOver({ 'a.md': 'A' });
		await store.create('specs/1000/deliverables/docs/x.md', 'X\r\n');
		expect(await app.vault.adapter.read('specs/1000/deliverables/docs/x.md')).toBe('X\r\n');
	});

	it('refuses an existing file with FileStoreError exists and leaves it as it was', async () => {
		const { store } = storeOver({ 'a.md': 'A' });
		await expect(store.create('a.md', 'B')).rejects.toMatchObject({ name: 'FileStoreError', code: 'exists', path: 'a.md' });
		expect(await store.read('a.md')).toBe('A');
	});

	it('two creations of the same new file racing: one writes, the other is refused as exists', async () => {
		const { store } = storeOver({});
		const texts = ['first', 'second'];
		const results = await Promise.allSettled(texts.map((t) => store.create('new/a.md', t)));
		const won = results.findIndex((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toBeGreaterThanOrEqual(0);
		expect(lost).toHaveLength(1);
		expect(lost[0].reason).toBeInstanceOf(FileStoreError);
		expect(lost[0].reason).toMatchObject({ code: 'exists', path: 'new/a.md', message: 'new/a.md already exists' });
		expect(await store.read('new/a.md')).toBe(texts[won]);
	});

	it('two creations in the same new folder racing both succeed', async () => {
		const { store } = storeOver({});
		await Promise.all([store.create('new/a.md', 'A'), store.create('new/b.md', 'B')]);
		expect([await store.read('new/a.md'), await store.read('new/b.md')]).toEqual(['A', 'B']);
	});

	it('a name clashing in case only (one file on macOS and Windows) is refused naming the path', async () => {
		const { store } = storeOver({ 'Notes.md': 'N' });
		await expect(store.create('notes.md', 'n')).rejects.toMatchObject({ name: 'FileStoreError', path: 'notes.md' });
		expect(await store.read('Notes.md')).toBe('N');
	});
});

describe('VaultFileStore.remove', () => {
	it('trashes the file, and does nothing for a file that is not there', async () => {
		const { app, store } = storeOver({ 'specs/1000/x.md': 'X', 'specs/1000/y.md': 'Y' });
		await store.remove('specs/1000/x.md');
		await store.remove('specs/1000/none.md');
		expect(app.vault.getFileByPath('specs/1000/x.md')).toBeNull();
		expect(await store.read('specs/1000/y.md')).toBe('Y');
	});
});

describe('VaultFileStore and a byte-order mark', () => {
	it('gives the text without the mark and writes it back in front of the edit', async () => {
		const { app, store } = storeOver({ 'specs/a.md': '\uFEFF---\nstatus: planning\n---\n# A\n' });
		expect(await store.read('specs/a.md')).toBe('---\nstatus: planning\n---\n# A\n');
		const seen: string[] = [];
		const result = await store.process('specs/a.md', (text) => {
			seen.push(text);
			return text.replace('planning', 'implementing');
		});
		expect([seen, result]).toEqual([['---\nstatus: planning\n---\n# A\n'], '---\nstatus: implementing\n---\n# A\n']);
		expect(await app.vault.adapter.read('specs/a.md')).toBe('\uFEFF---\nstatus: implementing\n---\n# A\n');
	});
});
