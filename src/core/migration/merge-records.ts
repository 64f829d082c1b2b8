import { DELIVERABLE_TYPE_HEADINGS, deliverableTypeFolder, deliverableTypeKey, formatDeliverableEntry, type Deliverable } from '../context/registry';
import { parseLinks } from '../links/link-parser';
import { detectEol, withEol } from '../markdown/eol';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { ensureSection } from '../markdown/section-edits';
import { findSection, flattenSections, parseSections, type Section, type SectionMatcher } from '../markdown/sections';
import { applyEdits } from '../markdown/text-edit';
import { readFrontmatter } from '../metadata/frontmatter';
import { readHeaderFields } from '../metadata/header-lines';
import { findEntry, findTopLevelEntries } from '../metadata/yaml-entries';
import type { SpecType } from '../metadata/spec-type';
import { yamlScalar } from '../templates/markdown-blocks';
import { SPEC_SECTION_ORDER } from '../templates/spec-templates';
import { canonicalPlace } from '../edits/note-sections';
import { addRegistryEntry, type RegistryEdit } from '../edits/registry-entry';
import { contextSectionPlace } from '../edits/session-edits';
import { setField } from '../edits/spec-fields';

/*
 * What the migration writes so that validate accepts what it made: the original of an appended
 * journal, kept in `deliverables/docs/`, is listed in its spec's and its context's
 * `## Deliverables` and traces back to them; a spec given a journal as its context links to it.
 * Each edit only adds lines: the log's before/after texts undo it byte for byte.
 */

/** `Original journal, merged as Session 2` (or `Sessions 2–4`): the purpose of a kept original. */
export function keptPurpose(sessions: readonly number[]): string {
	if (sessions.length === 0) return 'Original journal, merged into the timeline';
	if (sessions.length === 1) return `Original journal, merged as Session ${sessions[0]}`;
	return `Original journal, merged as Sessions ${sessions[0]}–${sessions[sessions.length - 1]}`;
}

/**
 * Lists the kept original in a spec's (`type` given) or a context's `## Deliverables`, under
 * `### Documentation`; the context's line states its purpose. `link` is already formatted from
 * `notePath` (its path after the migration). A note the registry cannot be placed in stays as it is.
 */
export function listKeptJournal(text: string, notePath: string, keptPath: string, link: string, registry: { type: SpecType } | { purpose: string }): string {
	return listDeliverables(text, notePath, registry, [{ path: keptPath, link }]);
}

// A spec's groups as the reference layout writes them; a context's are DELIVERABLE_TYPE_HEADINGS.
const SPEC_GROUPS: Record<string, string> = { scripts: 'Scripts', docs: 'Documentation', config: 'Configuration' };

/** Whose registry a deliverable is listed in: a spec's of that type, or a context's with its lines' purpose. */
export type Registry = { type: SpecType } | { purpose: string | null };

/** Whether two registries get the same lines. */
export function sameRegistry(a: Registry, b: Registry): boolean {
	return 'type' in a ? 'type' in b && a.type === b.type : 'purpose' in b && a.purpose === b.purpose;
}

/** A deliverable to list: its path after the migration and the link to it, formatted from the note. */
export interface Listing {
	path: string;
	link: string;
}

/**
 * Lists a deliverable in a spec's (`type` given) or a context's `## Deliverables`, under the group
 * of the `deliverables/<type>/` folder it is in; the context's line states its purpose when there
 * is one. `lists` says whether a link already in the registry points to it. The rule one entry at
 * a time: listDeliverables gives the same text for many at once.
 */
export function listDeliverable(text: string, notePath: string, path: string, link: string, registry: Registry, lists?: (linkpath: string) => boolean): string {
	return tryAddEntry(text, notePath, path, registryEdit(path, link, registry, lists));
}

function registryEdit(path: string, link: string, registry: Registry, lists?: (linkpath: string) => boolean): RegistryEdit {
	const isContext = 'purpose' in registry;
	const folder = deliverableTypeFolder(path) ?? 'docs';
	const typeKey = deliverableTypeKey(folder);
	return {
		placement: isContext ? contextSectionPlace('Deliverables') : canonicalPlace(SPEC_SECTION_ORDER[registry.type], 'Deliverables'),
		heading: (isContext ? DELIVERABLE_TYPE_HEADINGS : SPEC_GROUPS)[typeKey] ?? folder,
		typeKey,
		line: formatDeliverableEntry(link, isContext ? registry.purpose : null),
		lists: lists && ((entry: Deliverable) => entry.target !== null && (entry.kind === 'wikilink' || entry.kind === 'markdown') && lists(entry.target)),
	};
}

function tryAddEntry(text: string, notePath: string, path: string, edit: RegistryEdit): string {
	try {
		return addRegistryEntry(text, notePath, path, edit);
	} catch {
		// A note whose sections cannot be placed: validate reports the file unlisted, as before.
		return text;
	}
}

/**
 * listDeliverable for each of `items` in turn, byte for byte, but the whole note is read once (twice
 * when the section is made), not per entry: every entry only edits `## Deliverables`, so the entries
 * are added to that section cut out on its own (a few lines, re-read per entry) and it is put back. `resolve` gives what a link from
 * the note finds (listDeliverable's `lists` is `resolve(link) === path`); each link is resolved once.
 */
export function listDeliverables(text: string, notePath: string, registry: Registry, items: readonly Listing[], resolve?: (linkpath: string) => string | null): string {
	if (items.length === 0) return text;
	const listsFor = resolve && listsByPath(resolve);
	const edits = items.map((item) => registryEdit(item.path, item.link, registry, listsFor?.(item.path)));
	const match = edits[0].placement.match ?? 'Deliverables';
	const found = registrySection(text, edits[0].placement, match);
	if (found === null) return text;
	const cut = cutSection(found.text, found.section, match);
	if (cut === null) return items.reduce((out, item, i) => tryAddEntry(out, notePath, item.path, edits[i]), text);
	let inside = cut.text;
	let placed = false;
	for (const [i, item] of items.entries()) {
		try {
			inside = addRegistryEntry(inside, notePath, item.path, edits[i]);
			placed = true;
		} catch {
			// Skipped as one by one; see tryAddEntry.
		}
	}
	// One by one, a section made for entries that all failed is not kept.
	if (!placed) return text;
	return found.text.slice(0, cut.start) + inside.slice(0, inside.length - cut.sentinel.length) + found.text.slice(cut.end);
}

/** `(path) => lists`, with each link's resolution remembered across the entries of one note. */
function listsByPath(resolve: (linkpath: string) => string | null): (path: string) => (linkpath: string) => boolean {
	const known = new Map<string, string | null>();
	const resolved = (linkpath: string): string | null => {
		if (!known.has(linkpath)) known.set(linkpath, resolve(linkpath));
		return known.get(linkpath) as string | null;
	};
	return (path) => (linkpath) => resolved(linkpath) === path;
}

/**
 * The section ensureNoteSection finds or creates, null where it throws; the note is read once
 * when the section is there, twice when it is made (ensureNoteSection reads it three times then).
 */
function registrySection(text: string, placement: RegistryEdit['placement'], match: SectionMatcher): { text: string; section: Section } | null {
	const root = parseSections(text);
	const existing = findSection(root, [match]);
	if (existing) return { text, section: existing };
	const made = ensureSection(text, root, { title: 'Deliverables', level: 2, after: placement.after, before: placement.before, match });
	if (!made.ok) return null;
	if (!made.edit) return made.existing && { text, section: made.existing };
	const edited = applyEdits(text, [made.edit]);
	const headingAt = made.edit.start + made.edit.text.indexOf('#');
	const section = flattenSections(parseSections(edited)).find((s) => s.headingStart === headingAt);
	return section ? { text: edited, section } : null;
}

interface CutSection {
	/** The section's text, then `sentinel`. */
	text: string;
	start: number;
	end: number;
	/**
	 * `#` in place of the heading that ends the section: it ends the section in the cut too, and
	 * like that heading it is a non-blank line below, so a group added last gets the same blank line.
	 */
	sentinel: string;
}

/**
 * The section cut out of the note, or null when the cut does not read as the same section (other
 * line ends, or another outline): then the entries go in the whole note, one by one.
 */
function cutSection(text: string, section: Section, match: SectionMatcher): CutSection | null {
	const sentinel = section.end < text.length ? '#' : '';
	const cut = text.slice(section.headingStart, section.end) + sentinel;
	if (detectEol(cut) !== detectEol(text)) return null;
	const own = findSection(parseSections(cut), [match]);
	const shift = section.headingStart;
	const same = own !== null && own.headingStart === 0 && own.level === section.level && own.headingEnd === section.headingEnd - shift && own.end === section.end - shift;
	return same ? { text: cut, start: section.headingStart, end: section.end, sentinel } : null;
}

/**
 * The kept original with `spec`, `context` and `purpose` properties (a markdown deliverable's
 * traceback) at the top of its frontmatter, created when it has none. A property it has already is
 * left as written, and malformed frontmatter is not touched: every byte of the journal stays.
 */
export function withKeptTraceback(text: string, path: string, fields: { spec: string; context: string; purpose: string }): string {
	const eol = detectEol(text);
	const all = [
		['spec', fields.spec],
		['context', fields.context],
		['purpose', fields.purpose],
	] as const;
	const bounds = findFrontmatter(text);
	if (!bounds) return withEol(`---\n${propertyLines(all)}---\n`, eol) + text;
	if (readFrontmatter(text, path).error) return text;
	const entries = findTopLevelEntries(text, bounds);
	const missing = all.filter(([key]) => !findEntry(entries, key));
	if (missing.length === 0) return text;
	return text.slice(0, bounds.yamlStart) + withEol(propertyLines(missing), eol) + text.slice(bounds.yamlStart);
}

function propertyLines(entries: readonly (readonly [string, string])[]): string {
	return entries.map(([key, value]) => `${key}: ${yamlScalar(value)}\n`).join('');
}

/**
 * A journal the migration makes a spec's context links back to it (`**Spec**:` line and/or `spec`
 * property, as validate's fix writes it) when nothing in it does: no `spec` property or `**Spec**:`
 * line (an id there names the spec already, and is never overwritten), no link and no
 * `**Spec File**:` path that finds the spec (`linksSpec`, from the context's new place).
 * Malformed YAML is left alone.
 */
export function linkSpecFrom(contextText: string, contextPath: string, link: string, linksSpec: (target: string) => boolean): string {
	const fm = readFrontmatter(contextText, contextPath);
	if (fm.error || Object.keys(fm.data).some((key) => key.toLowerCase() === 'spec')) return contextText;
	const fields = readHeaderFields(contextText);
	if (fields.has('spec')) return contextText;
	if (parseLinks(contextText, { includeFrontmatter: true }).some((l) => l.target !== '' && linksSpec(l.target))) return contextText;
	const paths = ['spec file', 'spec path'].map(
		(name) =>
			fields
				.get(name)
				?.value.trim()
				.replace(/^`(.*)`$/, '$1') ?? '',
	);
	if (paths.some((path) => path !== '' && linksSpec(path))) return contextText;
	try {
		return setField(contextText, contextPath, 'spec', link);
	} catch {
		return contextText;
	}
}

/**
 * A spec whose context is a journal the migration placed gets the spec → context link
 * (`**Context**:` line and/or `context` property, as `spec-work contexts` writes it), unless it
 * names a context already or links to the journal. Malformed YAML is left alone.
 */
export function linkContextFrom(specText: string, specPath: string, link: string, linksJournal: (target: string) => boolean): string {
	if (parseLinks(specText, { includeFrontmatter: true }).some((l) => l.target !== '' && linksJournal(l.target))) return specText;
	try {
		return setField(specText, specPath, 'context', link);
	} catch {
		return specText;
	}
}
