/** Canonical subsection headings by section key, in the order a session lists them (docs/formats.md, Sessions). */
export const SESSION_SECTION_HEADINGS = {
	planning: 'Planning',
	changes: 'Changes to Spec',
	implementation: 'Implementation',
	testing: 'Testing',
	commits: 'Commits',
	issues: 'Issues & Resolutions',
} as const;

export type SessionSectionKey = keyof typeof SESSION_SECTION_HEADINGS;

const SECTION_SYNONYMS: Record<string, SessionSectionKey> = {
	planning: 'planning',
	plan: 'planning',
	'changes to spec': 'changes',
	'spec changes': 'changes',
	changes: 'changes',
	implementation: 'implementation',
	implemented: 'implementation',
	testing: 'testing',
	tests: 'testing',
	'test results': 'testing',
	commits: 'commits',
	commit: 'commits',
	'issues and resolutions': 'issues',
	issues: 'issues',
	problems: 'issues',
};

/** The section key of a `####` heading: a known section or a slug of the heading. */
export function sessionSectionKey(heading: string): string {
	const norm = heading
		.toLowerCase()
		.replace(/&/g, 'and')
		.replace(/[:\s]+$/, '')
		.replace(/\s+/g, ' ')
		.trim();
	return SECTION_SYNONYMS[norm] ?? slug(norm);
}

function slug(s: string): string {
	return s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}
