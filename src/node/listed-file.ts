import { FileEntry, FileStat } from '../core/files/file-store';

/**
 * A listed file whose size and mtime are read from disk when first asked for: opening a vault
 * lists every file but needs no stat, and a stat per file cost as much as reading the folders.
 * A class, so the getters are shared rather than made for every file.
 */
export class ListedFile implements FileEntry {
	private stat: FileStat | null = null;

	constructor(
		readonly path: string,
		private readonly store: { statOf(path: string): FileStat },
	) {}

	get size(): number {
		return (this.stat ??= this.store.statOf(this.path)).size;
	}

	get mtime(): number {
		return (this.stat ??= this.store.statOf(this.path)).mtime;
	}
}
