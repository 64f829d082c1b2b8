import { parseLinks } from '../links/link-parser';
import { formatDeliverableEntry, splitBaseline } from './registry-lines';

export { formatCodeChange, formatDeliverableEntry } from './registry-lines';
import { contentEndOf, parseHeading, parseListItem, scanLines, type ScannedLine } from './lines';

/**
 * The context's `## Deliverables` registry and `## Dependencies Delivered To`:
 *
 *     ### Scripts
 *     - [[deliverables/scripts/nas-setup.sh|NAS Setup Script]] - Automated NAS mount configuration
 *     ### Code Changes
 *     - `services/storage/nas-client.ts` - NAS client implementation
 *
 * Parsers take the section's text range and return offsets for surgical edits. Headings of level
 * 1–2 in the range are taken as the section's own heading and ignored.
 */

/** Canonical group headings by type key. */
export const DELIVERABLE_TYPE_HEADINGS: Record<string, string> = {
	scripts: 'Scripts',
	docs: 'Documentation',
	config: 'Configuration Files',
	code: 'Code Changes',
};

const TYPE_SYNONYMS: Record<string, string> = {
	scripts: 'scripts',
	script: 'scripts',
	documentation: 'docs',
	docs: 'docs',
	doc: 'docs',
	'configuration files': 'config',
	configuration: 'config',
	config: 'config',
	configs: 'config',
	'config files': 'config',
	'code changes': 'code',
	code: 'code',
};

/** `### Documentation` → `docs`; a custom heading → its lowercased slug (`### Data Sets` → `data-sets`). */
export function deliverableTypeKey(heading: string): string {
	const norm = heading
		.toLowerCase()
		.replace(/\(\d+\)\s*$/, '')
		.replace(/\s+/g, ' ')
		.trim();
	return TYPE_SYNONYMS[norm] ?? norm.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

export type DeliverableKind = 'wikilink' | 'markdown' | 'code' | 'text';

export interface Deliverable {
	/** Type key of its group, or for items above any group heading, the folder under `deliverables/` (else `other`). */
	type: string;
	kind: DeliverableKind;
	/** The link's decoded path (no `#subpath`; markdown links %-decoded), or the code span's path; null for a plain-text item. */
	target: string | null;
	alias: string | null;
	/** Text after the link (` - purpose`), or null when there is none; without the baseline. */
	purpose: string | null;
	/** The content hash recorded when the file was registered or last reviewed (`` `hash:1a2b3c4d` `` at the line's end), or null. */
	baseline: string | null;
	/** The item's content without its bullet. */
	raw: string;
	lineStart: number;
	/** End of the line's content, before its line end. */
	lineEnd: number;
	/** Just past the item, including its nested lines. */
	end: number;
	/** Offsets of the link (or code span) syntax; null for a plain-text item. */
	linkStart: number | null;
	linkEnd: number | null;
}

export interface DeliverableGroup {
	/** Type key, or null for items written before any group heading. */
	type: string | null;
	heading: string | null;
	headingStart: number | null;
	/** Where the group's body starts (past its heading line). */
	start: number;
	end: number;
	/** Just past its last non-blank line: where a new entry is appended. */
	contentEnd: number;
	entries: Deliverable[];
}

export interface DeliverablesRegistry {
	groups: DeliverableGroup[];
	entries: Deliverable[];
}

interface RawGroup {
	heading: string | null;
	headingLine: ScannedLine | null;
	start: number;
	end: number;
	lines: ScannedLine[];
}

function readGroups(text: string, from: number, to: number): RawGroup[] {
	const groups: RawGroup[] = [];
	let current: RawGroup = { heading: null, headingLine: null, start: Math.max(0, from), end: to, lines: [] };
	for (const line of scanLines(text, from, to)) {
		const h = line.inFence ? null : parseHeading(line.text);
		if (h && h.level >= 3) {
			current.end = line.start;
			groups.push(current);
			current = { heading: h.text, headingLine: line, start: line.end, end: to, lines: [] };
		} else if (h) {
			// The section's own heading, when the range starts with it; any later `#`/`##` heading ends the section.
			if (groups.length === 0 && current.lines.every((l) => l.text.trim() === '')) {
				current.start = line.end;
				current.lines = [];
			} else {
				current.end = line.start;
				groups.push(current);
				return groups;
			}
		} else {
			current.lines.push(line);
		}
	}
	current.end = Math.min(to, text.length);
	groups.push(current);
	return groups;
}

interface RawItem {
	line: ScannedLine;
	content: string;
	contentAt: number;
	end: number;
	children: string[];
}

/** Top-level list items of a group, with their nested lines' contents. */
function topItems(lines: ScannedLine[]): RawItem[] {
	const items: RawItem[] = [];
	let base = -1;
	for (const line of lines) {
		if (line.inFence) {
			if (items.length > 0) items[items.length - 1].end = line.end;
			continue;
		}
		const item = parseListItem(line.text);
		const last = items[items.length - 1];
		if (item && (base < 0 || item.indent <= base)) {
			base = item.indent;
			items.push({ line, content: item.content.trim(), contentAt: line.start + item.contentAt, end: line.end, children: [] });
		} else if (last && line.text.trim() !== '' && /^[ \t]/.test(line.text)) {
			last.end = line.end;
			if (item) last.children.push(item.content.trim());
		}
	}
	return items;
}

export function parseDeliverables(text: string, from = 0, to = text.length): DeliverablesRegistry {
	const groups: DeliverableGroup[] = [];
	const all: Deliverable[] = [];
	for (const g of readGroups(text, from, to)) {
		const type = g.heading === null ? null : deliverableTypeKey(g.heading);
		const entries = topItems(g.lines).map((item) => readDeliverable(item, type));
		if (g.heading === null && entries.length === 0) continue;
		groups.push({
			type,
			heading: g.heading,
			headingStart: g.headingLine ? g.headingLine.start : null,
			start: g.start,
			end: g.end,
			contentEnd: contentEndOf(g.lines, g.start),
			entries,
		});
		all.push(...entries);
	}
	return { groups, entries: all };
}

function readDeliverable(item: RawItem, groupType: string | null): Deliverable {
	const raw = item.content;
	const lineStart = item.line.start;
	const lineEnd = item.line.start + item.line.text.length;
	const end = item.end;
	// Spec files sometimes tick deliverables off: `- [x] [[…]]`.
	const box = /^\[.\][ \t]+/.exec(item.content);
	const skip = box ? box[0].length : 0;
	const { body, hash } = splitBaseline(item.content, skip);
	const at = item.contentAt + skip;
	const link = findLink(body);
	if (link) {
		const purpose = link.start === 0 ? purposeOf(body.slice(link.end)) : purposeOf(`${body.slice(0, link.start).replace(/[\s:\-–—]+$/, '')} ${body.slice(link.end).trim()}`);
		// Fields written out, not spread from a shared base: V8 builds such a spread literal slowly (microseconds each).
		return {
			raw,
			lineStart,
			lineEnd,
			end,
			type: groupType ?? typeFromPath(link.target),
			kind: link.kind,
			target: link.target,
			alias: link.alias,
			purpose,
			baseline: hash,
			linkStart: at + link.start,
			linkEnd: at + link.end,
		};
	}
	const code = /^`([^`]+)`/.exec(body);
	if (code) {
		return {
			raw,
			lineStart,
			lineEnd,
			end,
			type: groupType ?? 'code',
			kind: 'code',
			target: code[1].trim(),
			alias: null,
			purpose: purposeOf(body.slice(code[0].length)),
			baseline: hash,
			linkStart: at,
			linkEnd: at + code[0].length,
		};
	}
	return { raw, lineStart, lineEnd, end, type: groupType ?? 'other', kind: 'text', target: null, alias: null, purpose: null, baseline: hash, linkStart: null, linkEnd: null };
}

interface ItemLink {
	kind: 'wikilink' | 'markdown';
	/** The decoded path part (markdown links are %-decoded), without `#subpath`. */
	target: string;
	alias: string | null;
	start: number;
	end: number;
}

/** The first link in an item (inline code holds none). */
function findLink(s: string): ItemLink | null {
	const link = parseLinks(s, { includeFrontmatter: true })[0];
	if (!link) return null;
	return { kind: link.kind, target: link.target, alias: link.alias === null ? null : link.alias.trim(), start: link.start, end: link.end };
}

function purposeOf(rest: string): string | null {
	const p = rest.replace(/^[\s:\-–—]+/, '').trim();
	return p === '' ? null : p;
}

function typeFromPath(target: string): string {
	const folder = deliverableTypeFolder(target);
	return folder === null ? 'other' : deliverableTypeKey(folder);
}

/** The type folder a deliverable path sits in: `a/deliverables/scripts/x.sh` → `scripts`; a file right in `deliverables/` → null. */
export function deliverableTypeFolder(path: string): string | null {
	const parts = path.split('/');
	const at = parts.lastIndexOf('deliverables', parts.length - 2);
	return at >= 0 && at < parts.length - 2 ? parts[at + 1] : null;
}

export interface DownstreamSpec {
	kind: 'wikilink' | 'markdown';
	/** The link's decoded path, without `#subpath`. */
	target: string;
	alias: string | null;
	/** ` - Uses cold storage…` after the link, or a nested `- Purpose:` line. */
	purpose: string | null;
	/** A nested `- Uses:` line, when given. */
	uses: string | null;
	lineStart: number;
	lineEnd: number;
	end: number;
}

export interface IntegrationPoint {
	/** `Storage Manager Service` */
	name: string;
	/** The code-span path (`services/storage-manager/`), when given. */
	location: string | null;
	/** Any other text after the name (`Uses all scripts`). */
	note: string | null;
	raw: string;
	lineStart: number;
	lineEnd: number;
	end: number;
}

export interface DependencyGroup {
	heading: string | null;
	headingStart: number | null;
	start: number;
	end: number;
	contentEnd: number;
}

export interface DependenciesDelivered {
	downstream: DownstreamSpec[];
	integrationPoints: IntegrationPoint[];
	/** The `### Downstream Specs` and `### Integration Points` groups, when present: where to add. */
	downstreamGroup: DependencyGroup | null;
	integrationGroup: DependencyGroup | null;
}

/**
 * `### Downstream Specs` items are links to the specs that use this one; `### Integration Points`
 * items are `Name: \`path\``. Items outside those headings are sorted by shape: an item with a
 * link is a downstream spec, any other an integration point.
 */
export function parseDependenciesDelivered(text: string, from = 0, to = text.length): DependenciesDelivered {
	const result: DependenciesDelivered = { downstream: [], integrationPoints: [], downstreamGroup: null, integrationGroup: null };
	for (const g of readGroups(text, from, to)) {
		const kind = g.heading === null ? null : /integration/i.test(g.heading) ? 'integration' : /downstream|dependen|used by|consumer/i.test(g.heading) ? 'downstream' : null;
		const group: DependencyGroup = {
			heading: g.heading,
			headingStart: g.headingLine ? g.headingLine.start : null,
			start: g.start,
			end: g.end,
			contentEnd: contentEndOf(g.lines, g.start),
		};
		if (kind === 'downstream' && !result.downstreamGroup) result.downstreamGroup = group;
		if (kind === 'integration' && !result.integrationGroup) result.integrationGroup = group;
		for (const item of topItems(g.lines)) {
			const link = kind === 'integration' ? null : findLink(item.content);
			if (link) result.downstream.push(readDownstream(item, link));
			else result.integrationPoints.push(readIntegration(item));
		}
	}
	return result;
}

function readDownstream(item: RawItem, link: ItemLink): DownstreamSpec {
	let purpose = purposeOf(item.content.slice(link.end));
	let uses: string | null = null;
	for (const child of item.children) {
		const m = /^(uses|purpose)\s*:\s*(.*)$/i.exec(child);
		if (!m) continue;
		if (m[1].toLowerCase() === 'uses') uses = m[2].trim();
		else purpose = purpose ?? m[2].trim();
	}
	return {
		kind: link.kind,
		target: link.target,
		alias: link.alias,
		purpose,
		uses,
		lineStart: item.line.start,
		lineEnd: item.line.start + item.line.text.length,
		end: item.end,
	};
}

const NAME_SEPARATOR = /[ \t]*(?::[ \t]|:$|→|->|[ \t][-–—][ \t])[ \t]*/;

function readIntegration(item: RawItem): IntegrationPoint {
	const content = item.content;
	const sep = NAME_SEPARATOR.exec(content);
	let name = sep ? content.slice(0, sep.index) : content;
	let rest = sep ? content.slice(sep.index + sep[0].length) : '';
	let location: string | null = null;
	const code = /`([^`]+)`/.exec(rest);
	if (code) {
		location = code[1].trim();
		rest = (rest.slice(0, code.index) + rest.slice(code.index + code[0].length)).trim();
	} else if (!sep) {
		const own = /^`([^`]+)`$/.exec(name.trim());
		if (own) {
			location = own[1].trim();
			name = location;
		}
	}
	rest = rest.replace(/^[\s:\-–—]+|[\s\-–—]+$/g, '').trim();
	return {
		name: name.trim(),
		location,
		note: rest === '' ? null : rest,
		raw: content,
		lineStart: item.line.start,
		lineEnd: item.line.start + item.line.text.length,
		end: item.end,
	};
}

/** Canonical downstream line: `- [[../../3000/3001/spec|Market Data Collection]] - Uses cold storage`. */
export function formatDownstreamSpec(link: string, purpose?: string | null): string {
	return formatDeliverableEntry(link, purpose);
}

/** Canonical integration point line: ``- Storage Manager Service: `services/storage-manager/` ``. */
export function formatIntegrationPoint(name: string, location: string): string {
	return `- ${name.trim()}: \`${location.trim()}\``;
}
