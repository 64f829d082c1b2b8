import { compareIds } from './discovery';
import { Spec } from './spec';

/** Derived lookups, rebuilt lazily after any change: cheap map work, never file reads. */
export interface Derived {
	byId: Map<string, Spec[]>;
	children: Map<string, Spec[]>;
	parents: Map<string, Spec | null>;
	contextOwner: Map<string, Spec>;
	deliverableOwner: Map<string, Spec>;
}

/** What deriving the lookups asks of the index. */
export interface ViewSources {
	/** Every file under the specs root. */
	readonly files: Iterable<string>;
	findParent(spec: Spec): Spec | null;
	conventionalContextOf(spec: Spec): string;
	contextPathOf(spec: Spec): string;
	registeredDeliverables(spec: Spec): string[];
	isDeliverable(path: string): boolean;
	folderOwnerAbove(path: string): Spec | null;
}

/** The specs in path order: duplicates and claims are settled by it. */
export function inPathOrder(specs: Iterable<Spec>): Spec[] {
	return [...specs].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The lookups with only byId filled in (ids first, then aliases), the rest to fill by fillViews. */
export function idViews(sorted: readonly Spec[]): Derived {
	const byId = new Map<string, Spec[]>();
	const add = (key: string, spec: Spec): void => {
		const k = key.toLowerCase();
		const list = byId.get(k);
		if (!list) byId.set(k, [spec]);
		else if (!list.includes(spec)) list.push(spec);
	};
	for (const spec of sorted) add(spec.id, spec);
	for (const spec of sorted) for (const alias of spec.aliases) add(alias, spec);
	return { byId, children: new Map(), parents: new Map(), contextOwner: new Map(), deliverableOwner: new Map() };
}

/** Parents and children, context owners and deliverable owners, from the specs in path order. */
export function fillViews(d: Derived, sorted: readonly Spec[], src: ViewSources): void {
	for (const spec of sorted) {
		const parent = src.findParent(spec);
		d.parents.set(spec.path, parent);
		if (parent) {
			const list = d.children.get(parent.path);
			if (list) list.push(spec);
			else d.children.set(parent.path, [spec]);
		}
	}
	// A context belongs to the spec the layout puts it beside first; a reference from another spec claims only what is left.
	for (const spec of sorted) {
		const context = src.conventionalContextOf(spec);
		if (!d.contextOwner.has(context)) d.contextOwner.set(context, spec);
	}
	for (const spec of sorted) {
		const context = src.contextPathOf(spec);
		if (!d.contextOwner.has(context)) d.contextOwner.set(context, spec);
	}
	for (const list of d.children.values()) list.sort((a, b) => compareIds(a.id, b.id));
	// Registered deliverables first; then every other file under a deliverables/ folder goes to the folder's spec.
	for (const spec of sorted) {
		for (const target of src.registeredDeliverables(spec)) {
			if (src.isDeliverable(target) && !d.deliverableOwner.has(target)) d.deliverableOwner.set(target, spec);
		}
	}
	for (const path of src.files) {
		if (!src.isDeliverable(path) || d.deliverableOwner.has(path)) continue;
		const owner = src.folderOwnerAbove(path);
		if (owner) d.deliverableOwner.set(path, owner);
	}
}

/** Whether two readings of a spec file sit in the same place among the others (the derived views' inputs). */
export function samePlace(a: Spec, b: Spec): boolean {
	return (
		a.id === b.id &&
		a.parentRef === b.parentRef &&
		a.contextRef === b.contextRef &&
		sameList(a.aliases, b.aliases) &&
		sameList(a.deliverableRefs, b.deliverableRefs) &&
		sameList(a.deliverableProperty, b.deliverableProperty) &&
		sameList(a.childRefs, b.childRefs)
	);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}
