import { joinPath } from '../files/paths';
import type { SpecType } from '../metadata/spec-type';
import type { MigrationProblem } from './migration-types';
import type { FoundSpec } from './old-layout-detection';
import { numbering } from './old-names';
import type { Parent } from './spec-parents';
import type { SpecLookup } from './spec-lookup';

export interface PlacementSources {
	specsRoot: string;
	specs: readonly FoundSpec[];
	/** Each spec's parent; an epic's is cleared here, as epics sit at the top. */
	parents: Map<FoundSpec, Parent>;
	lookup: SpecLookup;
	/** Receives the problems found while typing and placing the specs. */
	problems: MigrationProblem[];
}

/**
 * Where each spec goes in the new layout: epics at the top, features in their epic's folder, tasks
 * beside their feature's spec. Types and folders are worked out on demand, each once, because a
 * spec's depends on its parent's; a loop of parents is a problem, never a hang.
 */
export class SpecPlacement {
	private readonly types = new Map<FoundSpec, SpecType>();
	private readonly typing = new Set<FoundSpec>();
	private readonly folders = new Map<FoundSpec, string>();
	private readonly placing = new Set<FoundSpec>();
	/** Features and tasks whose parent does not exist at all, by the parent id their number gives. */
	readonly absentParent = new Map<FoundSpec, string>();

	constructor(private readonly sources: PlacementSources) {}

	/** The `type` property, then the name, then the numbering, then the depth. */
	typeOf(s: FoundSpec): SpecType {
		const known = this.types.get(s);
		if (known) return known;
		let type = s.declaredType ?? s.nameType ?? numbering(s.id)?.type ?? null;
		if (type === null) {
			const parent = this.sources.parents.get(s)?.spec ?? null;
			if (parent === null || this.typing.has(parent)) type = 'epic';
			else {
				this.typing.add(s);
				type = this.typeOf(parent) === 'epic' ? 'feature' : 'task';
				this.typing.delete(s);
			}
		}
		this.types.set(s, type);
		return type;
	}

	folderOf(s: FoundSpec): string {
		const known = this.folders.get(s);
		if (known !== undefined) return known;
		const { specsRoot, parents, problems } = this.sources;
		const parent = parents.get(s)?.spec ?? null;
		let folder: string;
		const absent = this.absentParent.get(s);
		if (absent !== undefined) {
			this.placing.add(s);
			const implied = this.impliedFolder(absent);
			this.placing.delete(s);
			folder = this.typeOf(s) === 'task' ? implied : joinPath(implied, safeId(s));
		} else if (parent === null) folder = joinPath(specsRoot, safeId(s));
		else if (this.placing.has(parent)) {
			problems.push({ severity: 'error', code: 'parent-cycle', path: s.path, message: `${s.path}: its parents lead back to it (${parent.path}); fix one parent property` });
			folder = joinPath(specsRoot, safeId(s));
		} else {
			this.placing.add(s);
			const parentFolder = this.folderOf(parent);
			this.placing.delete(s);
			folder = this.typeOf(s) === 'task' ? parentFolder : joinPath(parentFolder, safeId(s));
		}
		this.folders.set(s, folder);
		return folder;
	}

	/** A task placed under a feature (or where its number puts one) is a file pair beside the feature's spec, not a folder. */
	specTarget(s: FoundSpec): string {
		const type = this.typeOf(s);
		const folder = this.folderOf(s);
		if (type === 'task' && this.placedAsChild(s)) return joinPath(folder, `${safeId(s)}.spec.md`);
		return joinPath(folder, type === 'epic' ? 'epic.md' : 'spec.md');
	}

	contextTarget(s: FoundSpec): string {
		if (this.typeOf(s) === 'task' && this.placedAsChild(s)) return joinPath(this.folderOf(s), `${safeId(s)}.context.md`);
		return joinPath(this.folderOf(s), 'context.md');
	}

	/** The folder a spec that does not exist would have: `specs/3000` for epic 3000, its epic's folder + `/3001` for feature 3001. */
	private impliedFolder(id: string): string {
		const { specsRoot, lookup } = this.sources;
		const epic = numbering(id)?.parent ?? null;
		if (epic === null) return joinPath(specsRoot, id);
		// The spec being placed may go by the epic's id itself (`specs/1000/spec.md` with id 1021): it is not its own epic.
		const spec = lookup(epic);
		return joinPath(spec && !this.placing.has(spec) ? this.folderOf(spec) : joinPath(specsRoot, epic), id);
	}

	private placedAsChild(s: FoundSpec): boolean {
		return this.sources.parents.get(s)?.spec != null || this.absentParent.has(s);
	}
}

/**
 * Types every spec and settles the parents the types leave: an epic names none, a feature or task
 * without one is placed by its number when that parent does not exist, else it is an error.
 */
export function placeSpecs(sources: PlacementSources): SpecPlacement {
	const { specs, parents, problems, specsRoot, lookup } = sources;
	const placement = new SpecPlacement(sources);
	for (const s of specs) {
		const parent = parents.get(s) as Parent;
		const type = placement.typeOf(s);
		if (type === 'epic' && parent.spec && parent.from === 'property') {
			problems.push({
				severity: 'warning',
				code: 'epic-parent',
				path: s.path,
				message: `${s.path}: an epic names a parent (${s.parentRef ?? ''}); epics sit at the top of ${specsRoot}/`,
			});
		}
		if (type === 'epic') parents.set(s, { spec: null, from: null });
		else if (!parent.spec) {
			const missing = missingParentId(s.id, type);
			if (missing !== null && lookup(missing) === null) {
				placement.absentParent.set(s, missing);
				continue;
			}
			problems.push({
				severity: 'error',
				code: 'missing-parent',
				path: s.path,
				message: `${s.path}: ${type} ${s.id} has no parent (no parent property, no enclosing spec folder, no ${type === 'task' ? 'feature' : 'epic'} by its number); add a parent property`,
			});
		}
	}
	for (const [s, id] of placement.absentParent)
		problems.push(absentParentProblem({ spec: s, type: placement.typeOf(s), parentId: id, folder: placement.folderOf(s), exists: (epic) => (lookup(epic) ?? s) !== s }));
	return placement;
}

/** An id as a folder name: a slash in an id would make a folder of its own. */
function safeId(s: FoundSpec): string {
	return s.id.replace(/[\\/]/g, '-');
}

/**
 * The parent a feature's or task's number gives it (feature 3001 → epic 3000, task 3011 → feature
 * 3001), when the number follows the numbering for its type; null otherwise.
 */
function missingParentId(id: string, type: SpecType): string | null {
	const own = numbering(id);
	if (own === null || own.type !== type || own.parent === null) return null;
	return numbering(own.parent)?.type === (type === 'task' ? 'feature' : 'epic') ? own.parent : null;
}

/** A warning, never an error: the spec is placed by its number, and the message says how to create its parent. */
function absentParentProblem(options: { spec: FoundSpec; type: SpecType; parentId: string; folder: string; exists: (id: string) => boolean }): MigrationProblem {
	const { spec: s, type, parentId, folder } = options;
	const where = `${s.path}: ${type} ${s.id} has no ${type === 'task' ? 'feature' : 'epic'} ${parentId}; placed in ${folder}/ as its number says.`;
	if (type !== 'task') {
		return { severity: 'warning', code: 'missing-epic', path: s.path, message: `${where} Create the epic with: spec-work new epic --id ${parentId} --title "…"` };
	}
	const epic = numbering(parentId)?.parent ?? '';
	const feature = `spec-work new feature --id ${parentId} --parent ${epic} --title "…"`;
	const how = options.exists(epic) ? `Create the feature with: ${feature}` : `Create the epic, then the feature, with: spec-work new epic --id ${epic} --title "…" and ${feature}`;
	return { severity: 'warning', code: 'missing-feature', path: s.path, message: `${where} ${how}` };
}
