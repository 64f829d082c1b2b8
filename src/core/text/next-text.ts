import type { NextTask } from '../reports/next-task';

/** Two lines for a person: the task, then where it is recorded. */
export function formatNextTask(next: NextTask | null): string {
	if (next === null) return 'Nothing to do: no task is in progress and no implementing spec has a pending task.\n';
	const state = next.task.state === 'in-progress' ? 'in progress' : 'pending';
	const p = next.progress;
	const where = p.from === 'checklist' ? `, from checklist); checklist in ${next.taskFile}` : `); context ${next.taskFile}`;
	return [`Next: ${next.id} ${next.title}, task ${next.task.number}: ${next.task.text} (${state})`, `Progress ${p.percent}% (${p.done}/${p.total}${where}`, ''].join('\n');
}
