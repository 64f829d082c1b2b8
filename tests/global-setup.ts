/**
 * Builds main.js and dist/cli.js before the tests when either is missing or older than a file in src/,
 * so a bare `npx jest` on a fresh clone runs the same tests as `npm test` (which builds first).
 * Points the CLI's index cache at a folder of this run (removed by global-teardown.ts), so the
 * thousands of test vaults never fill the user's cache folder.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..');
const OUTPUTS = ['main.js', join('dist', 'cli.js')];

function newestIn(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
	}
	return newest;
}

export default function buildWhenStale(): void {
	// Set before the workers start, so they and every process they spawn with this environment inherit it.
	process.env.SPEC_WORK_CACHE_DIR = mkdtempSync(join(tmpdir(), 'spec-work-test-cache-'));
	const sources = Math.max(newestIn(join(ROOT, 'src')), statSync(join(ROOT, 'esbuild.config.mjs')).mtimeMs);
	const stale = OUTPUTS.some((out) => !existsSync(join(ROOT, out)) || statSync(join(ROOT, out)).mtimeMs < sources);
	if (!stale) return;
	const build = spawnSync(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: ROOT, encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`The build the tests need failed:\n${build.stderr}`);
}
