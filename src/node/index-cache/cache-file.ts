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

/** The cache file as JSON: a format and the program that wrote it, what it holds, the vault, and an entry per path. */
interface CacheFile {
	format: number;
	program: string;
	kind: string;
	vault: string;
	entries: Record<string, [number, number, number, string | null, unknown]>;
}

const FORMAT = 2;

/**
 * The build that reads and writes the cache: a rebuilt or upgraded spec-work may read notes
 * differently, so it never trusts what an earlier build kept.
 */
const PROGRAM = ((): string => {
	const st = statSync(__filename, { throwIfNoEntry: false });
	return st ? `${FORMAT}:${st.size}:${st.mtimeMs}` : `${FORMAT}:unknown`;
})();

export function cacheJson<T>(kind: string, vault: string, entries: ReadonlyMap<string, CacheEntry<T>>): string {
	const out: CacheFile = { format: FORMAT, program: PROGRAM, kind, vault, entries: {} };
	for (const [path, e] of entries) out.entries[path] = [e.size, e.mtimeMs, e.ctimeMs, e.hash, e.value];
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
	if (!isObject(data) || data.format !== FORMAT || data.program !== PROGRAM || data.kind !== kind || data.vault !== vault || !isObject(data.entries)) return entries;
	for (const [path, value] of Object.entries(data.entries)) {
		if (!isEntry(value) || !isValue(value[4])) return new Map();
		const [size, mtimeMs, ctimeMs, hash] = value;
		entries.set(path, { size, mtimeMs, ctimeMs, hash, value: value[4] });
	}
	return entries;
}

export function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const isText = (v: unknown): v is string => typeof v === 'string';
export const isTextOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
export const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

function isEntry(v: unknown): v is CacheFile['entries'][string] {
	return Array.isArray(v) && v.length === 5 && v.slice(0, 3).every(Number.isFinite) && isTextOrNull(v[3]);
}
