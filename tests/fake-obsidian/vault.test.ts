import { createFakeApp, fileAt, folderAt, normalizePath, TFile, TFolder, type TAbstractFile, type Vault } from '../__mocks__/obsidian';

/** The vault's own delete/trash are under test here (plugins should use fileManager.trashFile). */
function rawVault(vault: Vault): { delete(f: TAbstractFile, force?: boolean): Promise<void>; trash(f: TAbstractFile, system: boolean): Promise<void> } {
	return vault;
}

describe('normalizePath', () => {
	it.each([
		['a\\b\\c.md', 'a/b/c.md'],
		['//a///b//', 'a/b'],
		['/specs/1000/epic.md', 'specs/1000/epic.md'],
		['', '/'],
		['a\u00A0b.md', 'a b.md'],
		['cafe\u0301.md', 'caf\u00e9.md'],
	])('%j → %j', (input, expected) => {
		expect(normalizePath(input)).toBe(expected);
	});
});

describe('fake Vault', () => {
	it('builds the tree from the seed files with folders, names and stats', () => {
		const app = createFakeApp({ 'specs/1000/epic.md': 'é\n', 'README.md': 'x' }, { now: () => 42 });
		const file = app.vault.getFileByPath('specs/1000/epic.md');
		expect(file).toBeInstanceOf(TFile);
		expect(file).toMatchObject({ name: 'epic.md', basename: 'epic', extension: 'md', stat: { ctime: 42, mtime: 42, size: 3 } });
		expect(file?.parent?.path).toBe('specs/1000');
		expect(file?.vault).toBe(app.vault);
		const root = app.vault.getRoot();
		expect(root.isRoot()).toBe(true);
		expect(root.children.map((c) => c.path).sort()).toEqual(['README.md', 'specs']);
		expect(app.vault.getFolderByPath('specs')?.isRoot()).toBe(false);
		expect(
			app.vault
				.getAllLoadedFiles()
				.map((f) => f.path)
				.sort(),
		).toEqual(['/', 'README.md', 'specs', 'specs/1000', 'specs/1000/epic.md']);
		expect(app.vault.getMarkdownFiles()).toHaveLength(2);
	});

	it('keeps dot-folders out of the tree but readable through the adapter, and reads app.json settings', async () => {
		const app = createFakeApp({ '.obsidian/app.json': '{"useMarkdownLinks": true}', 'a.md': '' });
		expect(app.vault.getAbstractFileByPath('.obsidian/app.json')).toBeNull();
		expect(await app.vault.adapter.exists('.obsidian/app.json')).toBe(true);
		expect(await app.vault.adapter.read('.obsidian/app.json')).toBe('{"useMarkdownLinks": true}');
		expect(app.vault.getConfig('useMarkdownLinks')).toBe(true);
		expect(app.vault.getConfig('alwaysUpdateLinks')).toBe(true);
		expect(app.vault.configDir).toBe('.obsidian');
	});

	it('create fires `create` before the promise resolves, and refuses clashes and missing folders', async () => {
		const app = createFakeApp({ 'notes/a.md': 'A' });
		const seen: string[] = [];
		app.vault.on('create', (f: TAbstractFile) => seen.push(f.path));
		const file = await app.vault.create('notes/b.md', 'B');
		expect(seen).toEqual(['notes/b.md']);
		expect(await app.vault.read(file)).toBe('B');
		await expect(app.vault.create('notes/b.md', 'again')).rejects.toThrow('File already exists.');
		await expect(app.vault.create('notes/A.md', 'case clash')).rejects.toThrow('File already exists.');
		await expect(app.vault.create('missing/c.md', '')).rejects.toThrow('Folder does not exist');
		await expect(app.vault.create('notes/bad:name.md', '')).rejects.toThrow('File name cannot contain');
		expect(await app.vault.read(file)).toBe('B');
	});

	it('createFolder makes parents, fires create for each, and refuses an existing folder', async () => {
		const app = createFakeApp({});
		const seen: string[] = [];
		app.vault.on('create', (f: TAbstractFile) => seen.push(f.path));
		const folder = await app.vault.createFolder('a/b/c');
		expect(folder).toBeInstanceOf(TFolder);
		expect(seen).toEqual(['a', 'a/b', 'a/b/c']);
		await expect(app.vault.createFolder('a/b')).rejects.toThrow('Folder already exists.');
	});

	it('process is an atomic read-modify-write that fires modify only on change', async () => {
		let clock = 1;
		const app = createFakeApp({ 'a.md': 'one' }, { now: () => clock });
		const file = fileAt(app, 'a.md');
		const modified: string[] = [];
		app.vault.on('modify', (f: TAbstractFile) => modified.push(f.path));
		clock = 5;
		expect(await app.vault.process(file, (t) => t + ' two')).toBe('one two');
		expect(await app.vault.read(file)).toBe('one two');
		expect(file.stat.mtime).toBe(5);
		await app.vault.process(file, (t) => t);
		expect(modified).toEqual(['a.md']);
		await expect(
			app.vault.process(file, () => {
				throw new Error('boom');
			}),
		).rejects.toThrow('boom');
		expect(await app.vault.read(file)).toBe('one two');
	});

	it('modify and append write and fire modify', async () => {
		const app = createFakeApp({ 'a.md': 'x' });
		const file = fileAt(app, 'a.md');
		const modified: string[] = [];
		app.vault.on('modify', (f: TAbstractFile) => modified.push(f.path));
		await app.vault.modify(file, 'hello');
		await app.vault.append(file, '\nworld');
		expect(await app.vault.cachedRead(file)).toBe('hello\nworld');
		expect(file.stat.size).toBe(11);
		expect(modified).toEqual(['a.md', 'a.md']);
	});

	it('renames a folder: same objects, new paths, a rename event per moved item', async () => {
		const app = createFakeApp({ 'specs/1000/epic.md': 'E', 'specs/1000/1001/spec.md': 'S', 'other.md': '' });
		const spec = fileAt(app, 'specs/1000/1001/spec.md');
		const events: [string, string][] = [];
		app.vault.on('rename', (f: TAbstractFile, old: string) => events.push([f.path, old]));
		await app.vault.rename(folderAt(app, 'specs/1000'), 'specs/E1000');
		expect(spec.path).toBe('specs/E1000/1001/spec.md');
		expect(app.vault.getFileByPath('specs/E1000/1001/spec.md')).toBe(spec);
		expect(app.vault.getAbstractFileByPath('specs/1000')).toBeNull();
		expect(events).toEqual([
			['specs/E1000', 'specs/1000'],
			['specs/E1000/epic.md', 'specs/1000/epic.md'],
			['specs/E1000/1001', 'specs/1000/1001'],
			['specs/E1000/1001/spec.md', 'specs/1000/1001/spec.md'],
		]);
		await expect(app.vault.rename(spec, 'other.md')).rejects.toThrow('Destination file already exists!');
		await expect(app.vault.rename(spec, 'nowhere/spec.md')).rejects.toThrow('Folder does not exist');
	});

	it('renames a file to another extension and updates basename/extension', async () => {
		const app = createFakeApp({ 'notes/a.md': '' });
		const file = fileAt(app, 'notes/a.md');
		await app.vault.rename(file, 'notes/a.spec.md');
		expect(file).toMatchObject({ name: 'a.spec.md', basename: 'a.spec', extension: 'md' });
	});

	it('deletes a folder with its contents, children first; trash records paths', async () => {
		const app = createFakeApp({ 'f/a.md': '', 'f/g/b.md': '', 'c.md': '' });
		const deleted: string[] = [];
		app.vault.on('delete', (f: TAbstractFile) => deleted.push(f.path));
		await rawVault(app.vault).delete(folderAt(app, 'f'), true);
		expect(deleted).toEqual(['f/a.md', 'f/g/b.md', 'f/g', 'f']);
		const c = fileAt(app, 'c.md');
		await rawVault(app.vault).trash(c, true);
		expect(app.vault.removedPaths).toEqual(['f/a.md', 'f/g/b.md', 'f/g', 'f', 'c.md']);
		expect(app.vault.getFiles()).toEqual([]);
		await expect(app.vault.read(c)).rejects.toThrow('File does not exist: c.md');
	});

	it('copy duplicates content and fires create', async () => {
		const app = createFakeApp({ 'a.md': 'A' });
		const copy = await app.vault.copy(fileAt(app, 'a.md'), 'b.md');
		expect(await app.vault.read(copy)).toBe('A');
		await expect(app.vault.copy(copy, 'a.md')).rejects.toThrow('File already exists.');
	});

	it('offref and off detach listeners', async () => {
		const app = createFakeApp({});
		const seen: string[] = [];
		const cb = (f: TAbstractFile): void => {
			seen.push(f.path);
		};
		const ref = app.vault.on('create', cb);
		await app.vault.create('a.md', '');
		app.vault.offref(ref);
		await app.vault.create('b.md', '');
		expect(seen).toEqual(['a.md']);
	});

	it('the adapter writes hidden files in place and visible ones through the vault', async () => {
		const app = createFakeApp({});
		await app.vault.adapter.write('.obsidian/plugins/x/data.json', '{}');
		expect(await app.vault.adapter.read('.obsidian/plugins/x/data.json')).toBe('{}');
		expect(await app.vault.adapter.list('.obsidian/plugins')).toEqual({ files: [], folders: ['.obsidian/plugins/x'] });
		await app.vault.adapter.write('note.md', 'n');
		expect(app.vault.getFileByPath('note.md')).not.toBeNull();
		expect(await app.vault.adapter.stat('note.md')).toMatchObject({ type: 'file', size: 1 });
	});

	it('flush rethrows an error thrown by an event listener', async () => {
		const app = createFakeApp({});
		app.vault.on('create', () => {
			throw new Error('listener broke');
		});
		await app.vault.create('a.md', '');
		await expect(app.flush()).rejects.toThrow('listener broke');
	});
});
