import { statSync } from 'node:fs';
import { SPEC_TYPES } from '../../core/metadata/spec-type';
import type { SpecFacts } from '../../core/index/read-spec';

/** What the cache keeps of one spec note: the stat it was read at, a hash of its text when it had just changed, its facts. */
export interface CacheEntry {
	size: number;
	mtimeMs: number;
	ctimeMs: number;
	/** Set when the file had changed moments before it was read: its stat alone may not show a later edit. */
	hash: string | null;
	facts: SpecFacts;
}

/** The cache file as JSON: a format and the program that wrote it, the vault, and an entry per path. */
export interface CacheFile {
	format: number;
	program: string;
	vault: string;
	entries: Record<string, [number, number, number, string | null, SpecFacts]>;
}

const FORMAT = 1;

/**
 * The build that reads and writes the cache: a rebuilt or upgraded spec-work may read notes
 * differently, so it never trusts facts an earlier build kept.
 */
const PROGRAM = ((): string => {
	const st = statSync(__filename, { throwIfNoEntry: false });
	return st ? `${FORMAT}:${st.size}:${st.mtimeMs}` : `${FORMAT}:unknown`;
})();

export function cacheJson(vault: string, entries: ReadonlyMap<string, CacheEntry>): string {
	const out: CacheFile = { format: FORMAT, program: PROGRAM, vault, entries: {} };
	for (const [path, e] of entries) out.entries[path] = [e.size, e.mtimeMs, e.ctimeMs, e.hash, e.facts];
	return JSON.stringify(out);
}

/**
 * The entries of a cache file's text, or an empty map when any of it is not what this build
 * writes for this vault: corrupt, another format or build, another vault, an entry of the wrong
 * shape. A cache is never half trusted.
 */
export function parseCache(text: string, vault: string): Map<string, CacheEntry> {
	const entries = new Map<string, CacheEntry>();
	let data: Partial<CacheFile>;
	try {
		data = JSON.parse(text) as Partial<CacheFile>;
	} catch {
		return entries;
	}
	if (!isObject(data) || data.format !== FORMAT || data.program !== PROGRAM || data.vault !== vault || !isObject(data.entries)) return entries;
	for (const [path, value] of Object.entries(data.entries)) {
		if (!isEntry(value)) return new Map();
		const [size, mtimeMs, ctimeMs, hash, facts] = value;
		entries.set(path, { size, mtimeMs, ctimeMs, hash, facts });
	}
	return entries;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isTexts = (v: unknown): boolean => Array.isArray(v) && v.every(isText);

function isEntry(v: unknown): v is CacheFile['entries'][string] {
	return Array.isArray(v) && v.length === 5 && v.slice(0, 3).every(Number.isFinite) && isTextOrNull(v[3]) && isFacts(v[4]);
}

function isFacts(v: unknown): v is SpecFacts {
	if (!isObject(v) || !isObject(v.idsWritten)) return false;
	const ids = v.idsWritten;
	return (
		isTextOrNull(ids.property) &&
		isTextOrNull(ids.heading) &&
		isTextOrNull(ids.title) &&
		(v.type === null || SPEC_TYPES.includes(v.type as SpecFacts['type'] & string)) &&
		isTextOrNull(v.status) &&
		isText(v.statusRaw) &&
		isTextOrNull(v.parentRef) &&
		isTextOrNull(v.contextRef) &&
		[v.deliverableRefs, v.deliverableProperty, v.childRefs, v.commits].every(isTexts) &&
		Array.isArray(v.problems) &&
		v.problems.every((p) => isObject(p) && (p.severity === 'error' || p.severity === 'warning') && isText(p.code) && isText(p.path) && isText(p.message))
	);
}
