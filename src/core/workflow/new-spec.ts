import { formatLocalDateTime } from '../context/duration';
import { dirname, joinPath } from '../files/paths';
import type { Spec } from '../index/spec';
import { stripIdPrefix } from '../index/spec-title';
import { addToListProperty } from '../metadata/list-property';
import { contextTemplate } from '../templates/context-template';
import { specHeadingTitle, specTemplate, type SpecType } from '../templates/spec-templates';
import { ChangeSet } from '../workspace/file-changes';
import { addToChildList } from '../edits/child-list';
import { unsafeNameReason } from '../edits/safe-file-name';
import { suggestId } from '../reports/suggest-id';
import { unreadableSpecNotes } from '../index/unreadable-specs';
import { WorkflowError } from '../workspace/workflow-error';
import { commitChanges, linkTo, requireSpec, Workspace } from '../workspace/workspace';
import { withoutControls } from '../edits/user-text';

export interface NewSpecInput {
	type: SpecType;
	title: string;
	/** Defaults to suggestId's answer. */
	id?: string;
	/** Required for a feature (an epic's id) and a task (a feature's id); none for an epic. */
	parent?: string;
}

export interface NewSpecResult {
	spec: { id: string; path: string };
	contextPath: string;
	written: string[];
}

/** The parent type each type hangs under, and the parent's section that lists it. */
const PARENT: Record<'feature' | 'task', { type: SpecType; list: 'Features' | 'Tasks' }> = {
	feature: { type: 'epic', list: 'Features' },
	task: { type: 'feature', list: 'Tasks' },
};

/**
 * Creates an epic, feature or task in the reference layout (docs/formats.md, Where specs live) from the templates:
 * epic → `specs/{id}/epic.md`, feature → `{epic folder}/{id}/spec.md`, task →
 * `{feature folder}/{id}.spec.md`, each with its context file beside it. The child links to its
 * parent (`parent` property and `**Parent**:` line) and the parent lists the child in its
 * `children` property when it keeps one, else in its `## Features` or `## Tasks`. Nothing is
 * written when anything is refused.
 */
export async function newSpec(ws: Workspace, input: NewSpecInput): Promise<NewSpecResult> {
	const type = input.type;
	const typed = withoutControls(input.title).trim();
	if (typed === '' || /[\r\n]/.test(input.title.trim())) {
		throw new WorkflowError('bad-title', `A new ${type} needs a title of one non-empty line (--title)`);
	}
	// The title is the text of the spec's heading and of the links to it: `[[` there would be a link.
	if (/\[\[|\]\]/.test(typed)) {
		throw new WorkflowError('bad-title', `A title cannot hold "[[" or "]]": it would be a link in the heading of the new ${type}; write it without them (--title)`);
	}
	const parent = parentFor(ws, type, input.parent);
	const id = input.id === undefined ? suggestId(ws, type, parent?.id) : input.id.trim();
	requireSafeId(id, type);
	// `--title "E01-F01-T05: Quote handling"`: the id is written beside the title, so the title keeps no copy of it, as when read.
	const title = stripIdPrefix(typed, [id]).trim();
	const taken = ws.index.lookup(id);
	if (taken.length > 0) throw new WorkflowError('duplicate-id', `Id "${id}" is already used by ${taken[0].path}`, taken[0].path);
	// A spec note that could not be read may hold the id: a second spec would collide with it once it is mended.
	const [unreadable] = unreadableSpecNotes(ws.index, id);
	if (unreadable) throw new WorkflowError('unreadable', `${unreadable.message}; it may be ${id}: mend it first, or choose another id`, unreadable.path);

	const specPath = pathFor(ws, type, id, parent);
	const contextPath = type === 'task' ? joinPath(dirname(specPath), `${id}.context.md`) : joinPath(dirname(specPath), 'context.md');
	const changes = new ChangeSet(ws.store);
	for (const p of [specPath, contextPath]) {
		if (await changes.exists(p)) throw new WorkflowError('exists', `${p} already exists; nothing was written`, p);
	}

	const created = formatLocalDateTime(ws.now());
	const heading = specHeadingTitle(id, title);
	const parentHeading = parent ? specHeadingTitle(parent.id, parent.title) : null;
	changes.create(
		specPath,
		specTemplate({
			id,
			type,
			title,
			created,
			contextLink: linkTo(ws, specPath, contextPath, 'Implementation Journal'),
			parentLink: parent ? linkTo(ws, specPath, parent.path, parentHeading) : null,
		}),
	);
	changes.create(
		contextPath,
		contextTemplate({
			title,
			specLink: linkTo(ws, contextPath, specPath, heading),
			parentLink: parent ? linkTo(ws, contextPath, parent.path, parentHeading) : null,
			created,
		}),
	);
	if (parent && type !== 'epic') {
		const list = PARENT[type].list;
		const item = `- ${linkTo(ws, parent.path, specPath, heading)}`;
		// A parent that keeps a `children` property lists the child there; its body's Tasks may be its own to-dos.
		await changes.modify(parent.path, (text) => addToListProperty(text, 'children', id) ?? addToChildList(text, parent.path, list, item));
	}
	const written = await commitChanges(ws, changes);
	return { spec: { id, path: specPath }, contextPath, written };
}

function parentFor(ws: Workspace, type: SpecType, parentId: string | undefined): Spec | null {
	const ref = parentId?.trim() ?? '';
	if (type === 'epic') {
		if (ref !== '') throw new WorkflowError('bad-parent', `An epic has no parent (got --parent ${ref})`);
		return null;
	}
	const want = PARENT[type].type;
	if (ref === '') throw new WorkflowError('missing-parent', `A new ${type} needs a parent ${want} (--parent ID)`);
	const parent = requireSpec(ws, ref);
	const actual = ws.index.typeOf(parent);
	if (actual !== want) {
		throw new WorkflowError('bad-parent', `${parent.id} (${parent.path}) is ${article(actual)}; a ${type}'s parent must be ${article(want)}`, parent.path);
	}
	return parent;
}

function article(type: SpecType): string {
	return type === 'epic' ? 'an epic' : `a ${type}`;
}

function requireSafeId(id: string, type: SpecType): void {
	const reason = unsafeNameReason(id);
	if (reason !== null) throw new WorkflowError('unsafe-id', `Unsafe id ${JSON.stringify(id)}: ${reason}`);
	// A folder named deliverables holds deliverables, never specs (docs/formats.md, Where specs live).
	if (type !== 'task' && id.toLowerCase() === 'deliverables') {
		throw new WorkflowError('unsafe-id', `Id "${id}" cannot name a spec folder: deliverables/ folders hold deliverables`);
	}
}

/** Epics under the specs root; features in a folder beside their epic; tasks beside their feature. */
function pathFor(ws: Workspace, type: SpecType, id: string, parent: Spec | null): string {
	if (type === 'epic' || !parent) return joinPath(ws.settings.specsRoot, id, 'epic.md');
	// A feature's folder goes in the folder its epic is in (the epic's own, for epic.md).
	if (type === 'feature') return joinPath(dirname(parent.path), id, 'spec.md');
	return joinPath(dirname(parent.path), `${id}.spec.md`);
}
