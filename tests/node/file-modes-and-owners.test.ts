import { spawnSync } from 'child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { CLI, TempVault } from '../helpers/cli-process';

/**
 * A rewrite is a new file renamed over the old one, which needs only the folder's permission: so
 * the store itself must refuse a note its owner made read-only, and give a rewritten note back its
 * mode and owner. Run as root (to own files as `nobody`, uid 65534); elsewhere says why it is skipped.
 */

const CONTEXT = 'specs/1000/1001/1014.context.md';
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
if (!isRoot) {
	console.log('owner tests skipped: they need root, to give files to another user');
}

function run(vault: TempVault, args: string[], as?: number): { code: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: vault.dir,
		input: 'Notes\n',
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SPEC_WORK_NOW: '2025-08-28T10:00' },
		...(as === undefined ? {} : { uid: as, gid: as }),
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Verbs that rewrite a spec's context file while a session is open. */
const REWRITES: [string, string[]][] = [
	['log', ['log', '1014', 'implementation', 'Tuned the NAS']],
	['start', ['start', '1014', '--title', 'More', '--plan', 'Another task']],
	['finish', ['finish', '1014', '--summary', 'Done for today']],
	['deliver', ['deliver', '1014', '--type', 'docs', '--file', 'notes.md', '--title', 'Notes', '--purpose', 'Notes', '--stdin']],
];

describe('a note its owner made read-only', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
		expect(run(vault, ['start', '1014', '--title', 'Tuning']).code).toBe(0);
		chmodSync(join(vault.dir, CONTEXT), 0o444);
	});
	afterEach(() => vault.cleanup());

	it.each(REWRITES)('is not rewritten by %s, which says so in one line and writes nothing', (_verb, args) => {
		const before = vault.files();
		const r = run(vault, args);
		expect(r.stderr).toBe(`spec-work: ${CONTEXT} is read-only; nothing was written\n`);
		expect(r.code).toBe(1);
		expect(vault.files()).toEqual(before);
		expect(statSync(join(vault.dir, CONTEXT)).mode & 0o777).toBe(0o444);
	});

	(isRoot ? it : it.skip)('is not rewritten for its owner either, though the folder lets them rename over it', () => {
		chownTree(vault.dir, NOBODY);
		const before = vault.files();
		const r = run(vault, REWRITES[0][1], NOBODY);
		expect(r).toMatchObject({ code: 1, stderr: `spec-work: ${CONTEXT} is read-only; nothing was written\n` });
		expect(vault.files()).toEqual(before);
	});
});

(isRoot ? describe : describe.skip)('a note rewritten by root', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
		expect(run(vault, ['start', '1014', '--title', 'Tuning']).code).toBe(0);
	});
	afterEach(() => vault.cleanup());

	it('keeps its owner, group and mode, and leaves no temporary file', () => {
		const abs = join(vault.dir, CONTEXT);
		chownSync(abs, NOBODY, NOBODY);
		chmodSync(abs, 0o664);
		const before = readFileSync(abs, 'utf8');

		expect(run(vault, REWRITES[0][1])).toMatchObject({ code: 0, stderr: '' });
		const after = readFileSync(abs, 'utf8');
		expect(after).not.toBe(before);
		expect(after).toContain('Tuned the NAS');
		const st = statSync(abs);
		expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }).toEqual({ uid: NOBODY, gid: NOBODY, mode: 0o664 });
		expect(readdirSync(join(vault.dir, 'specs/1000/1001')).filter((n) => n.startsWith('.'))).toEqual([]);
	});
});

function chownTree(dir: string, id: number): void {
	chownSync(dir, id, id);
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const abs = join(dir, entry.name);
		if (entry.isDirectory()) chownTree(abs, id);
		else chownSync(abs, id, id);
	}
}
