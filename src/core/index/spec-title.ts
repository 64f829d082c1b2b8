/**
 * Titles and ids as owners write them in headings: `# 1014 - Cold Storage`, `# E13-F01: Parser`,
 * `# Task 1014: …`, `# [1014] …`. The id is shown beside the title everywhere, so a title keeps
 * no copy of it; and a heading may name a fuller id than the folder does (`F01` → `E13-F01`).
 */

/** Words that may stand before the id in a heading: `# Task 1014: …`, `# Epic E13: …`. */
const KIND_WORDS = '(?:epic|feature|task|spec|specification|story|subtask|sub-task|bug|spike|prd)';
/** An id as headings write it: letters, digits, dots, dashes and underscores, with a digit in it. */
const HEADING_ID =
	/^(?:(?:epic|feature|task|spec|specification|story|subtask|sub-task|bug|spike|prd)[ \t]+)?\[?([A-Za-z0-9][\w.-]*\d[\w.-]*|\d)\]?(?:[ \t]*[-–—:|][ \t]*|[ \t]+)(?=\S)/i;

/** `title` without a leading copy of one of `ids`, in the forms above; the title itself when there is none. */
export function stripIdPrefix(title: string, ids: readonly string[]): string {
	for (const id of ids) {
		const at = idPrefixEnd(title, id);
		if (at > 0) return title.slice(at);
	}
	return title;
}

const KIND_WORD = new RegExp(`^${KIND_WORDS}[ \\t]+`, 'i');

/**
 * Where the title goes on after a leading copy of `id` and its separator, or 0. Read in place: this
 * runs for every spec when a vault is opened. stripIdPrefixByRule is the same rule as one pattern.
 */
function idPrefixEnd(title: string, id: string): number {
	if (id === '' || title.length <= id.length) return 0;
	// As the pattern does: with a kind word first when there is one, else without.
	const kind = KIND_WORD.exec(title);
	return (kind ? idEnd(title, kind[0].length, id) : 0) || idEnd(title, 0, id);
}

function idEnd(title: string, at: number, id: string): number {
	const bracketed = title[at] === '[' && isIdAt(title, at + 1, id) && title[at + 1 + id.length] === ']';
	if (!bracketed && !isIdAt(title, at, id)) return 0;
	const afterId = bracketed ? at + 2 + id.length : at + id.length;
	const blanks = skipBlanks(title, afterId);
	const separated = skipSeparator(title, blanks);
	if (separated !== blanks && startsText(title, separated)) return separated;
	// Without a dash or colon a bare id must be followed by a blank: `1014 Cold`, never `10140 Racks`.
	return (bracketed || blanks > afterId) && startsText(title, blanks) ? blanks : 0;
}

function startsText(title: string, at: number): boolean {
	return at < title.length && !/\s/.test(title[at]);
}

function isIdAt(title: string, at: number, id: string): boolean {
	if (at + id.length > title.length) return false;
	for (let i = 0; i < id.length; i++) {
		const a = title.charCodeAt(at + i);
		const b = id.charCodeAt(i);
		if (a === b || (a < 128 && b < 128 && isLetter(a | 32) && (a | 32) === (b | 32))) continue;
		if ((a >= 128 || b >= 128) && title[at + i].toLowerCase() === id[i].toLowerCase()) continue;
		return false;
	}
	return true;
}

function isLetter(lower: number): boolean {
	return lower >= 97 && lower <= 122;
}

function isBlank(c: number): boolean {
	return c === 32 || c === 9;
}

function skipBlanks(title: string, at: number): number {
	while (at < title.length && isBlank(title.charCodeAt(at))) at++;
	return at;
}

/** Past one separator (`-`, `–`, `—`, `:`, `|`) and the blanks after it; `at` itself when there is none. */
function skipSeparator(title: string, at: number): number {
	return at < title.length && '-–—:|'.includes(title[at]) ? skipBlanks(title, at + 1) : at;
}

/** The plain rule stripIdPrefix follows, as one pattern per id: the oracle of its property test. */
export function stripIdPrefixByRule(title: string, ids: readonly string[]): string {
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
