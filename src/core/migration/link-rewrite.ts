import { deliverableComments, LINK_FIELDS } from '../deliverables/leading-comments';
import { extension } from '../files/paths';
import { rewriteLinkTarget, type LinkLookup, type LinkStyle } from '../links/link-format';
import { parseLinks, type LinkRef } from '../links/link-parser';
import { LinkpathMemo, ResolveMemo, type LinkpathsFrom, type ResolvesFrom } from '../links/resolve-memo';
import { lineCounter } from '../markdown/line-numbers';
import type { LinkResolver } from '../links/link-resolver';
import { joinEdits, type TextEdit } from '../markdown/text-edit';
import { headerValues } from './header-values';
import { disjoint, inOrder } from './sorted-edits';
import type { LinkChange } from './migration-types';

/** The vault before and after the moves: both resolvers are built once, each file is rewritten once. */
export interface LinkRewriteContext {
	before: LinkResolver;
	after: LinkResolver;
	/** Old path → new path, for the files that move. */
	moves: Map<string, string>;
	/** The two resolvers' answers and the new link paths, remembered per folder (nothing changes while the plan is made). */
	beforeMemo: ResolvesFrom;
	afterMemo: ResolvesFrom;
	linkpaths: LinkpathsFrom;
}

export function linkRewriteContext(before: LinkResolver, after: LinkResolver, moves: Map<string, string>): LinkRewriteContext {
	return { before, after, moves, beforeMemo: new ResolveMemo(before), afterMemo: new ResolveMemo(after), linkpaths: new LinkpathMemo() };
}

/** A plain-text replacement made alongside the link rewrites (a parent id written without a link). */
export interface PlainReplacement {
	start: number;
	end: number;
	text: string;
	/** As shown in the plan: `parent: 1001-feature-storage → 1001`. */
	from: string;
	to: string;
}

// A plain path in a traceback line (`# Generated from: specs/1000/1001/1014.spec.md`, as deliverables are written) or a header line:
// the whole value, spaces inside it too (`…/1014-task-cold über NAS.spec.md`); only a value that finds a file is rewritten.
const PLAIN_PATH = /^[^\s[\]()<>|][^[\]()<>|]*\.[A-Za-z0-9]+$/;

/**
 * Rewrites, in one file, every link whose target moved or that would resolve elsewhere once the
 * files have moved, so it points to the same file as before from the file's new place. Links that
 * still resolve to the right file are left byte for byte; `#heading`, `#^block`, `|alias`, `!` and
 * the link's style are kept. Markdown notes: body links (not in code), property links, HTML comment
 * links. Other text files: the traceback lines of their leading comment block.
 */
export function rewriteFileLinks(
	ctx: LinkRewriteContext,
	text: string,
	oldSource: string,
	newSource: string,
	extra: PlainReplacement[] = [],
): { text: string; changes: LinkChange[] } {
	const edits: TextEdit[] = [];
	const changes: { at: number; from: string; to: string }[] = [];
	const was = ctx.beforeMemo.from(oldSource);
	const is = ctx.afterMemo.from(newSource);
	// Made on the first link that changes: most files' links all change, some files have none.
	let linkpathTo: ((target: string, style: LinkStyle, subpath: string) => string) | null = null;
	/** The path the link must now point to, or null when it still resolves to it (or never resolved). */
	const retarget = (target: string): string | null => {
		if (target === '') return null;
		const then = was(target);
		if (then === null) return null;
		const now = ctx.moves.get(then) ?? then;
		return is(target) === now ? null : now;
	};
	const rewriteLink = (link: LinkRef, offset: number): void => {
		const newTarget = retarget(link.target);
		if (newTarget === null) return;
		if (linkpathTo === null) {
			const after: LinkLookup = { has: (path) => ctx.after.has(path), resolve: (linkpath, source) => (source === newSource ? is(linkpath) : ctx.after.resolve(linkpath, source)) };
			linkpathTo = ctx.linkpaths.from(newSource, after);
		}
		const linkpath = newLinkpath(linkpathTo, is, link, newTarget);
		const local: LinkRef = { ...link, start: 0, end: link.raw.length, targetStart: link.targetStart - link.start, targetEnd: link.targetEnd - link.start };
		const raw = rewriteLinkTarget(link.raw, local, linkpath);
		// Only the characters that change, so a link nested in another's text (`[![a](x.png)](y.md)`) edits apart from it.
		const old = link.raw;
		let p = 0;
		while (p < raw.length && p < old.length && raw.charCodeAt(p) === old.charCodeAt(p)) p++;
		let q = 0;
		while (q < raw.length - p && q < old.length - p && raw.charCodeAt(raw.length - 1 - q) === old.charCodeAt(old.length - 1 - q)) q++;
		edits.push({ start: offset + link.start + p, end: offset + link.end - q, text: raw.slice(p, raw.length - q) });
		changes.push({ at: offset + link.start, from: link.raw, to: raw });
	};

	/** A plain path (`specs/1000-epic-foundation/…/x.spec.md`) now written as the file's new vault path. */
	const rewritePlainPath = (value: string, start: number): void => {
		if (!PLAIN_PATH.test(value) || !value.includes('/')) return;
		const newTarget = retarget(value);
		if (newTarget === null) return;
		edits.push({ start, end: start + value.length, text: newTarget });
		changes.push({ at: start, from: value, to: newTarget });
	};

	if (extension(oldSource) === 'md') {
		for (const link of parseLinks(text, { includeFrontmatter: true })) rewriteLink(link, 0);
		// `**Spec File**: specs/…` and `**Context**: specs/…` lines name files without a link.
		for (const field of headerValues(text)) {
			const value = field.value.startsWith('`') && field.value.endsWith('`') ? field.value.slice(1, -1) : field.value;
			rewritePlainPath(value, field.start + (value === field.value ? 0 : 1));
		}
	} else {
		for (const field of deliverableComments(oldSource, text)) {
			if (!LINK_FIELDS.has(field.name)) continue;
			const found = parseLinks(field.value, { includeFrontmatter: true });
			for (const link of found) rewriteLink(link, field.valueStart);
			const value = field.value.trim();
			if (found.length === 0) rewritePlainPath(value, field.valueStart + field.value.indexOf(value));
		}
	}
	for (const r of extra) {
		edits.push({ start: r.start, end: r.end, text: r.text });
		changes.push({ at: r.start, from: r.from, to: r.to });
	}
	if (edits.length === 0) return { text, changes: [] };
	const lines = lineCounter(text);
	return {
		text: joinEdits(text, disjoint(edits)),
		changes: inOrder(changes, (a, b) => a.at - b.at).map((c) => ({ line: lines(c.at), from: c.from, to: c.to })),
	};
}

/**
 * The new link path in the link's own style: relative to the new source, checked to resolve to
 * the target; `.md` written or left out as the link had it, when that still resolves.
 */
function newLinkpath(linkpathTo: (target: string, style: LinkStyle, subpath: string) => string, is: (linkpath: string) => string | null, link: LinkRef, target: string): string {
	const path = linkpathTo(target, link.kind, link.subpath);
	if (extension(target) !== 'md' || path === '') return path;
	const hadMd = link.target.toLowerCase().endsWith('.md');
	const hasMd = path.toLowerCase().endsWith('.md');
	const alt = hadMd && !hasMd ? `${path}.md` : !hadMd && hasMd ? path.slice(0, -3) : null;
	return alt !== null && is(alt) === target ? alt : path;
}
