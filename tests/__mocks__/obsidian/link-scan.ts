/** One link found in a note's text, with enough detail to rewrite its target in place. */
export interface LinkSpan {
	kind: 'wiki' | 'markdown';
	embed: boolean;
	/** Offsets of the whole link (including `!`). */
	start: number;
	end: number;
	/** Offsets of the target text inside the link (path + subpath, as written). */
	targetStart: number;
	targetEnd: number;
	/** Target as Obsidian stores it in LinkCache.link: path + subpath, URL-decoded for markdown links. */
	link: string;
	/** Path part only (no `#subpath`). */
	linkpath: string;
	subpath: string;
	/** `|alias` text of a wikilink, or the text of a markdown link. */
	alias: string | undefined;
	original: string;
	/** Markdown link target written in angle brackets (`<a b.md>`). */
	angle: boolean;
}

/** Splits `path#sub` into Obsidian's linkpath and subpath (subpath keeps its `#`). */
export function parseLinktext(linktext: string): { path: string; subpath: string } {
	const hash = linktext.indexOf('#');
	if (hash < 0) return { path: linktext, subpath: '' };
	return { path: linktext.slice(0, hash), subpath: linktext.slice(hash) };
}

export function getLinkpath(linktext: string): string {
	return parseLinktext(linktext).path;
}

const EXTERNAL = /^[a-z][a-z0-9+.-]*:/i;

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * Finds wikilinks, embeds and local markdown links in `masked` (prose-only text, same offsets as
 * `text`). External URLs (`https:`, `mailto:`, `obsidian:`…) are not links to files.
 */
export function scanLinks(text: string, masked: string): LinkSpan[] {
	const spans: LinkSpan[] = [];
	const wiki = /(!?)\[\[([^[\]\n]+?)\]\]/g;
	let m: RegExpExecArray | null;
	let rest = masked;
	while ((m = wiki.exec(masked)) !== null) {
		const embed = m[1] === '!';
		const start = m.index;
		const innerStart = start + m[1].length + 2;
		const inner = text.slice(innerStart, innerStart + m[2].length);
		// `\|` is the table-safe alias separator.
		const pipe = inner.search(/\\?\|/);
		let target = pipe < 0 ? inner : inner.slice(0, pipe);
		const alias = pipe < 0 ? undefined : inner.slice(pipe).replace(/^\\?\|/, '');
		const lead = target.length - target.trimStart().length;
		target = target.trim();
		const { path, subpath } = parseLinktext(target);
		spans.push({
			kind: 'wiki',
			embed,
			start,
			end: start + m[0].length,
			targetStart: innerStart + lead,
			targetEnd: innerStart + lead + target.length,
			link: target,
			linkpath: path,
			subpath,
			alias,
			original: text.slice(start, start + m[0].length),
			angle: false,
		});
		rest = rest.slice(0, start) + ' '.repeat(m[0].length) + rest.slice(start + m[0].length);
	}
	const md = /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\([ \t]*(<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:[ \t]+"[^"\n]*")?[ \t]*\)/g;
	while ((m = md.exec(rest)) !== null) {
		const rawTarget = m[3];
		const angle = rawTarget.startsWith('<');
		const bare = angle ? rawTarget.slice(1, -1) : rawTarget;
		if (bare === '' || EXTERNAL.test(bare)) continue;
		const start = m.index;
		const afterParen = m[1].length + 1 + m[2].length + 2;
		const spaces = /^[ \t]*/.exec(m[0].slice(afterParen))?.[0].length ?? 0;
		const rawAt = start + afterParen + spaces;
		const link = safeDecode(bare);
		const { path, subpath } = parseLinktext(link);
		spans.push({
			kind: 'markdown',
			embed: m[1] === '!',
			start,
			end: start + m[0].length,
			targetStart: rawAt + (angle ? 1 : 0),
			targetEnd: rawAt + rawTarget.length - (angle ? 1 : 0),
			link,
			linkpath: path,
			subpath,
			alias: text.slice(start + m[1].length + 1, start + m[1].length + 1 + m[2].length),
			original: text.slice(start, start + m[0].length),
			angle,
		});
	}
	return spans.sort((a, b) => a.start - b.start);
}

/** A property value that is exactly one wikilink (Obsidian's frontmatter links). */
export function parsePropertyLink(value: string): { link: string; alias: string | undefined; original: string } | null {
	const m = /^\[\[([^[\]\n]+?)\]\]$/.exec(value.trim());
	if (!m) return null;
	const pipe = m[1].indexOf('|');
	const link = (pipe < 0 ? m[1] : m[1].slice(0, pipe)).trim();
	return { link, alias: pipe < 0 ? undefined : m[1].slice(pipe + 1), original: value.trim() };
}

/** Obsidian's display text for a link without alias: `note#Heading` shows as `note > Heading`. */
export function defaultDisplayText(link: string): string {
	return link.replace(/#\^?/g, ' > ').replace(/^ > /, '');
}
