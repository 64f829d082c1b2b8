import { formatLink, type LinkStyle } from '../links/link-format';
import type { LinkResolver } from '../links/link-resolver';
import type { FileEdit, VaultTexts } from './migration-types';

export interface NoteEditSources {
	files: VaultTexts;
	/** Old path → new path of every file that moves. */
	moveMap: ReadonlyMap<string, string>;
	/** Resolves links as they will point after the migration. */
	after: LinkResolver;
	/** How the links the migration adds are written. */
	linkStyle: LinkStyle;
}

/**
 * The planned edit of each file, kept by its path before the migration, so that every step that
 * changes a note (link rewrites, merged journals, registries) works on the one edit.
 */
export class NoteEdits {
	private readonly edits = new Map<string, FileEdit>();

	constructor(private readonly sources: NoteEditSources) {}

	get after(): LinkResolver {
		return this.sources.after;
	}

	newPathOf(path: string): string {
		return this.sources.moveMap.get(path) ?? path;
	}

	/** A link the migration adds, from one new path to another, in the vault's link style. */
	link(from: string, to: string, alias: string): string {
		return formatLink({ sourcePath: from, targetPath: to, alias, style: this.sources.linkStyle, resolver: this.sources.after });
	}

	add(edit: FileEdit): void {
		this.edits.set(edit.path, edit);
	}

	/** The file's planned edit, started from its text when it has none yet; null for a file not read. */
	editOf(path: string): FileEdit | null {
		const known = this.edits.get(path);
		if (known) return known;
		const text = this.sources.files.get(path);
		if (typeof text !== 'string') return null;
		const edit: FileEdit = { path, newPath: this.newPathOf(path), before: text, after: text, links: [], merged: [] };
		this.edits.set(path, edit);
		return edit;
	}

	/** The edits that change their file, by path. */
	changed(): FileEdit[] {
		return [...this.edits.values()].filter((edit) => edit.after !== edit.before).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}
}
