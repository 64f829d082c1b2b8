import { FileStoreError } from '../core/files/file-store';

/** What the disk's refusals mean to the user; others keep the system's message. */
const PLAIN_ERRORS: Record<string, string> = {
	ENOSPC: 'no space left on the disk',
	EDQUOT: 'disk quota exceeded',
	EACCES: 'permission denied',
	EROFS: 'the disk is read-only',
};

/** A failed write in plain words: nothing of it was written. */
export function writeError(e: unknown, path: string): FileStoreError {
	const code = (e as NodeJS.ErrnoException).code;
	const why = code === undefined || e instanceof FileStoreError ? undefined : PLAIN_ERRORS[code];
	if (why) return new FileStoreError('io', path, `${path}: ${why}; nothing was written`);
	return storeError(e, path);
}

/** Any failure as the FileStoreError the core expects: not found, exists, or the system's message. */
export function storeError(e: unknown, path: string): FileStoreError {
	if (e instanceof FileStoreError) return e;
	const code = (e as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return new FileStoreError('not-found', path, `${path}: no such file`);
	if (code === 'EEXIST') return new FileStoreError('exists', path, `${path} already exists`);
	return new FileStoreError('io', path, `${path}: ${(e as Error).message}`);
}

/** Someone saved the file while we edited it: their edit wins. */
export function changedError(path: string, what: string): FileStoreError {
	return new FileStoreError('changed', path, `${path} changed while it was being edited; ${what}`);
}
