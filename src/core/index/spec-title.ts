/**
 * Titles and ids as owners write them in headings: `# 1014 - Cold Storage`, `# E13-F01: Parser`,
 * `# Task 1014: …`, `# [1014] …`. The id is shown beside the title everywhere, so a title keeps
 * no copy of it; and a heading may name a fuller id than the folder does (`F01` → `E13-F01`).
 */

/** Words that may stand before the id in a heading: `# Task 1014: …`, `# Epic E13: …`. */
const KIND_WORDS = '(?:epic|feature|task|spec|specification|story|subtask|sub-task|bug|spike|prd)';
/** An id as headings write it: letters, digits, dots, dashes and underscores, with a digit in it. */
const HEADING_ID = /^(?:(?:epic|feature|task|spec|specification|story|subtask|sub-task|bug|spike|prd)[ \t]+)?\[?([A-Za-z0-9][\w.-]*\d[\w.-]*|\d)\]?(?:[ \t]*[-–—:|][ \t]*|[ \t]+)(?=\S)/i;

/** `title` without a leading copy of one of `ids`, in the forms above; the title itself when there is none. */
export function stripIdPrefix(title: string, ids: readonly string[]): string {
	for (const id of ids) {
		if (id === '') continue;
		const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const prefix = new RegExp(`^(?:${KIND_WORDS}[ \\t]+)?(?:\\[${escaped}\\][ \\t]*(?:[-–—:|][ \\t]*)?|${escaped}(?:[ \\t]*[-–—:|][ \\t]*|[ \\t]+))(?=\\S)`, 'i');
		const m = prefix.exec(title);
		if (m) return title.slice(m[0].length);
	}
	return title;
}

/** The id a heading starts with (`E13-F01` in `# E13-F01: Parser`), or null. */
export function headingId(heading: string): string | null {
	return HEADING_ID.exec(heading)?.[1] ?? null;
}

/**
 * Whether `fuller` is a longer form of the short id a file or folder name gives: `E13-F01` of
 * `F01`, `1000-1001` of `1001`. Compared ignoring case, at a dash.
 */
export function extendsId(fuller: string, short: string): boolean {
	return fuller.length > short.length + 1 && fuller.toLowerCase().endsWith('-' + short.toLowerCase());
}
