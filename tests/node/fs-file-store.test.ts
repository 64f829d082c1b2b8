import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FileStoreError } from '../../src/core/files/file-store';
import { WorkflowError } from '../../src/core/workspace/workflow-error';
import { FsFileStore } from '../../src/node/fs-file-store';

describe('FsFileStore', () => {
	let root: string;
	let store: FsFileStore;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'fs-store-'));
		store = new FsFileStore(root);
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('creates files with their folders, and refuses to overwrite one', async () => {
		await store.create('specs/1000/epic.md', '# E\r\n');
		expect(readFileSync(join(root, 'specs/1000/epic.md'), 'utf8')).toBe('# E\r\n');
		await expect(store.create('specs/1000/epic.md', 'other')).rejects.toMatchObject({ code: 'exists', path: 'specs/1000/epic.md' });
		expect(readFileSync(join(root, 'specs/1000/epic.md'), 'utf8')).toBe('# E\r\n');
	});

	it('creates again in a folder removed behind its back', async () => {
		await store.create('specs/a/x.md', 'x');
		rmSync(join(root, 'specs/a'), { recursive: true });
		await store.create('specs/a/y.md', 'y');
		expect(readFileSync(join(root, 'specs/a/y.md'), 'utf8')).toBe('y');
	});

	it('process writes the new text, keeps the file mode, and leaves no temporary file', async () => {
		writeFileSync(join(root, 'run.sh'), '#!/bin/sh\n');
		chmodSync(join(root, 'run.sh'), 0o755);
		expect(await store.process('run.sh', (t) => t + 'echo hi\n')).toBe('#!/bin/sh\necho hi\n');
		expect(readFileSync(join(root, 'run.sh'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
		expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o755);
		expect(readdirSync(root)).toEqual(['run.sh']);
	});

	it('process changes nothing when the edit throws, and passes the error on', async () => {
		writeFileSync(join(root, 'a.md'), 'before');
		const refusal = new WorkflowError('no-active-session', 'Spec 1014 has no active session');
		await expect(
			store.process('a.md', () => {
				throw refusal;
			}),
		).rejects.toBe(refusal);
		expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('before');
		await expect(store.process('missing.md', (t) => t)).rejects.toMatchObject({ code: 'not-found', path: 'missing.md' });
	});

	it('renames into new folders, refuses a taken target, and answers exists/stat', async () => {
		await store.create('a.md', 'a');
		await store.create('b.md', 'b');
		await expect(store.rename('a.md', 'b.md')).rejects.toMatchObject({ code: 'exists' });
		await store.rename('a.md', 'deep/er/a.md');
		expect(await store.exists('a.md')).toBe(false);
		expect(await store.exists('deep/er/a.md')).toBe(true);
		expect(await store.stat('deep/er/a.md')).toMatchObject({ size: 1 });
		expect(await store.stat('deep/er')).toBeNull();
		expect((await store.list('')).map((f) => f.path).sort()).toEqual(['b.md', 'deep/er/a.md']);
	});

	it('lists files with their size in bytes and modification time', async () => {
		writeFileSync(join(root, 'été.md'), 'café');
		const before = Date.now();
		await store.create('deep/b.md', 'bb');
		const listed = new Map((await store.list('')).map((f) => [f.path, f]));
		expect(listed.get('été.md')?.size).toBe(5);
		expect(listed.get('deep/b.md')?.size).toBe(2);
		expect(listed.get('deep/b.md')?.mtime).toBeGreaterThanOrEqual(before - 1000);
		expect(listed.get('deep/b.md')?.mtime).toBe((await store.stat('deep/b.md'))?.mtime);
	});

	it('edits a symlinked note where it lives, keeping the link', async () => {
		mkdirSync(join(root, 'real'));
		writeFileSync(join(root, 'real', 'note.md'), 'before\n');
		symlinkSync(join('real', 'note.md'), join(root, 'linked.md'));
		await store.process('linked.md', (t) => t.replace('before', 'after'));
		expect(lstatSync(join(root, 'linked.md')).isSymbolicLink()).toBe(true);
		expect(readFileSync(join(root, 'real', 'note.md'), 'utf8')).toBe('after\n');
		expect(readdirSync(join(root, 'real'))).toEqual(['note.md']);
	});

	it('removes a file, quietly when it is already gone, and never outside the vault', async () => {
		await store.create('deep/a.md', 'a');
		await store.remove('deep/a.md');
		await store.remove('deep/a.md');
		expect(readdirSync(join(root, 'deep'))).toEqual([]);
		await expect(store.remove('../outside.md')).rejects.toMatchObject({ code: 'unsafe-path' });
	});

	it('refuses paths that leave the vault', async () => {
		await expect(store.create('../outside.md', 'x')).rejects.toBeInstanceOf(FileStoreError);
		await expect(store.read('/etc/passwd')).rejects.toMatchObject({ code: 'unsafe-path' });
	});
});
