import type { DownstreamSpec } from '../context/registry';
import { plainText } from '../links/link-text';
import { parseListItem, parseHeading, type ListItem } from '../context/lines';
import { BASELINE } from '../context/registry-lines';
import { basename, isUnder, stem } from '../files/paths';
import { bodyStart } from '../markdown/frontmatter-bounds';
import { parseHeaderLine } from '../metadata/header-lines';
import { flattenSections, parseSections } from '../markdown/sections';
import { Spec } from '../index/spec';
import { parseLinks, type LinkRef } from '../links/link-parser';
import { compareIds } from '../index/discovery';
import { Backlinks } from './backlinks';
import { Workspace } from '../workspace/workspace';

/** A spec or note that uses a spec: it links to the spec or its deliverables, or the spec's context lists it downstream. */
export interface SpecUsage {
	/** The using spec's id; null for a note that belongs to no spec. */
	id: string | null;
	title: string;
	/** The using spec's (or note's) path; for a Downstream Specs link that resolves nowhere, the link as written. */
	path: string;
	/** Deliverables it links to, in the report's order. */
	uses: string[];
	/** The purposes below joined with `; ` (null when there are none). */
	purpose: string | null;
	/**
	 * Why it uses them: the text after each of its links to a deliverable (or a nested `Purpose:`
	 * item), else after its links to the spec, else the Downstream Specs entry's text.
	 */
	purposes: string[];
	kind: 'spec' | 'note';
	/** Listed under the context's Downstream Specs. */
	listed: boolean;
	/** It links to the spec or a deliverable itself. */
	linksBack: boolean;
	/** A nested `- Uses:` item of its Downstream Specs entry (`Directory structure`). */
	usesText: string | null;
	/**
	 * What the report's `Uses:` line says: the part the Downstream Specs entry names (a nested
	 * `Uses:` item, or `Uses the directory structure to …` → `Directory structure`), else each
	 * deliverable it links by the label it gives it, else by its file name; null when it links
	 * only the spec itself.
	 */
	usesLabel: string | null;
	/** A Downstream Specs link that resolves to no file. */
	missing: boolean;
}

interface Draft extends SpecUsage {
	order: number;
	deliverablePurposes: string[];
	specPurposes: string[];
	/** The label of its first link to each deliverable. */
	labels: Map<string, string>;
	/** The Downstream Specs entry says why (its words win over the using note's: the report is the owner's summary). */
	listedPurpose: boolean;
}

/** What specUsage reads besides the spec. */
export interface UsageSources {
	/** The spec's existing deliverables, in the report's order. */
	deliverables: readonly string[];
	/** The context's Downstream Specs list. */
	downstream: readonly DownstreamSpec[];
	contextPath: string;
	backlinks: Backlinks;
}

/**
 * Who uses `spec`: every spec or note linking to it or one of its deliverables (the spec's own files,
 * parents and children excluded: a parent listing its tasks does not use them; so are copies of
 * them, in a backup folder or elsewhere), merged with the context's Downstream Specs list by
 * resolved path. Listed ones come first in list order, then other specs by id, then notes by path.
 */
export async function specUsage(ws: Workspace, spec: Spec, sources: UsageSources): Promise<SpecUsage[]> {
	const drafts = new Map<string, Draft>();
	readDownstream(ws, drafts, sources);
	await readBacklinks(ws, spec, drafts, sources);
	const out = [...drafts.values()].filter((d) => d.listed || d.linksBack);
	for (const d of out) finishDraft(d, sources.deliverables);
	return out.sort(compareUsage).map(publicUsage);
}

/** The draft kept under `key` (the using spec's path, else the note's), made on first use. */
function draftIn(drafts: Map<string, Draft>, key: string, owner: Spec | null, path: string): Draft {
	let d = drafts.get(key);
	if (!d) {
		d = {
			id: owner?.id ?? null,
			title: owner?.title ?? stem(path),
			path: owner?.path ?? path,
			uses: [],
			purpose: null,
			purposes: [],
			kind: owner ? 'spec' : 'note',
			listed: false,
			linksBack: false,
			usesText: null,
			usesLabel: null,
			missing: false,
			order: Infinity,
			deliverablePurposes: [],
			specPurposes: [],
			labels: new Map(),
			listedPurpose: false,
		};
		drafts.set(key, d);
	}
	return d;
}

/** Each Downstream Specs entry: listed, in list order, with what it says it uses and why. */
function readDownstream(ws: Workspace, drafts: Map<string, Draft>, { downstream, contextPath }: UsageSources): void {
	downstream.forEach((entry, i) => {
		const resolved = ws.links.resolve(entry.target, contextPath);
		const owner = resolved ? (ws.index.byPath(resolved) ?? ws.index.specForPath(resolved)) : null;
		const key = owner?.path ?? resolved ?? entry.target;
		const d = draftIn(drafts, key, owner, resolved ?? entry.target);
		if (!owner && !resolved) d.title = entry.alias ?? entry.target;
		d.missing = resolved === null;
		d.listed = true;
		d.order = Math.min(d.order, i);
		d.usesText = d.usesText ?? entry.uses;
		const said = downstreamWords(entry);
		d.usesLabel = d.usesLabel ?? said.uses;
		if (!d.listedPurpose && said.purpose) {
			d.purposes = [said.purpose];
			d.listedPurpose = true;
		}
	});
}

/** Each note linking to the spec or a deliverable, save the spec's own family, its deliverables and copies of them. */
async function readBacklinks(ws: Workspace, spec: Spec, drafts: Map<string, Draft>, { deliverables, contextPath, backlinks }: UsageSources): Promise<void> {
	const targets = new Set([spec.path, ...deliverables]);
	const related = new Set<string>([spec.path, ...ws.index.ancestorsOf(spec).map((s) => s.path)]);
	for (const d of descendants(ws, spec)) related.add(d.path);
	// Their journals too: one kept apart (`context: journals/…`) belongs to no spec by its folder.
	const journals = new Set([contextPath, ...[...related].map((p) => contextOf(ws, p))]);
	const copy = copyOf(ws, [spec.path, ...related, ...journals, ...deliverables]);

	const sources = new Set<string>();
	for (const target of targets) for (const b of backlinks.linksTo(target)) sources.add(b.source);
	for (const source of [...sources].sort()) {
		const owner = ws.index.byPath(source) ?? ws.index.specForPath(source);
		if (owner && related.has(owner.path)) continue;
		if (journals.has(source) || deliverables.includes(source) || copy(source)) continue;
		let text: string;
		try {
			text = await ws.store.read(source);
		} catch {
			continue;
		}
		readLinks(ws, draftIn(drafts, owner?.path ?? source, owner, source), { text, source, specPath: spec.path, targets });
	}
}

/** The note's links to the spec or its deliverables: what it uses, by which label, and why. */
function readLinks(ws: Workspace, d: Draft, note: { text: string; source: string; specPath: string; targets: ReadonlySet<string> }): void {
	const { text, source, specPath, targets } = note;
	const outgoing = deliveredToRanges(text);
	for (const link of parseLinks(text, { includeFrontmatter: true })) {
		// A spec's own Dependencies Delivered To list points at its users, not at what it uses.
		if (outgoing.some(([from, to]) => link.start >= from && link.start < to)) continue;
		const target = link.target === '' ? null : ws.links.resolve(link.target, source);
		if (!target || !targets.has(target)) continue;
		d.linksBack = true;
		const purpose = linkPurpose(text, link);
		if (target === specPath) {
			if (purpose) d.specPurposes.push(purpose);
		} else {
			if (!d.uses.includes(target)) d.uses.push(target);
			if (!d.labels.has(target)) d.labels.set(target, linkLabel(link.alias, target));
			if (purpose) d.deliverablePurposes.push(purpose);
		}
	}
}

/** Orders its uses as the report does and settles its Uses label and purpose. */
function finishDraft(d: Draft, deliverables: readonly string[]): void {
	d.uses.sort((a, b) => deliverables.indexOf(a) - deliverables.indexOf(b));
	if (d.usesLabel === null && d.uses.length > 0) d.usesLabel = unique(d.uses.map((u) => d.labels.get(u) ?? basename(u))).join(', ');
	const own = unique(d.deliverablePurposes.length > 0 ? d.deliverablePurposes : d.specPurposes);
	if (own.length > 0 && !d.listedPurpose) d.purposes = own;
	d.purpose = d.purposes.length > 0 ? d.purposes.map((p) => p.replace(/\.$/, '')).join('; ') : null;
}

/** Listed ones first in list order, then other specs by id, then notes by path. */
function compareUsage(a: Draft, b: Draft): number {
	if (a.listed !== b.listed) return a.listed ? -1 : 1;
	if (a.listed) return a.order - b.order;
	if (a.kind !== b.kind) return a.kind === 'spec' ? -1 : 1;
	if (a.kind === 'spec' && a.id !== null && b.id !== null) return compareIds(a.id, b.id);
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function publicUsage({ id, title, path, uses, purpose, purposes, kind, listed, linksBack, usesText, usesLabel, missing }: Draft): SpecUsage {
	return { id, title, path, uses, purpose, purposes, kind, listed, linksBack, usesText, usesLabel, missing };
}

function contextOf(ws: Workspace, specPath: string): string {
	const s = ws.index.byPath(specPath);
	return s ? ws.index.contextPathOf(s) : specPath;
}

/**
 * Whether a note is a copy of one of `own` (the spec's files, its parents' and children's, its
 * deliverables) rather than a user: it lies in a folder left out of discovery (`specs/…/backup/`),
 * or its path ends with one of theirs below the specs root (`specs_backup/1000/1001/1014.context.md`).
 */
function copyOf(ws: Workspace, own: readonly string[]): (source: string) => boolean {
	const root = ws.index.specsRoot;
	const tails = new Set(own.filter((p) => isUnder(p, root)).map((p) => (root === '' ? p : p.slice(root.length + 1))));
	return (source) => {
		if (ws.index.isIgnored(source)) return true;
		for (let at = source.indexOf('/'); at >= 0; at = source.indexOf('/', at + 1)) {
			if (tails.has(source.slice(at + 1)) && !own.includes(source)) return true;
		}
		return false;
	};
}

/** `Uses the directory structure to read historical data` → uses `Directory structure`, purpose `Read historical data`. */
function downstreamWords(entry: DownstreamSpec): { uses: string | null; purpose: string | null } {
	if (entry.uses !== null) return { uses: asLabel(entry.uses), purpose: entry.purpose === null ? null : asSentence(entry.purpose) };
	if (entry.purpose === null) return { uses: null, purpose: null };
	const m = /^uses?\s+(.+?)(?:\s+(?:in order to|so that|to|for)\s+(.+))?$/is.exec(entry.purpose.trim());
	if (!m) return { uses: null, purpose: asSentence(entry.purpose) };
	return { uses: asLabel(m[1]), purpose: m[2] === undefined ? null : asSentence(m[2]) };
}

/** A link's label as the Uses line shows it; a label that only repeats the file's name gives the file name. */
function linkLabel(alias: string | null, target: string): string {
	const text = alias === null ? '' : plainText(alias);
	if (text === '' || target.toLowerCase().endsWith(text.toLowerCase()) || stem(target).toLowerCase() === text.toLowerCase()) return basename(target);
	return asLabel(text);
}

/** `the directory structure` → `Directory structure`; a file name (`nas-health-check.sh`) is kept as written. */
function asLabel(text: string): string {
	return asSentence(plainText(text).replace(/^(?:the|a|an)\s+/i, ''));
}

function asSentence(text: string): string {
	const t = plainText(text).replace(/\.$/, '');
	const first = t.split(/\s/, 1)[0];
	// A file name or code keeps its case: `nas-health-check.sh`, `fstab`.
	if (/[./_`]/.test(first) || first !== first.toLowerCase()) return t;
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Sections listing who a note's spec delivers to (`## Dependencies Delivered To`, `### Downstream Specs`). */
function deliveredToRanges(text: string): [number, number][] {
	return flattenSections(parseSections(text))
		.filter((s) => /^(?:dependencies delivered to|downstream specs?)$/i.test(s.title))
		.map((s) => [s.headingStart, s.end]);
}

function descendants(ws: Workspace, spec: Spec): Spec[] {
	const out: Spec[] = [];
	const seen = new Set<string>([spec.path]);
	const stack = [...ws.index.childrenOf(spec)];
	while (stack.length > 0) {
		const s = stack.pop()!;
		if (seen.has(s.path)) continue;
		seen.add(s.path);
		out.push(s);
		stack.push(...ws.index.childrenOf(s));
	}
	return out;
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}

/**
 * Why a note links where it does. A link that opens a list item (`- [[x]] - why`) is explained by
 * the text after it through the end of the item, or by a nested `Purpose:` item; a link inside prose
 * by the sentence of the item or paragraph it sits in. Table rows and headings give no purpose, nor
 * does a fragment with fewer than two words besides its links (`, [[y.sh]]`, `See [[x.sh]].`).
 */
export function linkPurpose(text: string, link: LinkRef): string | null {
	// A property (`related: "[[1014.spec]]"`) says nothing about why.
	if (link.start < bodyStart(text)) return null;
	const lines = splitWithOffsets(text);
	const at = lines.findIndex((l) => l.start <= link.start && link.start <= l.end);
	if (at < 0) return null;
	const line = lines[at].text;
	if (/^\s*\|/.test(line) || parseHeading(line)) return null;
	const { blockStart, blockEnd, item, last } = blockAround(lines, at);
	const checkbox = /^\[.\][ \t]+/.exec(text.slice(blockStart, blockEnd));
	const contentStart = blockStart + (checkbox ? checkbox[0].length : 0);
	if (link.start === contentStart) {
		const rest = withoutBaselines(text.slice(link.end, blockEnd));
		if (isPurpose(rest))
			return plainText(rest)
				.replace(/^[\s:\-–—]+/, '')
				.trim();
		return item ? nestedPurpose(lines, last, item.indent) : null;
	}
	const block = text.slice(contentStart, blockEnd);
	const sentence = withoutBaselines(sentenceAround(block, link.start - contentStart, link.end - contentStart));
	return isPurpose(sentence) ? plainText(sentence) : null;
}

const BASELINES = new RegExp(BASELINE.source, 'gm');

/** A registry line's `` `hash:…` `` baseline is the file's, not part of why a note links it. */
function withoutBaselines(text: string): string {
	return text.replace(BASELINES, '');
}

/**
 * The list item or paragraph line `at` sits in, continuation lines included, from its content (past
 * a list marker) to its end. A header line (`**Context**: [[…]]`) is a line of its own, whose
 * content is its value: it is no part of the sentence below or above it.
 */
function blockAround(lines: OffsetLine[], at: number): { blockStart: number; blockEnd: number; item: ListItem | null; last: number } {
	const header = parseHeaderLine(lines[at]);
	if (header) return { blockStart: header.start, blockEnd: header.end, item: null, last: at };
	let first = at;
	while (!parseListItem(lines[first].text) && first > 0 && isParagraphLine(lines[first - 1])) first--;
	const item = parseListItem(lines[first].text);
	let last = at;
	while (last + 1 < lines.length && isParagraphLine(lines[last + 1]) && !parseListItem(lines[last + 1].text)) last++;
	const blockStart = item ? lines[first].start + item.contentAt : lines[first].start;
	return { blockStart, blockEnd: lines[last].start + lines[last].text.length, item, last };
}

/** Two words or more besides its links: less is a fragment (`, [[y.sh]]`), not a reason. */
function isPurpose(raw: string): boolean {
	const words = raw.replace(/!?\[\[[^\]]*\]\]|!?\[[^\]]*\]\([^)]*\)/g, ' ').match(/\p{L}{2,}/gu);
	return (words?.length ?? 0) >= 2;
}

/** The sentences of `block` that hold [from, to): a sentence ends at `.`, `!` or `?` before a capital. */
function sentenceAround(block: string, from: number, to: number): string {
	let start = 0;
	let end = block.length;
	for (const m of block.matchAll(/[.!?](?=\s+[\p{Lu}\d`*(])/gu)) {
		const after = (m.index ?? 0) + 1;
		if (after <= from) start = after;
		else if (after >= to) {
			end = after;
			break;
		}
	}
	return block.slice(start, end);
}

function isParagraphLine(line: OffsetLine): boolean {
	const { text } = line;
	return text.trim() !== '' && !parseHeading(text) && !/^\s*\|/.test(text) && !/^\s*(```|~~~)/.test(text) && !parseHeaderLine(line);
}

function nestedPurpose(lines: { text: string }[], at: number, indent: number): string | null {
	for (let i = at + 1; i < lines.length; i++) {
		const child = parseListItem(lines[i].text);
		if (!child) {
			if (lines[i].text.trim() === '') continue;
			if (/^[ \t]/.test(lines[i].text)) continue;
			return null;
		}
		if (child.indent <= indent) return null;
		const m = /^purpose\s*:\s*(.+)$/i.exec(child.content.trim());
		if (m) return plainText(m[1]);
	}
	return null;
}

/** A line without its line end; `end` is where its line end starts. */
interface OffsetLine {
	text: string;
	start: number;
	end: number;
}

function splitWithOffsets(text: string): OffsetLine[] {
	const out: OffsetLine[] = [];
	let start = 0;
	while (start <= text.length) {
		const nl = text.indexOf('\n', start);
		const end = nl < 0 ? text.length : nl;
		out.push({ text: text.slice(start, end).replace(/\r$/, ''), start, end });
		if (nl < 0) break;
		start = nl + 1;
	}
	return out;
}
