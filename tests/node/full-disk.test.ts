import { execFileSync } from 'child_process';
import { closeSync, cpSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { spawnCli, TempVault } from '../helpers/cli-process';
import { EXAMPLE_VAULT } from '../helpers/vault-files';

/**
 * A disk that fills up mid-write: `new` and `deliver` fail in one line and leave the vault byte for
 * byte as it was (no empty spec, no truncated deliverable), and work once there is room again.
 * A small tmpfs is the full disk; mounting needs root, so elsewhere this says why it is skipped.
 */

const mountPoint = mkdtempSync(join(tmpdir(), 'spec-work-full-'));
const mountProblem = tryMount();

function tryMount(): string | null {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'pipe' });
		return null;
	} catch (e) {
		return (e as { stderr?: Buffer }).stderr?.toString().trim() || String(e);
	}
}

if (mountProblem !== null) {
	console.log(`full-disk tests skipped: cannot mount a small tmpfs here (${mountProblem})`);
}

afterAll(() => {
	if (mountProblem === null) execFileSync('umount', [mountPoint]);
	rmdirSync(mountPoint);
});

/** Every file under the vault, hidden ones included, as path → text (a truncated or emptied file shows). */
function bytesOf(root: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const abs = join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else out[relative(root, abs)] = readFileSync(abs, 'utf8');
		}
	};
	walk(root);
	return out;
}

/** The vault's bytes after running `args` on a copy of the example vault on a disk with room. */
function withRoom(args: string[], input?: string): Record<string, string> {
	const roomy = new TempVault();
	try {
		expect(spawnCli(args, { cwd: roomy.dir, input })).toMatchObject({ code: 0, stderr: '' });
		return bytesOf(roomy.dir);
	} finally {
		roomy.cleanup();
	}
}

/** Fills the disk to the last byte, then frees `room` bytes; returns a way to free it all. */
function fillDisk(room: number): () => void {
	const filler = join(mountPoint, 'filler');
	const fd = openSync(filler, 'w');
	const chunk = Buffer.alloc(64 * 1024, 1);
	try {
		for (;;) writeSync(fd, chunk);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
	}
	ftruncateSync(fd, Math.max(0, statSync(filler).size - room));
	closeSync(fd);
	return () => rmSync(filler);
}

(mountProblem === null ? describe : describe.skip)('a full disk', () => {
	const vault = join(mountPoint, 'vault');
	let freeAll: () => void = () => undefined;
	beforeEach(() => cpSync(EXAMPLE_VAULT, vault, { recursive: true }));
	afterEach(() => {
		freeAll();
		rmSync(vault, { recursive: true, force: true });
	});

	it('new fails in one line, leaves the vault as it was, and works once there is room', () => {
		const before = bytesOf(vault);
		// Room for a page or two: some of the new files' texts fit, not all of them.
		freeAll = fillDisk(8192);
		const args = ['new', 'task', '--title', 'Archive Tier', '--parent', '1001'];

		const full = spawnCli(args, { cwd: vault });
		expect(full.code).toBe(1);
		expect(bytesOf(vault)).toEqual(before);
		expect(full.stderr).toMatch(/^spec-work: specs\/1000\/1001\/\S+: no space left on the disk; nothing was written\n$/);

		freeAll();
		freeAll = () => undefined;
		const retry = spawnCli(args, { cwd: vault });
		expect(retry).toMatchObject({ code: 0, stderr: '' });
		const expected = withRoom(args);
		expect(Object.keys(expected)).toContain('specs/1000/1001/1015.spec.md');
		expect(bytesOf(vault)).toEqual(expected);
	});

	it('deliver fails in one line, leaves no truncated deliverable, and works once there is room', () => {
		const before = bytesOf(vault);
		freeAll = fillDisk(8192);
		const guide = '# Big guide\n\n' + 'A line of the guide that goes on for a while.\n'.repeat(1000);
		const args = ['deliver', '1014', '--type', 'docs', '--file', 'big-guide.md', '--title', 'Big guide', '--purpose', 'Everything', '--stdin'];

		const full = spawnCli(args, { cwd: vault, input: guide });
		expect(full.code).toBe(1);
		expect(bytesOf(vault)).toEqual(before);
		expect(full.stderr).toBe('spec-work: specs/1000/1001/deliverables/docs/big-guide.md: no space left on the disk; nothing was written\n');

		freeAll();
		freeAll = () => undefined;
		expect(spawnCli(args, { cwd: vault, input: guide })).toMatchObject({ code: 0, stderr: '' });
		const expected = withRoom(args, guide);
		expect(expected['specs/1000/1001/deliverables/docs/big-guide.md']).toContain(guide.slice('# Big guide\n'.length));
		expect(bytesOf(vault)).toEqual(expected);
	});
});
