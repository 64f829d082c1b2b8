import { FileStore } from '../files/file-store';
import { WorkflowError } from './workflow-error';

/**
 * One planned write. Operations read what they need, compute every new text, and only then apply
 * them all, so a failure while planning (bad input, a missing section…) has written nothing.
 */
export type FileChange =
	| { kind: 'create'; path: string; text: string }
	| { kind: 'modify'; path: string; before: string; after: string };

/** Collects planned changes; reading a file twice gives the planned text, so edits can stack. */
export class ChangeSet {
	private readonly changes = new Map<string, FileChange>();

	constructor(private readonly store: FileStore) {}

	/** The file's text as it will be after the planned changes. */
	async read(path: string): Promise<string> {
		const planned = this.changes.get(path);
		if (planned) return planned.kind === 'create' ? planned.text : planned.after;
		return this.store.read(path);
	}

	async exists(path: string): Promise<boolean> {
		return this.changes.has(path) || (await this.store.exists(path));
	}

	create(path: string, text: string): void {
		if (this.changes.has(path)) throw new WorkflowError('exists', `${path} is already planned`, path);
		this.changes.set(path, { kind: 'create', path, text });
	}

	/** Plans `edit` over the file's current (planned) text. */
	async modify(path: string, edit: (text: string) => string): Promise<void> {
		const planned = this.changes.get(path);
		if (planned?.kind === 'create') {
			planned.text = edit(planned.text);
			return;
		}
		const before = planned?.kind === 'modify' ? planned.before : await this.store.read(path);
		const current = planned?.kind === 'modify' ? planned.after : before;
		const after = edit(current);
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
	 * Writes everything: creations first (they cannot clobber), then modifications through the
	 * store's atomic process. A file edited by someone else since it was read is refused.
	 */
	async apply(): Promise<string[]> {
		for (const c of this.list()) {
			if (c.kind === 'create' && (await this.store.exists(c.path))) {
				throw new WorkflowError('exists', `${c.path} already exists`, c.path);
			}
		}
		for (const c of this.list()) if (c.kind === 'create') await this.store.create(c.path, c.text);
		for (const c of this.list()) {
			if (c.kind !== 'modify' || c.before === c.after) continue;
			await this.store.process(c.path, (text) => {
				if (text !== c.before) throw new WorkflowError('changed', `${c.path} changed while it was being edited; nothing was written to it`, c.path);
				return c.after;
			});
		}
		return this.paths();
	}
}
