import { DELIVERABLE_TYPE_HEADINGS, deliverableTypeKey, formatCodeChange, formatDeliverableEntry, parseDeliverables, type Deliverable } from '../context/registry';
import { dirname, joinPath, normalizeVaultPath } from '../files/paths';
import { formatLink } from '../links/link-format';
import { parseLinkText } from '../links/link-parser';
import { findSection, parseSections } from '../markdown/sections';
import { keepMdExtension, typeFolder } from './registry-entry';
import type { Workspace } from '../workspace/workspace';

/*
 * The `## Deliverables` registry of a new context file, pre-filled from its spec's own
 * `## Deliverables` list (the step that extracts deliverable information when a journal is created): the same files, linked
 * from the context's folder, grouped the way the reference layout's context template groups them.
 */

/** Group order in a new registry: the reference layout's three, then custom groups as they come, then code changes. */
const KNOWN_TYPES = ['scripts', 'docs', 'config'];

interface Group {
	heading: string;
	lines: string[];
}

/**
 * The body for the context's `## Deliverables` (starting with a blank line before its first
 * `###` group), or undefined when the spec lists no deliverables. A link item goes under the
 * group of the `deliverables/<type>/` folder it points into, else under the spec's own `###`
 * group; an item in neither stays above the groups, as it was in the spec.
 */
export function contextDeliverables(ws: Workspace, specPath: string, specText: string, contextPath: string): string | undefined {
	const section = findSection(parseSections(specText), ['Deliverables']);
	if (!section) return undefined;
	const registry = parseDeliverables(specText, section.headingEnd, section.end);
	const loose: string[] = [];
	const groups = new Map<string, Group>();
	const seen = new Set<string>();
	/** `type` null: the item stays above the groups. */
	const add = (type: string | null, heading: string, line: string): void => {
		if (type === null) {
			loose.push(line);
			return;
		}
		let group = groups.get(type);
		if (!group) {
			group = { heading, lines: [] };
			groups.set(type, group);
		}
		group.lines.push(line);
	};

	for (const group of registry.groups) {
		const specHeading = group.heading?.replace(/\s*\(\d+\)\s*$/, '').trim() || null;
		// Items above any heading have the type their path or code span gives, else none.
		const typeOf = (entry: Deliverable): string | null => group.type ?? (entry.type === 'other' ? null : entry.type);
		for (const entry of group.entries) {
			if (entry.kind === 'wikilink' || entry.kind === 'markdown') {
				const target = targetPath(ws, entry, specPath);
				if (target === null) {
					add(typeOf(entry), headingFor(typeOf(entry), specHeading), `- ${entry.raw}`);
					continue;
				}
				if (seen.has(target)) continue;
				seen.add(target);
				const folder = typeFolder(target);
				const type = folder !== null ? deliverableTypeKey(folder) : typeOf(entry);
				const heading = headingFor(type, folder === null || group.type === type ? specHeading : capitalized(folder));
				add(type, heading, formatDeliverableEntry(relink(ws, entry, specText, target, contextPath), entry.purpose));
			} else if (entry.kind === 'code' && entry.target !== null) {
				add(typeOf(entry), headingFor(typeOf(entry), specHeading), formatCodeChange(entry.target, entry.purpose));
			} else {
				add(typeOf(entry), headingFor(typeOf(entry), specHeading), `- ${entry.raw}`);
			}
		}
	}
	if (loose.length === 0 && groups.size === 0) return undefined;

	const order = [...groups.keys()].sort((a, b) => rank(a) - rank(b));
	const blocks = order.map((type) => {
		const group = groups.get(type) as Group;
		return `### ${group.heading}\n${group.lines.join('\n')}`;
	});
	if (loose.length > 0) return [loose.join('\n'), ...blocks].join('\n\n');
	return `\n${blocks.join('\n\n')}`;
}

/** Known types in the reference layout's order, custom ones after them (a stable sort keeps their order), code changes last. */
function rank(type: string): number {
	const at = KNOWN_TYPES.indexOf(type);
	if (at >= 0) return at;
	return type === 'code' ? KNOWN_TYPES.length + 1 : KNOWN_TYPES.length;
}

/** The context's heading for a type: the reference layout's name for a known one, else the spec's own or the folder's name. */
function headingFor(type: string | null, fallback: string | null): string {
	if (type === null) return '';
	return DELIVERABLE_TYPE_HEADINGS[type] ?? fallback ?? capitalized(type);
}

function capitalized(name: string): string {
	return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Where a spec's link points: the file it resolves to, or for a missing file the path it names; null when it climbs out of the vault. */
function targetPath(ws: Workspace, entry: Deliverable, specPath: string): string | null {
	const target = entry.target ?? '';
	if (target === '') return null;
	const resolved = ws.links.resolve(target, specPath);
	if (resolved !== null) return resolved;
	return normalizeVaultPath(target.startsWith('/') ? target : joinPath(dirname(specPath), target));
}

/** The spec's link written from the context: same file, heading, alias, embed and `.md`, in the vault's link style. */
function relink(ws: Workspace, entry: Deliverable, specText: string, target: string, contextPath: string): string {
	const written = entry.linkStart !== null && entry.linkEnd !== null ? parseLinkText(specText.slice(entry.linkStart, entry.linkEnd)) : null;
	const link = formatLink({
		sourcePath: contextPath,
		targetPath: target,
		alias: entry.alias === '' ? null : entry.alias,
		subpath: written?.subpath ?? '',
		embed: written?.embed ?? false,
		style: ws.settings.linkStyle,
		resolver: ws.links,
	});
	// A `.md` the spec writes is kept, as new registry entries keep it.
	return (entry.target ?? '').toLowerCase().endsWith('.md') ? keepMdExtension(ws, link, contextPath, target) : link;
}
