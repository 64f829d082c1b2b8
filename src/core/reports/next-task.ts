import { OpenSpec, openSpecs, OpenSpecTask } from './open-specs';
import { SpecProgress } from './progress-rollup';
import { Workspace } from '../workspace/workspace';

export interface NextTask {
	id: string;
	title: string;
	/** The spec file. */
	path: string;
	/** The spec's context file, or null when it has none (its tasks are then in the spec). */
	context: string | null;
	/** The note the task is written in: the context for a plan task, the spec or the context for a checklist item. */
	taskFile: string;
	status: string;
	progress: SpecProgress;
	activeSession: number | null;
	task: OpenSpecTask;
	/** in-progress: a task already begun; pending: the first pending task of the most advanced implementing spec. */
	reason: 'in-progress' | 'pending';
}

/**
 * The task an agent should pick up without being told (`spec-work next`), of a spec's plan or,
 * for a spec without one, of its own checklists: a task already in
 * progress comes first; otherwise the first pending task of the implementing spec with the highest
 * progress. Ties go to the spec first in the tree (natural id order). Specs that are completed or
 * blocked are passed over, and so are planning specs' pending tasks: their plan awaits approval.
 * Null when nothing is ready.
 */
export async function nextTask(ws: Workspace, specs?: readonly OpenSpec[]): Promise<NextTask | null> {
	const open = (specs ?? (await openSpecs(ws))).filter((s) => s.status !== 'blocked' && s.taskFile !== null && s.nextTask !== null);
	const best = (candidates: OpenSpec[]): OpenSpec | null =>
		// Stable: among equal percentages the earlier spec in tree order wins.
		candidates.reduce<OpenSpec | null>((top, s) => (top === null || s.progress.percent > top.progress.percent ? s : top), null);
	const started = best(open.filter((s) => s.nextTask?.state === 'in-progress'));
	const pick = started ?? best(open.filter((s) => s.status === 'implementing' && s.nextTask?.state === 'pending'));
	if (!pick || !pick.nextTask || pick.taskFile === null) return null;
	return {
		id: pick.id,
		title: pick.title,
		path: pick.path,
		context: pick.context,
		taskFile: pick.taskFile,
		status: pick.status,
		progress: pick.progress,
		activeSession: pick.activeSession,
		task: pick.nextTask,
		reason: started ? 'in-progress' : 'pending',
	};
}
