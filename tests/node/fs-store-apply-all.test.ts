import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FsFileStore } from '../../src/node/fs-file-store';

/** FsFileStore.applyAll: several files written together, checked first, nothing left behind. */
describe('FsFileStore.applyAll', () => {
	let root: string;
	let store: FsFileStore;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'fs-store-'));
		store = new FsFileStore(root);
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	/** Every name in the vault, hidden ones too, so a left temporary file or journal shows. */
	function names(dir = root, prefix = ''): string[] {
		return readdirSync(dir, { withFileTypes: true })
			.flatMap((e) => (e.isDirectory() ? names(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
			.sort();
	}

	it('creates and rewrites, keeping a byte-order mark and the mode, and leaves no journal or temporary file', async () => {
		writeFileSync(join(root, 'a.md'), '\uFEFFA\r\n');
		writeFileSync(join(root, 'run.sh'), '#!/bin/sh\n');
		chmodSync(join(root, 'run.sh'), 0o750);
		await store.applyAll([
			{ kind: 'create', path: 'new/deep/c.md', text: 'C\n' },
			{ kind: 'create', path: 'new/d.bin', text: new Uint8Array([0, 255, 10]) },
			{ kind: 'modify', path: 'a.md', before: 'A\r\n', after: 'A\r\nmore\r\n' },
			{ kind: 'modify', path: 'run.sh', before: '#!/bin/sh\n', after: '#!/bin/sh\necho hi\n' },
		]);
		expect(readFileSync(join(root, 'a.md'))).toEqual(Buffer.from('\uFEFFA\r\nmore\r\n'));
		expect(readFileSync(join(root, 'new/deep/c.md'), 'utf8')).toBe('C\n');
		expect(readFileSync(join(root, 'new/d.bin'))).toEqual(Buffer.from([0, 255, 10]));
		expect(readFileSync(join(root, 'run.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
		expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o750);
		expect(names()).toEqual(['a.md', 'new/d.bin', 'new/deep/c.md', 'run.sh']);
	});

	it('writes nothing when a file to modify no longer holds what was planned from', async () => {
		writeFileSync(join(root, 'a.md'), 'edited elsewhere\n');
		await expect(
			store.applyAll([
				{ kind: 'create', path: 'new/c.md', text: 'C\n' },
				{ kind: 'modify', path: 'a.md', before: 'A\n', after: 'A\nmore\n' },
			]),
		).rejects.toMatchObject({ code: 'changed', path: 'a.md', message: 'a.md changed while it was being edited; nothing was written' });
		expect(names()).toEqual(['a.md']);
		expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('edited elsewhere\n');
	});

	it('writes nothing, and makes no folder, when a file to create is there already', async () => {
		writeFileSync(join(root, 'b.md'), 'theirs\n');
		writeFileSync(join(root, 'a.md'), 'A\n');
		await expect(
			store.applyAll([
				{ kind: 'create', path: 'new/c.md', text: 'C\n' },
				{ kind: 'create', path: 'b.md', text: 'ours\n' },
				{ kind: 'modify', path: 'a.md', before: 'A\n', after: 'A\nmore\n' },
			]),
		).rejects.toMatchObject({ code: 'exists', path: 'b.md' });
		expect(names()).toEqual(['a.md', 'b.md']);
		expect(existsSync(join(root, 'new'))).toBe(false);
		expect(readFileSync(join(root, 'b.md'), 'utf8')).toBe('theirs\n');
	});
});
