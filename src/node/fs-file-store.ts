import { Dirent, lstatSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { editKeepingBom, withoutBom } from '../core/files/file-text';
import { FileEntry, FileStat, FileStore, FileStoreError, PartlyWritten, PlannedWrite } from '../core/files/file-store';
import { normalizeVaultPath } from '../core/files/paths';
import { ListedFile } from './listed-file';
import { MadeFolders } from './made-folders';
import { changedError, storeError, writeError } from './store-errors';
import { isAlive, Keep, placeNew, tempOwner, tempPathFor, writeTemp } from './temp-files';
import { decodeUtf8, readUtf8 } from './utf8';
import { crashPoint, finishJournal, hashOf, JournalEntry, pendingJournal, removeJournal, writeJournal } from './write-journal';
import { keepOf, placeInVault, realPlace } from './write-place';

/**
 * The core's FileStore over a folder on disk (the vault). Every write goes to a temporary file in
 * the same folder, synced, then into place (a new file without clobbering, a rewrite by rename),
 * so a crash or a full disk never leaves a half-written note; writes of several files go through
 * a journal (see write-journal.ts). Nothing is written where a symbolic link would take it out of
 * the vault, nor over a note its owner made read-only.
 */
export class FsFileStore implements FileStore {
	constructor(readonly root: string) {}

	private realRootPath: string | null = null;

	/** The vault's real path, what every write must stay under. */
	get realRoot(): string {
		return (this.realRootPath ??= realpathSync.native(this.root));
	}

	/**
	 * Repairs what a crashed run left: finishes its journal (see write-journal.ts) and removes the
	 * temporary files of dead processes found so far. Call once a run, before reading the vault.
	 * Returns one line per thing the user should know.
	 */
	recover(): string[] {
		const lines = finishJournal(this.realRoot);
		this.removeStaleTemps();
		return lines;
	}

	/** What recover would repair, for a call that only reads and so leaves it to the next writer. */
	pending(): string[] {
		return pendingJournal(this.realRoot);
	}

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
			return Promise.reject(storeError(e, path));
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
		this.removeStaleTemps();
		let before: string;
		try {
			before = this.readText(path);
		} catch (e) {
			return Promise.reject(storeError(e, path));
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
			return Promise.reject(storeError(e, path));
		}
		return Promise.resolve(withoutBom(after));
	}

	create(path: string, text: string): Promise<void> {
		try {
			this.createFile(path, text);
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(storeError(e, path));
		}
	}

	createBytes(path: string, bytes: Uint8Array): Promise<void> {
		try {
			this.createFile(path, bytes);
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(storeError(e, path));
		}
	}

	/**
	 * Every new file, text or bytes: written to a temporary file, then linked in place, which fails
	 * when the file exists, so a race cannot overwrite someone's note and a full disk leaves nothing.
	 * Single-file writes are not synced (a migration makes thousands, and a sync each tripled its
	 * time); a killed process still leaves the old file or the new one. applyAll syncs.
	 */
	private createFile(path: string, data: string | Uint8Array): void {
		this.removeStaleTemps();
		const abs = this.writePlace(path);
		const folder = nodePath.dirname(abs);
		const made = this.folders.ensure(folder);
		const tmp = tempPathFor(abs);
		try {
			this.folders.inFolder(folder, () => writeTemp(tmp, data, undefined, false));
			placeNew(tmp, abs);
		} catch (e) {
			rmSync(tmp, { force: true });
			this.folders.remove(folder, made);
			throw writeError(e, path);
		}
	}

	exists(path: string): Promise<boolean> {
		try {
			return Promise.resolve(statSync(this.resolve(path), { throwIfNoEntry: false }) !== undefined);
		} catch (e) {
			return Promise.reject(storeError(e, path));
		}
	}

	/** `readFolder` reads one folder's entries (absolute path): readdirSync, or a caller's memo of it (see DiskFollower). */
	list(folder = '', readFolder: (absolute: string) => Dirent[] = readEntries): Promise<FileEntry[]> {
		const out: FileEntry[] = [];
		const walk = (rel: string): void => {
			let entries;
			try {
				entries = readFolder(this.resolve(rel));
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
					// Our temporary files are not vault content; a dead process's are removed by the next write.
					const owner = tempOwner(entry.name);
					if (owner === null) out.push(new ListedFile(child, this));
					else if (!isAlive(owner)) this.staleTemps.add(child);
				}
			}
		};
		try {
			walk(folder);
		} catch (e) {
			return Promise.reject(storeError(e, folder));
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
			this.folders.ensure(this.resolve(path));
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(storeError(e, path));
		}
	}

	rename(from: string, to: string): Promise<void> {
		try {
			this.removeStaleTemps();
			const target = this.writePlace(to);
			if (statSync(target, { throwIfNoEntry: false })) throw new FileStoreError('exists', to, `${to} already exists`);
			const source = this.resolve(from);
			this.folders.inFolder(nodePath.dirname(target), () => renameSync(source, target));
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(storeError(e, from));
		}
	}

	remove(path: string): Promise<void> {
		try {
			// The entry itself goes (a link, not what it points at), from a folder that must be in the vault.
			const abs = this.resolve(path);
			const folder = nodePath.relative(this.root, nodePath.dirname(abs)).split(nodePath.sep).join('/');
			rmSync(nodePath.join(this.writePlace(folder), nodePath.basename(abs)), { force: true });
			return Promise.resolve();
		} catch (e) {
			return Promise.reject(storeError(e, path));
		}
	}

	stat(path: string): Promise<FileStat | null> {
		try {
			const st = statSync(this.resolve(path), { throwIfNoEntry: false });
			return Promise.resolve(st?.isFile() ? { size: st.size, mtime: st.mtimeMs } : null);
		} catch (e) {
			return Promise.reject(storeError(e, path));
		}
	}

	/** The folders this store made or found. */
	private readonly folders = new MadeFolders();

	/** Temporary files of dead processes met while listing, removed by this store's first write. */
	private readonly staleTemps = new Set<string>();

	private removeStaleTemps(): void {
		for (const path of this.staleTemps) rmSync(nodePath.join(this.root, path), { force: true });
		this.staleTemps.clear();
	}

	/** Where a write to `path` really lands, refused when a symbolic link takes it out of the vault (write-place.ts). */
	private writePlace(path: string): string {
		const place = realPlace(this.resolve(path));
		return placeInVault(place, this.realRoot, path);
	}

	/**
	 * Writes several files all-or-nothing across a crash: (1) every new text to its temporary file,
	 * (2) the journal naming them, the commit point, (3) each into place, (4) the journal removed.
	 * A crash before (2) leaves only temporary files, removed by the next write; after it, the next
	 * run finishes the journal (recover). A failure in this process takes back what it can: before
	 * (3) nothing is in place yet; during (3) PartlyWritten tells the caller what to take back.
	 */
	applyAll(writes: readonly PlannedWrite[]): Promise<void> {
		this.removeStaleTemps();
		interface Step {
			path: string;
			place: string;
			tmp: string;
			data: string | Uint8Array;
			entry: JournalEntry;
			/** For a rewrite: the bytes the file held when it was read, and whose it is. */
			raw?: Buffer;
			keep?: Keep;
		}
		const steps: Step[] = [];
		const made: [string, string | undefined][] = [];
		const undo = (): void => {
			for (const step of steps) rmSync(step.tmp, { force: true });
			for (const [folder, first] of made.reverse()) this.folders.remove(folder, first);
		};
		let current = '';
		try {
			for (const w of writes) {
				current = w.path;
				const place = this.writePlace(w.path);
				const tmp = tempPathFor(place);
				const entry: JournalEntry = { kind: w.kind, target: this.journalPath(place), temp: this.journalPath(tmp), expect: 'absent' };
				if (w.kind === 'create') {
					if (lstatSync(place, { throwIfNoEntry: false })) throw new FileStoreError('exists', w.path, `${w.path} already exists`);
					steps.push({ path: w.path, place, tmp, data: w.text, entry });
					continue;
				}
				const st = statSync(place);
				const keep = keepOf(w.path, st);
				const raw = readFileSync(place);
				const text = decodeUtf8(raw, w.path);
				if (withoutBom(text) !== w.before) throw changedError(w.path, 'nothing was written');
				entry.expect = hashOf(raw);
				steps.push({ path: w.path, place, tmp, data: editKeepingBom(text, () => w.after), entry, raw, keep });
			}
			for (const step of steps) {
				current = step.path;
				const folder = nodePath.dirname(step.place);
				made.push([folder, this.folders.ensure(folder)]);
				this.folders.inFolder(folder, () => writeTemp(step.tmp, step.data, step.keep));
			}
			crashPoint('temps');
			current = steps[0]?.path ?? '';
			if (steps.length > 1) writeJournal(this.realRoot, { pid: process.pid, writes: steps.map((s) => s.entry) });
			crashPoint('journal');
		} catch (e) {
			undo();
			return Promise.reject(writeError(e, current));
		}
		const done: string[] = [];
		for (const step of steps) {
			try {
				if (step.raw === undefined) placeNew(step.tmp, step.place);
				else {
					// Someone may have saved the note since it was read: their edit wins, ours is dropped.
					if (!readFileSync(step.place).equals(step.raw)) throw changedError(step.path, 'nothing was written to it');
					renameSync(step.tmp, step.place);
				}
			} catch (e) {
				removeJournal(this.realRoot);
				const error = writeError(e, step.path);
				if (done.length === 0) {
					undo();
					return Promise.reject(error);
				}
				for (const s of steps) rmSync(s.tmp, { force: true });
				return Promise.reject(new PartlyWritten(done, error));
			}
			done.push(step.path);
			if (done.length === 1) crashPoint('first-target');
		}
		crashPoint('targets');
		if (steps.length > 1) removeJournal(this.realRoot);
		return Promise.resolve();
	}

	/** A place under the vault's real path as the journal records it. */
	private journalPath(abs: string): string {
		return nodePath.relative(this.realRoot, abs).split(nodePath.sep).join('/');
	}

	/** Rewrites one file through a temporary file beside it, keeping its mode and owner. */
	private writeAtomic(path: string, text: string): void {
		const abs = this.writePlace(path);
		const tmp = tempPathFor(abs);
		try {
			writeTemp(tmp, text, keepOf(path, statSync(abs)), false);
			renameSync(tmp, abs);
		} catch (e) {
			rmSync(tmp, { force: true });
			throw writeError(e, path);
		}
	}
}

/** A folder's entries with their types. */
export function readEntries(absolute: string): Dirent[] {
	return readdirSync(absolute, { withFileTypes: true });
}
