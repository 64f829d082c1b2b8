import { FileEntry, FileStat, FileStore, FileStoreError } from './file-store';
import { editKeepingBom, withoutBom } from './file-text';
import { dirname, isUnder } from './paths';

/** A FileStore held in a Map: for tests and for dry runs. */
export class MemoryFileStore implements FileStore {
	private readonly files = new Map<string, { text: string; mtime: number }>();
	private readonly folders = new Set<string>();
	private clock = 1;

	constructor(initial: Record<string, string> = {}) {
		for (const [path, text] of Object.entries(initial)) this.put(path, text);
	}

	/** Writes without the create/exists checks, for setting up tests. */
	put(path: string, text: string): void {
		this.files.set(path, { text, mtime: this.clock++ });
		for (let dir = dirname(path); dir !== ''; dir = dirname(dir)) this.folders.add(dir);
	}

	/** A copy of every file, for asserting that nothing changed. */
	snapshot(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const [path, f] of [...this.files].sort(([a], [b]) => (a < b ? -1 : 1))) out[path] = f.text;
		return out;
	}

	hasFolder(path: string): boolean {
		return this.folders.has(path);
	}

	read(path: string): Promise<string> {
		const f = this.files.get(path);
		if (!f) return Promise.reject(new FileStoreError('not-found', path, `${path}: no such file`));
		return Promise.resolve(withoutBom(f.text));
	}

	process(path: string, fn: (text: string) => string): Promise<string> {
		const f = this.files.get(path);
		if (!f) return Promise.reject(new FileStoreError('not-found', path, `${path}: no such file`));
		try {
			const text = editKeepingBom(f.text, fn);
			if (text !== f.text) this.put(path, text);
			return Promise.resolve(withoutBom(text));
		} catch (e) {
			return Promise.reject(e instanceof Error ? e : new Error(String(e)));
		}
	}

	create(path: string, text: string): Promise<void> {
		if (this.files.has(path)) return Promise.reject(new FileStoreError('exists', path, `${path} already exists`));
		this.put(path, text);
		return Promise.resolve();
	}

	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.files.has(path) || this.folders.has(path));
	}

	list(folder = ''): Promise<FileEntry[]> {
		const out: FileEntry[] = [];
		for (const [path, f] of this.files) {
			if (isUnder(path, folder) && path !== folder) out.push({ path, size: utf8Length(f.text), mtime: f.mtime });
		}
		return Promise.resolve(out);
	}

	mkdir(path: string): Promise<void> {
		for (let dir = path; dir !== ''; dir = dirname(dir)) this.folders.add(dir);
		return Promise.resolve();
	}

	rename(from: string, to: string): Promise<void> {
		const f = this.files.get(from);
		if (!f) return Promise.reject(new FileStoreError('not-found', from, `${from}: no such file`));
		if (this.files.has(to)) return Promise.reject(new FileStoreError('exists', to, `${to} already exists`));
		this.files.delete(from);
		this.put(to, f.text);
		return Promise.resolve();
	}

	remove(path: string): Promise<void> {
		this.files.delete(path);
		return Promise.resolve();
	}

	stat(path: string): Promise<FileStat | null> {
		const f = this.files.get(path);
		return Promise.resolve(f ? { size: utf8Length(f.text), mtime: f.mtime } : null);
	}
}

/** Byte length of a string in UTF-8, without TextEncoder allocations for ASCII. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}
