import * as fc from 'fast-check';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { DELIVERABLES, DeliverablesOutcome } from '../../src/core/operations/deliverables';
import { scanBacklinks } from '../../src/core/reports/backlinks';
import { FsFileStore } from '../../src/node/fs-file-store';
import { cacheFolder, formerCacheFileIn } from '../../src/node/index-cache/cache-place';
import { NodeWorkspace, openWorkspace } from '../../src/node/open-workspace';
import { EXAMPLE_VAULT } from '../helpers/vault-files';
import type { IndexCacheOptions } from '../../src/node/index-cache/index-cache';
import { indexSnapshot } from '../core/index/index-snapshot';
import { apply, editSteps, seedVault, startNotes } from './vault-edits';

async function snapshots(vault: string, cacheFolder: string, cacheOptions: IndexCacheOptions): Promise<[unknown, unknown]> {
	const warm = await openWorkspace({ cwd: vault, vault, cacheFolder, cacheOptions });
	const cold = await openWorkspace({ cwd: vault, vault });
	return [indexSnapshot(warm.index), indexSnapshot(cold.index)];
}

interface SettledVault {
	vault: string;
	cache: string;
	/** Opens the vault through the cache, as a warm CLI call does. */
	open: () => Promise<NodeWorkspace>;
	reads: jest.SpiedFunction<FsFileStore['read']>;
}

/**
 * Runs `body` on a copy of the example vault in `root`, with a clock that makes every change look old to the
 * cache (so only size, mtime and ctime tell) and a spy on the files read; the spy is removed afterwards.
 */
async function withSettledVault(root: string, body: (v: SettledVault) => Promise<void>): Promise<void> {
	const vault = join(root, 'vault');
	cpSync(EXAMPLE_VAULT, vault, { recursive: true });
	const cache = join(root, 'cache');
	const settled: IndexCacheOptions = { now: () => Date.now() + 3_600_000 };
	const reads = jest.spyOn(FsFileStore.prototype, 'read');
	try {
		await body({ vault, cache, open: () => openWorkspace({ cwd: vault, vault, cacheFolder: cache, cacheOptions: settled }), reads });
	} finally {
		reads.mockRestore();
	}
}

describe('the index cache', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'spec-work-cache-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('gives after every edit, rename, delete and new file the index a cold build gives', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(startNotes, editSteps, fc.boolean(), async (start, steps, settled) => {
				const vault = join(root, `v${run}`);
				const cache = join(root, `c${run++}`);
				seedVault(vault, start);
				// Settled: every change looks old, so only size, mtime and ctime tell; else the real clock, and the hash for recent changes.
				const options: IndexCacheOptions = settled ? { now: () => Date.now() + 3_600_000 } : {};
				const [firstWarm, firstCold] = await snapshots(vault, cache, options);
				expect(firstWarm).toEqual(firstCold);
				for (const step of steps) {
					for (const o of step) apply(vault, o, settled);
					const [warm, cold] = await snapshots(vault, cache, options);
					expect(warm).toEqual(cold);
				}
				expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(1);
			}),
			{ numRuns: 40 },
		);
	});

	it('reads on a warm call only the spec notes that changed since the last', async () => {
		await withSettledVault(root, async ({ vault, open, reads }) => {
			const specReads = async (): Promise<string[]> => {
				reads.mockClear();
				const ws = await open();
				return reads.mock.calls.map(([p]) => p).filter((p) => ws.index.needsText(p));
			};
			expect((await specReads()).length).toBeGreaterThan(5);
			expect(await specReads()).toEqual([]);
			writeFileSync(join(vault, 'specs/1000/1001/1014.spec.md'), '# 1014 - Renamed\n');
			expect(await specReads()).toEqual(['specs/1000/1001/1014.spec.md']);
			expect(await specReads()).toEqual([]);
		});
	});

	it.each([
		['not JSON', '{"format":1,'],
		['another format', '{"format":0,"entries":{}}'],
		['an entry of the wrong shape', (good: string) => good.replace(/"childRefs":\[\]/, '"childRefs":"1015"')],
		['columns of different lengths', (good: string) => good.replace(/"hashes":\[/, '"hashes":[null,')],
		['a size that is not a number', (good: string) => good.replace(/"stats":\[\d+/, '"stats":["12"')],
		['another vault', (good: string) => good.replace(/"vault":"[^"]*"/, '"vault":"/elsewhere"')],
	])('a cache holding %s is not trusted, and is written afresh', async (_what, corrupt) => {
		const vault = join(root, 'vault');
		cpSync(EXAMPLE_VAULT, vault, { recursive: true });
		const cache = join(root, 'cache');
		const cold = indexSnapshot((await openWorkspace({ cwd: vault, vault })).index);
		await openWorkspace({ cwd: vault, vault, cacheFolder: cache });
		const [file] = readdirSync(cache);
		const good = readFileSync(join(cache, file), 'utf8');
		const bad = typeof corrupt === 'string' ? corrupt : corrupt(good);
		expect(bad).not.toBe(good);
		writeFileSync(join(cache, file), bad);
		const warm = indexSnapshot((await openWorkspace({ cwd: vault, vault, cacheFolder: cache })).index);
		expect(warm).toEqual(cold);
		// The same facts again (a note's hash may be dropped meanwhile, once its change is old enough).
		expect(keptFacts(readFileSync(join(cache, file), 'utf8'))).toEqual(keptFacts(good));
	});
});

describe('the cache file of the first format', () => {
	it('is removed once the new files are written, and other vaults’ files are left', async () => {
		const root = mkdtempSync(join(tmpdir(), 'spec-work-former-'));
		try {
			const vault = join(root, 'vault');
			cpSync(EXAMPLE_VAULT, vault, { recursive: true });
			const cache = join(root, 'cache');
			mkdirSync(cache);
			const former = formerCacheFileIn(cache, realpathSync(vault));
			writeFileSync(former, '{"format":1}');
			writeFileSync(join(cache, '0123456789abcdef.json'), '{"format":1}');
			await openWorkspace({ cwd: vault, vault, cacheFolder: cache });
			expect(existsSync(former)).toBe(false);
			expect(readdirSync(cache).sort()).toEqual(['0123456789abcdef.json', expect.stringMatching(/\.specs\.json$/)]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});

describe('backlinks through the cache', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'spec-work-links-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	/**
	 * The report of spec 1014 as the CLI gives it with the cache's link file, and as a scan of every
	 * note gives it; and the notes linking to each file, both ways.
	 */
	async function reports(vault: string, cache: string, cacheOptions: IndexCacheOptions): Promise<[unknown, unknown]> {
		const warm = await openWorkspace({ cwd: vault, vault, cacheFolder: cache, cacheOptions });
		const cold = await openWorkspace({ cwd: vault, vault });
		const [graph, scan] = [await warm.backlinks(), await scanBacklinks(cold)];
		const files = (await cold.store.list('')).map((f) => f.path);
		expect(files.map((f) => [f, graph.linksTo(f).map((b) => b.source)])).toEqual(files.map((f) => [f, [...new Set(scan.linksTo(f).map((b) => b.source))]]));
		return [await DELIVERABLES.run(warm, { id: '1014' }, { backlinks: graph }), await DELIVERABLES.run(cold, { id: '1014' }, undefined)];
	}

	it('gives the report a scan of every note gives, as notes start, stop and cease to link', async () => {
		const vault = join(root, 'vault');
		cpSync(EXAMPLE_VAULT, vault, { recursive: true });
		const cache = join(root, 'cache');
		const settled: IndexCacheOptions = { now: () => Date.now() + 3_600_000 };
		const user = join(vault, 'notes/uses.md');
		const usedBy = (report: unknown): string[] => (report as DeliverablesOutcome).report.usedBy.map((u) => u.path);
		let [warm, cold] = await reports(vault, cache, settled);
		expect(warm).toEqual(cold);
		expect(usedBy(warm)).not.toContain('notes/uses.md');

		mkdirSync(dirname(user), { recursive: true });
		writeFileSync(user, 'We run [[nas-health-check.sh|the health check]] nightly.\n');
		[warm, cold] = await reports(vault, cache, settled);
		expect(warm).toEqual(cold);
		expect(usedBy(warm)).toContain('notes/uses.md');

		// Same size, and settled: only the stat's times tell (mtime moved by the write).
		writeFileSync(user, 'We run [[nas-health-check.sk|the health check]] nightly.\n');
		[warm, cold] = await reports(vault, cache, settled);
		expect(warm).toEqual(cold);
		expect(usedBy(warm)).not.toContain('notes/uses.md');

		writeFileSync(user, 'See [[benchmark.sh]].\n');
		await reports(vault, cache, settled);
		rmSync(user);
		[warm, cold] = await reports(vault, cache, settled);
		expect(warm).toEqual(cold);
		expect(usedBy(warm)).not.toContain('notes/uses.md');
	});

	it('reads on a warm call no note that did not change', async () => {
		await withSettledVault(root, async ({ vault, cache, open, reads }) => {
			const notesRead = async (): Promise<string[]> => {
				const ws = await open();
				reads.mockClear();
				await ws.backlinks();
				return reads.mock.calls.map(([p]) => p);
			};
			expect((await notesRead()).length).toBeGreaterThan(10);
			expect(await notesRead()).toEqual([]);
			writeFileSync(join(vault, 'specs/1000/1001/1001.context.md'), '# Journal\n\nSee [[benchmark.sh]].\n');
			expect(await notesRead()).toEqual(['specs/1000/1001/1001.context.md']);
			expect(await notesRead()).toEqual([]);
			expect(readdirSync(cache).sort()).toEqual([expect.stringMatching(/\.links\.json$/), expect.stringMatching(/\.specs\.json$/)]);
		});
	});
});

describe('where the cache lives', () => {
	it('follows SPEC_WORK_CACHE_DIR, then XDG_CACHE_HOME, then the home folder; none without a home, --no-cache or SPEC_WORK_NO_CACHE', () => {
		expect(cacheFolder({ SPEC_WORK_CACHE_DIR: '/tmp/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/tmp/c');
		expect(cacheFolder({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/spec-work');
		expect(cacheFolder({ XDG_CACHE_HOME: 'relative', HOME: '/h' }, false, 'linux')).toBe('/h/.cache/spec-work');
		expect(cacheFolder({ HOME: '/h' }, false, 'darwin')).toBe('/h/Library/Caches/spec-work');
		expect(cacheFolder({})).toBeNull();
		expect(cacheFolder({ HOME: '/h' }, true)).toBeNull();
		expect(cacheFolder({ HOME: '/h', SPEC_WORK_NO_CACHE: '1' })).toBeNull();
		expect(cacheFolder({ HOME: '/h', SPEC_WORK_NO_CACHE: '0' }, false, 'linux')).toBe('/h/.cache/spec-work');
	});
});

/** The facts a cache file keeps, by path. */
function keptFacts(json: string): Record<string, unknown> {
	const { paths, values } = JSON.parse(json) as { paths: string[]; values: unknown[] };
	return Object.fromEntries(paths.map((path, i) => [path, values[i]]));
}
