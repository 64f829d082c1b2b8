import { realpathSync, Stats } from 'node:fs';
import * as nodePath from 'node:path';
import { FileStoreError } from '../core/files/file-store';
import { Keep } from './temp-files';

/**
 * Where a write to `abs` really lands: the real path of the file, or of its nearest existing
 * folder. A symlinked note inside the vault is written where it lives (renaming over the link
 * would turn it into a plain copy and leave the real note unchanged, as Obsidian would not).
 */
export function realPlace(abs: string): string {
	const rest: string[] = [];
	let probe = abs;
	let real: string;
	for (;;) {
		try {
			real = realpathSync.native(probe);
			break;
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			const parent = nodePath.dirname(probe);
			if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === probe) throw e;
			rest.unshift(nodePath.basename(probe));
			probe = parent;
		}
	}
	return nodePath.join(real, ...rest);
}

/** The place, when it is in the vault (`realRoot`); a place a symbolic link leads out of it to is refused, so no write ever lands outside. */
export function placeInVault(place: string, realRoot: string, path: string): string {
	if (place !== realRoot && !place.startsWith(realRoot.endsWith(nodePath.sep) ? realRoot : realRoot + nodePath.sep)) {
		throw new FileStoreError('unsafe-path', path, `${path} leads out of the vault through a symbolic link; nothing was written`);
	}
	return place;
}

/** The mode and owner a rewrite must keep; refuses a file its owner made read-only. */
export function keepOf(path: string, st: Stats): Keep {
	if ((st.mode & 0o200) === 0) throw new FileStoreError('read-only', path, `${path} is read-only; nothing was written`);
	return { mode: st.mode, uid: st.uid, gid: st.gid };
}
