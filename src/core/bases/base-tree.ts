import { compareIds } from '../index/discovery';
import { Spec } from '../index/spec';
import { readFrontmatter } from '../metadata/frontmatter';
import { ContextCache, specProgress, SpecProgress } from '../reports/progress-rollup';
import { specSummary, SpecSummary } from '../reports/spec-tree';
import { Workspace } from '../workspace/workspace';
import { readReviewMark, updatedSinceReview } from '../metadata/review-mark';

export interface BaseTreeNode extends SpecSummary {
	progress: SpecProgress;
	/** Its `updated` is later than its `reviewed`. */
	changedSinceReview: boolean;
	children: BaseTreeNode[];
}

export interface BaseTree {
	roots: BaseTreeNode[];
	/** Rows of the base that are not specs (a context, a deliverable): left out of the tree. */
	notSpecs: number;
}

/**
 * The rows of a base as the spec tree: each spec under its nearest ancestor among the rows (a
 * task whose feature the base filtered out sits under its epic), ids in natural order. Progress is
 * the spec's whole roll-up from the index, as the overview shows it, whatever the base left out.
 */
export async function baseTree(ws: Workspace, paths: readonly string[]): Promise<BaseTree> {
	const rows = new Map<string, Spec>();
	let notSpecs = 0;
	for (const path of paths) {
		const spec = ws.index.byPath(path);
		if (spec) rows.set(spec.path, spec);
		else notSpecs++;
	}
	const cache: ContextCache = new Map();
	const nodes = new Map<string, BaseTreeNode>();
	for (const spec of rows.values()) {
		nodes.set(spec.path, { ...specSummary(ws, spec), progress: await specProgress(ws, spec, cache), changedSinceReview: await reviewFlag(ws, spec), children: [] });
	}
	const roots: BaseTreeNode[] = [];
	for (const spec of rows.values()) {
		const above = ws.index
			.ancestorsOf(spec)
			.reverse()
			.find((a) => rows.has(a.path));
		(above ? nodes.get(above.path)!.children : roots).push(nodes.get(spec.path)!);
	}
	sortTree(roots);
	return { roots, notSpecs };
}

async function reviewFlag(ws: Workspace, spec: Spec): Promise<boolean> {
	const text = (await ws.store.exists(spec.path)) ? await ws.store.read(spec.path) : '';
	// The mark as the review core reads it (the later of two lines a sync merged in counts).
	return updatedSinceReview(readFrontmatter(text, spec.path).data.updated, readReviewMark(text).reviewed);
}

function sortTree(nodes: BaseTreeNode[]): void {
	nodes.sort((a, b) => compareIds(a.id, b.id) || (a.path < b.path ? -1 : 1));
	for (const n of nodes) sortTree(n.children);
}
