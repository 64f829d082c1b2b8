import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { generateOldVault } from '../../bench/generate-old-vault';
import { spawnCli, TempVault } from '../helpers/cli-process';

/**
 * `spec-work migrate --apply` killed with SIGKILL at points of its run (the test hook
 * SPEC_WORK_CRASH_AFTER_STEPS, docs/migration.md), on a generated old-layout vault of about 100
 * specs: whatever the point, `--revert last` gives back every byte, and `--apply` finishes it into
 * the very tree an uninterrupted run makes.
 */

/** Every file's bytes and every folder of a vault on disk (skipping nothing: the log counts too). */
function tree(root: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (dir: string): void => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const abs = join(dir, e.name);
			const rel = relative(root, abs);
			if (e.isDirectory()) {
				out[`${rel}/`] = 'folder';
				walk(abs);
			} else out[rel] = readFileSync(abs).toString('base64');
		}
	};
	walk(root);
	return out;
}

const OLD = Object.fromEntries(generateOldVault(100).files);
const LOG = 'specs/.spec-workflow/migrations/2025-08-28-100000.json';

describe('spec-work migrate --apply killed mid-way', () => {
	let original: Record<string, string>;
	let migrated: Record<string, string>;
	let steps: number;
	let moves: number;
	const vaults: TempVault[] = [];
	const fresh = (): TempVault => {
		const v = new TempVault(OLD);
		vaults.push(v);
		return v;
	};
	const crash = (v: TempVault, after: number): void => {
		const r = spawnCli(['migrate', '--apply'], { cwd: v.dir, env: { SPEC_WORK_CRASH_AFTER_STEPS: String(after) } });
		// Killed by its own SIGKILL: no exit status.
		expect(r.code).toBe(-1);
	};

	beforeAll(() => {
		const v = fresh();
		original = tree(v.dir);
		const r = v.run(['migrate', '--apply']);
		expect(r.code).toBe(0);
		migrated = tree(v.dir);
		const log = JSON.parse(readFileSync(join(v.dir, LOG), 'utf8')) as { moves: unknown[]; edits: unknown[] };
		moves = log.moves.length;
		steps = moves + log.edits.length;
		expect(moves).toBeGreaterThan(200);
	}, 60000);
	afterAll(() => {
		for (const v of vaults) v.cleanup();
	});

	const points: [string, () => number][] = [
		['plan written, no step done', () => 0],
		['after the first move', () => 1],
		['half the moves done', () => Math.floor(moves / 2)],
		['moves done, half the edits', () => moves + Math.floor((steps - moves) / 2)],
		['all steps done, log not closed', () => steps],
	];

	it.each(points)(
		'%s: --revert last gives back every byte; --apply finishes it as an uninterrupted run would',
		(_name, at) => {
			const a = fresh();
			crash(a, at());
			const dry = a.run(['migrate']);
			expect(dry.stdout).toBe(`An interrupted migration is unfinished (${LOG}): finish it with: spec-work migrate --apply, or undo it with: spec-work migrate --revert last\n`);
			expect(dry.code).toBe(1);
			const back = a.run(['migrate', '--revert', 'last']);
			expect(back.stderr).toBe('');
			expect(back.stdout).toMatch(new RegExp(`^Reverted the interrupted migration ${LOG}: moved \\d+ files? back, restored \\d+\\.\\n$`));
			expect(tree(a.dir)).toEqual(original);

			const b = fresh();
			crash(b, at());
			const resumed = b.run(['migrate', '--apply']);
			expect(resumed.stderr).toBe('');
			expect(resumed.code).toBe(0);
			expect(resumed.stdout.split('\n')[0]).toBe(`Finishing the interrupted migration ${LOG}.`);
			expect(tree(b.dir)).toEqual(migrated);
			// And it reverts as any finished migration does.
			expect(b.run(['migrate', '--revert', 'last']).code).toBe(0);
			expect(tree(b.dir)).toEqual(original);
		},
		120000,
	);

	it('a version 1 log, written by earlier versions once the migration was done, still reverts', () => {
		const v = fresh();
		expect(v.run(['migrate', '--apply']).code).toBe(0);
		const log = JSON.parse(readFileSync(join(v.dir, LOG), 'utf8')) as Record<string, unknown>;
		delete log.state;
		v.write({ [LOG]: JSON.stringify({ ...log, version: 1 }, null, '\t') + '\n' });
		const back = v.run(['migrate', '--revert', 'last']);
		expect(back.stdout).toBe(`Reverted ${LOG}: moved ${moves} files back, restored ${steps - moves}.\n`);
		expect(tree(v.dir)).toEqual(original);
	}, 60000);
});
