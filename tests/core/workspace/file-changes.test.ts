import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { ChangeSet } from '../../../src/core/workspace/file-changes';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';

describe('ChangeSet.apply', () => {
	it('writes the creations and the modifications', async () => {
		const store = new MemoryFileStore({ 'a.md': 'A\r\n' });
		const changes = new ChangeSet(store);
		changes.create('new/c.md', 'C\n');
		await changes.modify('a.md', (t) => t + 'more\r\n');
		expect(await changes.apply()).toEqual(['new/c.md', 'a.md']);
		expect(store.snapshot()).toEqual({ 'a.md': 'A\r\nmore\r\n', 'new/c.md': 'C\n' });
	});

	it('writes nothing when a file to modify was edited by someone else after it was read, and names it', async () => {
		const store = new MemoryFileStore({ 'a.md': 'A\n', 'b.md': 'B\n' });
		const changes = new ChangeSet(store);
		changes.create('c.md', 'C\n');
		await changes.modify('a.md', (t) => t + 'a edit\n');
		await changes.modify('b.md', (t) => t + 'b edit\n');
		store.put('b.md', 'B\nedited elsewhere\n');
		const before = store.snapshot();

		const error = await changes.apply().then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(WorkflowError);
		expect((error as WorkflowError).path).toBe('b.md');
		expect((error as WorkflowError).message).toBe('b.md changed while it was being edited; none of the 3 files of this write was written (run it again)');
		expect(store.snapshot()).toEqual(before);
	});

	it('writes nothing when a file to create appeared in the meantime, and names it', async () => {
		const store = new MemoryFileStore({ 'a.md': 'A\n' });
		const changes = new ChangeSet(store);
		changes.create('c.md', 'C\n');
		changes.create('d.md', 'D\n');
		await changes.modify('a.md', (t) => t + 'a edit\n');
		store.put('d.md', 'someone else\n');
		const before = store.snapshot();

		await expect(changes.apply()).rejects.toMatchObject({ name: 'WorkflowError', code: 'exists', path: 'd.md', message: 'd.md already exists' });
		expect(store.snapshot()).toEqual(before);
	});

	it('puts back the modifications already made and removes the files it created when a later write fails', async () => {
		// Someone edits b.md after the checks, while a.md is being written.
		class RacingStore extends MemoryFileStore {
			override async process(path: string, fn: (text: string) => string): Promise<string> {
				const out = await super.process(path, fn);
				if (path === 'a.md' && out === 'A\r\na edit\r\n') this.put('b.md', 'B\nedited elsewhere\n');
				return out;
			}
		}
		const store = new RacingStore({ 'a.md': 'A\r\n', 'b.md': 'B\n' });
		const changes = new ChangeSet(store);
		changes.create('c.md', 'C\n');
		await changes.modify('a.md', (t) => t + 'a edit\r\n');
		await changes.modify('b.md', (t) => t + 'b edit\n');

		await expect(changes.apply()).rejects.toMatchObject({
			name: 'WorkflowError',
			code: 'changed',
			path: 'b.md',
			message: 'b.md changed while it was being edited; none of the 3 files of this write was written (run it again)',
		});
		// Only the other person's edit remains.
		expect(store.snapshot()).toEqual({ 'a.md': 'A\r\n', 'b.md': 'B\nedited elsewhere\n' });
	});

	it('leaves a created file that someone edited before the failure, and names it', async () => {
		class RacingStore extends MemoryFileStore {
			override async process(path: string, fn: (text: string) => string): Promise<string> {
				// Someone writes in the new c.md, and then in b.md, while a.md is being written.
				if (path === 'a.md') {
					this.put('c.md', 'C\nmine now\n');
					this.put('b.md', 'B\nedited elsewhere\n');
				}
				return super.process(path, fn);
			}
		}
		const store = new RacingStore({ 'a.md': 'A\n', 'b.md': 'B\n' });
		const changes = new ChangeSet(store);
		changes.create('c.md', 'C\n');
		changes.create('d.md', 'D\n');
		await changes.modify('a.md', (t) => t + 'a edit\n');
		await changes.modify('b.md', (t) => t + 'b edit\n');

		await expect(changes.apply()).rejects.toMatchObject({
			code: 'changed',
			message: 'b.md changed while it was being edited; the rest of the write was taken back; created before the failure and left in place: c.md',
		});
		expect(store.snapshot()).toEqual({ 'a.md': 'A\n', 'b.md': 'B\nedited elsewhere\n', 'c.md': 'C\nmine now\n' });
	});
});

describe('ChangeSet.modify', () => {
	const BROKEN = '---\ntype: context\nspec: [[spec\ntags: {a\n---\n# Context\n';

	it('refuses to change a note whose frontmatter is malformed, naming it, and plans nothing', async () => {
		const store = new MemoryFileStore({ 'c.md': BROKEN, 'a.md': 'A\n' });
		const changes = new ChangeSet(store);
		await changes.modify('a.md', (t) => t + 'a edit\n');
		await expect(changes.modify('c.md', (t) => t + '- Created x\n')).rejects.toMatchObject({
			name: 'WorkflowError',
			code: 'malformed-yaml',
			path: 'c.md',
			message: expect.stringMatching(/^c\.md line \d+: Flow sequence in block collection must be sufficiently indented and end with a \]$/) as unknown,
		});
		expect(changes.paths()).toEqual(['a.md']);
	});

	it('lets an edit that changes nothing pass, and does not read a file that is no note as frontmatter', async () => {
		const store = new MemoryFileStore({ 'c.md': BROKEN, 'run.sh': BROKEN });
		const changes = new ChangeSet(store);
		await changes.modify('c.md', (t) => t);
		await changes.modify('run.sh', (t) => t + 'echo\n');
		expect(await changes.apply()).toEqual(['run.sh']);
		expect(store.snapshot()).toEqual({ 'c.md': BROKEN, 'run.sh': BROKEN + 'echo\n' });
	});
});
