import { FileStore, FileStoreError, PartlyWritten } from '../files/file-store';
import { readFrontmatter } from '../metadata/frontmatter';
import { WorkflowError } from './workflow-error';

/**
 * One planned write. Operations read what they need, compute every new text, and only then apply
 * them all, so a failure while planning (bad input, a missing section…) has written nothing.
 */
export type FileChange = { kind: 'create'; path: string; text: string | Uint8Array } | { kind: 'modify'; path: string; before: string; after: string };

/** Collects planned changes; reading a file twice gives the planned text, so edits can stack. */
export class ChangeSet {
	private readonly changes = new Map<string, FileChange>();

	constructor(private readonly store: FileStore) {}

	/** The file's text as it will be after the planned changes. */
	async read(path: string): Promise<string> {
		const planned = this.changes.get(path);
		if (planned) return planned.kind === 'create' ? textOf(planned) : planned.after;
		return this.store.read(path);
	}

	async exists(path: string): Promise<boolean> {
		return this.changes.has(path) || (await this.store.exists(path));
	}

	/** Plans a new file: text, or bytes kept as they are (a binary deliverable). */
	create(path: string, text: string | Uint8Array): void {
		if (this.changes.has(path)) throw new WorkflowError('exists', `${path} is already planned`, path);
		this.changes.set(path, { kind: 'create', path, text });
	}

	/**
	 * Plans `edit` over the file's current (planned) text. A note whose frontmatter is malformed
	 * YAML is refused (its file and line named) when the edit would change it: every write passes
	 * here, so no operation edits such a note blind.
	 */
	async modify(path: string, edit: (text: string) => string): Promise<void> {
		const planned = this.changes.get(path);
		if (planned?.kind === 'create') {
			planned.text = edit(textOf(planned));
			return;
		}
		const before = planned?.kind === 'modify' ? planned.before : await this.store.read(path);
		const current = planned?.kind === 'modify' ? planned.after : before;
		const after = edit(current);
		if (after !== before) refuseMalformedFrontmatter(path, before);
		this.changes.set(path, { kind: 'modify', path, before, after });
	}

	list(): FileChange[] {
		return [...this.changes.values()];
	}

	/** Paths that will actually change. */
	paths(): string[] {
		return this.list()
			.filter((c) => c.kind === 'create' || c.before !== c.after)
			.map((c) => c.path);
	}

	/**
	 * Writes everything: first checks that no file to create exists and that every file to modify
	 * still holds the text it was planned from (nothing is written otherwise), then writes the
	 * creations (they cannot clobber) and the modifications through the store's atomic process.
	 * Should a write still fail (someone edits a file in between, a disk error), the modifications
	 * already made are put back and the files already created are removed, so the failure changed
	 * nothing; a file someone else edited meanwhile is left as they left it, and the error names it.
	 */
	async apply(): Promise<string[]> {
		const modified = this.list().filter((c): c is FileChange & { kind: 'modify' } => c.kind === 'modify' && c.before !== c.after);
		const creations = this.list().filter((c): c is FileChange & { kind: 'create' } => c.kind === 'create');
		// A write of several files is taken back whole: say so, or "nothing was written to it" reads as if the others landed.
		const count = creations.length + modified.length;
		const nothing = count > 1 ? `none of the ${count} files of this write was written (run it again)` : 'nothing was written';
		for (const c of creations) {
			if (await this.store.exists(c.path)) throw new WorkflowError('exists', `${c.path} already exists`, c.path);
		}
		for (const c of modified) {
			if ((await this.store.read(c.path)) !== c.before) throw changedError(c.path, nothing);
		}
		if (this.store.applyAll) {
			try {
				await this.store.applyAll([...creations, ...modified]);
			} catch (e) {
				if (!(e instanceof PartlyWritten)) throw asWorkflowError(e, nothing);
				const done = new Set(e.done);
				await this.takeBackAll(
					creations.filter((c) => done.has(c.path)),
					modified.filter((c) => done.has(c.path)),
					asWorkflowError(e.cause, nothing),
				);
			}
			return this.paths();
		}
		const created: string[] = [];
		const done: (FileChange & { kind: 'modify' })[] = [];
		try {
			for (const c of creations) {
				await (typeof c.text === 'string' ? this.store.create(c.path, c.text) : this.store.createBytes(c.path, c.text));
				created.push(c.path);
			}
			for (const c of modified) {
				await this.store.process(c.path, (text) => {
					if (text !== c.before) throw changedError(c.path, nothing);
					return c.after;
				});
				done.push(c);
			}
		} catch (e) {
			await this.takeBackAll(
				creations.filter((c) => created.includes(c.path)),
				done,
				e,
			);
		}
		return this.paths();
	}

	/**
	 * After a failed write: puts back the modifications made and removes the files created, then
	 * throws `e`, naming any file someone edited meanwhile (it is left in place, with their edit).
	 */
	private async takeBackAll(created: (FileChange & { kind: 'create' })[], done: (FileChange & { kind: 'modify' })[], e: unknown): Promise<never> {
		const edited: string[] = [];
		for (const c of [...done].reverse()) {
			// Only a file still as this write left it goes back; a later edit by someone else stays.
			const back = await this.store
				.process(c.path, (text) => (text === c.after ? c.before : text))
				.then(
					(text) => text === c.before,
					() => false,
				);
			if (!back) edited.push(c.path);
		}
		const kept: string[] = [];
		for (const c of [...created].reverse()) {
			if (!(await this.takeBack(c))) kept.push(c.path);
		}
		if (kept.length === 0 && edited.length === 0) throw e;
		const left = [
			kept.length > 0 ? `; created before the failure and left in place: ${kept.reverse().join(', ')}` : '',
			edited.length > 0 ? `; written before the failure, then edited by someone else, so left as it is: ${edited.reverse().join(', ')}` : '',
		].join('');
		if (e instanceof WorkflowError) {
			// Not "none of its files was written": some are.
			const message = e.code === 'changed' && e.path ? changedError(e.path, 'the rest of the write was taken back').message : e.message;
			throw new WorkflowError(e.code, message + left, e.path, e.cliHint);
		}
		if (e instanceof FileStoreError) throw new FileStoreError(e.code, e.path, e.message + left);
		throw e;
	}

	/** Removes a file this apply created, if it still holds what was written: someone's edit stays. */
	private async takeBack(c: FileChange & { kind: 'create' }): Promise<boolean> {
		try {
			// Bytes are never read back as text: their size tells whether they are still the ones written.
			const same = typeof c.text === 'string' ? (await this.store.read(c.path)) === c.text : (await this.store.stat(c.path))?.size === c.text.length;
			if (!same) return false;
			await this.store.remove(c.path);
			return true;
		} catch {
			return false;
		}
	}
}

/** A store's 'changed' refusal as the WorkflowError the other path throws, saying `nothing`; anything else as it is. */
function asWorkflowError(e: unknown, nothing: string): unknown {
	return e instanceof FileStoreError && e.code === 'changed' ? changedError(e.path, nothing) : e;
}

/** A planned file's text; a binary one has none to read or edit. */
function textOf(c: FileChange & { kind: 'create' }): string {
	if (typeof c.text !== 'string') throw new WorkflowError('binary', `${c.path} is a binary file; it is not read as text`, c.path);
	return c.text;
}

function changedError(path: string, what: string): WorkflowError {
	return new WorkflowError('changed', `${path} changed while it was being edited; ${what}`, path);
}

/** A note's malformed frontmatter, as the WorkflowError every operation gives for it. */
function refuseMalformedFrontmatter(path: string, text: string): void {
	if (!path.toLowerCase().endsWith('.md')) return;
	const { error } = readFrontmatter(text, path);
	if (error) throw new WorkflowError('malformed-yaml', error.message, path);
}
