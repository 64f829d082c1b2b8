import { realpathSync, rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileEntry, FileStore } from '../../core/files/file-store';
import { SpecFacts } from '../../core/index/read-spec';
import { Backlinks, isLinkSource, linkGraphBacklinks } from '../../core/reports/backlinks';
import { cacheFileIn, formerCacheFileIn } from './cache-place';
import { CacheKind, LINK_TARGETS, SPEC_FACTS } from './cache-kinds';
import { IndexCache, IndexCacheOptions } from './index-cache';

/** How a build gets each spec note's facts, and how they are kept afterwards. */
export interface VaultCache {
	/** For SpecIndex.build; undefined when there is no cache (every note is read). */
	facts?: (entry: FileEntry) => Promise<SpecFacts>;
	save(): void;
}

/** The vault's index cache in `folder`, or none when `folder` is null (see cacheFolder). */
export function vaultCache(folder: string | null | undefined, vaultPath: string, store: FileStore, options: IndexCacheOptions = {}): VaultCache {
	if (!folder) return { save: () => undefined };
	const cache = openCache(folder, vaultPath, store, SPEC_FACTS, options);
	return { facts: (entry) => cache.valueOf(entry), save: () => cache.save() };
}

/**
 * Who links to what, from every markdown note's links: read from the notes that changed since the
 * last call and kept in the cache's link file, or, without a cache (`folder` null), read from
 * every note. Links are resolved by `resolve` (the vault's resolver, over this call's listing).
 */
export async function cachedBacklinks(
	folder: string | null | undefined,
	vaultPath: string,
	store: FileStore,
	files: readonly FileEntry[],
	resolve: (linkpath: string, source: string) => string | null,
	options: IndexCacheOptions = {},
): Promise<Backlinks> {
	const cache = folder ? openCache(folder, vaultPath, store, LINK_TARGETS, options) : null;
	const notes: [string, string[]][] = [];
	for (const entry of files) {
		if (!isLinkSource(entry.path)) continue;
		try {
			notes.push([entry.path, cache ? await cache.valueOf(entry) : LINK_TARGETS.read(entry.path, await store.read(entry.path))]);
		} catch {
			// A note that cannot be read links nowhere, as in scanBacklinks.
		}
	}
	cache?.save();
	return linkGraphBacklinks(notes, resolve);
}

function openCache<T>(
	folder: string,
	vaultPath: string,
	store: FileStore,
	kind: CacheKind<T>,
	options: IndexCacheOptions,
): { valueOf(entry: FileEntry): Promise<T>; save(): void } {
	const real = realpathSync(vaultPath);
	const cache = IndexCache.load(cacheFileIn(folder, real, kind.name), real, kind, options);
	return {
		valueOf: (entry) => cache.valueOf(entry.path, nodePath.join(real, entry.path), () => store.read(entry.path)),
		save: () => {
			if (cache.save()) rmSync(formerCacheFileIn(folder, real), { force: true });
		},
	};
}
