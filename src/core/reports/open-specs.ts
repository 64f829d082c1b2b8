import { activeSession } from '../context/session';
import { nextTaskOf, taskRef, type TaskRef } from '../context/plan-task';
import { ContextCache, readSpecContext, SpecProgress, specTasks } from './progress-rollup';
import { specTree, type SpecSummary, TreeNode } from './spec-tree';
import { Workspace } from '../workspace/workspace';

export type OpenSpecTask = TaskRef;

export interface OpenSpec extends SpecSummary {
	/** The context file's path, or null when the spec has none yet. */
	context: string | null;
	parent: { id: string; title: string } | null;
	/** Levels below a root of the tree (epic 0, feature 1, task 2), for indenting. */
	depth: number;
	progress: SpecProgress;
	/** The number of the session still open, or null. */
	activeSession: number | null;
	/** The spec's own tasks (its plan, else its checklists): the first in progress, else the first pending one; null when neither. */
	nextTask: OpenSpecTask | null;
	/** The note nextTask is written in (the context for a plan; the spec or the context for a checklist), null without one. */
	taskFile: string | null;
}

/**
 * Every spec not completed, in the tree's order (parents before their children, ids in natural
 * order), with its progress and where its own plan stands: `spec-work status --all`.
 */
export async function openSpecs(ws: Workspace, cache: ContextCache = new Map()): Promise<OpenSpec[]> {
	const tree = await specTree(ws);
	const out: OpenSpec[] = [];
	const walk = async (node: TreeNode, depth: number): Promise<void> => {
		if (node.status !== 'completed') out.push(await openSpec(ws, node, depth, cache));
		for (const child of node.children) await walk(child, depth + 1);
	};
	for (const root of tree) await walk(root, 0);
	return out;
}

async function openSpec(ws: Workspace, node: TreeNode, depth: number, cache: ContextCache): Promise<OpenSpec> {
	const spec = ws.index.byPath(node.path);
	const { path, context } = spec ? await readSpecContext(ws, spec, cache) : { path: '', context: null };
	const parent = spec ? ws.index.parentOf(spec) : null;
	const { tasks } = spec ? await specTasks(ws, spec, cache) : { tasks: [] };
	const next = nextTaskOf(tasks);
	return {
		id: node.id,
		title: node.title,
		type: node.type,
		status: node.status,
		statusRaw: node.statusRaw,
		path: node.path,
		context: context ? path : null,
		parent: parent ? { id: parent.id, title: parent.title } : null,
		depth,
		progress: node.progress,
		activeSession: context ? (activeSession(context.sessions)?.number ?? null) : null,
		nextTask: next ? taskRef(next) : null,
		taskFile: next ? next.path : null,
	};
}
