import { DELIVERABLE_TYPE_HEADINGS, deliverableTypeFolder, deliverableTypeKey, formatDeliverableEntry, parseDeliverables, type Deliverable } from '../context/registry';
import { dirname, joinPath, normalizeVaultPath } from '../files/paths';
import type { Spec } from '../index/spec';
import { appendToOwnContent, appendToSection, ensureSection } from '../markdown/section-edits';
import { findSection, flattenSections, parseSections, type Section, type SectionMatcher } from '../markdown/sections';
import { applyEdits, insertLineAt } from '../markdown/text-edit';
import { addToListProperty } from '../metadata/list-property';
import { readSpecMetadata } from '../metadata/spec-metadata';
import { SPEC_SECTION_ORDER } from '../templates/spec-templates';
import { canonicalPlace, ensureNoteSection, type Placement } from './note-sections';
import { contextSectionPlace } from './session-edits';
import { WorkflowError } from '../workspace/workflow-error';
import { linkTo, Workspace } from '../workspace/workspace';

/*
 * Listing a deliverable in a spec's or context's `## Deliverables` (docs/formats.md, Deliverables): the one edit
 * both `add deliverable` and validate's fix for an unregistered file make; `add deliverable` lists
 * it in a spec's `deliverables` property instead when that is the spec's registry.
 */

/** Group order in a registry; a custom type goes after the known ones and before Code Changes. */
const KNOWN_TYPES = ['scripts', 'docs', 'config', 'code'];

/** The spec's own group headings (the reference layout writes `### Configuration` in specs, `### Configuration Files` in contexts). */
const SPEC_TYPE_HEADINGS: Record<string, string> = { scripts: 'Scripts', docs: 'Documentation', config: 'Configuration', code: 'Code Changes' };

export interface RegistryEdit {
	/** Where `## Deliverables` goes when the note has none. */
	placement: Placement & { match?: SectionMatcher };
	/** The group heading to create when missing (`Scripts`). */
	heading: string;
	/** The group's type key; null for a file right in `deliverables/`, listed without a group. */
	typeKey: string | null;
	/** The list item to add. */
	line: string;
	/** Whether an entry already names the deliverable (beyond the path check, e.g. by the link resolver). */
	lists?: (entry: Deliverable) => boolean;
}

/** Which registry a deliverable goes into, and how it is listed there. */
export interface RegistryEntryFor {
	spec: Spec;
	/** The note whose `## Deliverables` gets the entry: the spec's own, or its context (the journal). */
	notePath: string;
	note: 'spec' | 'context';
	deliverable: string;
	/** The link's alias. */
	title: string;
	/** Written after the link in a context's registry only. */
	purpose?: string | null;
}

/** The edit that lists the deliverable in the note's registry, linked in the vault's style with its title as alias. */
export function registryEditFor(ws: Workspace, { spec, notePath, note, deliverable, title, purpose = null }: RegistryEntryFor): RegistryEdit {
	const isContext = note === 'context';
	const folder = deliverableTypeFolder(deliverable);
	const typeKey = folder === null ? null : deliverableTypeKey(folder);
	const headings = isContext ? DELIVERABLE_TYPE_HEADINGS : SPEC_TYPE_HEADINGS;
	return {
		placement: isContext ? contextSectionPlace('Deliverables') : canonicalPlace(SPEC_SECTION_ORDER[ws.index.typeOf(spec)], 'Deliverables'),
		heading: (typeKey !== null ? headings[typeKey] : undefined) ?? customHeading(folder ?? 'Other'),
		typeKey,
		line: formatDeliverableEntry(keepMdExtension(ws, linkTo(ws, notePath, deliverable, title), notePath, deliverable), isContext ? purpose : null),
		lists: (entry) => entry.target !== null && (entry.kind === 'wikilink' || entry.kind === 'markdown') && ws.links.resolve(entry.target, notePath) === deliverable,
	};
}

/**
 * Adds `edit.line` to the note's `## Deliverables` (created at its place when missing), under the
 * type's `###` group: after the group's last entry, or in a new group at its place in the
 * registry order. A section kept as one flat list without groups gets the line at the end of
 * that list. A note that already lists the file is returned unchanged.
 */
export function addRegistryEntry(text: string, notePath: string, deliverablePath: string, edit: RegistryEdit): string {
	const { text: out, section } = ensureNoteSection(text, notePath, { title: 'Deliverables', ...edit.placement });
	const registry = parseDeliverables(out, section.headingEnd, section.end);
	if (registry.entries.some((e) => (e.target !== null && pointsTo(e.target, notePath, deliverablePath)) || edit.lists?.(e) === true)) return out;

	const groups = registry.groups.filter((g) => g.heading !== null);
	const loose = registry.groups.find((g) => g.heading === null);
	if ((groups.length === 0 || edit.typeKey === null) && loose && loose.entries.length > 0) {
		return insertLineAt(out, loose.entries[loose.entries.length - 1].end, edit.line);
	}
	if (edit.typeKey === null) return applyEdits(out, [appendToOwnContent(out, section, edit.line)]);
	const group = groups.find((g) => g.type === edit.typeKey);
	if (group) {
		const last = group.entries[group.entries.length - 1];
		if (last) return insertLineAt(out, last.end, edit.line);
		const own = flattenSections(parseSections(out)).find((s) => s.headingStart === group.headingStart);
		if (own) return applyEdits(out, [appendToSection(out, own, edit.line)]);
	}
	const at = KNOWN_TYPES.indexOf(edit.typeKey);
	const byKey =
		(key: string): SectionMatcher =>
		(s: Section) =>
			deliverableTypeKey(s.title) === key;
	const root = parseSections(out);
	const parent = flattenSections(root).find((s) => s.headingStart === section.headingStart) as Section;
	const created = ensureSection(out, root, {
		title: edit.heading,
		level: Math.min(6, section.level + 1),
		parent,
		match: byKey(edit.typeKey),
		after: (at < 0 ? KNOWN_TYPES.slice(0, -1) : KNOWN_TYPES.slice(0, at)).map(byKey),
		before: (at < 0 ? ['code'] : KNOWN_TYPES.slice(at + 1)).map(byKey),
		content: edit.line,
	});
	if (!created.ok) throw new WorkflowError('section', `${notePath}: ${created.error}`, notePath);
	return created.edit ? applyEdits(out, [created.edit]) : out;
}

/**
 * Lists `deliverablePath` in the spec's `deliverables` property (as a path from the spec's folder,
 * in the list's style) when the spec keeps that list and no `## Deliverables` section: the list is
 * then its registry, and a new section would split it in two. Unchanged when the list names the
 * file already; null when the spec keeps no such list or it cannot be extended in place.
 */
export function addToDeliverablesProperty(text: string, specPath: string, deliverablePath: string): string | null {
	if (findSection(parseSections(text), ['Deliverables'])) return null;
	const meta = readSpecMetadata(text, specPath);
	if (meta.deliverables.some((item) => pointsTo(item, specPath, deliverablePath))) return text;
	const folder = dirname(specPath);
	const item = folder !== '' && deliverablePath.startsWith(`${folder}/`) ? deliverablePath.slice(folder.length + 1) : deliverablePath;
	return addToListProperty(text, 'deliverables', item);
}

/**
 * A wikilink to a markdown deliverable with its `.md` kept, as the reference layout's registries list them
 * (`[[deliverables/docs/nas-setup-guide.md|Setup Guide]]`): a deliverable is named as the file it
 * is, like the `.sh` and `.conf` beside it. Any other link is returned as given, and so is one
 * whose `.md` spelling would lead to another file.
 */
export function keepMdExtension(ws: Workspace, link: string, notePath: string, deliverable: string): string {
	if (!deliverable.toLowerCase().endsWith('.md')) return link;
	const m = /^(!?\[\[)([^|#\]]+)(.*)$/s.exec(link);
	if (!m || m[2].toLowerCase().endsWith('.md')) return link;
	const withMd = `${m[2]}.md`;
	if (ws.links.has(deliverable) && ws.links.resolve(withMd, notePath) !== deliverable) return link;
	return `${m[1]}${withMd}${m[3]}`;
}

function customHeading(folder: string): string {
	return folder.charAt(0).toUpperCase() + folder.slice(1);
}

/** Whether a registry link's (decoded) target from `notePath` names `deliverablePath`, also before the file exists. */
function pointsTo(target: string, notePath: string, deliverablePath: string): boolean {
	const t = target.trim();
	if (t === '') return false;
	const candidates = [t.startsWith('/') ? t.slice(1) : joinPath(dirname(notePath), t), t];
	return candidates.some((c) => {
		const n = normalizeVaultPath(c);
		return n === deliverablePath || (n !== null && `${n}.md` === deliverablePath);
	});
}

/** `a/deliverables/scripts/x.sh` → `scripts` (the registry's reader holds the rule). */
export { deliverableTypeFolder as typeFolder } from '../context/registry';
