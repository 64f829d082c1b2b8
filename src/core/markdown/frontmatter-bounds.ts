/** Where a note's YAML frontmatter is, in character offsets of the file's text. */
export interface FrontmatterBounds {
	/** Offset of the first character of the YAML (just after the opening `---` line). */
	yamlStart: number;
	/** Offset just past the YAML, i.e. where the closing `---` line starts. */
	yamlEnd: number;
	/** Offset just past the closing `---` line and its line end: where the body starts. */
	end: number;
}

/**
 * Obsidian's rule: the very first line is `---` (after a byte-order mark, if any) and a later
 * line is `---` (trailing spaces allowed).
 * A file whose opening `---` is never closed has no frontmatter.
 */
export function findFrontmatter(text: string): FrontmatterBounds | null {
	// A byte-order mark before it hides nothing: the properties are read and edited behind the mark.
	const first = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
	if (!first) return null;
	const yamlStart = first[0].length;
	const close = /^---[ \t]*(\r?\n|$)/gm;
	close.lastIndex = yamlStart;
	// The closing line may directly follow the opening one (empty frontmatter).
	for (let m = close.exec(text); m; m = close.exec(text)) {
		if (m.index >= yamlStart && (m.index === 0 || text[m.index - 1] === '\n')) {
			return { yamlStart, yamlEnd: m.index, end: m.index + m[0].length };
		}
	}
	return null;
}

/** Offset where the note's body starts (0 when there is no frontmatter). */
export function bodyStart(text: string): number {
	return findFrontmatter(text)?.end ?? 0;
}
