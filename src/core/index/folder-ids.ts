import { basename, dirname } from '../files/paths';
import { IdsWritten, specIds } from './read-spec';
import { Spec } from './spec';

/**
 * The context files and spec notes of each folder, and the ids each spec note writes about
 * itself: a context named after a fuller id (`E13-F01.context.md`) gives the spec beside it that
 * id, so when one comes or goes the folder's specs choose their ids again.
 */
export class FolderIds {
	/** Names of the context files in each folder. */
	private readonly contexts = new Map<string, Set<string>>();
	/** The ids each spec note writes about itself. */
	private readonly idsWritten = new Map<string, IdsWritten>();
	/** The spec notes of each folder, kept with the specs (never rebuilt, unlike the index's lazy views). */
	private readonly specsByFolder = new Map<string, Set<string>>();

	constructor(private readonly specs: ReadonlyMap<string, Spec>) {}

	addContext(path: string): void {
		const folder = dirname(path);
		const names = this.contexts.get(folder);
		if (names) names.add(basename(path));
		else this.contexts.set(folder, new Set([basename(path)]));
	}

	/** Forgets a context file; whether it was known. */
	removeContext(path: string): boolean {
		return this.contexts.get(dirname(path))?.delete(basename(path)) ?? false;
	}

	/** The names of the context files in the folder of `path`. */
	contextsBeside(path: string): string[] {
		const beside = this.contexts.get(dirname(path));
		return beside ? [...beside] : [];
	}

	addSpec(path: string, written: IdsWritten): void {
		this.idsWritten.set(path, written);
		const folder = dirname(path);
		const inFolder = this.specsByFolder.get(folder);
		if (inFolder) inFolder.add(path);
		else this.specsByFolder.set(folder, new Set([path]));
	}

	/** The id the spec note writes in its `id` property, or null. */
	idProperty(path: string): string | null {
		return this.idsWritten.get(path)?.property ?? null;
	}

	forgetSpec(path: string): void {
		this.idsWritten.delete(path);
		this.specsByFolder.get(dirname(path))?.delete(path);
	}

	/** A context beside them came or went: the specs of the folder choose their ids (and titles) again (`F01` ↔ `E13-F01`). */
	chooseIdsIn(folder: string, contextName: string): void {
		// Only a context named after a longer id can change one (`E13-F01.context.md`); `context.md` never does.
		if (!contextName.slice(0, -'.context.md'.length).includes('-')) return;
		const beside = [...(this.contexts.get(folder) ?? [])];
		for (const path of this.specsByFolder.get(folder) ?? []) {
			const spec = this.specs.get(path);
			const written = this.idsWritten.get(path);
			if (spec && written) Object.assign(spec, specIds(path, written, beside));
		}
	}
}
