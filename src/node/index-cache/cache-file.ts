import { statSync } from 'node:fs';

/** What the cache keeps of one note: the stat it was read at, a hash of its text when it had just changed, what was read from it. */
export interface CacheEntry<T> {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
	/** Set when the file had changed moments before it was read: its stat alone may not show a later edit. */
	hash: string | null;
	value: T;
}

/**
 * The cache file as JSON: a format and the program that wrote it, what it holds, the vault, and
 * the entries column by column (paths; sizes, mtimes and ctimes three numbers a path; hashes;
 * values): a few long arrays parse in about half the time of an object per path.
 */
interface CacheFile {
	format: number;
	program: string;
	kind: string;
	vault: string;
	paths: string[];
	stats: number[];
	hashes: (string | null)[];
	values: unknown[];
}

const FORMAT = 3;

/**
 * The build that reads and writes the cache: a rebuilt or upgraded spec-work may read notes
 * differently, so it never trusts what an earlier build kept.
 */
const PROGRAM = ((): string => {
	const st = statSync(__filename, { throwIfNoEntry: false });
	return st ? `${FORMAT}:${st.size}:${st.mtimeMs}` : `${FORMAT}:unknown`;
})();

export function cacheJson<T>(kind: string, vault: string, entries: ReadonlyMap<string, CacheEntry<T>>): string {
	const out: CacheFile = { format: FORMAT, program: PROGRAM, kind, vault, paths: [], stats: [], hashes: [], values: [] };
	for (const [path, e] of entries) {
		out.paths.push(path);
		out.stats.push(e.size, e.mtimeMs, e.ctimeMs);
		out.hashes.push(e.hash);
		out.values.push(e.value);
	}
	return JSON.stringify(out);
}

/**
 * The entries of a cache file's text, or an empty map when any of it is not what this build
 * writes for this vault and kind: corrupt, another format or build, another vault, an entry of
 * the wrong shape. A cache is never half trusted.
 */
export function parseCache<T>(text: string, kind: string, vault: string, isValue: (v: unknown) => v is T): Map<string, CacheEntry<T>> {
	const entries = new Map<string, CacheEntry<T>>();
	let data: Partial<CacheFile>;
	try {
		data = JSON.parse(text) as Partial<CacheFile>;
	} catch {
		return entries;
	}
	if (!isObject(data) || data.format !== FORMAT || data.program !== PROGRAM || data.kind !== kind || data.vault !== vault) return entries;
	const { paths, stats, hashes, values } = data;
	if (!isTexts(paths) || !Array.isArray(stats) || !Array.isArray(hashes) || !Array.isArray(values)) return entries;
	if (stats.length !== 3 * paths.length || hashes.length !== paths.length || values.length !== paths.length) return entries;
	for (let i = 0; i < paths.length; i++) {
		const [size, mtimeMs, ctimeMs] = [stats[3 * i], stats[3 * i + 1], stats[3 * i + 2]];
		const hash = hashes[i];
		const value = values[i];
		if (!Number.isFinite(size) || !Number.isFinite(mtimeMs) || !Number.isFinite(ctimeMs) || !isTextOrNull(hash) || !isValue(value)) return new Map();
		entries.set(paths[i], { size, mtimeMs, ctimeMs, hash, value });
	}
	return entries;
}

export function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const isText = (v: unknown): v is string => typeof v === 'string';
export const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
export const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
