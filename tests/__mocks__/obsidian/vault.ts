import type { DataWriteOptions, Stat } from 'obsidian';
import { Events, type EventRef } from './events';
import { TAbstractFile, TFile, TFolder } from './files';
import { utf8Length } from '../../../src/core/files/utf8-length';
import { baseName, isHiddenPath, joinPath, normalizePath, parentPath, splitName } from './paths';

export interface VaultOptions {
	/** Vault name, returned by getName(). */
	name?: string;
	/** Clock for ctime/mtime; defaults to Date.now. */
	now?: () => number;
	/** Desktop macOS/Windows and mobile file systems are case-insensitive: `Note.md` clashes with `note.md`. */
	caseSensitive?: boolean;
}

/** The vault settings the fake knows about, with Obsidian's defaults. */
export interface VaultConfig {
	useMarkdownLinks: boolean;
	alwaysUpdateLinks: boolean;
	newLinkFormat: 'shortest' | 'relative' | 'absolute';
	newFileLocation: 'root' | 'current' | 'folder';
	newFileFolderPath: string;
	attachmentFolderPath: string;
	[key: string]: unknown;
}

export const DEFAULT_VAULT_CONFIG: VaultConfig = {
	useMarkdownLinks: false,
	alwaysUpdateLinks: true,
	newLinkFormat: 'shortest',
	newFileLocation: 'root',
	newFileFolderPath: '',
	attachmentFolderPath: '/',
};

const INVALID_NAME_CHARS = /[*"\\<>:|?]/;

/** Bytes as Obsidian reads them as text: UTF-8, a bad byte becoming U+FFFD, a byte-order mark kept. */
function decodeLossy(data: ArrayBuffer | Uint8Array): string {
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
}

function bufferToString(data: ArrayBuffer): string {
	return Array.from(new Uint8Array(data), (b) => String.fromCharCode(b)).join('');
}

function stringToBuffer(text: string): ArrayBuffer {
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
	return bytes.buffer;
}

/**
 * An in-memory vault that behaves like Obsidian's.
 *
 * Timing: every write updates the file tree and content at once, then fires its vault event
 * (`create`, `modify`, `delete`, `rename`) synchronously, before the returned promise resolves —
 * so after `await vault.modify(...)` all vault listeners have run. The metadata cache, as in
 * Obsidian, catches up later (see MetadataCache); `await app.flush()` waits for it.
 *
 * Paths beginning with a dot segment (`.obsidian/…`) are hidden: they live only in the adapter,
 * never in the tree, as in Obsidian.
 */
export class Vault extends Events {
	adapter: FakeDataAdapter;
	configDir = '.obsidian';
	/** Paths of everything trashed or deleted, in order (test helper). */
	readonly removedPaths: string[] = [];
	private readonly root: TFolder;
	private readonly byPath = new Map<string, TAbstractFile>();
	private readonly contents = new Map<TFile, string>();
	/** The bytes of files written as bytes (createBinary, modifyBinary, seedBinary); the others' are their text in UTF-8. */
	private readonly binary = new Map<TFile, Uint8Array>();
	private readonly config: VaultConfig = { ...DEFAULT_VAULT_CONFIG };
	private readonly now: () => number;
	private readonly caseSensitive: boolean;
	private readonly vaultName: string;

	constructor(options: VaultOptions = {}) {
		super();
		this.now = options.now ?? (() => Date.now());
		this.caseSensitive = options.caseSensitive ?? false;
		this.vaultName = options.name ?? 'Test Vault';
		this.root = new TFolder();
		this.root.vault = this;
		this.root.path = '/';
		this.root.name = '';
		this.byPath.set('/', this.root);
		this.adapter = new FakeDataAdapter(this);
	}

	on(name: 'create', callback: (file: TAbstractFile) => unknown, ctx?: unknown): EventRef;
	on(name: 'modify', callback: (file: TAbstractFile) => unknown, ctx?: unknown): EventRef;
	on(name: 'delete', callback: (file: TAbstractFile) => unknown, ctx?: unknown): EventRef;
	on(name: 'rename', callback: (file: TAbstractFile, oldPath: string) => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		return super.on(name, callback, ctx);
	}

	getName(): string {
		return this.vaultName;
	}

	/** Vault settings (`useMarkdownLinks`, `alwaysUpdateLinks`, `newLinkFormat`…); not in the typings but real. */
	getConfig(key: string): unknown {
		return this.config[key];
	}

	/** A string setting, or `fallback` when it is not a string. */
	configString(key: string, fallback: string): string {
		const value = this.config[key];
		return typeof value === 'string' ? value : fallback;
	}

	/** Test helper: change a vault setting. */
	setConfig(key: string, value: unknown): void {
		this.config[key] = value;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.byPath.get(normalizePath(path)) ?? null;
	}

	getFileByPath(path: string): TFile | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFile ? f : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFolder ? f : null;
	}

	getRoot(): TFolder {
		return this.root;
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.byPath.values()];
	}

	getAllFolders(includeRoot?: boolean): TFolder[] {
		return this.getAllLoadedFiles().filter((f): f is TFolder => f instanceof TFolder && (includeRoot === true || !f.isRoot()));
	}

	getFiles(): TFile[] {
		return this.getAllLoadedFiles().filter((f): f is TFile => f instanceof TFile);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === 'md');
	}

	static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
		const walk = (f: TAbstractFile): void => {
			cb(f);
			if (f instanceof TFolder) for (const c of [...f.children]) walk(c);
		};
		walk(root);
	}

	async read(file: TFile): Promise<string> {
		return Promise.resolve(this.contentOf(file));
	}

	async cachedRead(file: TFile): Promise<string> {
		return Promise.resolve(this.contentOf(file));
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		const text = this.contentOf(file);
		return Promise.resolve((this.binary.get(file) ?? new TextEncoder().encode(text)).slice().buffer);
	}

	getResourcePath(file: TFile): string {
		return `app://local/${encodeURI(file.path)}?${file.stat.mtime}`;
	}

	async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
		return Promise.resolve(this.createSync(path, data, options));
	}

	async createBinary(path: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<TFile> {
		const file = this.createSync(path, decodeLossy(data), options);
		this.keepBytes(file, data);
		return Promise.resolve(file);
	}

	async createFolder(path: string): Promise<TFolder> {
		const p = this.checkNewPath(path);
		if (this.findClash(p)) throw new Error('Folder already exists.');
		return Promise.resolve(this.mkdirs(p));
	}

	async modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
		this.write(file, data, options);
		return Promise.resolve();
	}

	async modifyBinary(file: TFile, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		this.write(file, decodeLossy(data), options);
		this.keepBytes(file, data);
		return Promise.resolve();
	}

	async append(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
		this.write(file, this.contentOf(file) + data, options);
		return Promise.resolve();
	}

	/**
	 * Atomic read-modify-write: `fn` runs synchronously on the current text. When `fn` throws the file
	 * is untouched. When the text does not change, nothing is written and no `modify` fires.
	 */
	async process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
		const before = this.contentOf(file);
		const after = fn(before);
		if (after !== before) this.write(file, after, options);
		return Promise.resolve(after);
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		this.renameSync(file, newPath);
		return Promise.resolve();
	}

	/** Deletes a file, or a folder with everything in it; `delete` fires for each, children first. */
	async delete(file: TAbstractFile, force?: boolean): Promise<void> {
		void force;
		this.remove(file);
		return Promise.resolve();
	}

	async trash(file: TAbstractFile, system: boolean): Promise<void> {
		void system;
		this.remove(file);
		return Promise.resolve();
	}

	async copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
		const p = this.checkNewPath(newPath);
		if (file instanceof TFile) return this.createSync(p, this.contentOf(file)) as unknown as T;
		if (!(file instanceof TFolder)) throw new Error('Cannot copy this file.');
		if (this.findClash(p)) throw new Error('Folder already exists.');
		const folder = this.mkdirs(p);
		const copyInto = (src: TFolder, dest: string): void => {
			for (const child of src.children) {
				const target = joinPath(dest, child.name);
				if (child instanceof TFile) this.createSync(target, this.contentOf(child));
				else if (child instanceof TFolder) {
					this.mkdirs(target);
					copyInto(child, target);
				}
			}
		};
		copyInto(file, p);
		return Promise.resolve(folder as unknown as T);
	}

	// ---- synchronous internals (also used by the adapter, metadata cache and file manager) ----

	/** The current text of a file, synchronously (fake-only). */
	contentOf(file: TFile): string {
		const text = this.contents.get(file);
		if (text === undefined || this.byPath.get(file.path) !== file) throw new Error(`File does not exist: ${file.path}`);
		return text;
	}

	/** Adds files without firing events, as if they were there before the app started (fake-only). */
	seed(path: string, data: string): void {
		const p = normalizePath(path);
		if (isHiddenPath(p)) {
			this.adapter.hidden.set(p, data);
			return;
		}
		this.mkdirs(parentPath(p), false);
		this.addFile(p, data, undefined, false);
	}

	/** Adds a file of raw bytes without firing events, such as a note saved in Latin-1 (fake-only). */
	seedBinary(path: string, data: Uint8Array): void {
		this.seed(path, decodeLossy(data));
		const file = this.getFileByPath(path);
		if (file) this.keepBytes(file, data);
	}

	private keepBytes(file: TFile, data: ArrayBuffer | Uint8Array): void {
		const bytes = new Uint8Array(data).slice();
		this.binary.set(file, bytes);
		file.stat = { ...file.stat, size: bytes.length };
	}

	createSync(path: string, data: string, options?: DataWriteOptions): TFile {
		const p = this.checkNewPath(path);
		if (this.findClash(p)) throw new Error('File already exists.');
		const parent = parentPath(p);
		if (parent !== '' && !(this.byPath.get(parent) instanceof TFolder)) throw new Error('Folder does not exist.');
		return this.addFile(p, data, options, true);
	}

	private checkNewPath(path: string): string {
		const p = normalizePath(path);
		if (p === '/') throw new Error('Invalid path.');
		const name = baseName(p);
		if (INVALID_NAME_CHARS.test(name)) throw new Error('File name cannot contain any of the following characters: * " \\ / < > : | ?');
		if (isHiddenPath(p)) throw new Error(`Cannot create a hidden file in the vault: ${p}`);
		return p;
	}

	private findClash(path: string): TAbstractFile | null {
		const exact = this.byPath.get(path);
		if (exact) return exact;
		if (this.caseSensitive) return null;
		const lower = path.toLowerCase();
		for (const [k, f] of this.byPath) if (k.toLowerCase() === lower) return f;
		return null;
	}

	private addFile(path: string, data: string, options: DataWriteOptions | undefined, fire: boolean): TFile {
		const file = new TFile();
		file.vault = this;
		this.place(file, path);
		const now = this.now();
		file.stat = { ctime: options?.ctime ?? now, mtime: options?.mtime ?? now, size: utf8Length(data) };
		this.contents.set(file, data);
		if (fire) this.trigger('create', file);
		return file;
	}

	private place(file: TAbstractFile, path: string): void {
		const parent = this.byPath.get(parentPath(path) || '/');
		if (!(parent instanceof TFolder)) throw new Error('Folder does not exist.');
		file.path = path;
		file.name = baseName(path);
		if (file instanceof TFile) Object.assign(file, splitName(file.name));
		file.parent = parent;
		parent.children.push(file);
		this.byPath.set(path, file);
	}

	private mkdirs(path: string, fire = true): TFolder {
		if (path === '' || path === '/') return this.root;
		const existing = this.byPath.get(path);
		if (existing instanceof TFolder) return existing;
		if (existing) throw new Error(`A file is in the way: ${path}`);
		this.mkdirs(parentPath(path), fire);
		const folder = new TFolder();
		folder.vault = this;
		this.place(folder, path);
		if (fire) this.trigger('create', folder);
		return folder;
	}

	private write(file: TFile, data: string, options?: DataWriteOptions): void {
		this.contentOf(file);
		this.contents.set(file, data);
		this.binary.delete(file);
		file.stat = { ctime: file.stat.ctime, mtime: options?.mtime ?? this.now(), size: utf8Length(data) };
		this.trigger('modify', file);
	}

	/** Writes through the adapter path: creates the file when missing (fake-only). */
	writePath(path: string, data: string, options?: DataWriteOptions): void {
		const existing = this.getFileByPath(path);
		if (existing) this.write(existing, data, options);
		else this.createSync(path, data, options);
	}

	renameSync(file: TAbstractFile, newPath: string): void {
		if (this.byPath.get(file.path) !== file || file === this.root) throw new Error(`File does not exist: ${file.path}`);
		const p = this.checkNewPath(newPath);
		if (p === file.path) return;
		const clash = this.findClash(p);
		if (clash && clash !== file) throw new Error('Destination file already exists!');
		if (file instanceof TFolder && (p + '/').startsWith(file.path + '/')) throw new Error('Cannot move a folder into itself.');
		const parent = parentPath(p);
		if (parent !== '' && !(this.byPath.get(parent) instanceof TFolder)) throw new Error('Folder does not exist.');
		const moved: [TAbstractFile, string][] = [];
		const oldPath = file.path;
		file.parent?.children.splice(file.parent.children.indexOf(file), 1);
		this.byPath.delete(oldPath);
		this.place(file, p);
		moved.push([file, oldPath]);
		if (file instanceof TFolder) {
			Vault.recurseChildren(file, (child) => {
				if (child === file) return;
				const old = child.path;
				this.byPath.delete(old);
				child.path = joinPath(child.parent?.path ?? '', child.name);
				this.byPath.set(child.path, child);
				moved.push([child, old]);
			});
		}
		for (const [f, old] of moved) this.trigger('rename', f, old);
	}

	private remove(file: TAbstractFile): void {
		if (this.byPath.get(file.path) !== file || file === this.root) throw new Error(`File does not exist: ${file.path}`);
		if (file instanceof TFolder) for (const child of [...file.children]) this.remove(child);
		file.parent?.children.splice(file.parent.children.indexOf(file), 1);
		this.byPath.delete(file.path);
		if (file instanceof TFile) {
			this.contents.delete(file);
			this.binary.delete(file);
		}
		this.removedPaths.push(file.path);
		this.trigger('delete', file);
	}
}

/**
 * A minimal DataAdapter over the fake vault. Hidden paths (`.obsidian/…`) are kept here only, so
 * `.obsidian/app.json` and plugin `data.json` files can be seeded and inspected.
 */
export class FakeDataAdapter {
	readonly hidden = new Map<string, string>();

	constructor(private readonly vault: Vault) {}

	getName(): string {
		return this.vault.getName();
	}

	private visible(path: string): TAbstractFile | null {
		return this.vault.getAbstractFileByPath(path);
	}

	async exists(normalizedPath: string, sensitive?: boolean): Promise<boolean> {
		const p = normalizePath(normalizedPath);
		if (this.visible(p) || this.hidden.has(p) || this.hiddenFolder(p)) return Promise.resolve(true);
		if (sensitive === false) {
			const lower = p.toLowerCase();
			const all = [...this.vault.getAllLoadedFiles().map((f) => f.path), ...this.hidden.keys()];
			return Promise.resolve(all.some((x) => x.toLowerCase() === lower));
		}
		return Promise.resolve(false);
	}

	private hiddenFolder(p: string): boolean {
		return [...this.hidden.keys()].some((k) => k.startsWith(p + '/'));
	}

	async stat(normalizedPath: string): Promise<Stat | null> {
		const p = normalizePath(normalizedPath);
		const f = this.visible(p);
		if (f instanceof TFile) return Promise.resolve({ type: 'file', ...f.stat });
		if (f instanceof TFolder) return Promise.resolve({ type: 'folder', ctime: 0, mtime: 0, size: 0 });
		const h = this.hidden.get(p);
		if (h !== undefined) return Promise.resolve({ type: 'file', ctime: 0, mtime: 0, size: utf8Length(h) });
		if (this.hiddenFolder(p)) return Promise.resolve({ type: 'folder', ctime: 0, mtime: 0, size: 0 });
		return Promise.resolve(null);
	}

	async list(normalizedPath: string): Promise<{ files: string[]; folders: string[] }> {
		const p = normalizePath(normalizedPath);
		const files = new Set<string>();
		const folders = new Set<string>();
		const folder = this.vault.getFolderByPath(p);
		if (folder) for (const c of folder.children) (c instanceof TFolder ? folders : files).add(c.path);
		const prefix = p === '/' ? '' : p + '/';
		for (const k of this.hidden.keys()) {
			if (!k.startsWith(prefix)) continue;
			const rest = k.slice(prefix.length);
			const slash = rest.indexOf('/');
			if (slash < 0) files.add(k);
			else folders.add(prefix + rest.slice(0, slash));
		}
		return Promise.resolve({ files: [...files], folders: [...folders] });
	}

	async read(normalizedPath: string): Promise<string> {
		const p = normalizePath(normalizedPath);
		const f = this.visible(p);
		if (f instanceof TFile) return Promise.resolve(this.vault.contentOf(f));
		const h = this.hidden.get(p);
		if (h !== undefined) return Promise.resolve(h);
		throw new Error(`ENOENT: no such file or directory, open '${p}'`);
	}

	async readBinary(normalizedPath: string): Promise<ArrayBuffer> {
		return stringToBuffer(await this.read(normalizedPath));
	}

	async write(normalizedPath: string, data: string, options?: DataWriteOptions): Promise<void> {
		const p = normalizePath(normalizedPath);
		if (isHiddenPath(p)) this.hidden.set(p, data);
		else this.vault.writePath(p, data, options);
		return Promise.resolve();
	}

	async writeBinary(normalizedPath: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		return this.write(normalizedPath, bufferToString(data), options);
	}

	async append(normalizedPath: string, data: string, options?: DataWriteOptions): Promise<void> {
		const before = (await this.exists(normalizedPath)) ? await this.read(normalizedPath) : '';
		return this.write(normalizedPath, before + data, options);
	}

	async process(normalizedPath: string, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
		const after = fn(await this.read(normalizedPath));
		await this.write(normalizedPath, after, options);
		return after;
	}

	getResourcePath(normalizedPath: string): string {
		return `app://local/${encodeURI(normalizePath(normalizedPath))}`;
	}

	async mkdir(normalizedPath: string): Promise<void> {
		const p = normalizePath(normalizedPath);
		if (!isHiddenPath(p) && !this.vault.getFolderByPath(p)) await this.vault.createFolder(p);
	}

	async remove(normalizedPath: string): Promise<void> {
		const p = normalizePath(normalizedPath);
		const f = this.visible(p);
		const vault: { delete(file: TAbstractFile): Promise<void> } = this.vault;
		if (f) await vault.delete(f);
		else if (!this.hidden.delete(p)) throw new Error(`ENOENT: no such file or directory, unlink '${p}'`);
	}

	async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
		void recursive;
		return this.remove(normalizedPath);
	}

	async trashSystem(normalizedPath: string): Promise<boolean> {
		await this.remove(normalizedPath);
		return true;
	}

	async trashLocal(normalizedPath: string): Promise<void> {
		return this.remove(normalizedPath);
	}

	async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		const f = this.visible(normalizePath(normalizedPath));
		if (f) return this.vault.rename(f, normalizedNewPath);
		const text = await this.read(normalizedPath);
		this.hidden.delete(normalizePath(normalizedPath));
		return this.write(normalizedNewPath, text);
	}

	async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		if (await this.exists(normalizedNewPath)) throw new Error('Destination file already exists!');
		return this.write(normalizedNewPath, await this.read(normalizedPath));
	}
}
