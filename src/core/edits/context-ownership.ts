import { Spec } from '../index/spec';
import { parseLinks, parseLinkText } from '../links/link-parser';
import { headerEnd } from '../metadata/header-lines';
import { readSpecMetadata } from '../metadata/spec-metadata';
import { WorkflowError } from '../workspace/workflow-error';
import { Workspace } from '../workspace/workspace';

/** Why a context file is not the spec's own; null when it is. */
export interface ForeignContext {
	/** The spec the file belongs to, when it says (by layout, or by its Spec line); null when it names none. */
	owner: Spec | null;
	message: string;
}

/**
 * Whether the context file at `path` is the spec's own journal, so a workflow write may go there:
 * it sits where the layout puts the spec's context, or its `spec` property / `**Spec**:` line names
 * the spec, or it links to the spec (anywhere in a file named as a journal, else under its title).
 * A spec note, a file that is another spec's by layout or by its Spec line, a copy in an ignored
 * folder, or a file that names no spec at all, is not.
 */
export function foreignContext(ws: Workspace, spec: Spec, path: string, text: string): ForeignContext | null {
	// A copy left out of discovery is never written, whatever it says.
	if (ws.index.isIgnored(path)) return foreign(spec, path, null, 'is in a folder left out of discovery (a backup or archive copy)');
	// Another spec's note is never a journal, though it links to this spec (an epic listing its features).
	const asSpec = ws.index.byPath(path);
	if (asSpec === spec) return { owner: null, message: `${path} is the spec ${spec.id} itself, not a journal; ${REPOINT} a journal beside it, or remove it` };
	if (asSpec) return foreign(spec, path, asSpec, `is the spec ${asSpec.id}`);
	if (ws.index.isLayoutContext(spec, path)) return null;
	const byLayout = ws.index.layoutOwnerOf(path, spec);
	if (byLayout) return foreign(spec, path, byLayout, `is the journal of ${byLayout.id} (${byLayout.path})`);
	const named = readSpecMetadata(text, path).spec;
	if (named !== undefined) {
		const owner = specOfSpecLine(ws, named, path);
		if (owner === spec) return null;
		if (owner) return foreign(spec, path, owner, `is the journal of ${owner.id} (its Spec line: ${named})`);
		// A Spec line naming a note that is no spec here (a backup copy's spec beside it): the journal is that note's.
		const target = parseLinkText(named)?.target ?? named;
		const note = target === '' ? null : ws.links.resolve(target, path);
		if (note !== null && note !== spec.path && note !== path) return foreign(spec, path, null, `is the journal of ${note} (its Spec line: ${named})`);
	}
	// A link back counts in a file named as a journal, or in the lines under a note's title: not any
	// note that mentions the spec somewhere (an overview listing every spec).
	const to = ws.index.roleOf(path) === 'context' ? text.length : headerEnd(text);
	for (const link of parseLinks(text, { to })) {
		if (link.target !== '' && ws.links.resolve(link.target, path) === spec.path) return null;
	}
	return {
		owner: null,
		message: `${path} does not name ${spec.id} (${spec.path}) in a Spec line or link to it; if it is ${spec.id}'s journal, add a Spec line linking to ${spec.path}`,
	};
}

/** The spec a journal's `spec` property or `**Spec**:` line names: by a link to its note, by its id, or as below. */
export function specOfSpecLine(ws: Workspace, named: string, path: string): Spec | null {
	return ws.index.resolveSpecRef(named, path) ?? specNamedById(ws, named, path);
}

/**
 * The spec a Spec line names by id where no file answers: `[[E01-F01]]` (the id or an alias written
 * as a link to no note) or `E01-F01 - Hot` / `E01-F01: Hot` (the id-and-title label spec-work writes).
 */
function specNamedById(ws: Workspace, named: string, path: string): Spec | null {
	const link = parseLinkText(named);
	if (link) return link.target === '' || ws.links.resolve(link.target, path) !== null ? null : ws.index.get(link.target);
	const id = /^(\S+?)(?: - |: )\S/.exec(named.trim())?.[1];
	return id === undefined ? null : ws.index.get(id);
}

/** What to change, in the spec: its context may be named by a property or by a header line. */
const REPOINT = 'point its context property or Context line at';

function foreign(spec: Spec, path: string, owner: Spec | null, why: string): ForeignContext {
	return { owner, message: `${path} ${why}, not of ${spec.id} (${spec.path}); give ${spec.id} a journal of its own: ${REPOINT} a file beside it, or remove it` };
}

/** Refuses, before any write, a context file that is not the spec's own (see foreignContext). */
export function requireOwnContext(ws: Workspace, spec: Spec, path: string, text: string): void {
	const problem = foreignContext(ws, spec, path, text);
	if (problem) throw new WorkflowError('context-of-other-spec', problem.message, path);
}
