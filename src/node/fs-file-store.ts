import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { FileEntry, FileStat, FileStore, FileStoreError } from '../core/files/file-store';
import { normalizeVaultPath } from '../core/files/paths';

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

	// Reads and listings are synchronous: the CLI is a one-shot process with nothing else to serve,
	// and fs.promises costs four thread-pool round trips per file (about 5× the time on a big vault).
	read(path: string): Promise<string> {
		try {
			return Promise.resolve(readFileSync(this.resolve(path), 'utf8'));
		} catch (e) {
			return Promise.reject(this.wrap(e, path));
		}
	}

	async process(path: string, fn: (text: string) => string): Promise<string> {
		const before = await this.read(path);
		const after = fn(before);
		if (after !== before) await this.writeAtomic(path, after);
		return after;
	}

	async create(path: string, text: string): Promise<void> {
		const abs = this.resolve(path);
		await fs.mkdir(nodePath.dirname(abs), { recursive: true });
		try {
			// 'wx' fails when the file exists, so a race cannot overwrite someone's note.
			await fs.writeFile(abs, text, { encoding: 'utf8', flag: 'wx' });
		} catch (e) {
			throw this.wrap(e, path);
		}
	}

	async exists(path: string): Promise<boolean> {
		try {
			await fs.stat(this.resolve(path));
			return true;
		} catch {
			return false;
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
					const st = statSync(this.resolve(child), { throwIfNoEntry: false });
					if (st) out.push({ path: child, size: st.size, mtime: st.mtimeMs });
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

	async mkdir(path: string): Promise<void> {
		await fs.mkdir(this.resolve(path), { recursive: true });
	}

	async rename(from: string, to: string): Promise<void> {
		const target = this.resolve(to);
		if (await this.exists(to)) throw new FileStoreError('exists', to, `${to} already exists`);
		await fs.mkdir(nodePath.dirname(target), { recursive: true });
		try {
			await fs.rename(this.resolve(from), target);
		} catch (e) {
			throw this.wrap(e, from);
		}
	}

	async stat(path: string): Promise<FileStat | null> {
		try {
			const st = await fs.stat(this.resolve(path));
			return st.isFile() ? { size: st.size, mtime: st.mtimeMs } : null;
		} catch {
			return null;
		}
	}

	private async writeAtomic(path: string, text: string): Promise<void> {
		const abs = this.resolve(path);
		const tmp = nodePath.join(nodePath.dirname(abs), `.${nodePath.basename(abs)}.spec-work-${process.pid}.tmp`);
		try {
			const mode = (await fs.stat(abs)).mode;
			await fs.writeFile(tmp, text, { encoding: 'utf8', mode });
			await fs.rename(tmp, abs);
		} catch (e) {
			await fs.rm(tmp, { force: true });
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
