import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CacheEntry, cacheJson, parseCache } from './cache-file';
import type { CacheKind } from './cache-kinds';

export interface IndexCacheOptions {
	/** The clock the age of a change is judged by (ms since the epoch). */
	now?: () => number;
	/**
	 * A file changed less than this long before its stat was taken is checked by a hash of its
	 * text next time: file systems keep times to a second or two, or to a clock tick, so an edit
	 * of the same size moments later can leave size, mtime and ctime as they were.
	 */
	settleMs?: number;
	/** How a file's size and times are read: fs.statSync, or (in tests) a file system keeping coarser times. */
	stat?: (absolute: string) => FileTimes | undefined;
}

/** What a stat tells the cache. */
export interface FileTimes {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
}

/** fs.statSync, undefined for a missing file. */
export function statTimes(absolute: string): FileTimes | undefined {
	return statSync(absolute, { throwIfNoEntry: false });
}

export const SETTLE_MS = 3000;

/**
 * What was read from each note by an earlier call (its kind says what: a spec's facts, a note's
 * links), kept outside the vault (cache-place.ts). A note whose size, mtime and ctime are those it
 * was read at is not read again; any other is read and what it says kept for the next call. Only
 * the index and the link graph are fed from it: operations read the files they act on.
 */
export class IndexCache<T> {
	private readonly next = new Map<string, CacheEntry<T>>();
	private changed = false;
	private readonly now: () => number;
	private readonly settleMs: number;
	private readonly stat: (absolute: string) => FileTimes | undefined;

	private constructor(
		private readonly file: string,
		private readonly vault: string,
		private readonly kind: CacheKind<T>,
		private readonly kept: ReadonlyMap<string, CacheEntry<T>>,
		options: IndexCacheOptions,
	) {
		this.now = options.now ?? Date.now;
		this.settleMs = options.settleMs ?? SETTLE_MS;
		this.stat = options.stat ?? statTimes;
	}

	/** The cache in `file` for the vault at `vault` (its real path); an unreadable or untrusted one starts empty. */
	static load<T>(file: string, vault: string, kind: CacheKind<T>, options: IndexCacheOptions = {}): IndexCache<T> {
		let text = '';
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			// No cache yet, or one we may not read: built afresh.
		}
		return new IndexCache(file, vault, kind, text === '' ? new Map() : parseCache(text, kind.name, vault, kind.isValue), options);
	}

	/**
	 * What the note at `path` (`absolute` on disk) says; `read` gives its text as the store reads
	 * it, and its failure (a missing or unreadable file) is passed on and nothing is kept.
	 */
	async valueOf(path: string, absolute: string, read: () => Promise<string>): Promise<T> {
		// The stat is taken before the read: a change between the two leaves a stat that the next call sees differ.
		const st = this.stat(absolute);
		const checkedAt = this.now();
		const kept = this.kept.get(path);
		let text: string | undefined;
		if (st && kept && sameStat(kept, st)) {
			if (kept.hash === null) return this.keep(path, kept).value;
			text = await read();
			if (hashOf(text) === kept.hash) return this.keep(path, { ...kept, hash: this.isRecent(st, checkedAt) ? kept.hash : null }).value;
		}
		text ??= await read();
		const value = this.kind.read(path, text);
		if (st) this.keep(path, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, hash: this.isRecent(st, checkedAt) ? hashOf(text) : null, value });
		return value;
	}

	private isRecent(st: FileTimes, checkedAt: number): boolean {
		return checkedAt - Math.max(st.mtimeMs, st.ctimeMs) < this.settleMs;
	}

	private keep(path: string, entry: CacheEntry<T>): CacheEntry<T> {
		if (entry !== this.kept.get(path)) this.changed = true;
		this.next.set(path, entry);
		return entry;
	}

	/**
	 * Writes what was read of the notes asked for in this call, when any differ from the file's: to a
	 * temporary file renamed over it, so a concurrent call reads the old cache or the new, never a
	 * mix. A cache that cannot be written is left as it is: it only saves time. Returns whether it
	 * was written.
	 */
	save(): boolean {
		if (!this.changed && this.next.size === this.kept.size) return false;
		const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
		try {
			mkdirSync(nodePath.dirname(this.file), { recursive: true });
			writeFileSync(tmp, cacheJson(this.kind.name, this.vault, this.next));
			renameSync(tmp, this.file);
			return true;
		} catch {
			rmSync(tmp, { force: true });
			return false;
		}
	}
}

function sameStat(entry: CacheEntry<unknown>, st: FileTimes): boolean {
	return entry.size === st.size && entry.mtimeMs === st.mtimeMs && entry.ctimeMs === st.ctimeMs;
}

function hashOf(text: string): string {
	return createHash('sha1').update(text).digest('base64').slice(0, 16);
}
