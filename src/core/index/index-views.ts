import { compareIds } from './discovery';
import { Spec } from './spec';

/**
 * Derived lookups, each built on first use after any change: cheap map work, never file reads. They
 * are built apart because a call needs few of them: a status asks for ids, parents and
 * deliverables, never for which spec owns each context.
 */
export class Derived {
	private sortedSpecs: Spec[] | null = null;
	private ids: Map<string, Spec[]> | null = null;
	private taken: TakenAlias[] | null = null;
	private family: { parents: Map<string, Spec | null>; children: Map<string, Spec[]> } | null = null;
	private contexts: Map<string, Spec> | null = null;
	private deliverables: Map<string, Spec> | null = null;

	constructor(
		private readonly specs: ReadonlyMap<string, Spec>,
		private readonly src: ViewSources,
	) {}

	/** The specs in path order: duplicates and claims are settled by it. */
	private get sorted(): Spec[] {
		return (this.sortedSpecs ??= [...this.specs.values()].sort((a, b) => (a.path < b.path ? -1 : 1)));
	}

	/** Every spec by lower-cased id, then by alias. */
	get byId(): Map<string, Spec[]> {
		return (this.ids ??= idMap(this.sorted, this.src));
	}

	/** The aliases that find another spec, whose id they are, instead of their own. */
	get takenAliases(): TakenAlias[] {
		return (this.taken ??= takenAliases(this.sorted, this.byId));
	}

	get parents(): Map<string, Spec | null> {
		return (this.family ??= familyOf(this.sorted, this.src)).parents;
	}

	get children(): Map<string, Spec[]> {
		return (this.family ??= familyOf(this.sorted, this.src)).children;
	}

	get contextOwner(): Map<string, Spec> {
		return (this.contexts ??= contextOwners(this.sorted, this.src));
	}

	get deliverableOwner(): Map<string, Spec> {
		return (this.deliverables ??= deliverableOwners(this.sorted, this.src));
	}
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
	/** The id the spec note writes in its `id` property, or null. */
	idProperty(spec: Spec): string | null;
}

/** A spec's alias that another spec has for its id, so it finds only those (`F01` of E01-F01 when E03/F01's id is F01). */
export interface TakenAlias {
	spec: Spec;
	alias: string;
	takenBy: Spec[];
}

/**
 * Ids first, then aliases, each spec once per key. A spec's own id wins over another's alias (the
 * folder's short name `F01` of E01/F01, whose id is E01-F01, when E03/F01's id is F01), unless the
 * other writes it as its `id` property: a copy claiming that id is a duplicate, not an alias.
 */
function idMap(sorted: readonly Spec[], src: ViewSources): Map<string, Spec[]> {
	const byId = new Map<string, Spec[]>();
	const add = (key: string, spec: Spec): void => {
		const k = key.toLowerCase();
		const list = byId.get(k);
		if (!list) byId.set(k, [spec]);
		else if (!list.includes(spec)) list.push(spec);
	};
	for (const spec of sorted) add(spec.id, spec);
	const ids = new Set(byId.keys());
	for (const spec of sorted) {
		const claimed = src.idProperty(spec)?.toLowerCase();
		for (const alias of spec.aliases) if (!ids.has(alias.toLowerCase()) || alias.toLowerCase() === claimed) add(alias, spec);
	}
	return byId;
}

function takenAliases(sorted: readonly Spec[], byId: ReadonlyMap<string, Spec[]>): TakenAlias[] {
	const out: TakenAlias[] = [];
	for (const spec of sorted) {
		for (const alias of spec.aliases) {
			const found = byId.get(alias.toLowerCase()) ?? [];
			if (!found.includes(spec)) out.push({ spec, alias, takenBy: found });
		}
	}
	return out;
}

/**
 * The specs that make the spec's id a duplicate: those answering to its id, and those whose id is
 * one of its aliases that still finds it (`id: 1001` in a sync-conflict copy); an alias given up to
 * another spec's id makes no twin.
 */
export function idTwins(spec: Spec, byId: ReadonlyMap<string, Spec[]>): Spec[] {
	const out: Spec[] = [];
	for (const key of [spec.id, ...spec.aliases]) {
		const k = key.toLowerCase();
		const found = byId.get(k) ?? [];
		if (!found.includes(spec)) continue;
		for (const other of found) if (other !== spec && !out.includes(other) && (key === spec.id || other.id.toLowerCase() === k)) out.push(other);
	}
	return out;
}

function familyOf(sorted: readonly Spec[], src: ViewSources): { parents: Map<string, Spec | null>; children: Map<string, Spec[]> } {
	const parents = new Map<string, Spec | null>();
	const children = new Map<string, Spec[]>();
	for (const spec of sorted) {
		const parent = src.findParent(spec);
		parents.set(spec.path, parent);
		if (parent) {
			const list = children.get(parent.path);
			if (list) list.push(spec);
			else children.set(parent.path, [spec]);
		}
	}
	for (const list of children.values()) list.sort((a, b) => compareIds(a.id, b.id));
	return { parents, children };
}

/** A context belongs to the spec the layout puts it beside first; a reference from another spec claims only what is left. */
function contextOwners(sorted: readonly Spec[], src: ViewSources): Map<string, Spec> {
	const owners = new Map<string, Spec>();
	for (const spec of sorted) {
		const context = src.conventionalContextOf(spec);
		if (!owners.has(context)) owners.set(context, spec);
	}
	for (const spec of sorted) {
		const context = src.contextPathOf(spec);
		if (!owners.has(context)) owners.set(context, spec);
	}
	return owners;
}

/** Registered deliverables first; then every other file under a deliverables/ folder goes to the folder's spec. */
function deliverableOwners(sorted: readonly Spec[], src: ViewSources): Map<string, Spec> {
	const owners = new Map<string, Spec>();
	for (const spec of sorted) {
		for (const target of src.registeredDeliverables(spec)) {
			if (src.isDeliverable(target) && !owners.has(target)) owners.set(target, spec);
		}
	}
	for (const path of src.files) {
		if (!src.isDeliverable(path) || owners.has(path)) continue;
		const owner = src.folderOwnerAbove(path);
		if (owner) owners.set(path, owner);
	}
	return owners;
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
