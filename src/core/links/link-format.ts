import { dirname, extension, relativePath } from '../files/paths';
import type { LinkRef } from './link-parser';

export type LinkStyle = 'wikilink' | 'markdown';

/** What the formatter needs to check a link resolves back: the core's LinkResolver, or Obsidian's cache in the plugin. */
export interface LinkLookup {
	has(path: string): boolean;
	resolve(linkpath: string, sourcePath: string): string | null;
}

export interface FormatLinkOptions {
	sourcePath: string;
	targetPath: string;
	alias?: string | null;
	/** '#heading', '#^block' (the leading '#' may be left out) or ''. */
	subpath?: string;
	style: LinkStyle;
	embed?: boolean;
	/** When given, the link is checked to resolve back to targetPath (see linkpathFor). */
	resolver?: LinkLookup;
}

/**
 * A relative link as the reference layout writes them: `[[context|Implementation Journal]]`,
 * `[[../epic|Parent Epic]]`, `[[deliverables/scripts/setup.sh|Setup Script]]` (.md dropped in
 * wikilinks), or `[Setup Script](deliverables/scripts/setup.sh)`, `[Parent](../epic.md)` (.md
 * kept, spaces as %20, as Obsidian writes markdown links). A path that a wikilink cannot hold
 * (`#`, `|`, `[`, `]`, `^` in it) is written as a markdown link instead, so the link still works.
 * A markdown link with no alias uses the file name as its text, so it is never an empty `[]`.
 */
export function formatLink(opts: FormatLinkOptions): string {
	const subpath = normalizeSubpath(opts.subpath ?? '');
	const alias = opts.alias ?? null;
	const bang = opts.embed ? '!' : '';
	let style = opts.style;
	let linkpath = linkpathFor({ ...opts, style });
	if (style === 'wikilink' && !fitsWikilink(linkpath)) {
		style = 'markdown';
		linkpath = linkpathFor({ ...opts, style });
	}
	if (style === 'wikilink') {
		const sub = subpath.replace(/[|[\]]/g, ' ');
		const text = alias === null ? '' : `|${sanitizeWikiAlias(alias)}`;
		return `${bang}[[${linkpath}${sub}${text}]]`;
	}
	const text = alias !== null && alias !== '' ? alias : stemForText(opts.targetPath);
	const sub = subpath === '' ? '' : '#' + encodeLinkPath(subpath.slice(1));
	return `${bang}[${escapeMarkdownText(text)}](${encodeLinkPath(linkpath)}${sub})`;
}

/**
 * The decoded link path from sourcePath to targetPath in the given style (what LinkRef.target
 * holds): the relative path, `.md` dropped for wikilinks. With a resolver it is checked to resolve
 * back to targetPath; when it does not (a same-named file nearer the vault root shadows it), a
 * `./` relative path is tried, then the full vault path, then the same with `.md` kept, then `/`
 * and the vault path. A heading in the source itself gives '' (a `[[#heading]]` link).
 */
export function linkpathFor(opts: { sourcePath: string; targetPath: string; style: LinkStyle; subpath?: string; resolver?: LinkLookup }): string {
	const { sourcePath, targetPath, resolver } = opts;
	const selfHeading = targetPath === sourcePath && normalizeSubpath(opts.subpath ?? '') !== '';
	// The first candidate nearly always resolves back: the others are built only when it does not.
	const first = selfHeading ? '' : dropMdFrom(relativePath(dirname(sourcePath), targetPath), targetPath, opts.style);
	if (!resolver || !resolver.has(targetPath) || resolver.resolve(first, sourcePath) === targetPath) return first;
	const candidates = candidatesFor(sourcePath, targetPath, opts.style, selfHeading);
	for (let i = 1; i < candidates.length; i++) if (resolver.resolve(candidates[i], sourcePath) === targetPath) return candidates[i];
	return first;
}

/** Wikilinks leave out a markdown file's `.md`. */
function dropMdFrom(path: string, targetPath: string, style: LinkStyle): string {
	return style === 'wikilink' && extension(targetPath) === 'md' ? path.slice(0, -3) : path;
}

/** Every spelling linkpathFor tries, in order; the first is the one it computes alone. */
function candidatesFor(sourcePath: string, targetPath: string, style: LinkStyle, selfHeading: boolean): string[] {
	const rel = relativePath(dirname(sourcePath), targetPath);
	const dropMd = (p: string): string => dropMdFrom(p, targetPath, style);
	const forms = (p: string): string[] => [dropMd(p), ...(dropMd(p) !== p ? [p] : [])];
	const dotted = rel.startsWith('../') ? rel : `./${rel}`;
	const out: string[] = [];
	if (selfHeading) out.push('');
	for (const p of [rel, dotted, targetPath]) out.push(dropMd(p));
	for (const p of [rel, dotted, targetPath, `/${targetPath}`]) out.push(...forms(p));
	return [...new Set(out)];
}

/**
 * Replaces only the target path of `link` in `text` by `newTarget` (a decoded path, like
 * LinkRef.target), keeping `!`, subpath, alias and style. Markdown targets are %-encoded (or kept
 * inside `<...>` when the link was written so). A wikilink that cannot hold the new path is
 * rewritten whole as a markdown link, keeping its alias as the text.
 */
export function rewriteLinkTarget(text: string, link: LinkRef, newTarget: string): string {
	let replacement: string;
	let from = link.targetStart;
	let to = link.targetEnd;
	if (link.kind === 'wikilink') {
		if (fitsWikilink(newTarget)) replacement = newTarget;
		else {
			const bang = link.embed ? '!' : '';
			const sub = link.subpath === '' ? '' : '#' + encodeLinkPath(link.subpath.slice(1));
			replacement = `${bang}[${escapeMarkdownText(link.alias ?? stemForText(newTarget))}](${encodeLinkPath(newTarget)}${sub})`;
			from = link.start;
			to = link.end;
		}
	} else {
		const angled = text[link.targetStart - 1] === '<';
		replacement = angled ? newTarget.replace(/[<>\\]/g, (c) => `\\${c}`).replace(/#/g, '%23') : encodeLinkPath(newTarget);
	}
	return text.slice(0, from) + replacement + text.slice(to);
}

/** Applies several target rewrites to one text (offsets are those of the original text). */
export function rewriteLinkTargets(text: string, edits: { link: LinkRef; newTarget: string }[]): string {
	const sorted = [...edits].sort((a, b) => b.link.start - a.link.start);
	let out = text;
	for (const e of sorted) out = rewriteLinkTarget(out, e.link, e.newTarget);
	return out;
}

/** Percent-encodes what a bare markdown link destination cannot hold, as Obsidian does for spaces. */
export function encodeLinkPath(path: string): string {
	return path.replace(/[\s%()<>#[\]\\`|]/g, (c) => {
		const e = encodeURIComponent(c);
		return e !== c ? e : '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
	});
}

/** Wikilink paths are trimmed when read and end at `#`, `|` or `]]`. */
function fitsWikilink(path: string): boolean {
	return !/[#|[\]^\r\n]/.test(path) && path === path.trim();
}

function normalizeSubpath(subpath: string): string {
	const s = subpath.trim();
	if (s === '') return '';
	return s.startsWith('#') ? s : `#${s}`;
}

/** One line, no `]` or `[` (they would end or break the link), no `|` (it splits a table cell). */
function sanitizeWikiAlias(alias: string): string {
	return alias.replace(/\s+/g, ' ').replace(/\[/g, '(').replace(/\]/g, ')').replace(/\|/g, '-').trim();
}

function escapeMarkdownText(text: string): string {
	return text.replace(/\s+/g, ' ').replace(/[\\[\]|]/g, (c) => `\\${c}`);
}

function stemForText(path: string): string {
	const name = path.slice(path.lastIndexOf('/') + 1);
	return extension(name) === 'md' ? name.slice(0, -3) : name;
}
