import { CONTEXT_SECTION_ORDER } from '../context/journal-sections';
import { SESSION_SECTION_HEADINGS } from '../context/session';
import { formatFrontmatter, formatHeaderLines, formatSections } from './markdown-blocks';

/**
 * New context files (implementation journals) as the reference layout has them (docs/formats.md, The context file), plus
 * the session heading and header lines that `start` appends after a journal's last session.
 */

// The order is the journal's format, which the readers in context/ know; templates write it.
export { CONTEXT_SECTION_ORDER };

/** A session's `####` subsections in canonical order. */
export const SESSION_SUBSECTION_ORDER: readonly string[] = [
	SESSION_SECTION_HEADINGS.planning,
	SESSION_SECTION_HEADINGS.changes,
	SESSION_SECTION_HEADINGS.implementation,
	SESSION_SECTION_HEADINGS.testing,
	SESSION_SECTION_HEADINGS.commits,
	SESSION_SECTION_HEADINGS.issues,
];

export interface NewContextInput {
	/** The spec's title, without its id: `# Context: {title}`. */
	title: string;
	/** Link to the spec, e.g. `[[1014.spec|1014 - Cold Storage NAS]]`. */
	specLink: string;
	/** Link to the spec's parent, e.g. `[[spec|1001 - Storage Infrastructure]]`; none for an epic. */
	parentLink?: string | null;
	/** Defaults to `planning`. */
	status?: string;
	/** `YYYY-MM-DD HH:MM`, local wall time; also the first `updated`. */
	created: string;
	/** Text for `## Summary`. */
	summary?: string;
	/** Body of `## Deliverables` (its `###` groups), e.g. the spec's own deliverables list. */
	deliverables?: string;
	/** Properties above the title; default true. A spec kept without them gets a journal without them. */
	frontmatter?: boolean;
}

/** The sections a new journal always has; the others are written when they have something to hold. */
const NEW_CONTEXT_SECTIONS: readonly string[] = ['Summary', 'Implementation Timeline'];

/**
 * The reference layout's new journal: properties (`type: context` and the `spec`/`parent` links, so backlinks
 * are native) unless left out, the `# Context:` title, header lines, `## Summary` and
 * `## Implementation Timeline`, and `## Deliverables` when the spec lists some. The other sections
 * of CONTEXT_SECTION_ORDER are created at their place when first written to.
 */
export function contextTemplate(input: NewContextInput): string {
	const status = input.status ?? 'planning';
	const parent = input.parentLink ?? undefined;
	const frontmatter =
		input.frontmatter === false
			? ''
			: formatFrontmatter([
					['type', 'context'],
					['spec', input.specLink],
					['parent', parent],
					['status', status],
					['created', input.created],
					['updated', input.created],
				]);
	const header = formatHeaderLines([
		['Spec', input.specLink],
		['Parent', parent],
		['Status', status],
		['Created', input.created],
		['Updated', input.created],
	]);
	const bodies: Partial<Record<string, string>> = { Summary: input.summary, Deliverables: input.deliverables };
	const present = CONTEXT_SECTION_ORDER.filter((name) => NEW_CONTEXT_SECTIONS.includes(name) || (bodies[name]?.trim() ?? '') !== '');
	const sections = formatSections(present.map((name) => [name, bodies[name]] as const));
	return `${frontmatter}# Context: ${input.title.trim()}\n\n${header}\n${sections}`;
}

/** `### Session 3: 2025-08-27 - Benchmarking` (no ` - ` when the title is empty); `level` 3 unless given. */
export function formatSessionHeading(n: number, date: string, title?: string, level = 3): string {
	const t = title?.trim() ?? '';
	const marks = '#'.repeat(level);
	return t === '' ? `${marks} Session ${n}: ${date}` : `${marks} Session ${n}: ${date} - ${t}`;
}

export interface SessionHeaderInput {
	/** Defaults to `In progress`. */
	duration?: string;
	participants: string;
	/** Defaults to `active`. */
	status?: string;
	/** `YYYY-MM-DD HH:MM`, from which a finished session's duration is computed. */
	started?: string;
}

/** The reference layout's field lines in its order (Duration, Participants, Status), then our Started line. */
export function formatSessionHeader(h: SessionHeaderInput): string {
	return formatHeaderLines([
		['Duration', h.duration ?? 'In progress'],
		['Participants', h.participants],
		['Status', h.status ?? 'active'],
		['Started', h.started],
	]);
}

export interface NewSessionInput extends SessionHeaderInput {
	number: number;
	date: string;
	title?: string;
	/** The heading's level: the journal's own sessions' level (3 in the template). */
	level?: number;
	/** `####` subsections to open empty under the header lines (`Planning` while there is no plan yet). */
	subsections?: readonly string[];
}

/** A new session block: heading and header lines, then any subsections asked for, ending in "\n". Others are added as they are written to. */
export function sessionTemplate(s: NewSessionInput): string {
	const marks = '#'.repeat(Math.min(6, (s.level ?? 3) + 1));
	const open = (s.subsections ?? []).map((h) => `\n${marks} ${h}\n`).join('');
	return `${formatSessionHeading(s.number, s.date, s.title, s.level)}\n${formatSessionHeader(s)}${open}`;
}

/** `#### Implementation` */
export function formatSessionSubsection(heading: string): string {
	return `#### ${heading}`;
}
