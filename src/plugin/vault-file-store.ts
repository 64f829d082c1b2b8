import { App, normalizePath, TFile, TFolder } from 'obsidian';
import { FileEntry, FileStat, FileStore, FileStoreError } from '../core/files/file-store';
import { editKeepingBom, withoutBom } from '../core/files/file-text';
import { dirname } from '../core/files/paths';
import { decodeUtf8 } from '../core/files/strict-utf8';
import { editInEditor, TypingInEditor, unsavedView } from './editor-writes';

/**
 * The core's FileStore over Obsidian's Vault API: every read-modify-write is `vault.process`,
 * renames go through `fileManager.renameFile` so Obsidian updates links, nothing uses the adapter.
 * A note open in an editor with unsaved typing is read from and written through that editor
 * (editor-writes.ts), so the workflow plans from what the person sees and the typing survives.
 */
export class VaultFileStore implements FileStore {
	constructor(private readonly app: App) {}

	private file(path: string): TFile {
		const file = this.app.vault.getFileByPath(normalizePath(path));
		if (!file) throw new FileStoreError('not-found', path, `${path}: no such file`);
		return file;
	}

	async read(path: string): Promise<string> {
		const file = this.file(path);
		const disk = await this.app.vault.read(file);
		return withoutBom(unsavedView(this.app, file, disk)?.editor.getValue() ?? disk);
	}

	/**
	 * Obsidian reads a note that is not UTF-8 with replacement characters, and writing that text back
	 * would lose the bytes they replaced: the bytes are checked first, and such a note is refused in
	 * the CLI's words. Only writes pay for the second read; the index reads text as Obsidian gives it.
	 *
	 * Whether the note holds unsaved typing is decided inside `vault.process`, against the very text
	 * it would overwrite, so no keystroke lands between the look and the write; with typing, the disk
	 * is left alone and the change goes through the editor.
	 */
	async process(path: string, fn: (text: string) => string): Promise<string> {
		const file = this.file(path);
		decodeUtf8(new Uint8Array(await this.app.vault.readBinary(file)), path);
		try {
			return withoutBom(
				await this.app.vault.process(file, (text) => {
					const typing = unsavedView(this.app, file, text);
					if (typing) throw new TypingInEditor(typing);
					return editKeepingBom(text, fn);
				}),
			);
		} catch (e) {
			if (!(e instanceof TypingInEditor)) throw e;
			return editInEditor(e.view, fn);
		}
	}

	async create(path: string, text: string): Promise<void> {
		await this.createWith(path, (normalized) => this.app.vault.create(normalized, text));
	}

	/** A binary file (a copied image or PDF) goes in as its bytes, never through text. */
	async createBytes(path: string, bytes: Uint8Array): Promise<void> {
		const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		await this.createWith(path, (normalized) => this.app.vault.createBinary(normalized, buffer));
	}

	private async createWith(path: string, write: (normalized: string) => Promise<unknown>): Promise<void> {
		const normalized = normalizePath(path);
		if (this.app.vault.getAbstractFileByPath(normalized)) {
			throw new FileStoreError('exists', path, `${path} already exists`);
		}
		await this.mkdir(dirname(normalized));
		try {
			await write(normalized);
		} catch (e) {
			// Another creation won the race while the folders were made, or a name differing only in
			// case holds the place: say which file, never Obsidian's bare "File already exists.".
			if (this.app.vault.getAbstractFileByPath(normalized)) throw new FileStoreError('exists', path, `${path} already exists`);
			throw new FileStoreError('io', path, `${path}: ${e instanceof Error ? e.message : String(e)}`);
		}
	}

	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.app.vault.getAbstractFileByPath(normalizePath(path)) !== null);
	}

	list(folder = ''): Promise<FileEntry[]> {
		const root = folder === '' ? this.app.vault.getRoot() : this.app.vault.getFolderByPath(normalizePath(folder));
		const out: FileEntry[] = [];
		if (!root) return Promise.resolve(out);
		const walk = (dir: TFolder): void => {
			for (const child of dir.children) {
				if (child instanceof TFile) out.push({ path: child.path, size: child.stat.size, mtime: child.stat.mtime });
				else if (child instanceof TFolder) walk(child);
			}
		};
		walk(root);
		return Promise.resolve(out);
	}

	async mkdir(path: string): Promise<void> {
		const normalized = normalizePath(path);
		if (normalized === '' || normalized === '/') return;
		const existing = this.app.vault.getAbstractFileByPath(normalized);
		if (existing instanceof TFolder) return;
		if (existing) throw new FileStoreError('exists', path, `${path} is a file, not a folder`);
		await this.mkdir(dirname(normalized));
		try {
			await this.app.vault.createFolder(normalized);
		} catch (e) {
			// Made meanwhile by another operation creating a file in the same new folder.
			if (this.app.vault.getAbstractFileByPath(normalized) instanceof TFolder) return;
			throw e;
		}
	}

	async rename(from: string, to: string): Promise<void> {
		const target = normalizePath(to);
		if (this.app.vault.getAbstractFileByPath(target)) throw new FileStoreError('exists', to, `${to} already exists`);
		await this.mkdir(dirname(target));
		await this.app.fileManager.renameFile(this.file(from), target);
	}

	async remove(path: string): Promise<void> {
		const file = this.app.vault.getFileByPath(normalizePath(path));
		if (file) await this.app.fileManager.trashFile(file);
	}

	stat(path: string): Promise<FileStat | null> {
		const file = this.app.vault.getFileByPath(normalizePath(path));
		return Promise.resolve(file ? { size: file.stat.size, mtime: file.stat.mtime } : null);
	}
}
