import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { readFrontmatter, setProperty } from '../metadata/frontmatter';
import { readHeaderFields, setHeaderField } from '../metadata/header-lines';
import { WorkflowError } from './workflow-error';

/**
 * Writes a field the way the file already keeps it (DESIGN.md §3): as a property when the note
 * has frontmatter, as a `**Name**:` header line when it has one, both when it has both; a note
 * with neither gets the header line (seed format) — and the property too when `alwaysProperty`.
 * Refuses malformed frontmatter rather than editing it blind.
 */
export function setField(text: string, path: string, property: string, header: string, value: string, alwaysProperty = false): string {
	const bounds = findFrontmatter(text);
	if (bounds) {
		const fm = readFrontmatter(text, path);
		if (fm.error) throw new WorkflowError('malformed-yaml', fm.error.message, path);
	}
	const hasHeader = readHeaderFields(text).has(header.toLowerCase());
	let out = text;
	if (bounds || alwaysProperty) out = setProperty(out, property, value);
	if (hasHeader || !bounds) out = setHeaderField(out, header, value);
	return out;
}

/** Sets `updated` (property and/or `**Updated**:` line, whichever the note has) without adding either. */
export function touchUpdated(text: string, path: string, stamp: string): string {
	const bounds = findFrontmatter(text);
	let out = text;
	if (bounds) {
		const fm = readFrontmatter(text, path);
		if (fm.error) throw new WorkflowError('malformed-yaml', fm.error.message, path);
		if ('updated' in fm.data) out = setProperty(out, 'updated', stamp);
	}
	if (readHeaderFields(out).has('updated')) out = setHeaderField(out, 'Updated', stamp);
	return out;
}
