import fc from 'fast-check';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FileStoreError } from '../../src/core/files/file-store';
import { WorkflowError } from '../../src/core/workflow/workflow-error';
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
		await expect(store.process('a.md', () => { throw refusal; })).rejects.toBe(refusal);
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

	it('refuses paths that leave the vault', async () => {
		await expect(store.create('../outside.md', 'x')).rejects.toBeInstanceOf(FileStoreError);
		await expect(store.read('/etc/passwd')).rejects.toMatchObject({ code: 'unsafe-path' });
	});

	describe('recyclingWrites', () => {
		const onLinux = process.platform === 'linux' ? it : it.skip;

		/** Every file under `dir`, dot files included: its text and permission bits. */
		const tree = (dir: string): Record<string, string> => {
			const out: Record<string, string> = {};
			for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
				if (!e.isFile()) continue;
				const abs = join(e.parentPath, e.name);
				out[abs.slice(dir.length + 1)] = `${(statSync(abs).mode & 0o7777).toString(8)} ${readFileSync(abs, 'utf8')}`;
			}
			return out;
		};

		const files = ['a.md', 'b.md', 'deep/c.md', 'deep/er/d.sh', 'e.md'];
		const modes = [0o644, 0o600, 0o755, 0o664, 0o640];
		const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', 'x'.repeat(5000)));

		it('writes the same texts and modes as plain writes, leaves no temporary file, and never writes through another name of a linked file', async () => {
			await fc.assert(
				fc.asyncProperty(
					fc.array(text, { minLength: files.length, maxLength: files.length }),
					fc.array(fc.tuple(fc.nat(files.length - 1), text, fc.boolean()), { maxLength: 25 }),
					async (initial, edits) => {
						const roots = [mkdtempSync(join(tmpdir(), 'fs-plain-')), mkdtempSync(join(tmpdir(), 'fs-recycle-'))];
						try {
							for (const r of roots) {
								files.forEach((f, i) => {
									mkdirSync(join(r, f, '..'), { recursive: true });
									writeFileSync(join(r, f), initial[i]);
									chmodSync(join(r, f), modes[i]);
								});
								// e.md has a second name outside the edits: it must keep the text from before.
								linkSync(join(r, 'e.md'), join(r, 'deep/e-link.md'));
							}
							const run = async (s: FsFileStore): Promise<void> => {
								for (const [i, t, refuse] of edits) {
									await s.process(files[i], (old) => {
										if (refuse) throw new Error('refused');
										return old === t ? old : t;
									}).catch((e: Error) => expect(e.message).toBe('refused'));
								}
							};
							await run(new FsFileStore(roots[0]));
							const recycling = new FsFileStore(roots[1]);
							await recycling.recyclingWrites(() => run(recycling));
							expect(tree(roots[1])).toEqual(tree(roots[0]));
							expect(readFileSync(join(roots[1], 'deep/e-link.md'), 'utf8')).toBe(initial[4]);
						} finally {
							for (const r of roots) rmSync(r, { recursive: true, force: true });
						}
					},
				),
				{ numRuns: 60 },
			);
		});

		onLinux('reuses the replaced file\'s inode for the next write instead of a new one', async () => {
			writeFileSync(join(root, 'a.md'), 'a');
			writeFileSync(join(root, 'b.md'), 'b');
			const oldA = statSync(join(root, 'a.md')).ino;
			await store.recyclingWrites(async () => {
				await store.process('a.md', () => 'A');
				await store.process('b.md', () => 'B');
			});
			expect(statSync(join(root, 'b.md')).ino).toBe(oldA);
			expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('A');
			expect(readFileSync(join(root, 'b.md'), 'utf8')).toBe('B');
			expect(readdirSync(root).sort()).toEqual(['a.md', 'b.md']);
		});

		it('leaves no temporary file when the run fails', async () => {
			writeFileSync(join(root, 'a.md'), 'a');
			const failure = new Error('stop');
			await expect(
				store.recyclingWrites(async () => {
					await store.process('a.md', () => 'A');
					await expect(store.process('gone.md', () => 'x')).rejects.toMatchObject({ code: 'not-found' });
					throw failure;
				}),
			).rejects.toBe(failure);
			expect(readdirSync(root)).toEqual(['a.md']);
			expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('A');
			// Outside a run, writes make their own temporary file again.
			await store.process('a.md', () => 'AA');
			expect(readdirSync(root)).toEqual(['a.md']);
		});
	});
});
