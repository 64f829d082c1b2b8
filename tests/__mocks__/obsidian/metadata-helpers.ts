import type { CachedMetadata, FrontMatterInfo, Reference, ReferenceCache } from 'obsidian';
import { findFrontmatter, LineIndex } from './markdown-scan';

export function getFrontMatterInfo(content: string): FrontMatterInfo {
	const fm = findFrontmatter(new LineIndex(content));
	if (!fm) return { exists: false, frontmatter: '', from: 0, to: 0, contentStart: 0 };
	return { exists: true, frontmatter: fm.yaml, from: fm.yamlStart, to: fm.closeStart, contentStart: fm.contentStart };
}

function entry(frontmatter: unknown, key: string | RegExp): unknown {
	if (!frontmatter || typeof frontmatter !== 'object') return null;
	const record = frontmatter as Record<string, unknown>;
	if (typeof key === 'string') return key in record ? record[key] : null;
	for (const k of Object.keys(record)) if (key.test(k)) return record[k];
	return null;
}

export function parseFrontMatterEntry(frontmatter: unknown, key: string | RegExp): unknown {
	return entry(frontmatter, key);
}

export function parseFrontMatterStringArray(frontmatter: unknown, key: string | RegExp, nospaces?: boolean): string[] | null {
	const value = entry(frontmatter, key);
	if (value === null || value === undefined) return null;
	const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(nospaces ? /[,\s]+/ : /,/) : [value];
	const out = items
		.filter((x) => x !== null && x !== undefined)
		.map((x) => String(x).trim())
		.filter((x) => x !== '');
	return out.length ? out : null;
}

export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
	return parseFrontMatterStringArray(frontmatter, /^alias(es)?$/i);
}

export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
	const tags = parseFrontMatterStringArray(frontmatter, /^tags?$/i, true);
	return tags ? tags.map((t) => (t.startsWith('#') ? t : `#${t}`)) : null;
}

export function getAllTags(cache: CachedMetadata): string[] | null {
	const tags = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
	return tags.length ? tags : null;
}

export function iterateRefs(refs: Reference[], cb: (ref: Reference) => boolean | void): boolean {
	for (const r of refs) if (cb(r) === true) return true;
	return false;
}

export function iterateCacheRefs(cache: CachedMetadata, cb: (ref: ReferenceCache) => boolean | void): boolean {
	return iterateRefs([...(cache.links ?? []), ...(cache.embeds ?? [])], cb as (ref: Reference) => boolean | void);
}
