/**
 * The only way the core touches files. Paths are vault-relative, POSIX-style, without a leading
 * slash ("specs/1000/epic.md"). The plugin implements it over the Vault API, the CLI over fs,
 * tests in memory.
 */
export interface FileStat {
	/** Size in bytes of the UTF-8 text. */
	size: number;
	/** Last modification, ms since the epoch. */
	mtime: number;
}

export interface FileEntry extends FileStat {
	path: string;
}

export interface FileStore {
	/** The file's text; rejects with FileStoreError('not-found') when there is none. */
	read(path: string): Promise<string>;
	/**
	 * Atomic read-modify-write: `fn` gets the current text and returns the new text. When `fn`
	 * throws, the file is unchanged and the error propagates. Returns the text written.
	 */
	process(path: string, fn: (text: string) => string): Promise<string>;
	/** Creates a new file (and its missing parent folders); rejects with 'exists' if it is there. */
	create(path: string, text: string): Promise<void>;
	/** Creates a new file holding exactly these bytes (a binary deliverable), as `create` does text. */
	createBytes(path: string, bytes: Uint8Array): Promise<void>;
	exists(path: string): Promise<boolean>;
	/** Every file (not folder) under `folder` ("" = everywhere), recursively, in no set order. */
	list(folder?: string): Promise<FileEntry[]>;
	/** Creates a folder and its parents; no error when it exists. */
	mkdir(path: string): Promise<void>;
	/**
	 * Deletes a file; nothing happens when there is none. Used to take back a file an operation has
	 * just created when a later step fails. (The plugin trashes it as the user's settings say.)
	 */
	remove(path: string): Promise<void>;
	/** Moves a file; rejects with 'exists' when `to` is taken, 'not-found' when `from` is gone. */
	rename(from: string, to: string): Promise<void>;
	/** null when there is no such file. */
	stat(path: string): Promise<FileStat | null>;
	/**
	 * Optional: writes several files so that a crash part-way leaves either all of them or none once
	 * the next run has looked (the CLI's store keeps a journal for that). Checks first that each file
	 * to create is absent and each file to modify holds `before` (rejecting with 'exists' or
	 * 'changed', nothing written). Should a write fail after others were put in place, it rejects
	 * with PartlyWritten naming those, for the caller to take back. Stores without it get the writes
	 * one by one (see ChangeSet.apply).
	 */
	applyAll?(writes: readonly PlannedWrite[]): Promise<void>;
}

/** One file of a write of several: a new file (text, or bytes for a binary one), or new text for a file that must still hold `before`. */
export type PlannedWrite = { kind: 'create'; path: string; text: string | Uint8Array } | { kind: 'modify'; path: string; before: string; after: string };

/** applyAll stopped after writing `done` (in order); `cause` says why. */
export class PartlyWritten extends Error {
	constructor(
		readonly done: readonly string[],
		readonly cause: unknown,
	) {
		super(cause instanceof Error ? cause.message : String(cause));
		this.name = 'PartlyWritten';
	}
}

export type FileStoreErrorCode = 'not-found' | 'exists' | 'unsafe-path' | 'read-only' | 'changed' | 'io';

export class FileStoreError extends Error {
	constructor(
		readonly code: FileStoreErrorCode,
		readonly path: string,
		message: string,
	) {
		super(message);
		this.name = 'FileStoreError';
	}
}
