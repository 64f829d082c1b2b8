import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { CLI, TempVault } from '../helpers/cli-process';

/**
 * A reader that stops early (`| head -1`) closes the pipe under spec-work. The output is longer
 * than a pipe holds, so spec-work is certainly still writing when head has gone.
 */
/** 1500 specs to plan or move: on a busy 2-core machine that can take 20 s. */
const SLOW_MACHINE_MS = 90_000;

describe('output into a pipe closed early', () => {
	let vault: TempVault;
	beforeEach(() => {
		const files: Record<string, string> = { '.obsidian/app.json': '{}\n' };
		for (let id = 1000; id < 2500; id++) files[`specs/${id}-epic-e${id}/${id}-epic-e${id}.spec.md`] = `# ${id} - Epic ${id}\n`;
		vault = new TempVault(files);
	});
	afterEach(() => vault.cleanup());

	const throughHead = (args: string) =>
		spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${args} | head -1`], {
			cwd: vault.dir,
			encoding: 'utf8',
			env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SPEC_WORK_NOW: '2025-08-28T10:00' },
		});

	it(
		'migrate | head -1 prints the first line and no stack trace',
		() => {
			const r = throughHead('migrate');
			expect(r.stdout).toBe('Migration of specs/ to the new layout: 1500 specs, 1500 files to move, 0 links to rewrite in 0 files.\n');
			expect(r.stderr).toBe('');
		},
		SLOW_MACHINE_MS,
	);

	it(
		'a writing call cut short the same way still finishes its work and releases the lock',
		() => {
			const r = throughHead('migrate --apply');
			expect(r.stderr).toBe('');
			expect(existsSync(join(vault.dir, 'specs/2499/epic.md'))).toBe(true);
			expect(existsSync(join(vault.dir, '.spec-work.lock'))).toBe(false);
		},
		SLOW_MACHINE_MS,
	);
});
