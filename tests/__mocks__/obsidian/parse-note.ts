import type { BlockCache, CachedMetadata, EmbedCache, FrontmatterLinkCache, HeadingCache, LinkCache, ListItemCache, SectionCache, TagCache } from 'obsidian';
import { defaultDisplayText, parsePropertyLink, scanLinks, type LinkSpan } from './link-scan';
import { fencedLines, findFrontmatter, LineIndex, maskNonProse, type FrontmatterBlock } from './markdown-scan';
import { parseProperties as parseYaml } from './yaml';

export interface ParsedNote {
	cache: CachedMetadata;
	spans: LinkSpan[];
	frontmatter: FrontmatterBlock | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function propertyLinks(value: unknown, key: string, out: FrontmatterLinkCache[]): void {
	if (typeof value === 'string') {
		const link = parsePropertyLink(value);
		if (link) out.push({ key, link: link.link, original: link.original, displayText: link.alias ?? defaultDisplayText(link.link) });
	} else if (Array.isArray(value)) {
		value.forEach((item, i) => propertyLinks(item, `${key}.${i}`, out));
	} else if (isRecord(value)) {
		for (const [k, v] of Object.entries(value)) propertyLinks(v, `${key}.${k}`, out);
	}
}

/** What Obsidian's metadata cache holds for a markdown note (the parts plugins use). */
export function parseNote(text: string): ParsedNote {
	const index = new LineIndex(text);
	const fm = findFrontmatter(index);
	const bodyLine = fm ? fm.closeLine + 1 : 0;
	const inFence = fencedLines(index, bodyLine);
	const masked = maskNonProse(index, fm, inFence);
	const maskedIndex = new LineIndex(masked);
	const cache: CachedMetadata = {};

	if (fm) {
		cache.frontmatterPosition = index.pos(0, fm.closeStart + 3);
		let data: unknown;
		try {
			data = parseYaml(fm.yaml);
		} catch {
			data = undefined;
		}
		if (isRecord(data)) {
			cache.frontmatter = data;
			const links: FrontmatterLinkCache[] = [];
			for (const [k, v] of Object.entries(data)) propertyLinks(v, k, links);
			if (links.length) cache.frontmatterLinks = links;
		}
	}

	const spans = scanLinks(text, masked);
	const links: LinkCache[] = [];
	const embeds: EmbedCache[] = [];
	for (const s of spans) {
		const ref = {
			link: s.link,
			original: s.original,
			displayText: s.alias !== undefined && s.alias !== '' ? s.alias : defaultDisplayText(s.link),
			position: index.pos(s.start, s.end),
		};
		(s.embed ? embeds : links).push(ref);
	}
	if (links.length) cache.links = links;
	if (embeds.length) cache.embeds = embeds;

	const headings: HeadingCache[] = [];
	const listItems: ListItemCache[] = [];
	const tags: TagCache[] = [];
	const blocks: Record<string, BlockCache> = {};
	const listStack: { indent: number; line: number }[] = [];
	let listStart = -1;
	for (let n = bodyLine; n < index.lineCount; n++) {
		const line = maskedIndex.line(n);
		const start = index.starts[n];
		if (inFence[n]) continue;
		const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
		if (heading) {
			headings.push({ heading: (heading[2] ?? '').trim(), level: heading[1].length, position: index.pos(start, index.lineEnd(n)) });
		}
		const item = /^([ \t]*)(?:>[ \t]?)*([-*+]|\d+[.)])(?:[ \t]+|$)(?:\[(.)\](?=[ \t]|$))?/.exec(line);
		if (item && !/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) {
			const indent = item[1].replace(/\t/g, '    ').length;
			if (listStart < 0) listStart = n;
			while (listStack.length && listStack[listStack.length - 1].indent >= indent) listStack.pop();
			const parent = listStack.length ? listStack[listStack.length - 1].line : -listStart;
			const entry: ListItemCache = { parent, position: index.pos(start + item[1].length, index.lineEnd(n)) };
			if (item[3] !== undefined) entry.task = item[3];
			listItems.push(entry);
			listStack.push({ indent, line: n });
		} else if (line.trim() !== '' && !/^[ \t]/.test(line)) {
			listStack.length = 0;
			listStart = -1;
		}
		const tagRe = /(^|\s)(#[\p{L}\p{N}_/-]+)/gu;
		let t: RegExpExecArray | null;
		while ((t = tagRe.exec(line)) !== null) {
			if (/^#[0-9]+$/.test(t[2])) continue;
			const at = start + t.index + t[1].length;
			tags.push({ tag: t[2], position: index.pos(at, at + t[2].length) });
		}
		const block = /\s\^([A-Za-z0-9-]+)[ \t]*$/.exec(line);
		if (block) blocks[block[1].toLowerCase()] = { id: block[1], position: index.pos(start, index.lineEnd(n)) };
	}
	if (headings.length) cache.headings = headings;
	if (listItems.length) cache.listItems = listItems;
	if (tags.length) cache.tags = tags;
	if (Object.keys(blocks).length) cache.blocks = blocks;
	cache.sections = sections(index, fm, inFence, bodyLine);
	return { cache, spans, frontmatter: fm };
}

function sectionType(line: string): string {
	if (/^ {0,3}#{1,6}([ \t]|$)/.test(line)) return 'heading';
	if (/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return 'thematicBreak';
	if (/^[ \t]*([-*+]|\d+[.)])([ \t]|$)/.test(line)) return 'list';
	if (/^ {0,3}>[ \t]?\[!/.test(line)) return 'callout';
	if (/^ {0,3}>/.test(line)) return 'blockquote';
	if (/^[ \t]*\|/.test(line)) return 'table';
	return 'paragraph';
}

/** A coarse version of Obsidian's sections: blocks separated by blank lines, typed by their first line. */
function sections(index: LineIndex, fm: FrontmatterBlock | null, inFence: boolean[], bodyLine: number): SectionCache[] {
	const out: SectionCache[] = [];
	if (fm) out.push({ type: 'yaml', position: index.pos(0, fm.closeStart + 3) });
	let current: { type: string; from: number; to: number } | null = null;
	const close = (): void => {
		if (current) out.push({ type: current.type, position: index.pos(index.starts[current.from], index.lineEnd(current.to)) });
		current = null;
	};
	for (let n = bodyLine; n < index.lineCount; n++) {
		const line = index.line(n);
		if (inFence[n]) {
			if (!current || current.type !== 'code') {
				close();
				current = { type: 'code', from: n, to: n };
			} else current.to = n;
			continue;
		}
		if (line.trim() === '') {
			close();
			continue;
		}
		const type = sectionType(line);
		const continues =
			current !== null &&
			current.type !== 'code' &&
			current.type !== 'heading' &&
			type !== 'heading' &&
			(type === current.type || type === 'paragraph' || (current.type === 'callout' && type === 'blockquote'));
		if (continues && current) current.to = n;
		else {
			close();
			current = { type, from: n, to: n };
		}
	}
	close();
	return out;
}
