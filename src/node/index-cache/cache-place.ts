import { createHash } from 'node:crypto';
import * as nodePath from 'node:path';

/**
 * Where the index cache lives: the user's cache folder, never the vault (where it would sync to
 * phones). SPEC_WORK_CACHE_DIR names the folder itself; else `$XDG_CACHE_HOME/spec-work`, else
 * `~/Library/Caches/spec-work` on macOS and `~/.cache/spec-work` elsewhere. null when the call
 * should go without: `--no-cache`, SPEC_WORK_NO_CACHE set (other than `0`), or no home to put it in.
 */
export function cacheFolder(env: Record<string, string | undefined>, noCache = false, platform: string = process.platform): string | null {
	const off = env.SPEC_WORK_NO_CACHE;
	if (noCache || (off !== undefined && off !== '' && off !== '0')) return null;
	if (env.SPEC_WORK_CACHE_DIR) return nodePath.resolve(env.SPEC_WORK_CACHE_DIR);
	// XDG asks that a relative value be ignored.
	if (env.XDG_CACHE_HOME && nodePath.isAbsolute(env.XDG_CACHE_HOME)) return nodePath.join(env.XDG_CACHE_HOME, 'spec-work');
	if (!env.HOME) return null;
	return platform === 'darwin' ? nodePath.join(env.HOME, 'Library', 'Caches', 'spec-work') : nodePath.join(env.HOME, '.cache', 'spec-work');
}

/** The vault's cache file of a kind (`specs`, `links`) in `folder`, named by a hash of the vault's real path. */
export function cacheFileIn(folder: string, vaultRealPath: string, kind: string): string {
	return nodePath.join(folder, `${vaultKey(vaultRealPath)}.${kind}.json`);
}

/** The vault's cache file as the first format named it (one file, no kind): removed once the new ones are written. */
export function formerCacheFileIn(folder: string, vaultRealPath: string): string {
	return nodePath.join(folder, `${vaultKey(vaultRealPath)}.json`);
}

function vaultKey(vaultRealPath: string): string {
	return createHash('sha256').update(vaultRealPath).digest('hex').slice(0, 16);
}
