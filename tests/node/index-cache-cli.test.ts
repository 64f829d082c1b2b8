import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { spawnCli, TempVault } from '../helpers/cli-process';

describe('spec-work status with the index cache, as real processes', () => {
	let vault: TempVault;
	let cache: string;
	beforeEach(() => {
		vault = new TempVault();
		cache = mkdtempSync(join(tmpdir(), 'spec-work-cache-'));
	});
	afterEach(() => {
		vault.cleanup();
		rmSync(cache, { recursive: true, force: true });
	});
	const status = (extra: string[] = [], env: Record<string, string> = {}) =>
		spawnCli(['status', '1014', ...extra], { cwd: vault.dir, env: { SPEC_WORK_CACHE_DIR: cache, ...env } });
	const cacheFiles = (): string[] => (existsSync(cache) ? readdirSync(cache) : []);

	it('answers a warm call as a cold one, and after an edit as the edit says', () => {
		const cold = spawnCli(['status', '1014'], { cwd: vault.dir });
		const first = status();
		expect(cacheFiles()).toHaveLength(1);
		const second = status();
		expect([first, second]).toEqual([cold, cold]);
		expect(cold.code).toBe(0);
		const spec = join(vault.dir, 'specs/1000/1001/1014.spec.md');
		writeFileSync(spec, readFileSync(spec, 'utf8').replace('Cold Storage NAS Integration', 'Cold Storage NAS Integratio!'));
		const edited = status();
		expect(edited.stdout).toContain('Cold Storage NAS Integratio!');
		expect(edited).toEqual(spawnCli(['status', '1014'], { cwd: vault.dir }));
	});

	it('ignores a corrupt cache file, answers the same and writes the cache afresh', () => {
		const first = status();
		const [file] = cacheFiles();
		const good = readFileSync(join(cache, file), 'utf8');
		writeFileSync(join(cache, file), good.slice(0, good.length / 2));
		expect(status()).toEqual(first);
		// The same facts again (a note's hash may be dropped meanwhile, once its change is old enough).
		expect(keptFacts(readFileSync(join(cache, file), 'utf8'))).toEqual(keptFacts(good));
	});

	it('writes no cache with --no-cache or SPEC_WORK_NO_CACHE=1', () => {
		const first = status(['--no-cache']);
		expect(first.code).toBe(0);
		expect(status([], { SPEC_WORK_NO_CACHE: '1' })).toEqual(first);
		expect(cacheFiles()).toEqual([]);
	});
});

/** The facts a cache file keeps, by path. */
function keptFacts(json: string): Record<string, unknown> {
	const { paths, values } = JSON.parse(json) as { paths: string[]; values: unknown[] };
	return Object.fromEntries(paths.map((path, i) => [path, values[i]]));
}
