import { readContextFile, type ContextFile } from '../context/context-file';
import { percentOf, progress, type PlanTask } from '../context/plan-task';
import { Spec } from '../index/spec';
import { foreignContext } from '../edits/context-ownership';
import { Workspace } from '../workspace/workspace';

/** Context files (and spec files, read the same way) of one call tree, keyed by path, so a tree or list reads each once. */
export type ContextCache = Map<string, Promise<ContextFile | null>>;

export interface SpecProgress {
	done: number;
	/** Tasks that count (cancelled ones do not). */
	total: number;
	/** done / total rounded to the nearest integer; 0 when there is nothing to count. */
	percent: number;
	/**
	 * Where the figures come from: the context's plan, the spec's own checklists, its children's
	 * figures, its status (completed with nothing to count: 1/1), or nothing.
	 */
	from: 'plan' | 'checklist' | 'children' | 'status' | 'none';
}

/** A task of the spec's own, with the note it is written in. */
export interface OwnTask extends PlanTask {
	path: string;
}

export interface OwnTasks {
	/** plan: the context's `## Plan` (also when nothing counts anywhere); checklist: the spec's and context's other task lists. */
	from: 'plan' | 'checklist';
	tasks: OwnTask[];
}

/**
 * The spec's context file, read once per cache; null when it has none yet, or when the file its
 * context property points at is another spec's journal (`foreign` then says whose), so no view
 * shows another spec's sessions as this one's.
 */
export async function readSpecContext(ws: Workspace, spec: Spec, cache: ContextCache = new Map()): Promise<{ path: string; context: ContextFile | null; foreign: string | null }> {
	const path = ws.index.contextPathOf(spec);
	let pending = cache.get(path);
	if (!pending) {
		pending = (async () => ((await ws.store.exists(path)) ? readContextFile(await ws.store.read(path)) : null))();
		cache.set(path, pending);
	}
	const context = await pending;
	const foreign = context ? foreignContext(ws, spec, path, context.text) : null;
	return foreign ? { path, context: null, foreign: foreign.message } : { path, context, foreign: null };
}

/** The spec file, read as a note (its sections and checklists) once per cache; null when it is gone. */
export async function readSpecNote(ws: Workspace, spec: Spec, cache: ContextCache = new Map()): Promise<ContextFile | null> {
	let pending = cache.get(spec.path);
	if (!pending) {
		pending = (async () => ((await ws.store.exists(spec.path)) ? readContextFile(await ws.store.read(spec.path)) : null))();
		cache.set(spec.path, pending);
	}
	return pending;
}

/**
 * The tasks a spec has of its own: the context's `## Plan` when it counts anything; else the
 * checklists of the spec file and of the context (Tasks, Implementation Steps, Checklist…),
 * which is how specs written without the workflow keep their tasks. The spec file is read only
 * when the plan counts nothing.
 */
export async function specTasks(ws: Workspace, spec: Spec, cache: ContextCache = new Map()): Promise<OwnTasks> {
	const { path, context } = await readSpecContext(ws, spec, cache);
	const plan = (context?.tasks ?? []).map((t) => ({ ...t, path }));
	if (progress(plan).total > 0) return { from: 'plan', tasks: plan };
	const note = await readSpecNote(ws, spec, cache);
	const found: OwnTask[] = [];
	const add = (tasks: readonly PlanTask[], from: string) => {
		for (const t of tasks) found.push({ ...t, number: found.length + 1, path: from });
	};
	if (note) add([...note.tasks, ...note.checklist], spec.path);
	if (context && path !== spec.path) add(context.checklist, path);
	return progress(found).total > 0 ? { from: 'checklist', tasks: found } : { from: 'plan', tasks: plan };
}

/**
 * A spec's progress, from the first of these that counts anything: the context's `## Plan`; the
 * spec's own checklists (specTasks); the sum of its children's done/total (a feature from its
 * tasks, an epic from its features); its status, a completed spec with nothing to count being
 * 1/1 done. A parent loop (A's parent is B, B's is A) counts each spec once.
 */
export async function specProgress(ws: Workspace, spec: Spec, cache: ContextCache = new Map()): Promise<SpecProgress> {
	return progressOf(ws, spec, cache, new Set());
}

async function progressOf(ws: Workspace, spec: Spec, cache: ContextCache, seen: Set<string>): Promise<SpecProgress> {
	seen.add(spec.path);
	const tasks = await specTasks(ws, spec, cache);
	const own = progress(tasks.tasks);
	if (own.total > 0) return { done: own.done, total: own.total, percent: own.percent, from: tasks.from };
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
	if (counted) return { done, total, percent: percentOf(done, total), from: 'children' };
	// A spec finished without a task list is done, and counts as such in its parent.
	if (spec.status === 'completed') return { done: 1, total: 1, percent: 100, from: 'status' };
	return { done: 0, total: 0, percent: 0, from: 'none' };
}

/** `71% (5/7)`, or `no tasks`: a progress figure in the status lists. */
export function progressFigures(p: SpecProgress): string {
	return p.total === 0 ? 'no tasks' : `${p.percent}% (${p.done}/${p.total})`;
}
