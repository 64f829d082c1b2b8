import { clipSection, findSection, matchesSection, type Section, type SectionMatcher } from '../markdown/sections';
import { CONTEXT_SECTION_ORDER } from '../templates/context-template';

/*
 * The journal's own sections (docs/formats.md, The context file), found by their titles at
 * whatever level the file writes them. One of them written under another (`# Plan`, then
 * `## Implementation Timeline`) is its sibling all the same: each ends where the next begins.
 */

export type ContextSectionName = (typeof CONTEXT_SECTION_ORDER)[number];

// `## Dependencies` is how many hand-written journals name the seed's "Dependencies Delivered To".
export const CONTEXT_MATCHERS: SectionMatcher[] = CONTEXT_SECTION_ORDER.map((name) =>
	name === 'Dependencies Delivered To' ? /^Dependencies Delivered To$|^Dependencies$/i : name,
);

// What hand-kept journals call the section that holds their sessions.
const LOG_SECTION = /^(?:implementation timeline|timeline|implementation log|work log|session log|session history|sessions|log|history)$/i;

/** A journal's log section: `## Implementation Timeline`, or a `## Work Log`, `## Sessions`… */
export const logMatcher = (s: Section): boolean => LOG_SECTION.test(s.title.replace(/^[^\p{L}]+/u, '').replace(/[:\s]+$/, ''));

/** Every journal section: the canonical ones and the log sections of hand-kept journals. */
export const JOURNAL_MATCHERS: readonly SectionMatcher[] = [...CONTEXT_MATCHERS, logMatcher];

/**
 * The section ended at the first of the journal's other sections written under it (clipSection).
 * A child matched as the section itself is (a log's `### History`) stays its part.
 */
export function asJournalSection(section: Section): Section {
	return clipSection(section, JOURNAL_MATCHERS.filter((m) => !matchesSection(section, m)));
}

/** The journal's section `matcher` finds (the shallowest), as a journal section; null when none. */
export function findJournalSection(root: Section, matcher: SectionMatcher): Section | null {
	const found = findSection(root, [matcher]);
	return found ? asJournalSection(found) : null;
}

/** True when the section is one of the journal's own. */
export function isJournalSection(section: Section): boolean {
	return JOURNAL_MATCHERS.some((m) => matchesSection(section, m));
}
