import { spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { FsFileStore } from '../../src/node/fs-file-store';
import { CLI, TempVault } from '../helpers/cli-process';
import { readVaultFiles } from '../helpers/vault-files';

/**
 * A symbolic link inside the vault may point anywhere; spec-work reads through it but never writes
 * where it would land outside the vault (a deliverable, a journal entry, a moved note).
 */

const DOCS = 'specs/1000/1001/deliverables/docs';
const CONTEXT = 'specs/1000/1001/1014.context.md';

function run(vault: TempVault, args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: vault.dir,
		input,
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SPEC_WORK_NOW: '2025-08-28T10:00' },
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The vault's own files (not what its links lead to), path → text. */
function ownFiles(root: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const abs = join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else if (entry.isFile()) out[relative(root, abs)] = readFileSync(abs, 'utf8');
		}
	};
	walk(root);
	return out;
}

describe('a symbolic link that leads out of the vault', () => {
	let vault: TempVault;
	let outside: string;
	beforeEach(() => {
		vault = new TempVault();
		outside = mkdtempSync(join(tmpdir(), 'spec-work-outside-'));
	});
	afterEach(() => {
		vault.cleanup();
		rmSync(outside, { recursive: true, force: true });
	});

	it('is read through, but deliver refuses to write a deliverable through it', () => {
		// The deliverables folder lives elsewhere, behind a link.
		cpSync(join(vault.dir, DOCS), outside, { recursive: true });
		rmSync(join(vault.dir, DOCS), { recursive: true });
		symlinkSync(outside, join(vault.dir, DOCS));
		const outsideBefore = readVaultFiles(outside);
		const before = ownFiles(vault.dir);

		const status = run(vault, ['deliverables', '1014']);
		expect(status.code).toBe(0);
		expect(status.stdout).toContain('nas-setup-guide.md');

		const r = run(vault, ['deliver', '1014', '--type', 'docs', '--file', 'faq.md', '--title', 'FAQ', '--purpose', 'Q', '--stdin'], '# FAQ\n');
		expect(r).toMatchObject({ code: 1, stderr: `spec-work: ${DOCS}/faq.md leads out of the vault through a symbolic link; nothing was written\n` });
		expect(readVaultFiles(outside)).toEqual(outsideBefore);
		expect(ownFiles(vault.dir)).toEqual(before);
	});

	it('is read through, but a note it stands for is not rewritten', () => {
		const real = join(outside, 'journal.md');
		writeFileSync(real, readFileSync(join(vault.dir, CONTEXT)));
		rmSync(join(vault.dir, CONTEXT));
		symlinkSync(real, join(vault.dir, CONTEXT));
		const text = readFileSync(real, 'utf8');

		expect(run(vault, ['status', '1014']).code).toBe(0);
		const r = run(vault, ['start', '1014', '--title', 'Tuning']);
		expect(r).toMatchObject({ code: 1, stderr: `spec-work: ${CONTEXT} leads out of the vault through a symbolic link; nothing was written\n` });
		expect(readFileSync(real, 'utf8')).toBe(text);
	});
});

describe('FsFileStore writes through links', () => {
	let root: string;
	let outside: string;
	let store: FsFileStore;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'fs-store-'));
		outside = mkdtempSync(join(tmpdir(), 'fs-outside-'));
		store = new FsFileStore(root);
		mkdirSync(join(root, 'real'));
		symlinkSync(outside, join(root, 'away'));
		symlinkSync(join(root, 'real'), join(root, 'here'));
	});
	afterEach(() => {
		rmSync(root, { recursive: true, force: true });
		rmSync(outside, { recursive: true, force: true });
	});

	it('refuses to create, or move a note, where a link leads out', async () => {
		await expect(store.create('away/new.md', 'x')).rejects.toMatchObject({
			code: 'unsafe-path',
			message: 'away/new.md leads out of the vault through a symbolic link; nothing was written',
		});
		await expect(store.create('away/deep/new.md', 'x')).rejects.toMatchObject({ code: 'unsafe-path' });
		await store.create('a.md', 'a');
		await expect(store.rename('a.md', 'away/a.md')).rejects.toMatchObject({ code: 'unsafe-path' });
		expect(readVaultFiles(outside)).toEqual({});
		expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe('a');
	});

	it('refuses to remove a file where a link leads out, but removes a link itself', async () => {
		writeFileSync(join(outside, 'keep.md'), 'keep\n');
		await expect(store.remove('away/keep.md')).rejects.toMatchObject({ code: 'unsafe-path' });
		expect(readFileSync(join(outside, 'keep.md'), 'utf8')).toBe('keep\n');
		await store.remove('away');
		expect(readFileSync(join(outside, 'keep.md'), 'utf8')).toBe('keep\n');
		expect(readdirSync(root).sort()).toEqual(['here', 'real']);
	});

	it('writes where a link inside the vault leads', async () => {
		await store.create('here/deep/new.md', 'new\n');
		expect(readFileSync(join(root, 'real', 'deep', 'new.md'), 'utf8')).toBe('new\n');
		await store.rename('here/deep/new.md', 'here/moved.md');
		expect(readFileSync(join(root, 'real', 'moved.md'), 'utf8')).toBe('new\n');
	});
});
