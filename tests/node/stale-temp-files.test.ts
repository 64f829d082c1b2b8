import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import { join } from 'path';
import { CLI, TempVault } from '../helpers/cli-process';

/**
 * Each write goes through a hidden temporary file named for the process (`.<name>.spec-work-<pid>.tmp`).
 * One left by a spec-work that was killed is removed by the next spec-work that writes; one of a
 * process still running is its own, and stays.
 */

const FOLDER = 'specs/1000/1001';

function run(vault: TempVault, args: string[], env: Record<string, string> = {}): { status: number | null; signal: string | null; stderr: string; stdout: string } {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: vault.dir,
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SPEC_WORK_NOW: '2025-08-28T10:00', ...env },
	});
	return { status: r.status, signal: r.signal, stderr: r.stderr, stdout: r.stdout };
}

/** The pid of a process that has certainly ended. */
function deadPid(): number {
	return spawnSync(process.execPath, ['-e', '']).pid;
}

function hidden(vault: TempVault): string[] {
	return readdirSync(join(vault.dir, FOLDER))
		.filter((n) => n.startsWith('.'))
		.sort();
}

describe('temporary files of a killed spec-work', () => {
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it('are removed by the next run that writes, and never listed as notes', () => {
		const big = `.1014.context.md.spec-work-${deadPid()}.tmp`;
		const mine = `.1011.context.md.spec-work-${process.pid}.tmp`;
		vault.write({ [`${FOLDER}/${big}`]: 'x'.repeat(1 << 20), [`${FOLDER}/${mine}`]: 'still being written' });

		// Reading leaves them; they are not vault content.
		const validate = run(vault, ['validate']);
		expect(validate.stdout + validate.stderr).not.toContain('.tmp');
		expect(hidden(vault)).toEqual([mine, big].sort());

		expect(run(vault, ['start', '1014', '--title', 'Tuning'])).toMatchObject({ status: 0, stderr: '' });
		expect(hidden(vault)).toEqual([mine]);
	});

	it('from a kill in the middle of a start on a large journal, are gone after the next write, which then works', () => {
		vault.write({ [`${FOLDER}/1014.context.md`]: vault.files()[`${FOLDER}/1014.context.md`] + '\nLong notes.\n'.repeat(200_000) });
		const before = Object.fromEntries(Object.entries(vault.files()).filter(([p]) => !/(^|\/)\.[^/]*$/.test(p)));
		expect(run(vault, ['start', '1014', '--title', 'Tuning'], { SPEC_WORK_CRASH_AFTER: 'temps' }).signal).toBe('SIGKILL');
		expect(hidden(vault)).toEqual([expect.stringMatching(/^\.1014\.context\.md\.spec-work-\d+\.tmp$/)]);
		// Nothing else changed: the vault's notes are as they were.
		const notes = Object.fromEntries(Object.entries(vault.files()).filter(([p]) => !/(^|\/)\.[^/]*$/.test(p)));
		expect(notes).toEqual(before);

		expect(run(vault, ['start', '1014', '--title', 'Tuning'])).toMatchObject({ status: 0, stderr: '' });
		expect(hidden(vault)).toEqual([]);
		expect(vault.files()[`${FOLDER}/1014.context.md`]).toContain('Tuning');
	});
});
