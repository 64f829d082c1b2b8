import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter, setProperty } from '../metadata/frontmatter';
import { readHeaderFields, setHeaderField } from '../metadata/header-lines';
import { WorkflowError } from '../workspace/workflow-error';

/** The fields the workflow writes, each as its property and its header line (`status:` / `**Status**:`). */
const HEADER_NAMES = { status: 'Status', context: 'Context', spec: 'Spec' } as const;
export type SpecField = keyof typeof HEADER_NAMES;

/**
 * Writes a field the way the file already keeps it (docs/formats.md, Properties and header lines): as a property when the note
 * has frontmatter, as a `**Status**:` header line when it has one, both when it has both; a note
 * with neither gets the header line, the form of notes written without properties.
 * Refuses malformed frontmatter rather than editing it blind.
 */
export function setField(text: string, path: string, field: SpecField, value: string): string {
	const bounds = findFrontmatter(text);
	if (bounds) {
		const fm = readFrontmatter(text, path);
		if (fm.error) throw new WorkflowError('malformed-yaml', fm.error.message, path);
	}
	const headers = readHeaderFields(text);
	let out = text;
	if (bounds) out = setProperty(out, field, value);
	// A note that shows header lines gets this one too, so the link is tappable in reading view.
	if (headers.size > 0 || !bounds) out = setHeaderField(out, HEADER_NAMES[field], value);
	return out;
}

/** Sets `updated` (property and/or `**Updated**:` line, whichever the note has) without adding either. */
export function touchUpdated(text: string, path: string, stamp: string): string {
	const bounds = findFrontmatter(text);
	let out = text;
	if (bounds) {
		const fm = readFrontmatter(text, path);
		if (fm.error) throw new WorkflowError('malformed-yaml', fm.error.message, path);
		const current = fm.data.updated;
		if (current !== undefined) out = setProperty(out, 'updated', stampLike(typeof current === 'string' ? current : '', stamp));
	}
	const header = readHeaderFields(out).get('updated');
	if (header) out = setHeaderField(out, 'Updated', stampLike(header.value, stamp));
	return out;
}

/**
 * The stamp in the form the note already uses: a date-only `updated: 2025-08-27` stays a date
 * (Obsidian may type it as one), an ISO `2025-08-27T11:30` keeps its `T`; otherwise `YYYY-MM-DD HH:MM`.
 */
export function stampLike(current: string, stamp: string): string {
	const value = current.trim();
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return stamp.slice(0, 10);
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return stamp.replace(' ', 'T');
	return stamp;
}
