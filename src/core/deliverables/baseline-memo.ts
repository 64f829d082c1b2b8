import type { FileStat, FileStore } from '../files/file-store';

/**
 * Baselines already computed, kept while the file's size and modification time stay as they
 * were. The plugin's panel asks for every registered deliverable's hash on each redraw; without
 * this it would read and hash them all again each time. The plain rule is `read` then `hash`, which
 * the memo must always agree with; the plugin also forgets a path on each of its vault events, so
 * an edit that kept both size and time is not missed either.
 */
export class BaselineMemo {
	private readonly known = new Map<string, { size: number; mtime: number; hash: string | null }>();

	/** The file's hash: from the memo when its stat is unchanged, else from `compute` (and kept). */
	async get(store: FileStore, path: string, compute: (path: string) => Promise<string | null>): Promise<string | null> {
		const stat = await store.stat(path).catch((): FileStat | null => null);
		if (stat === null) {
			this.known.delete(path);
			return compute(path);
		}
		const kept = this.known.get(path);
		if (kept && kept.size === stat.size && kept.mtime === stat.mtime) return kept.hash;
		const hash = await compute(path);
		this.known.set(path, { size: stat.size, mtime: stat.mtime, hash });
		return hash;
	}

	/** Drops what is known of a path (it was modified, renamed or deleted). */
	forget(path: string): void {
		this.known.delete(path);
	}

	get size(): number {
		return this.known.size;
	}
}
