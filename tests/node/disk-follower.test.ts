import * as fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FsFileStore } from '../../src/node/fs-file-store';
import type { IndexCacheOptions } from '../../src/node/index-cache/index-cache';
import { openWorkspace, type NodeWorkspace } from '../../src/node/open-workspace';
import { indexSnapshot } from '../core/index/index-snapshot';
import { EXAMPLE_VAULT } from '../helpers/vault-files';
import { apply, editSteps, PATHS, seedVault, startNotes } from './vault-edits';

/*
 * A workspace kept open between calls (the MCP server) follows the disk file by file instead of
 * opening the vault again: whatever changed between two calls, it must answer as a cold opening.
 */

const LINKS = ['epic', '../epic', 'spec', '12', '12.context', 'notes', 'guide', 'deliverables/docs/guide', '21'];

/** What a call can get from a workspace: the index, where links lead from each note, who links to each file. */
async function answers(ws: NodeWorkspace): Promise<unknown> {
	const backlinks = await ws.backlinks();
	return {
		index: indexSnapshot(ws.index),
		links: PATHS.map((from) => LINKS.map((l) => ws.links.resolve(l, from))),
		backlinks: PATHS.map((to) => backlinks.linksTo(to).map((b) => b.source)),
	};
}

describe('a workspace kept open and refreshed', () => {
	let root: string;
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'spec-work-follow-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('answers after every edit, rename, delete and new file as a cold opening does, with or without the cache', async () => {
		let run = 0;
		await fc.assert(
			fc.asyncProperty(startNotes, editSteps, fc.boolean(), fc.boolean(), async (start, steps, settled, cached) => {
				const vault = join(root, `v${run}`);
				const cacheFolder = cached ? join(root, `c${run}`) : null;
				run++;
				seedVault(vault, start);
				// Settled: every change looks old, so only size, mtime and ctime tell; else the real clock, and recent changes are read again.
				const cacheOptions: IndexCacheOptions = settled ? { now: () => Date.now() + 3_600_000 } : {};
				const kept = await openWorkspace({ cwd: vault, vault, cacheFolder, cacheOptions, follow: true });
				for (const step of steps) {
					for (const o of step) apply(vault, o, settled);
					expect(await kept.refresh!()).toBe(true);
					expect(await answers(kept)).toEqual(await answers(await openWorkspace({ cwd: vault, vault })));
				}
			}),
			{ numRuns: 200 },
		);
	});

	describe('on the example vault', () => {
		let vault: string;
		let ws: NodeWorkspace;
		const settled: IndexCacheOptions = { now: () => Date.now() + 3_600_000 };
		beforeEach(async () => {
			vault = join(root, 'vault');
			cpSync(EXAMPLE_VAULT, vault, { recursive: true });
			ws = await openWorkspace({ cwd: vault, vault, cacheOptions: settled, follow: true });
		});

		it('reads again only the spec notes that changed', async () => {
			const reads = jest.spyOn(FsFileStore.prototype, 'read');
			try {
				expect(await ws.refresh!()).toBe(true);
				expect(reads.mock.calls).toEqual([]);
				writeFileSync(join(vault, 'specs/1000/1001/1014.spec.md'), '# 1014 - Renamed\n');
				writeFileSync(join(vault, 'specs/1000/1001/deliverables/scripts/benchmark.sh'), 'echo changed\n');
				expect(await ws.refresh!()).toBe(true);
				expect(reads.mock.calls.map(([p]) => p)).toEqual(['specs/1000/1001/1014.spec.md']);
				expect(ws.index.get('1014')?.title).toBe('Renamed');
			} finally {
				reads.mockRestore();
			}
		});

		it('lists no folder again while none moved, and forgets the folders deleted since', async () => {
			const lists = jest.spyOn(FsFileStore.prototype, 'list');
			try {
				expect(await ws.refresh!()).toBe(true);
				expect(await ws.refresh!()).toBe(true);
				// The opening kept every folder's entries: both calls find each folder as it was.
				expect(lists).not.toHaveBeenCalled();
				rmSync(join(vault, 'specs/1000/1001/deliverables'), { recursive: true });
				expect(await ws.refresh!()).toBe(true);
				expect(ws.links.has('specs/1000/1001/deliverables/scripts/benchmark.sh')).toBe(false);
				expect(lists).toHaveBeenCalledTimes(1);
				// Were the deleted folders still kept, their stat would fail at every call and the vault be listed each time.
				expect(await ws.refresh!()).toBe(true);
				expect(lists).toHaveBeenCalledTimes(1);
			} finally {
				lists.mockRestore();
			}
		});

		it('lists the vault at every call while a folder holds a temporary file, as only a listing finds one its writer left', async () => {
			const lists = jest.spyOn(FsFileStore.prototype, 'list');
			const dead = 2 ** 22 + 12345;
			const temp = join(vault, 'specs/1000/1001', `.1014.spec.md.spec-work-${dead}.tmp`);
			try {
				writeFileSync(temp, 'half a note');
				expect(await ws.refresh!()).toBe(true);
				expect(await ws.refresh!()).toBe(true);
				expect(lists).toHaveBeenCalledTimes(2);
				expect(ws.links.has('specs/1000/1001/.1014.spec.md.spec-work-' + dead + '.tmp')).toBe(false);
			} finally {
				lists.mockRestore();
			}
		});

		it('asks to be opened afresh when the plugin settings change, and a fresh opening uses them', async () => {
			mkdirSync(join(vault, '.obsidian/plugins/spec-workflow'), { recursive: true });
			writeFileSync(join(vault, '.obsidian/plugins/spec-workflow/data.json'), '{"defaultParticipants":"Ana"}');
			expect(await ws.refresh!()).toBe(false);
			expect((await openWorkspace({ cwd: vault, vault, follow: true })).settings.defaultParticipants).toBe('Ana');
		});

		it('asks to be opened afresh when a changed spec note can no longer be read, and the fresh opening names it', async () => {
			writeFileSync(join(vault, 'specs/1000/1001/1014.spec.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
			expect(await ws.refresh!()).toBe(false);
			const fresh = await openWorkspace({ cwd: vault, vault, follow: true });
			expect(fresh.index.problemsOf('specs/1000/1001/1014.spec.md').map((p) => p.code)).toEqual(['unreadable']);
		});

		it('sees an edit that kept the size and the mtime, and a new note, made moments after they were read, on a file system with times to the second', async () => {
			// A file system keeping times to the second, the read and the edit in the same second: every time is that second.
			const second = Math.floor(Date.now() / 1000) * 1000;
			const coarse = (abs: string) => {
				const st = statSync(abs, { throwIfNoEntry: false });
				return st && { size: st.size, mtimeMs: second, ctimeMs: second };
			};
			const path = join(vault, 'specs/1000/1001/1014.spec.md');
			const recent = await openWorkspace({ cwd: vault, vault, follow: true, cacheOptions: { stat: coarse, now: () => second + 500 } });
			expect(await recent.refresh!()).toBe(true);
			writeFileSync(path, readFileSync(path, 'utf8').replace('Cold Storage NAS Integration', 'Cold Storage NAS integration'));
			// A new note in a folder listed moments ago: the folder's times do not tell either.
			writeFileSync(join(vault, 'specs/1000/1001/1016.spec.md'), '# 1016 - Restore drill\n');
			expect(await recent.refresh!()).toBe(true);
			expect(recent.index.get('1014')?.title).toBe('Cold Storage NAS integration');
			expect(recent.index.get('1016')?.title).toBe('Restore drill');
		});
	});
});
