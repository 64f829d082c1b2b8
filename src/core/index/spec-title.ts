/**
 * Titles and ids as owners write them in headings: `# 1014 - Cold Storage`, `# E13-F01: Parser`,
 * `# Task 1014: …`, `# [1014] …`, `# 1014. …`, `# **1014**: …`. The id is shown beside the title
 * everywhere, so a title keeps no copy of it; and a heading may name a fuller id than the folder
 * does (`F01` → `E13-F01`). Old layouts led headings with the spec's old name
 * (`# 1001-feature-storage: Storage`, `# 1000-epic-lab`): that is a copy of the id too.
 */

import { TYPE_WORD } from './old-name';

/** Words that may stand before the id in a heading: `# Task 1014: …`, `# Epic E13: …`. */
const KIND_WORDS = '(?:epic|feature|task|spec|specification|story|subtask|sub-task|bug|spike|prd)';
/**
 * A separator between the id and the title, as a pattern: a dash, en or em dash, colon, bar or middle
 * dot, or two dashes (typed where an editor would make a dash: `# E06 -- Reporting`).
 */
const SEPARATOR = '(?:--|[-–—:|·])';
/**
 * An id as headings write it: letters, digits, dots, dashes and underscores, with a digit in it and
 * not ending in a dot (`# E01-F01-T03. Dotted`); in bold or italics too (`# **E13-F01**: Parser`).
 */
const HEADING_ID = new RegExp(
	`^(?:${KIND_WORDS}[ \\t]+)?(\\*{1,3}|_{1,3})?\\[?([A-Za-z0-9][\\w.-]*\\d(?:[\\w.-]*[\\w-])?|\\d)\\]?(?:[ \\t]*${SEPARATOR}|\\.)?\\1(?:[ \\t]*${SEPARATOR}[ \\t]*|\\.[ \\t]+|[ \\t]+)(?=\\S)`,
	'i',
);

/**
 * After an id, the rest of an old-layout name `{id}-{type}-{slug}` and then a separator and text, or
 * nothing (the heading is only the old name). A slug is words joined by dashes.
 */
const OLD_NAME_REST = `-(?:${TYPE_WORD})-([^\\s\\-–—:|·.]+(?:-[^\\s\\-–—:|·.]+)*)(?:(?:[ \\t]*${SEPARATOR}[ \\t]*|\\.[ \\t]+|[ \\t]+)(?=\\S)|[ \\t]*$)`;
const OLD_NAME_AFTER_ID = new RegExp(OLD_NAME_REST, 'iy');

/**
 * `title` without a leading copy of one of `ids`, in the forms above; the title itself when there is
 * none. A title that is only an old name gives its slug as words (`1000-epic-cold-lab` → `Cold lab`).
 */
export function stripIdPrefix(title: string, ids: readonly string[]): string {
	for (const id of ids) {
		const stripped = withoutIdPrefix(title, id);
		if (stripped !== null) return stripped;
	}
	return title;
}

const KIND_WORD = new RegExp(`${KIND_WORDS}[ \\t]+`, 'iy');

/**
 * The title after a leading copy of `id` and its separator, or null. Read in place: this runs for
 * every spec when a vault is opened. stripIdPrefixByRule is the same rule as one pattern, and each
 * step here tries its choices in the order the pattern does.
 */
function withoutIdPrefix(title: string, id: string): string | null {
	if (id === '' || title.length <= id.length) return null;
	for (const at of afterKindWord(title, 0)) {
		const closed = emphasisedIdEnd(title, at, id) || closedIdEnd(title, at, id);
		if (closed > 0) return title.slice(closed);
		const old = afterOldName(title, at, id);
		if (old !== null) return old;
		const bare = bareIdEnd(title, at, id);
		if (bare > 0) return title.slice(bare);
	}
	return null;
}

/** `1001-feature-storage: Storage` → `Storage`; `1000-epic-lab` alone → `Lab`; null when `id` does not lead an old name. */
function afterOldName(title: string, at: number, id: string): string | null {
	if (!isIdAt(title, at, id)) return null;
	OLD_NAME_AFTER_ID.lastIndex = at + id.length;
	const m = OLD_NAME_AFTER_ID.exec(title);
	if (!m) return null;
	// Only the whole-name branch reaches the end: the other asks for text after the separator.
	return OLD_NAME_AFTER_ID.lastIndex === title.length ? slugTitle(m[1]) : title.slice(OLD_NAME_AFTER_ID.lastIndex);
}

/** Where the id may start: after a kind word (`Task `) when there is one, else at `at`. */
function afterKindWord(title: string, at: number): number[] {
	KIND_WORD.lastIndex = at;
	return KIND_WORD.test(title) ? [KIND_WORD.lastIndex, at] : [at];
}

/** `**1014**: Cold`, `*Task 1014*. Cold`, `__[1014]:__ Cold`: the id (and a kind word) in bold or italics. */
function emphasisedIdEnd(title: string, at: number, id: string): number {
	const c = title[at];
	if (c !== '*' && c !== '_') return 0;
	let run = 0;
	while (run < 3 && title[at + run] === c) run++;
	for (let n = run; n > 0; n--) {
		const marker = c.repeat(n);
		for (const start of afterKindWord(title, at + n)) {
			for (const idEnd of [bracketedEnd(title, start, id), isIdAt(title, start, id) ? start + id.length : 0]) {
				if (idEnd === 0) continue;
				for (const inner of [...innerSeparatorEnds(title, idEnd), idEnd]) {
					const end = title.startsWith(marker, inner) ? afterClosed(title, inner + n) : 0;
					if (end > 0) return end;
				}
			}
		}
	}
	return 0;
}

/** `[1014] Cold`, `[1014]: Cold`. */
function closedIdEnd(title: string, at: number, id: string): number {
	const end = bracketedEnd(title, at, id);
	return end > 0 ? afterClosed(title, end) : 0;
}

/** `1014 - Cold`, `1014. Cold`, `1014 Cold`; never `10140 Racks` or `1014.5 Racks`. */
function bareIdEnd(title: string, at: number, id: string): number {
	if (!isIdAt(title, at, id)) return 0;
	const afterId = at + id.length;
	const end = separatorEnd(title, afterId);
	if (end > 0) return end;
	const blanks = skipBlanks(title, afterId);
	return blanks > afterId && startsText(title, blanks) ? blanks : 0;
}

function bracketedEnd(title: string, at: number, id: string): number {
	return title[at] === '[' && isIdAt(title, at + 1, id) && title[at + 1 + id.length] === ']' ? at + 2 + id.length : 0;
}

/** Past a separator inside the emphasis (`**1014:**`): each way to read one, none when there is none. */
function innerSeparatorEnds(title: string, at: number): number[] {
	return title[at] === '.' ? [at + 1] : separatorEnds(title, skipBlanks(title, at));
}

/** After a closing bracket or emphasis: a separator, or the text at once or after blanks. */
function afterClosed(title: string, at: number): number {
	const end = separatorEnd(title, at);
	if (end > 0) return end;
	const blanks = skipBlanks(title, at);
	return startsText(title, blanks) ? blanks : 0;
}

const SEPARATORS = '-–—:|·';

/** Past a separator at `at`, in SEPARATOR's order: two dashes before one. */
function separatorEnds(title: string, at: number): number[] {
	if (at >= title.length || !SEPARATORS.includes(title[at])) return [];
	return title.startsWith('--', at) ? [at + 2, at + 1] : [at + 1];
}

/** Where the text starts after a separator between blanks, or a dot and a blank; 0 when it does not. */
function separatorEnd(title: string, at: number): number {
	for (const end of separatorEnds(title, skipBlanks(title, at))) {
		const text = skipBlanks(title, end);
		if (startsText(title, text)) return text;
	}
	if (title[at] === '.') {
		const text = skipBlanks(title, at + 1);
		if (text > at + 1 && startsText(title, text)) return text;
	}
	return 0;
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

/** The plain rule stripIdPrefix follows, as one pattern per id: the oracle of its property test. */
export function stripIdPrefixByRule(title: string, ids: readonly string[]): string {
	const kind = `(?:${KIND_WORDS}[ \\t]+)?`;
	const separator = `[ \\t]*${SEPARATOR}[ \\t]*|\\.[ \\t]+`;
	for (const id of ids) {
		if (id === '') continue;
		const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const emphasised = `(\\*{1,3}|_{1,3})${kind}(?:\\[${escaped}\\]|${escaped})(?:[ \\t]*${SEPARATOR}|\\.)?\\1(?:${separator}|[ \\t]*)`;
		const bracketed = `\\[${escaped}\\](?:${separator}|[ \\t]*)`;
		const bare = `${escaped}(?:${separator}|[ \\t]+)`;
		const m = new RegExp(`^${kind}(?:(?:${emphasised}|${bracketed})(?=\\S)|${escaped}${OLD_NAME_REST}|${bare}(?=\\S))`, 'i').exec(title);
		if (m) return m[m.length - 1] !== undefined && m[0].length === title.length ? slugTitle(m[m.length - 1]) : title.slice(m[0].length);
	}
	return title;
}

/** An old name's slug as a title: `cold-lab` → `Cold lab`. */
function slugTitle(slug: string): string {
	const words = slug.replace(/-/g, ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The id a heading starts with (`E13-F01` in `# E13-F01: Parser`), or null. */
export function headingId(heading: string): string | null {
	return HEADING_ID.exec(heading)?.[2] ?? null;
}

/**
 * Whether `fuller` is a longer form of the short id a file or folder name gives: `E13-F01` of
 * `F01`, `1000-1001` of `1001`. Compared ignoring case, at a dash.
 */
export function extendsId(fuller: string, short: string): boolean {
	return fuller.length > short.length + 1 && fuller.toLowerCase().endsWith('-' + short.toLowerCase());
}
