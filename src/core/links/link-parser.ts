import { findCodeRanges, isInRanges, type Range } from '../markdown/code-ranges';
import { findFrontmatter } from '../markdown/frontmatter-bounds';

/**
 * One link found in a note: a wikilink (`[[target#sub|alias]]`, `![[embed]]`) or a markdown link
 * (`[text](target#sub)`, `![alt](image.png)`). Offsets are into the text that was parsed.
 */
export interface LinkRef {
	kind: 'wikilink' | 'markdown';
	embed: boolean;
	/** The path part, decoded (markdown links are %-decoded); '' for a same-file `#heading` link. */
	target: string;
	/** '#heading', '#^block' or ''. */
	subpath: string;
	/** A wikilink's alias (null when none) or a markdown link's text. */
	alias: string | null;
	/** Offsets of the whole link, including a leading `!`. */
	start: number;
	end: number;
	/** Offsets of the target path as written (inside `<>`, before `#`), for rewriting. */
	targetStart: number;
	targetEnd: number;
	raw: string;
}

export interface ParseLinksOptions {
	/** Only links lying wholly inside [from, to) are returned. */
	from?: number;
	to?: number;
	/** Also read links inside the YAML frontmatter block (skipped by default). */
	includeFrontmatter?: boolean;
	/** Also return markdown links to external URLs, their target as written (for display text; they name no vault file). */
	includeExternal?: boolean;
}

export interface ParsedLinkText {
	kind: 'wikilink' | 'markdown';
	embed: boolean;
	target: string;
	subpath: string;
	alias: string | null;
}

/** Markdown link text longer than this is not looked for, so a paragraph of stray `[` stays linear. */
const MAX_LINK_TEXT = 2000;

/** `scheme:` as in http:, mailto:, obsidian:, file:. Obsidian forbids ':' in file names, so this never hides a vault file. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every link in `text`, in order of position. What Obsidian does not read as markdown holds no
 * links: fenced and indented code, inline code, `%%` comments and autolinks (`<https://…>`), as
 * findCodeRanges finds them; nor does the YAML frontmatter unless `includeFrontmatter` is set
 * (properties are read with parseLinkText). Markdown links to external URLs (any `scheme:` target,
 * or `//host`) are omitted unless `includeExternal` is set: they never name a vault file.
 * Links inside HTML comments are found: the deliverables' traceback comments
 * (`<!-- Spec: [[…]] -->`) need them, and none has been seen to hide a link Obsidian lacks.
 */
export function parseLinks(text: string, options: ParseLinksOptions = {}): LinkRef[] {
	const bodyStart = options.includeFrontmatter ? 0 : (findFrontmatter(text)?.end ?? 0);
	// Code is found in the body only, so a stray backtick in YAML cannot pair with one below it.
	const code = findCodeRanges(text.slice(bodyStart)).map(([s, e]): Range => [s + bodyStart, e + bodyStart]);
	const from = Math.max(options.from ?? 0, bodyStart);
	const to = Math.min(options.to ?? text.length, text.length);
	return scan(text, from, to, code, options.includeExternal === true);
}

/**
 * A single link written on its own, such as a frontmatter property value: `[[../epic|Parent]]`,
 * `"[Parent](../epic.md)"`. Surrounding whitespace and one pair of quotes are allowed; anything
 * else around the link, or no link at all, gives null.
 */
export function parseLinkText(s: string): ParsedLinkText | null {
	let t = s.trim();
	if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) t = t.slice(1, -1).trim();
	const links = scan(t, 0, t.length, []);
	if (links.length === 0) return null;
	const link = links[0];
	if (link.start !== 0 || link.end !== t.length) return null;
	return { kind: link.kind, embed: link.embed, target: link.target, subpath: link.subpath, alias: link.alias };
}

function scan(text: string, from: number, to: number, code: Range[], external = false): LinkRef[] {
	const links: LinkRef[] = [];
	// Only `[`, `!` and `\` can start anything: the characters between them are skipped in one search.
	const special = /[[!\\]/g;
	let r = 0;
	let i = from;
	while (i < to) {
		while (r < code.length && code[r][1] <= i) r++;
		if (r < code.length && code[r][0] <= i) {
			i = code[r][1];
			continue;
		}
		const ch = text[i];
		if (ch !== '[' && ch !== '!' && ch !== '\\') {
			special.lastIndex = i;
			const next = special.exec(text);
			i = next && next.index < to ? next.index : to;
			continue;
		}
		if (ch === '\\') {
			i += 2;
			continue;
		}
		const embed = ch === '!' && text[i + 1] === '[';
		const open = embed ? i + 1 : i;
		if (text[open] !== '[') {
			i++;
			continue;
		}
		const wikilink = text[open + 1] === '[' ? readWikilink(text, i, open, embed, to, code) : null;
		if (wikilink) {
			links.push(wikilink);
			i = wikilink.end;
			continue;
		}
		// Not a wikilink, `[[E01] Hot Storage](E01.md)` may still be a markdown link: its text holds brackets.
		const link = readMarkdownLink(text, i, open, embed, to, code, r, external);
		if (link && link !== 'external') links.push(link);
		// Go on inside the link text: `[![alt](img.png)](doc.md)` holds two links.
		i = open + 1;
	}
	return links;
}

/**
 * `[[...]]` on one line; `open` is the first `[`. Inline code inside the alias is allowed
 * (`` [[setup|`setup.sh`]] ``), a `]]` inside code is not the end.
 */
function readWikilink(text: string, start: number, open: number, embed: boolean, to: number, code: Range[]): LinkRef | null {
	const inner = open + 2;
	// In `[[[x]]` the link is the innermost `[[x]]`.
	if (text[inner] === '[') return null;
	const close = text.indexOf(']]', inner);
	if (close < 0 || close + 2 > to) return null;
	if (isInRanges(code, close) || isInRanges(code, close + 1)) return null;
	const body = text.slice(inner, close);
	if (body.includes('\n') || body.includes('[[')) return null;
	const pipe = body.indexOf('|');
	let pathAndSub = pipe < 0 ? body : body.slice(0, pipe);
	// In a table the pipe is written `\|`; the backslash belongs to neither part.
	if (pipe >= 0 && pathAndSub.endsWith('\\')) pathAndSub = pathAndSub.slice(0, -1);
	const alias = pipe < 0 ? null : body.slice(pipe + 1);
	const hash = pathAndSub.indexOf('#');
	const pathRaw = hash < 0 ? pathAndSub : pathAndSub.slice(0, hash);
	// No file name holds a bracket: `[[E01] Hot Storage](E01.md) ... ]]` is a markdown link, not this.
	// A heading may (`[[spec#Step [2] mount]]`), and Obsidian follows such a link.
	if (pathRaw.includes('[') || pathRaw.includes(']')) return null;
	const subpath = hash < 0 ? '' : pathAndSub.slice(hash).trim();
	const lead = pathRaw.length - pathRaw.trimStart().length;
	const target = pathRaw.trim();
	if (target === '' && subpath === '') return null;
	const targetStart = inner + lead;
	return {
		kind: 'wikilink',
		embed,
		target,
		subpath,
		alias,
		start,
		end: close + 2,
		targetStart,
		targetEnd: targetStart + target.length,
		raw: text.slice(start, close + 2),
	};
}

/**
 * `[text](dest "title")` per CommonMark; `open` is the `[`. The text may hold inline code
 * (`` [`setup.sh`](deliverables/scripts/setup.sh) ``), the destination may not.
 * Returns 'external' for URL targets, unless `external` asks for them.
 */
function readMarkdownLink(text: string, start: number, open: number, embed: boolean, to: number, code: Range[], r: number, external: boolean): LinkRef | 'external' | null {
	const textEnd = findLinkTextEnd(text, open, to, code, r);
	if (textEnd < 0 || text[textEnd + 1] !== '(') return null;
	while (r < code.length && code[r][1] <= textEnd) r++;
	const limit = Math.min(to, r < code.length ? code[r][0] : Infinity);
	let p = skipSpace(text, textEnd + 2, limit);
	let destStart: number;
	let destEnd: number;
	if (text[p] === '<') {
		destStart = p + 1;
		destEnd = destStart;
		while (destEnd < limit && text[destEnd] !== '>') {
			const c = text[destEnd];
			if (c === '\n' || c === '<') return null;
			destEnd += c === '\\' ? 2 : 1;
		}
		if (destEnd >= limit) return null;
		p = destEnd + 1;
	} else {
		destStart = p;
		let depth = 0;
		while (p < limit) {
			const c = text[p];
			if (c === '\\') {
				p += 2;
				continue;
			}
			if (c <= ' ') break;
			if (c === '(') depth++;
			else if (c === ')') {
				if (depth === 0) break;
				depth--;
			}
			p++;
		}
		if (depth !== 0) return null;
		destEnd = Math.min(p, limit);
	}
	p = skipSpace(text, p, limit);
	if (text[p] !== ')') {
		const titleEnd = readTitle(text, p, limit);
		if (titleEnd < 0 || p === destEnd) return null;
		p = skipSpace(text, titleEnd, limit);
		if (text[p] !== ')') return null;
	}
	const end = p + 1;
	if (end > limit) return null;
	const destRaw = text.slice(destStart, destEnd);
	if (destRaw === '') return null;
	const isExternal = isExternalTarget(destRaw);
	if (isExternal && !external) return 'external';
	const hash = isExternal ? -1 : destRaw.indexOf('#');
	const pathRaw = hash < 0 ? destRaw : destRaw.slice(0, hash);
	return {
		kind: 'markdown',
		embed,
		target: isExternal ? pathRaw : decodeLinkPart(pathRaw),
		subpath: hash < 0 ? '' : decodeLinkPart(destRaw.slice(hash)),
		alias: unescapeMarkdown(text.slice(open + 1, textEnd)),
		start,
		end,
		targetStart: destStart,
		targetEnd: destStart + pathRaw.length,
		raw: text.slice(start, end),
	};
}

/** The `]` closing the link text opened at `open` (brackets nest, `\]` is escaped, code spans are skipped), or -1. */
function findLinkTextEnd(text: string, open: number, to: number, code: Range[], r: number): number {
	const stop = Math.min(to, open + MAX_LINK_TEXT);
	let depth = 0;
	for (let p = open + 1; p < stop; p++) {
		while (r < code.length && code[r][1] <= p) r++;
		if (r < code.length && code[r][0] <= p) {
			// A fenced block ends the paragraph; an inline span is part of the text.
			if (isFencedBlock(text, code[r])) return -1;
			p = code[r][1] - 1;
			continue;
		}
		const c = text[p];
		if (c === '\\') p++;
		else if (c === '[') depth++;
		else if (c === ']') {
			if (depth === 0) return p;
			depth--;
		} else if (c === '\n' && /^[ \t]*\r?\n/.test(text.slice(p + 1, p + 80))) return -1;
	}
	return -1;
}

/** A fenced or indented block's range runs from a line start to a line end (or the text's); an inline range's does not. */
function isFencedBlock(text: string, [start, end]: Range): boolean {
	return (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end - 1] === '\n');
}

function skipSpace(text: string, p: number, limit: number): number {
	let newlines = 0;
	while (p < limit && (text[p] === ' ' || text[p] === '\t' || text[p] === '\n' || text[p] === '\r')) {
		if (text[p] === '\n' && ++newlines > 1) break;
		p++;
	}
	return p;
}

/** A link title `"..."`, `'...'` or `(...)` starting at p; returns the offset after it, or -1. */
function readTitle(text: string, p: number, limit: number): number {
	const opener = text[p];
	const closer = opener === '(' ? ')' : opener;
	if (opener !== '"' && opener !== "'" && opener !== '(') return -1;
	for (let q = p + 1; q < limit; q++) {
		if (text[q] === '\\') q++;
		else if (text[q] === closer) return q + 1;
	}
	return -1;
}

/** Backslash escapes, then %-escapes; a malformed %-escape is kept as written. */
export function decodeLinkPart(raw: string): string {
	const unescaped = unescapeMarkdown(raw);
	try {
		return decodeURIComponent(unescaped);
	} catch {
		return unescaped;
	}
}

function unescapeMarkdown(s: string): string {
	return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** True when a markdown link destination is an external URL rather than a vault path. */
export function isExternalTarget(dest: string): boolean {
	return SCHEME.test(dest) || dest.startsWith('//');
}
