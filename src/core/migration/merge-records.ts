import { formatDeliverableEntry } from '../context/registry';
import { parseLinks } from '../links/link-parser';
import { detectEol, withEol } from '../markdown/eol';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter } from '../metadata/frontmatter';
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
	const isContext = 'purpose' in registry;
	const edit: RegistryEdit = {
		placement: isContext ? contextSectionPlace('Deliverables') : canonicalPlace(SPEC_SECTION_ORDER[registry.type], 'Deliverables'),
		heading: 'Documentation',
		typeKey: 'docs',
		line: formatDeliverableEntry(link, isContext ? registry.purpose : null),
	};
	try {
		return addRegistryEntry(text, notePath, keptPath, edit);
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
