import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { editKeepingBom, withoutBom } from '../core/files/file-text';
import { FileEntry, FileStat, FileStore, FileStoreError } from '../core/files/file-store';
import { normalizeVaultPath } from '../core/files/paths';
import { readUtf8 } from './utf8';

/**
 * The core's FileStore over a folder on disk (the vault). Writes go to a temporary file in the
 * same folder, then rename over the target, so a crash never leaves a half-written note.
 */
export class FsFileStore implements FileStore {
	constructor(readonly root: string) {}

	/** The absolute path for a vault path; refuses anything that would leave the vault. */
	resolve(path: string): string {
		const normalized = normalizeVaultPath(path);
		if (normalized === null || nodePath.isAbsolute(path)) {
			throw new FileStoreError('unsafe-path', path, `${path}: path leaves the vault`);
		}
		return nodePath.join(this.root, normalized);
	}

	// Every call is synchronous behind the Promise interface: the CLI is a one-shot process with
	// nothing else to serve, and fs.promises costs thread-pool round trips per call (about 5× the
	// time on a big vault; a migration makes tens of thousands of calls).
	read(path: string): Promise<string> {
		try {
			return Promise.resolve(withoutBom(this.readText(path)));
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
	}

	/** The file's whole text, its byte-order mark included; not-UTF-8 bytes refused, never replaced. */
	private readText(path: string): string {
		const abs = this.resolve(path);
		return readUtf8(
			() => readFileSync(abs, 'utf8'),
			() => readFileSync(abs),
			path,
		);
	}

	process(path: string, fn: (text: string) => string): Promise<string> {
		let before: string;
		try {
			before = this.readText(path);
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
		let after: string;
		try {
			after = editKeepingBom(before, fn);
		} catch (e) {
			// The edit's own refusal (a WorkflowError, say) passes through unchanged; nothing was written.
			return Promise.reject(e instanceof Error ? e : new Error(String(e)));
		}
		try {
			if (after !== before) this.writeAtomic(path, after);
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
		return Promise.resolve(withoutBom(after));
	}

	create(path: string, text: string): Promise<void> {
		try {
			const abs = this.resolve(path);
			// 'wx' fails when the file exists, so a race cannot overwrite someone's note.
			this.inFolder(nodePath.dirname(abs), () => writeFileSync(abs, text, { encoding: 'utf8', flag: 'wx' }));
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
	}

	exists(path: string): Promise<boolean> {
		try {
			return Promise.resolve(statSync(this.resolve(path), { throwIfNoEntry: false }) !== undefined);
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
	}

	list(folder = ''): Promise<FileEntry[]> {
		const out: FileEntry[] = [];
		const walk = (rel: string): void => {
			let entries;
			try {
				entries = readdirSync(this.resolve(rel), { withFileTypes: true });
			} catch {
				return;
			}
			for (const entry of entries) {
				const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
				if (entry.isDirectory()) {
					// Obsidian's config and version control folders are not vault content.
					if (rel === '' && (entry.name === '.obsidian' || entry.name === '.git' || entry.name === '.trash')) continue;
					if (entry.name === 'node_modules') continue;
					walk(child);
				} else if (entry.isFile()) {
					out.push(new ListedFile(child, this));
				}
			}
		};
		try {
			walk(folder);
		} catch (e) {
			return Promise.reject(this.wrap(e, folder));
		}
		return Promise.resolve(out);
	}

	/** The size and mtime of a listed file, read when first asked for (see ListedFile). */
	statOf(path: string): FileStat {
		const st = statSync(this.resolve(path), { throwIfNoEntry: false });
		return { size: st?.size ?? 0, mtime: st?.mtimeMs ?? 0 };
	}

	mkdir(path: string): Promise<void> {
		try {
			this.ensureFolder(this.resolve(path));
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
	}

	rename(from: string, to: string): Promise<void> {
		try {
			const target = this.resolve(to);
			if (statSync(target, { throwIfNoEntry: false })) throw new FileStoreError('exists', to, `${to} already exists`);
			const source = this.resolve(from);
			this.inFolder(nodePath.dirname(target), () => renameSync(source, target));
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(this.wrap(e, from));
		}
	}

	remove(path: string): Promise<void> {
		try {
			rmSync(this.resolve(path), { force: true });
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
	}

	stat(path: string): Promise<FileStat | null> {
		try {
			const st = statSync(this.resolve(path), { throwIfNoEntry: false });
			return Promise.resolve(st?.isFile() ? { size: st.size, mtime: st.mtimeMs } : null);
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
	}

	/** Folders known to exist, so a migration of thousands of files creates each folder once. */
	private readonly folders = new Set<string>();

	private ensureFolder(abs: string): void {
		if (this.folders.has(abs)) return;
		mkdirSync(abs, { recursive: true });
		this.folders.add(abs);
	}

	/** Runs `op` in folder `abs`, creating it first; if it vanished since we made it, makes it again once. */
	private inFolder(abs: string, op: () => void): void {
		this.ensureFolder(abs);
		try {
			op();
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || statSync(abs, { throwIfNoEntry: false })) throw e;
			this.folders.delete(abs);
			this.ensureFolder(abs);
			op();
		}
	}

	private writeAtomic(path: string, text: string): void {
		const resolved = this.resolve(path);
		// A symlinked note is written where it really lives, as Obsidian writes it: renaming over the
		// link itself would turn it into a plain copy and leave the real note behind, unchanged.
		const abs = lstatSync(resolved, { throwIfNoEntry: false })?.isSymbolicLink() ? realpathSync(resolved) : resolved;
		const tmp = nodePath.join(nodePath.dirname(abs), `.${nodePath.basename(abs)}.spec-work-${process.pid}.tmp`);
		try {
			const mode = statSync(abs).mode;
			writeFileSync(tmp, text, { encoding: 'utf8', mode });
			renameSync(tmp, abs);
		} catch (e) {
			rmSync(tmp, { force: true });
			throw this.wrap(e, path);
		}
	}

	private wrap(e: unknown, path: string): FileStoreError {
		if (e instanceof FileStoreError) return e;
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return new FileStoreError('not-found', path, `${path}: no such file`);
		if (code === 'EEXIST') return new FileStoreError('exists', path, `${path} already exists`);
		return new FileStoreError('io', path, `${path}: ${(e as Error).message}`);
	}
}

/**
 * A listed file whose size and mtime are read from disk when first asked for: opening a vault
 * lists every file but needs no stat, and a stat per file cost as much as reading the folders.
 * A class, so the getters are shared rather than made for every file.
 */
class ListedFile implements FileEntry {
	private stat: FileStat | null = null;

	constructor(
		readonly path: string,
		private readonly store: FsFileStore,
	) {}

	get size(): number {
		return (this.stat ??= this.store.statOf(this.path)).size;
	}

	get mtime(): number {
		return (this.stat ??= this.store.statOf(this.path)).mtime;
	}
}
