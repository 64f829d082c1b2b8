import type { TaskState } from '../../core/context/plan-task';

/** How a plan task's state shows in the plugin: the reference layout's marks, so lists read like the CLI's brief. */
export const TASK_MARK: Record<TaskState, string> = {
	pending: '⏳',
	'in-progress': '🔄',
	done: '✅',
	blocked: '❌',
	cancelled: '🚫',
};

/** The state in words, for pickers and notices. */
export const TASK_STATE_LABEL: Record<TaskState, string> = {
	pending: 'pending',
	'in-progress': 'in progress',
	done: 'done',
	blocked: 'blocked',
	cancelled: 'cancelled',
};

/** `6. 🔄 Documentation` */
export function taskLine(task: { number: number; text: string; state: TaskState }): string {
	return `${task.number}. ${TASK_MARK[task.state]} ${task.text}`;
}
