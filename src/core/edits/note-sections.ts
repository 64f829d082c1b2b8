import { ensureSectionIn } from '../markdown/section-edits';
import { clipSection, findSection, parseSections, type Section, type SectionMatcher } from '../markdown/sections';
import { WorkflowError } from '../workspace/workflow-error';

/** Where a missing `##` section goes: after the last of `after` present, else before the first of `before`. */
export interface Placement {
	after: SectionMatcher[];
	before: SectionMatcher[];
}

/**
 * A section's place by a canonical order: between its neighbours; a section last in the order
 * goes at the end of the note, after whatever the user added below the canonical sections.
 */
export function canonicalPlace(order: readonly SectionMatcher[], title: string): Placement {
	const i = order.indexOf(title);
	if (i === order.length - 1) return { after: [], before: [] };
	return { after: order.slice(0, i), before: order.slice(i + 1) };
}

export interface NoteSectionSpec extends Placement {
	title: string;
	/** How the section is recognised (default: its title, case-insensitive). */
	match?: SectionMatcher;
	/** Lines under a new heading, written with "\n". */
	content?: string;
}

/**
 * The note's section wherever it is (the shallowest; a note that keeps it at another level or
 * under another heading still has it: never add a second), else a new `##` one at its place.
 * It ends where the first of its neighbours in the order (`after`, `before`) written under it
 * begins (clipSection): what is added to it goes above them, as a reader sees it.
 * A section that cannot be created is a WorkflowError naming the note.
 */
export function ensureNoteSection(text: string, path: string, spec: NoteSectionSpec): { text: string; section: Section; created: boolean } {
	const match = spec.match ?? spec.title;
	const existing = findSection(parseSections(text), [match]);
	if (existing) return { text, section: clipSection(existing, [...spec.after, ...spec.before]), created: false };
	const result = ensureSectionIn(text, { title: spec.title, level: 2, after: spec.after, before: spec.before, match, content: spec.content });
	if (!result.ok) throw new WorkflowError('section', `${path}: ${result.error}`, path);
	return { text: result.text, section: result.section, created: result.created };
}
