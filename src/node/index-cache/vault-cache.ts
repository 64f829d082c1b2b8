import { realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileEntry, FileStore } from '../../core/files/file-store';
import { SpecFacts } from '../../core/index/read-spec';
import { cacheFileIn } from './cache-place';
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
	const real = realpathSync(vaultPath);
	const cache = IndexCache.load(cacheFileIn(folder, real), real, options);
	return {
		facts: (entry) => cache.factsOf(entry.path, nodePath.join(real, entry.path), () => store.read(entry.path)),
		save: () => cache.save(),
	};
}
