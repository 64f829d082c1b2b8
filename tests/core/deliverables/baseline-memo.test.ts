import fc from 'fast-check';
import { BaselineMemo } from '../../../src/core/deliverables/baseline-memo';
import { baselineOf } from '../../../src/core/deliverables/deliverable-drift';
import type { FileStat } from '../../../src/core/files/file-store';
import { MemoryFileStore } from '../../../src/core/files/memory-file-store';

const PATHS = ['specs/1/deliverables/scripts/a.sh', 'specs/1/deliverables/docs/b.md'];

/** A store whose clock is as coarse as some file systems': every file has the same mtime. */
class CoarseClockStore extends MemoryFileStore {
	override async stat(path: string): Promise<FileStat | null> {
		const st = await super.stat(path);
		return st && { ...st, mtime: 0 };
	}
}

/** The plain rule the memo must agree with: read the file and hash it. */
async function plain(store: MemoryFileStore, path: string): Promise<string | null> {
	return (await store.exists(path)) ? baselineOf(await store.read(path)) : null;
}

type Step = { kind: 'write'; path: number; text: string } | { kind: 'delete'; path: number } | { kind: 'ask'; path: number };

const step = fc.oneof(
	fc.record({ kind: fc.constant('write' as const), path: fc.integer({ min: 0, max: 1 }), text: fc.string({ maxLength: 6 }) }),
	fc.record({ kind: fc.constant('delete' as const), path: fc.integer({ min: 0, max: 1 }) }),
	fc.record({ kind: fc.constant('ask' as const), path: fc.integer({ min: 0, max: 1 }) }),
);

/** Runs the steps, asking the memo and the plain rule after each; `forget` is what the plugin's vault events do. */
async function agrees(store: MemoryFileStore, steps: Step[], forgetOnWrite: boolean): Promise<void> {
	const memo = new BaselineMemo();
	for (const s of steps) {
		const path = PATHS[s.path];
		if (s.kind === 'write') {
			store.put(path, s.text);
			if (forgetOnWrite) memo.forget(path);
		} else if (s.kind === 'delete') {
			await store.remove(path);
			if (forgetOnWrite) memo.forget(path);
		}
		for (const p of PATHS) expect(await memo.get(store, p, (q) => plain(store, q))).toBe(await plain(store, p));
	}
}

describe('BaselineMemo', () => {
	it('always answers as reading and hashing would, when each write changes the mtime', async () => {
		await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 25 }), (steps) => agrees(new MemoryFileStore(), steps, false)));
	});

	it('always answers as reading and hashing would on a coarse clock, when writes are reported (as the vault events are)', async () => {
		await fc.assert(fc.asyncProperty(fc.array(step, { maxLength: 25 }), (steps) => agrees(new CoarseClockStore(), steps, true)));
	});

	it('reads an unchanged file once, and again after it changes', async () => {
		const store = new MemoryFileStore({ [PATHS[0]]: 'echo one\n' });
		const memo = new BaselineMemo();
		const reads: string[] = [];
		const compute = (p: string) => {
			reads.push(p);
			return plain(store, p);
		};
		expect(await memo.get(store, PATHS[0], compute)).toBe(baselineOf('echo one\n'));
		expect(await memo.get(store, PATHS[0], compute)).toBe(baselineOf('echo one\n'));
		expect(reads).toEqual([PATHS[0]]);
		store.put(PATHS[0], 'echo two\n');
		expect(await memo.get(store, PATHS[0], compute)).toBe(baselineOf('echo two\n'));
		expect(reads).toEqual([PATHS[0], PATHS[0]]);
	});
});
