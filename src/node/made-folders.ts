import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';

/**
 * The folders a store made or found, so a migration of thousands of files creates each folder
 * once, and a failed write takes back the empty folders it made.
 */
export class MadeFolders {
	/** Folders known to exist. */
	private readonly known = new Set<string>();

	/** Makes the folder and its parents; returns the first one it made, undefined when it existed. */
	ensure(abs: string): string | undefined {
		if (this.known.has(abs)) return undefined;
		const made = mkdirSync(abs, { recursive: true });
		this.known.add(abs);
		return made;
	}

	/** Takes back the folders ensure made (from `abs` up to `made`), if they are still empty. */
	remove(abs: string, made: string | undefined): void {
		if (made === undefined) return;
		for (let dir = abs; ; dir = nodePath.dirname(dir)) {
			this.known.delete(dir);
			try {
				rmdirSync(dir);
			} catch {
				return;
			}
			if (dir === made || nodePath.dirname(dir) === dir) return;
		}
	}

	/** Runs `op` in folder `abs`, creating it first; if it vanished since we made it, makes it again once. */
	inFolder(abs: string, op: () => void): void {
		this.ensure(abs);
		try {
			op();
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || statSync(abs, { throwIfNoEntry: false })) throw e;
			this.known.delete(abs);
			this.ensure(abs);
			op();
		}
	}
}
