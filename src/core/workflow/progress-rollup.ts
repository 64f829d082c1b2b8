import { readContextFile, type ContextFile } from '../context/context-file';
import { progress } from '../context/plan-task';
import { Spec } from '../index/spec';
import { Workspace } from './workspace';

/** Context files read during one call tree (keyed by path), so a tree or list reads each once. */
export type ContextCache = Map<string, Promise<ContextFile | null>>;

export interface SpecProgress {
	done: number;
	/** Tasks that count (cancelled ones do not). */
	total: number;
	/** done / total rounded to the nearest integer; 0 when there is nothing to count. */
	percent: number;
	/** Where the figures come from: the spec's own plan, its children's, or neither. */
	from: 'plan' | 'children' | 'none';
}

/** The spec's context file, read once per cache; null when it has none yet. */
export async function readSpecContext(ws: Workspace, spec: Spec, cache: ContextCache = new Map()): Promise<{ path: string; context: ContextFile | null }> {
	const path = ws.index.contextPathOf(spec);
	let pending = cache.get(path);
	if (!pending) {
		pending = (async () => ((await ws.store.exists(path)) ? readContextFile(await ws.store.read(path)) : null))();
		cache.set(path, pending);
	}
	return { path, context: await pending };
}

/**
 * A spec's progress: its own `## Plan` tasks; when that plan counts nothing, the sum of its
 * children's done/total (a feature from its tasks, an epic from its features). A parent loop
 * (A's parent is B, B's is A) counts each spec once.
 */
export async function specProgress(ws: Workspace, spec: Spec, cache: ContextCache = new Map()): Promise<SpecProgress> {
	return progressOf(ws, spec, cache, new Set());
}

async function progressOf(ws: Workspace, spec: Spec, cache: ContextCache, seen: Set<string>): Promise<SpecProgress> {
	seen.add(spec.path);
	const { context } = await readSpecContext(ws, spec, cache);
	const own = progress(context?.tasks ?? []);
	if (own.total > 0) return { done: own.done, total: own.total, percent: own.percent, from: 'plan' };
	let done = 0;
	let total = 0;
	let counted = false;
	for (const child of ws.index.childrenOf(spec)) {
		if (seen.has(child.path)) continue;
		const p = await progressOf(ws, child, cache, seen);
		done += p.done;
		total += p.total;
		counted = counted || p.total > 0;
	}
	if (!counted) return { done: 0, total: 0, percent: 0, from: 'none' };
	return { done, total, percent: percentOf(done, total), from: 'children' };
}

export function percentOf(done: number, total: number): number {
	return total === 0 ? 0 : Math.round((done * 100) / total);
}

/** `71% (5/7)`, or `no tasks`: a progress figure in the status lists. */
export function progressFigures(p: SpecProgress): string {
	return p.total === 0 ? 'no tasks' : `${p.percent}% (${p.done}/${p.total})`;
}
