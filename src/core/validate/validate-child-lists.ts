import { Spec } from '../index/spec';
import { FileFacts, SectionRange, VaultFacts } from './validate-facts';
import { Workspace } from '../workspace/workspace';

/*
 * A spec's child lists as validate reads them: its `children` property, the links of its
 * Features/Tasks sections and their items led by an id; and the other way, which specs list a spec.
 */

/** Where a spec's child lists name a child: its `children` property (heading null), or a Features/Tasks item. */
export interface Listing {
	heading: string | null;
	line?: number;
}

/** Each spec's child lists, read once when asked; and, when asked, which specs list a given spec. */
export class ChildLists {
	private readonly byParent = new Map<string, Map<string, Listing>>();
	private byChild: Map<string, Spec[]> | null = null;

	constructor(
		private readonly ws: Workspace,
		private readonly facts: VaultFacts,
		private readonly specs: readonly Spec[],
	) {}

	/** The children the spec lists, by path. */
	of(spec: Spec): Map<string, Listing> {
		let listed = this.byParent.get(spec.path);
		if (!listed) {
			const file = this.facts.get(spec.path);
			listed = file ? listedChildren(this.ws, this.facts, spec, file) : new Map<string, Listing>();
			this.byParent.set(spec.path, listed);
		}
		return listed;
	}

	/** The specs whose child lists name `child`; built over every spec the first time, which only an unlisted child asks. */
	listersOf(child: Spec): Spec[] {
		if (!this.byChild) {
			this.byChild = new Map();
			for (const spec of this.specs) {
				for (const path of this.of(spec).keys()) {
					const listers = this.byChild.get(path);
					if (listers) listers.push(spec);
					else this.byChild.set(path, [spec]);
				}
			}
		}
		return this.byChild.get(child.path) ?? [];
	}
}

/**
 * The files linked from a spec's Features/Tasks sections, the specs their list items name by id,
 * and the specs its `children` property names.
 */
function listedChildren(ws: Workspace, facts: VaultFacts, spec: Spec, file: FileFacts): Map<string, Listing> {
	const listed = new Map<string, Listing>(ws.index.listedChildren(spec).map((child) => [child.path, { heading: null }]));
	const add = (path: string, range: SectionRange, line: number): void => {
		if (!listed.has(path)) listed.set(path, { heading: file.text.slice(range.headingStart, range.headingEnd).trim(), line });
	};
	let i = 0;
	// Links are in text order; each lies in at most one outermost list section.
	const ranges = facts.outline(file).childLists;
	for (const link of file.links) {
		if (link.where !== 'body' || link.resolved === null) continue;
		while (i < ranges.length && ranges[i].end <= link.start) i++;
		if (i < ranges.length && ranges[i].headingEnd <= link.start) add(link.resolved, ranges[i], link.line);
	}
	for (const range of ranges) {
		for (const item of idsListedIn(file.text.slice(range.headingEnd, range.end))) {
			const named = ws.index.lookup(item.id);
			// A short id several specs answer to (`T01`) names the spec's own child when it has one.
			const own = named.filter((child) => ws.index.parentOf(child) === spec);
			for (const child of own.length > 0 ? own : named) add(child.path, range, file.lineOf(range.headingEnd + item.at));
		}
	}
	return listed;
}

/**
 * A list item led by an id names that spec, as owners write a list without links:
 * `- [ ] E01-F01-T02 Warm storage`, `- **1011** …`, `- [1011] …`, `1. 1011: …`.
 */
const ID_ITEM = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX/!-]\][ \t]+)?(?:\*\*|__)?\[?([A-Za-z0-9][\w.-]*?)(?=\]|\*\*|__|[:,;)]|[ \t]|$)/gm;

function idsListedIn(text: string): { id: string; at: number }[] {
	const out: { id: string; at: number }[] = [];
	for (const m of text.matchAll(ID_ITEM)) out.push({ id: m[1], at: m.index });
	return out;
}
