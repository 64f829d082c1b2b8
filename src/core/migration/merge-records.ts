import { DELIVERABLE_TYPE_HEADINGS, deliverableTypeFolder, deliverableTypeKey, formatDeliverableEntry, type Deliverable } from '../context/registry';
import { parseLinks } from '../links/link-parser';
import { detectEol, withEol } from '../markdown/eol';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter } from '../metadata/frontmatter';
import { readHeaderFields } from '../metadata/header-lines';
import { findEntry, findTopLevelEntries } from '../metadata/yaml-entries';
import type { SpecType } from '../metadata/spec-type';
import { yamlScalar } from '../templates/markdown-blocks';
import { SPEC_SECTION_ORDER } from '../templates/spec-templates';
import { canonicalPlace } from '../workflow/note-sections';
import { addRegistryEntry, type RegistryEdit } from '../workflow/registry-entry';
import { contextSectionPlace } from '../workflow/session-edits';
import { setField } from '../workflow/spec-fields';

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
	return listDeliverable(text, notePath, keptPath, link, registry);
}

// A spec's groups as the seed writes them; a context's are DELIVERABLE_TYPE_HEADINGS.
const SPEC_GROUPS: Record<string, string> = { scripts: 'Scripts', docs: 'Documentation', config: 'Configuration' };

/**
 * Lists a deliverable in a spec's (`type` given) or a context's `## Deliverables`, under the group
 * of the `deliverables/<type>/` folder it is in; the context's line states its purpose when there
 * is one. `lists` says whether a link already in the registry points to it.
 */
export function listDeliverable(
	text: string,
	notePath: string,
	path: string,
	link: string,
	registry: { type: SpecType } | { purpose: string | null },
	lists?: (linkpath: string) => boolean,
): string {
	const isContext = 'purpose' in registry;
	const folder = deliverableTypeFolder(path) ?? 'docs';
	const typeKey = deliverableTypeKey(folder);
	const edit: RegistryEdit = {
		placement: isContext ? contextSectionPlace('Deliverables') : canonicalPlace(SPEC_SECTION_ORDER[registry.type], 'Deliverables'),
		heading: (isContext ? DELIVERABLE_TYPE_HEADINGS : SPEC_GROUPS)[typeKey] ?? folder,
		typeKey,
		line: formatDeliverableEntry(link, isContext ? registry.purpose : null),
		lists: lists && ((entry: Deliverable) => entry.target !== null && (entry.kind === 'wikilink' || entry.kind === 'markdown') && lists(entry.target)),
	};
	try {
		return addRegistryEntry(text, notePath, path, edit);
	} catch {
		// A note whose sections cannot be placed: validate reports the file unlisted, as before.
		return text;
	}
}

/**
 * The kept original with `spec`, `context` and `purpose` properties (a markdown deliverable's
 * traceback) at the top of its frontmatter, created when it has none. A property it has already is
 * left as written, and malformed frontmatter is not touched: every byte of the journal stays.
 */
export function withKeptTraceback(text: string, path: string, fields: { spec: string; context: string; purpose: string }): string {
	const eol = detectEol(text);
	const all = [['spec', fields.spec], ['context', fields.context], ['purpose', fields.purpose]] as const;
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
	const paths = ['spec file', 'spec path'].map((name) => fields.get(name)?.value.trim().replace(/^`(.*)`$/, '$1') ?? '');
	if (paths.some((path) => path !== '' && linksSpec(path))) return contextText;
	try {
		return setField(contextText, contextPath, 'spec', 'Spec', link);
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
		return setField(specText, specPath, 'context', 'Context', link);
	} catch {
		return specText;
	}
}
