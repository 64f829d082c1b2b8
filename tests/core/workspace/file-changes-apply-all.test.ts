import { FileStoreError, PartlyWritten, PlannedWrite } from '../../../src/core/files/file-store';
import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { ChangeSet } from '../../../src/core/workspace/file-changes';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';

/**
 * A store that can write several files at once (the CLI's, with its journal) gets the whole
 * ChangeSet in one call; when it stops part-way, the ChangeSet takes back what it had written.
 */
class AllAtOnceStore extends MemoryFileStore {
	readonly calls: PlannedWrite[][] = [];
	/** Stop after this many writes, as if the next one failed with `failure`. */
	stopAfter: number | null = null;
	failure: Error = new Error('unset');

	applyAll(writes: readonly PlannedWrite[]): Promise<void> {
		this.calls.push([...writes]);
		const done: string[] = [];
		for (const w of writes) {
			if (this.stopAfter === done.length) {
				return Promise.reject(done.length === 0 ? this.failure : new PartlyWritten(done, this.failure));
			}
			this.put(w.path, w.kind === 'create' ? (w.text as string) : w.after);
			done.push(w.path);
		}
		return Promise.resolve();
	}
}

/** Someone saves `path` as `text` just after the store stops, before the take-back. */
function editedWhenItStops(store: AllAtOnceStore, path: string, text: string): void {
	const apply = store.applyAll.bind(store);
	store.applyAll = async (writes) => {
		try {
			await apply(writes);
		} finally {
			store.put(path, text);
		}
	};
}

describe('ChangeSet.apply on a store that writes all at once', () => {
	it('hands it every creation, then every modification, in one call', async () => {
		const store = new AllAtOnceStore({ 'a.md': 'A\n', 'same.md': 'S\n' });
		const changes = new ChangeSet(store);
		await changes.modify('a.md', (t) => t + 'more\n');
		await changes.modify('same.md', (t) => t);
		changes.create('new/c.md', 'C\n');

		expect(await changes.apply()).toEqual(['a.md', 'new/c.md']);
		expect(store.calls).toEqual([
			[
				{ kind: 'create', path: 'new/c.md', text: 'C\n' },
				{ kind: 'modify', path: 'a.md', before: 'A\n', after: 'A\nmore\n' },
			],
		]);
		expect(store.snapshot()).toEqual({ 'a.md': 'A\nmore\n', 'new/c.md': 'C\n', 'same.md': 'S\n' });
	});

	it("passes on the store's refusal of a file changed meanwhile as the same WorkflowError, nothing written", async () => {
		const store = new AllAtOnceStore({ 'a.md': 'A\n' });
		const changes = new ChangeSet(store);
		await changes.modify('a.md', (t) => t + 'more\n');
		store.stopAfter = 0;
		store.failure = new FileStoreError('changed', 'a.md', 'a.md changed while it was being edited; nothing was written');

		const error = await changes.apply().then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(WorkflowError);
		expect(error).toMatchObject({ code: 'changed', path: 'a.md', message: 'a.md changed while it was being edited; nothing was written' });
		expect(store.snapshot()).toEqual({ 'a.md': 'A\n' });
	});

	it('takes back what the store wrote before it stopped, and names why it stopped', async () => {
		const store = new AllAtOnceStore({ 'a.md': 'A\n', 'b.md': 'B\n' });
		const changes = new ChangeSet(store);
		changes.create('c.md', 'C\n');
		await changes.modify('a.md', (t) => t + 'a edit\n');
		await changes.modify('b.md', (t) => t + 'b edit\n');
		store.stopAfter = 2;
		store.failure = new FileStoreError('changed', 'b.md', 'b.md changed while it was being edited; nothing was written to it');

		await expect(changes.apply()).rejects.toMatchObject({
			name: 'WorkflowError',
			code: 'changed',
			path: 'b.md',
			message: 'b.md changed while it was being edited; none of the 3 files of this write was written (run it again)',
		});
		expect(store.snapshot()).toEqual({ 'a.md': 'A\n', 'b.md': 'B\n' });
	});

	it('says a note someone edited after this write put it in place keeps their edit, and so some of the write', async () => {
		const store = new AllAtOnceStore({ 'a.md': 'A\n', 'b.md': 'B\n', 'd.md': 'D\n' });
		const changes = new ChangeSet(store);
		for (const path of ['a.md', 'b.md', 'd.md']) await changes.modify(path, (t) => t + 'edit\n');
		store.stopAfter = 2;
		store.failure = new FileStoreError('changed', 'd.md', 'd.md changed while it was being edited; nothing was written to it');
		editedWhenItStops(store, 'a.md', 'A\nedit\ntyped in Obsidian\n');

		await expect(changes.apply()).rejects.toMatchObject({
			code: 'changed',
			message: 'd.md changed while it was being edited; the rest of the write was taken back; written before the failure, then edited by someone else, so left as it is: a.md',
		});
		expect(store.snapshot()).toEqual({ 'a.md': 'A\nedit\ntyped in Obsidian\n', 'b.md': 'B\n', 'd.md': 'D\n' });
	});

	it('leaves a created file someone edited before the take-back, and names it', async () => {
		const store = new AllAtOnceStore({ 'a.md': 'A\n' });
		const changes = new ChangeSet(store);
		changes.create('c.md', 'C\n');
		await changes.modify('a.md', (t) => t + 'a edit\n');
		store.stopAfter = 1;
		store.failure = new FileStoreError('io', 'a.md', 'a.md: no space left on the disk; nothing was written');
		editedWhenItStops(store, 'c.md', 'C\nmine now\n');

		await expect(changes.apply()).rejects.toMatchObject({
			name: 'FileStoreError',
			message: 'a.md: no space left on the disk; nothing was written; created before the failure and left in place: c.md',
		});
		expect(store.snapshot()).toEqual({ 'a.md': 'A\n', 'c.md': 'C\nmine now\n' });
	});
});
