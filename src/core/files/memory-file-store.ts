import { FileEntry, FileStat, FileStore, FileStoreError } from './file-store';
import { editKeepingBom, withoutBom } from './file-text';
import { dirname, isUnder } from './paths';
import { decodeUtf8 } from './strict-utf8';
import { utf8Length } from './utf8-length';

/** A FileStore held in a Map: for tests and for dry runs. */
export class MemoryFileStore implements FileStore {
	private readonly files = new Map<string, { text: string; mtime: number }>();
	private readonly folders = new Set<string>();
	/** Files created as bytes (binary deliverables), kept as given. */
	private readonly binary = new Map<string, Uint8Array>();
	private clock = 1;

	constructor(initial: Record<string, string> = {}) {
		for (const [path, text] of Object.entries(initial)) this.put(path, text);
	}

	/** Writes without the create/exists checks, for setting up tests. */
	put(path: string, text: string): void {
		this.files.set(path, { text, mtime: this.clock++ });
		this.binary.delete(path);
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

	/** The file's bytes: as created for a binary file, else its text in UTF-8; null when there is none. */
	bytesOf(path: string): Uint8Array | null {
		const f = this.files.get(path);
		return f ? (this.binary.get(path) ?? new TextEncoder().encode(f.text)) : null;
	}

	read(path: string): Promise<string> {
		const f = this.files.get(path);
		if (!f) return Promise.reject(new FileStoreError('not-found', path, `${path}: no such file`));
		// Bytes that are not UTF-8 are refused, as the CLI's store refuses them.
		const bytes = this.binary.get(path);
		try {
			return Promise.resolve(withoutBom(bytes ? decodeUtf8(bytes, path) : f.text));
		} catch (e) {
			return Promise.reject(e instanceof Error ? e : new Error(String(e)));
		}
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

	createBytes(path: string, bytes: Uint8Array): Promise<void> {
		if (this.files.has(path)) return Promise.reject(new FileStoreError('exists', path, `${path} already exists`));
		this.put(path, new TextDecoder().decode(bytes));
		this.binary.set(path, bytes.slice());
		return Promise.resolve();
	}

	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.files.has(path) || this.folders.has(path));
	}

	list(folder = ''): Promise<FileEntry[]> {
		const out: FileEntry[] = [];
		for (const [path, f] of this.files) {
			if (isUnder(path, folder) && path !== folder) out.push({ path, size: this.sizeOf(path, f.text), mtime: f.mtime });
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
		const bytes = this.binary.get(from);
		this.files.delete(from);
		this.put(to, f.text);
		if (bytes) this.binary.set(to, bytes);
		this.binary.delete(from);
		return Promise.resolve();
	}

	remove(path: string): Promise<void> {
		this.files.delete(path);
		this.binary.delete(path);
		return Promise.resolve();
	}

	stat(path: string): Promise<FileStat | null> {
		const f = this.files.get(path);
		return Promise.resolve(f ? { size: this.sizeOf(path, f.text), mtime: f.mtime } : null);
	}

	private sizeOf(path: string, text: string): number {
		return this.binary.get(path)?.length ?? utf8Length(text);
	}
}
