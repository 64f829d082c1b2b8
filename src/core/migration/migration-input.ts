import { isBinaryPath } from '../deliverables/file-kind';
import type { FileStore } from '../files/file-store';
import { readIfText } from '../files/file-text';
import { extension, isUnder, joinPath } from '../files/paths';
import type { MigrationInput, VaultTexts } from './migration-types';

/** Text files under the specs root larger than this are moved, never read (their links are not looked at). */
const MAX_TEXT_BYTES = 1_000_000;

/**
 * What the planner needs from the vault: every file's path, the text of every markdown note and
 * canvas (links and file cards anywhere may point into the specs) and of the text files under the
 * specs root (traceback lines).
 * Read from the file list and the files themselves, not from the index: the index is built for the
 * new layout, and the old layouts are what the migration must understand. `ignored`: the index's
 * test for folders left out of discovery.
 */
export async function readMigrationInput(store: FileStore, specsRoot: string, ignored: (path: string) => boolean = () => false): Promise<MigrationInput> {
	const files: VaultTexts = new Map();
	const ignoredFiles: string[] = [];
	const folders = new Set<string>();
	const entries = await store.list('');
	entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const entry of entries) {
		// A copy in an ignored folder (a backup) is not the vault's: it is neither moved nor rewritten,
		// but links in Obsidian still find it.
		if (ignored(entry.path)) {
			ignoredFiles.push(entry.path);
			folders.add(ignoredFolder(entry.path, ignored));
			continue;
		}
		const markdown = extension(entry.path) === 'md';
		// A canvas anywhere may show a spec's file as a card: read whole, as Obsidian loads it.
		const canvas = extension(entry.path) === 'canvas' && !hidden(entry.path);
		const readable = markdown || canvas || (isUnder(entry.path, specsRoot) && !isBinaryPath(entry.path) && entry.size <= MAX_TEXT_BYTES && !hidden(entry.path));
		// A file that is not UTF-8 is moved as it is, never rewritten.
		files.set(entry.path, readable ? await readIfText(store, entry.path) : null);
	}
	return { specsRoot, files, ...(ignoredFiles.length > 0 ? { ignored: { files: ignoredFiles, folders: [...folders] } } : {}) };
}

/** The outermost folder of an ignored file that is ignored itself (`specs/E01 copy` of `specs/E01 copy/a/b.md`). */
function ignoredFolder(path: string, ignored: (path: string) => boolean): string {
	const parts = path.split('/');
	for (let i = 1; i < parts.length - 1; i++) {
		const folder = parts.slice(0, i).join('/');
		if (ignored(joinPath(folder, parts[parts.length - 1]))) return folder;
	}
	return parts.slice(0, -1).join('/');
}

function hidden(path: string): boolean {
	return path.split('/').some((part) => part.startsWith('.'));
}
