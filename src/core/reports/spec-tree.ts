import { compareIds } from '../index/discovery';
import { Spec } from '../index/spec';
import { ContextCache, specProgress, SpecProgress } from './progress-rollup';
import { Workspace } from '../workspace/workspace';

/** What every status view says of a spec. */
export interface SpecSummary {
	id: string;
	title: string;
	type: string;
	/** Canonical status when the word is known, else as written. */
	status: string;
	statusRaw: string;
	path: string;
}

export function specSummary(ws: Workspace, spec: Spec): SpecSummary {
	return { id: spec.id, title: spec.title, type: ws.index.typeOf(spec), status: spec.status ?? spec.statusRaw, statusRaw: spec.statusRaw, path: spec.path };
}

export interface TreeNode extends SpecSummary {
	progress: SpecProgress;
	children: TreeNode[];
}

/**
 * Every spec as a tree: epics → features → tasks, ids in natural order. Specs without a parent
 * (orphans included) are roots; specs caught in a parent loop, reachable from no root, become
 * roots too, each shown once. Each context file is read once.
 */
export async function specTree(ws: Workspace, cache: ContextCache = new Map()): Promise<TreeNode[]> {
	const placed = new Set<string>();
	const build = async (spec: Spec): Promise<TreeNode> => {
		placed.add(spec.path);
		const children: TreeNode[] = [];
		for (const child of ws.index.childrenOf(spec)) {
			if (!placed.has(child.path)) children.push(await build(child));
		}
		return {
			...specSummary(ws, spec),
			progress: await specProgress(ws, spec, cache),
			children,
		};
	};
	const all = ws.index.all();
	const roots: TreeNode[] = [];
	for (const spec of all) if (!ws.index.parentOf(spec) && !placed.has(spec.path)) roots.push(await build(spec));
	for (const spec of all) if (!placed.has(spec.path)) roots.push(await build(spec));
	return roots.sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1));
}
