import { clipSection, findSection, type Section, type SectionMatcher } from '../markdown/sections';

/*
 * The journal's own sections (docs/formats.md, The context file), found by their titles at
 * whatever level the file writes them. One of them written under another (`# Plan`, then
 * `## Implementation Timeline`) is its sibling all the same: each ends where the next begins.
 */

/** The context file's sections in canonical order; a missing one is created at its place here. */
export const CONTEXT_SECTION_ORDER = ['Summary', 'Plan', 'Implementation Timeline', 'Deliverables', 'Dependencies Delivered To', 'Metrics', 'Notes & Learnings'] as const;

export type ContextSectionName = (typeof CONTEXT_SECTION_ORDER)[number];

// `## Dependencies` is how many hand-written journals name the reference layout's "Dependencies Delivered To".
export const CONTEXT_MATCHERS: SectionMatcher[] = CONTEXT_SECTION_ORDER.map((name) =>
	name === 'Dependencies Delivered To' ? /^Dependencies Delivered To$|^Dependencies$/i : name,
);

// What hand-kept journals call the section that holds their sessions.
const LOG_SECTION = /^(?:implementation timeline|timeline|implementation log|work log|session log|session history|sessions|log|history)$/i;

/** A journal's log section: `## Implementation Timeline`, or a `## Work Log`, `## Sessions`… */
export const logMatcher = (s: Section): boolean => LOG_SECTION.test(s.title.replace(/^[^\p{L}]+/u, '').replace(/[:\s]+$/, ''));

// The canonical titles, read case-insensitively; `Dependencies` is the reference layout's Dependencies Delivered To.
const CANONICAL = /^(summary|plan|deliverables|dependencies(?: delivered to)?|metrics|notes & learnings)$/i;

/** Which of the journal's sections a heading is (its canonical title lowercased, `log` for any log section), or null. */
function journalKey(section: Section): string | null {
	const m = CANONICAL.exec(section.title.trim());
	if (m) return m[1].toLowerCase().replace(/^dependencies$/, 'dependencies delivered to');
	return logMatcher(section) ? 'log' : null;
}

/**
 * The section ended at the first of the journal's other sections written under it (clipSection).
 * A child that is the same section as the section itself (a log's `### History`) stays its part.
 */
export function asJournalSection(section: Section): Section {
	const own = journalKey(section);
	return clipSection(section, [
		(c: Section) => {
			const key = journalKey(c);
			return key !== null && key !== own;
		},
	]);
}

/** The journal's section `matcher` finds (the shallowest), as a journal section; null when none. */
export function findJournalSection(root: Section, matcher: SectionMatcher): Section | null {
	const found = findSection(root, [matcher]);
	return found ? asJournalSection(found) : null;
}
