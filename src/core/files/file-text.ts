import { FileStoreError, type FileStore } from './file-store';

/**
 * What every FileStore does to a note's text on the way in and out, so the core never sees a
 * byte-order mark (a `# Title` after one is not a heading, `---` after one opens no frontmatter),
 * and the mark is written back where it was.
 */
const BOM = '\uFEFF';

/** The text without its byte-order mark, if it has one. */
export function withoutBom(text: string): string {
	return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Runs an edit on the text without its byte-order mark, and puts the mark back in front of the result. */
export function editKeepingBom(text: string, edit: (text: string) => string): string {
	return text.startsWith(BOM) ? BOM + edit(text.slice(1)) : edit(text);
}

/**
 * The file's text, or null when it is not text the store can read faithfully (binary, not UTF-8):
 * such a file is counted, moved or skipped as it is, never read with replacement characters.
 */
export async function readIfText(store: FileStore, path: string): Promise<string | null> {
	try {
		return await store.read(path);
	} catch (e) {
		if (e instanceof FileStoreError && e.code === 'io') return null;
		throw e;
	}
}
