import { basename, extension } from '../files/paths';
import type { SpecType } from '../metadata/spec-type';
import { listDeliverables, sameRegistry, type Listing, type Registry } from './merge-records';
import type { FileEdit, VaultTexts } from './migration-types';
import type { NoteEdits } from './note-edits';
import type { FoundSpec } from './old-layout-detection';
import { firstTitleHeading } from './spec-title';

export interface DeliverableListingSources {
	files: VaultTexts;
	/** Files that become deliverables by the move, by the spec whose folder held them. */
	loose: ReadonlyMap<string, FoundSpec>;
	/** The spec's context before the migration (its own, or the journal that becomes it). */
	contextOf: (spec: FoundSpec) => string | undefined;
	typeOf: (spec: FoundSpec) => SpecType;
	notes: NoteEdits;
}

/**
 * Files that became deliverables by the move are listed in the spec's and its context's
 * registries: gathered by note, so that each note is read once for all of its entries.
 */
export function listLooseDeliverables(sources: DeliverableListingSources): void {
	const { files, notes } = sources;
	const listings = new Map<FileEdit, { registry: Registry; items: Listing[] }>();
	const listAll = (edit: FileEdit): void => {
		const pending = listings.get(edit);
		if (!pending) return;
		listings.delete(edit);
		edit.after = listDeliverables(edit.after, edit.newPath, pending.registry, pending.items, (linkpath) => notes.after.resolve(linkpath, edit.newPath));
	};
	for (const [path, spec] of sources.loose) {
		const target = notes.newPathOf(path);
		const title = looseTitle(target, files.get(path) ?? null);
		const contextPath = sources.contextOf(spec);
		const registries: { edit: FileEdit | null; registry: Registry }[] = [
			{ edit: notes.editOf(spec.path), registry: { type: sources.typeOf(spec) } },
			{ edit: contextPath === undefined ? null : notes.editOf(contextPath), registry: { purpose: null } },
		];
		for (const { edit, registry } of registries) {
			if (edit === null) continue;
			// A note both a spec and a context (not seen in practice): each registry's run in turn, as one by one.
			if (!sameRegistry(listings.get(edit)?.registry ?? registry, registry)) listAll(edit);
			const pending = listings.get(edit) ?? { registry, items: [] };
			pending.items.push({ path: target, link: notes.link(edit.newPath, target, title) });
			listings.set(edit, pending);
		}
	}
	for (const edit of [...listings.keys()]) listAll(edit);
}

/** What a moved file is listed as: a markdown file's first heading, else its name. */
function looseTitle(path: string, text: string | null): string {
	return (extension(path) === 'md' && text !== null ? firstTitleHeading(text) : null) ?? basename(path);
}
