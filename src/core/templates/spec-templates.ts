import { formatFrontmatter, formatHeaderLines, formatSections } from './markdown-blocks';

/**
 * New epic, feature and task specs in the reference layout (docs/formats.md, Where specs live): properties first, then
 * the visible header lines, then the type's sections. Links arrive pre-formatted in the vault's
 * link style (`[[context|Implementation Journal]]` or `[Implementation Journal](context.md)`).
 */

import type { SpecType } from '../metadata/spec-type';

export type { SpecType };

export const SPEC_SECTION_ORDER: Record<SpecType, readonly string[]> = {
	epic: ['Overview', 'Features', 'Deliverables', 'Acceptance Criteria'],
	feature: ['Overview', 'Tasks', 'Acceptance Criteria', 'Deliverables'],
	task: ['Overview', 'Requirements', 'Acceptance Criteria', 'Deliverables'],
};

export interface NewSpecInput {
	id: string;
	type: SpecType;
	title: string;
	/** `YYYY-MM-DD HH:MM`, local wall time; also the first `updated`. */
	created: string;
	/** Link to the context file, e.g. `[[context|Implementation Journal]]`. */
	contextLink: string;
	/** Link to the parent spec, e.g. `[[../epic|1000 - Foundation]]`; none for an epic. */
	parentLink?: string | null;
	/** Defaults to `planning`. */
	status?: string;
	/** Defaults to `spec` and the type. */
	tags?: readonly string[];
	/** Text for `## Overview`. */
	overview?: string;
}

export function specTemplate(input: NewSpecInput): string {
	const status = input.status ?? 'planning';
	const parent = input.parentLink ?? undefined;
	const frontmatter = formatFrontmatter([
		['id', input.id],
		['type', input.type],
		['title', input.title],
		['status', status],
		['parent', parent],
		['context', input.contextLink],
		['created', input.created],
		['updated', input.created],
		['tags', input.tags ?? ['spec', input.type]],
	]);
	const header = formatHeaderLines([
		['Context', input.contextLink],
		['Parent', parent],
		['Status', status],
		['Created', input.created],
		['Updated', input.created],
	]);
	const sections = formatSections(SPEC_SECTION_ORDER[input.type].map((name) => [name, name === 'Overview' ? input.overview : undefined] as const));
	return `${frontmatter}# ${specHeadingTitle(input.id, input.title)}\n\n${header}\n${sections}`;
}

/** `1014 - Cold Storage NAS`: the spec's H1 and the alias links to it use. */
export function specHeadingTitle(id: string, title: string): string {
	const t = title.trim();
	// A spec without a title has its id for one; it is printed once, never `1014 - 1014`.
	return t === '' || t.toLowerCase() === id.toLowerCase() ? id : `${id} - ${t}`;
}
