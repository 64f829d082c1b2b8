import { closeSync, fchmodSync, fchownSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as nodePath from 'node:path';

/**
 * The temporary files every write goes through: the new text is written beside its target, synced,
 * and only then put in place, so a crash or a full disk never leaves a note half written.
 */

/** `.<name>.spec-work-<pid>.tmp`: hidden, beside the target, and naming the process that wrote it. */
export function tempPathFor(abs: string, pid = process.pid): string {
	return nodePath.join(nodePath.dirname(abs), `.${nodePath.basename(abs)}.spec-work-${pid}.tmp`);
}

const TEMP_NAME = /^\..+\.spec-work-(\d+)\.tmp$/;

/** The pid in a temporary file's name, or null when the name is not one of ours. */
export function tempOwner(name: string): number | null {
	const m = TEMP_NAME.exec(name);
	return m ? Number(m[1]) : null;
}

/** True while a process with that id runs (EPERM: it runs, as someone else). */
export function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Whose file a rewrite must stay: the original's mode, user and group. */
export interface Keep {
	mode: number;
	uid: number;
	gid: number;
}

/**
 * Writes `data` to a new file at `tmp` (refusing to reuse one), gives it the original's mode and
 * owner when rewriting, and with `sync` flushes it to the disk. On any failure (a full disk, say)
 * the temporary file is removed.
 */
export function writeTemp(tmp: string, data: string | Uint8Array, keep?: Keep, sync = true): void {
	let fd: number | null = null;
	try {
		fd = openSync(tmp, 'wx', keep ? keep.mode & 0o7777 : 0o666);
		const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
		for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
		if (keep) {
			try {
				fchownSync(fd, keep.uid, keep.gid);
			} catch (e) {
				// Only root may give a file away; anyone else's rewrite is theirs, as with any editor.
				if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
			}
			// After chown, which clears set-id bits, and past the umask that open applied.
			fchmodSync(fd, keep.mode & 0o7777);
		}
		if (sync) fsyncSync(fd);
		closeSync(fd);
		fd = null;
	} catch (e) {
		if (fd !== null) closeSync(fd);
		rmSync(tmp, { force: true });
		throw e;
	}
}

/** Errors of a file system that has no hard links (FAT, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Puts a new file in place without clobbering: link() fails with EEXIST when someone created the
 * target meanwhile. Where hard links are not supported it checks and renames, which leaves only a
 * tiny window. The temporary name is gone afterwards either way.
 */
export function placeNew(tmp: string, target: string): void {
	try {
		linkSync(tmp, target);
	} catch (e) {
		if (!NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
		if (lstatSync(target, { throwIfNoEntry: false })) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
		renameSync(tmp, target);
		return;
	}
	rmSync(tmp, { force: true });
}

/** So the rename that commits survives a power cut, not only a killed process. */
export function syncFolder(abs: string): void {
	let fd: number | null = null;
	try {
		fd = openSync(abs, 'r');
		fsyncSync(fd);
	} catch {
		// Some systems cannot open or sync a folder; the rename is still atomic.
	} finally {
		if (fd !== null) closeSync(fd);
	}
}
