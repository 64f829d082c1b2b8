import { Dirent, existsSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { FileEntry } from '../core/files/file-store';
import type { SpecIndex } from '../core/index/spec-index';
import type { LinkResolver } from '../core/links/link-resolver';
import { readEntries, type FsFileStore } from './fs-file-store';
import { SETTLE_MS, statTimes, type FileTimes, type IndexCacheOptions } from './index-cache/index-cache';
import { tempOwner } from './temp-files';
import { JOURNAL_NAME } from './write-journal';

/** What a file's stat said when it was read, and whether it had changed too lately for that to tell. */
interface Stamp {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
	recent: boolean;
}

/**
 * Follows the disk for a workspace kept open between calls (the MCP server), the way the plugin
 * follows Obsidian's vault events. Before a call the vault is listed again (a folder's entries read
 * again only when the folder's times moved); the link resolver and the index are told of the
 * files added and removed, and of the spec notes whose size, mtime or ctime differ from when they
 * were read (or that had changed too lately for those to tell), which are read again. Every other file's text is read by the operations themselves.
 * When the settings changed, a crashed write awaits its repair, or a changed note cannot be read,
 * `follow` says so and the caller opens the vault afresh.
 */
export class DiskFollower {
	private readonly stamps = new Map<string, Stamp | null>();
	private readonly settings = new Map<string, string | null>();
	/** Each folder of the last listing: its entries as last read, by absolute path, and whether they hold a temporary file. */
	private readonly folders = new Map<string, { stamp: Stamp; entries: Dirent[]; temps: boolean }>();
	private known: Set<string> = new Set();
	/** The last listing made with the folders' entries kept (null before the first). */
	private listed: FileEntry[] | null = null;
	private readonly now: () => number;
	private readonly settleMs: number;
	private readonly stat: (absolute: string) => FileTimes | undefined;

	constructor(
		private readonly store: FsFileStore,
		private readonly vaultPath: string,
		/** Files read at opening besides the notes (the plugin's settings, Obsidian's link style). */
		private readonly settingsFiles: readonly string[],
		/** The clock and settling time, as the index cache takes them. */
		options: IndexCacheOptions = {},
	) {
		this.now = options.now ?? Date.now;
		this.settleMs = options.settleMs ?? SETTLE_MS;
		this.stat = options.stat ?? statTimes;
		// Small files: their text is kept and compared, so a settings file written moments ago is no reason to reopen.
		for (const path of settingsFiles) this.settings.set(path, this.settingsText(path));
	}

	/** The stat of a file about to be read for the index: taken before the read, so a change made meanwhile shows next time. */
	stamp(path: string): void {
		const st = this.stat(nodePath.join(this.vaultPath, path));
		this.stamps.set(path, st ? this.stampOf(st) : null);
	}

	/** The listing the workspace is opened with, its folders kept for the calls after. */
	async openingListing(): Promise<FileEntry[]> {
		const files = await this.listing();
		this.known = new Set(files.map((f) => f.path));
		return files;
	}

	/**
	 * Brings `links` and `index` up to the disk; returns the new listing, or null when the vault
	 * must be opened afresh instead.
	 */
	async follow(links: LinkResolver, index: SpecIndex): Promise<FileEntry[] | null> {
		if (this.settingsFiles.some((path) => this.settingsText(path) !== this.settings.get(path)) || existsSync(nodePath.join(this.vaultPath, JOURNAL_NAME))) return null;
		// Gone: an opening refuses the vault, and says so.
		if (statSync(nodePath.join(this.vaultPath, index.specsRoot), { throwIfNoEntry: false })?.isDirectory() !== true) return null;
		const previous = this.listed;
		const listed = await this.listing();
		const reread: string[] = [];
		if (listed !== previous) this.followListing(listed, links, index, reread);
		for (const path of this.stamps.keys()) if (this.changed(path)) reread.push(path);
		for (const path of reread) {
			this.stamp(path);
			let text: string;
			try {
				text = await this.store.read(path);
			} catch {
				// Unreadable now (gone, not UTF-8): a fresh opening records it as a build does.
				return null;
			}
			index.update(path, text);
		}
		return listed;
	}

	/**
	 * The vault's files: the last listing again when no folder of it moved (a stat of each folder,
	 * no entries read, no file listed), else a listing that reads only the entries of folders that
	 * moved. Not again while a folder holds a temporary file: its writer may yet die and leave it
	 * for the store to clear, which only a listing notices.
	 */
	private async listing(): Promise<FileEntry[]> {
		if (this.listed !== null && this.foldersUnchanged()) return this.listed;
		const visited = new Set<string>();
		const listed = await this.store.list('', (absolute) => {
			visited.add(absolute);
			return this.folderEntries(absolute);
		});
		// Folders gone from the vault are forgotten, so that the next call can find every folder unchanged.
		for (const folder of this.folders.keys()) if (!visited.has(folder)) this.folders.delete(folder);
		this.listed = listed;
		return listed;
	}

	private foldersUnchanged(): boolean {
		for (const [absolute, kept] of this.folders) {
			const st = this.stat(absolute);
			if (st === undefined || kept.temps || kept.stamp.recent || !sameTimes(kept.stamp, st)) return false;
		}
		return true;
	}

	/** Tells `links` and `index` of the files added and removed since the listing before, and notes the new files to read. */
	private followListing(listed: readonly FileEntry[], links: LinkResolver, index: SpecIndex, reread: string[]): void {
		const now = new Set(listed.map((f) => f.path));
		let moved = false;
		for (const path of this.known) {
			if (now.has(path)) continue;
			moved = true;
			links.remove(path);
			index.remove(path);
			this.stamps.delete(path);
		}
		// Only new files and the spec notes already read need a look: every other file's name is all the index keeps.
		for (const path of now) {
			if (this.known.has(path)) continue;
			moved = true;
			links.add(path);
			if (index.needsText(path)) reread.push(path);
			else if (index.concerns(path)) index.update(path);
		}
		// Any file's name can change where a spec's links lead (a note at the vault root taking a parent link).
		if (moved) index.linksChanged();
		this.known = now;
	}

	/**
	 * A folder's entries, read again only when its size, mtime or ctime moved since they were read
	 * (adding, removing or renaming an entry changes them) or had moved too recently to tell: a
	 * listing then reads each folder's stat, not its entries.
	 */
	private folderEntries(absolute: string): Dirent[] {
		const st = this.stat(absolute);
		const kept = this.folders.get(absolute);
		if (st !== undefined && kept !== undefined && !kept.stamp.recent && sameTimes(kept.stamp, st)) return kept.entries;
		const entries = readEntries(absolute);
		if (st === undefined) this.folders.delete(absolute);
		else this.folders.set(absolute, { stamp: this.stampOf(st), entries, temps: entries.some((e) => tempOwner(e.name) !== null) });
		return entries;
	}

	private stampOf(st: FileTimes): Stamp {
		return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, recent: this.now() - Math.max(st.mtimeMs, st.ctimeMs) < this.settleMs };
	}

	private settingsText(path: string): string | null {
		try {
			return readFileSync(nodePath.join(this.vaultPath, path), 'utf8');
		} catch {
			return null;
		}
	}

	private changed(path: string): boolean {
		const kept = this.stamps.get(path);
		const st = this.stat(nodePath.join(this.vaultPath, path));
		if (kept === undefined) return true;
		if (kept === null || st === undefined) return kept !== null || st !== undefined;
		return kept.recent || !sameTimes(kept, st);
	}
}

function sameTimes(a: FileTimes, b: FileTimes): boolean {
	return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}
