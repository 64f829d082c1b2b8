import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { generateOldVault } from '../../bench/generate-old-vault';
import { spawnCli, TempVault } from '../helpers/cli-process';

/**
 * `spec-work migrate --apply` on a small tmpfs filled to leave less room than its log needs, or
 * just enough for the log and not for the rest: the vault is left untouched, or migrated with a
 * log that reverts it — never migrated with a log that cannot. Needs `mount` (root); skipped,
 * saying why, where mounting is not permitted.
 */

function tree(root: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (dir: string): void => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const abs = join(dir, e.name);
			if (e.isDirectory()) {
				out[`${relative(root, abs)}/`] = 'folder';
				walk(abs);
			} else out[relative(root, abs)] = readFileSync(abs).toString('base64');
		}
	};
	walk(root);
	return out;
}

const LOG = 'specs/.spec-workflow/migrations/2025-08-28-100000.json';
const OLD = Object.fromEntries(generateOldVault(100).files);

let disk: string | null = null;
let mountError = '';
beforeAll(() => {
	const dir = mkdtempSync(join(tmpdir(), 'spec-work-disk-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'pipe' });
		disk = dir;
	} catch (e) {
		mountError = e instanceof Error ? e.message.split('\n')[0] : String(e);
		rmSync(dir, { recursive: true, force: true });
	}
});
afterAll(() => {
	if (disk === null) return;
	execFileSync('umount', [disk]);
	rmSync(disk, { recursive: true, force: true });
});

describe('spec-work migrate --apply on a full disk', () => {
	let original: Record<string, string>;
	let logSize: number;
	beforeAll(() => {
		const v = new TempVault(OLD);
		original = tree(v.dir);
		expect(v.run(['migrate', '--apply']).code).toBe(0);
		logSize = readFileSync(join(v.dir, LOG)).length;
		v.cleanup();
	}, 60000);

	/** The vault copied onto the tmpfs, and a filler file beside it leaving `free` bytes. */
	const onDisk = (free: number): { vault: string; filler: string } => {
		const root = disk as string;
		for (const e of readdirSync(root)) rmSync(join(root, e), { recursive: true, force: true });
		const vault = join(root, 'vault');
		mkdirSync(vault);
		for (const [path, text] of Object.entries(OLD)) {
			mkdirSync(join(vault, path, '..'), { recursive: true });
			writeFileSync(join(vault, path), text);
		}
		const filler = join(root, 'filler');
		const s = statfsSync(root);
		writeFileSync(filler, Buffer.alloc(Math.max(0, s.bavail * s.bsize - free)));
		return { vault, filler };
	};

	it('without room for the log: nothing changes, and one line says so', () => {
		if (disk === null) {
			console.log(`skipped: cannot mount a tmpfs here (${mountError})`);
			return;
		}
		const { vault } = onDisk(Math.floor(logSize / 2));
		const r = spawnCli(['migrate', '--apply'], { cwd: vault });
		expect(r.stderr).toBe(`spec-work: Could not write the migration log ${LOG} (no space left on device); nothing was changed\n`);
		expect(r.code).toBe(1);
		expect(tree(vault)).toEqual(original);
	}, 60000);

	it('with room for the log and little more: untouched, or revertible byte for byte once there is room', () => {
		if (disk === null) {
			console.log(`skipped: cannot mount a tmpfs here (${mountError})`);
			return;
		}
		for (const extra of [4096, 16384, 65536, 262144]) {
			const { vault, filler } = onDisk(logSize + extra);
			const r = spawnCli(['migrate', '--apply'], { cwd: vault });
			// One line naming what failed, never a stack trace or an "unexpected error".
			if (r.code !== 0) {
				expect(r.stderr).toMatch(/^spec-work: [^\n]+\n$/);
				expect(r.stderr).not.toContain('unexpected');
			}
			console.log(`${extra} bytes beyond the log: exit ${r.code} ${r.stderr}`);
			rmSync(filler);
			if (r.code !== 0 && /nothing was changed|the migration was undone/.test(r.stderr)) {
				expect(tree(vault)).toEqual(original);
				continue;
			}
			const back = spawnCli(['migrate', '--revert', 'last'], { cwd: vault });
			expect(`${extra}: ${back.stderr}`).toBe(`${extra}: `);
			expect(tree(vault)).toEqual(original);
		}
	}, 240000);
});
