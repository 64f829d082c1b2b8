import { App, SuggestModal } from 'obsidian';
import type { PlanTask, TaskState } from '../../core/context/plan-task';
import { TASK_STATES } from '../../core/workflow/set-task-state';
import { TASK_MARK, TASK_STATE_LABEL, taskLine } from '../shared/task-marks';

/**
 * A suggest modal that resolves a promise with the choice, or null when dismissed. Obsidian
 * closes the modal before calling onChooseSuggestion, so "dismissed" is decided a tick later.
 */
abstract class PromptModal<T> extends SuggestModal<T> {
	private chosen = false;

	constructor(
		app: App,
		private readonly resolve: (value: T | null) => void,
	) {
		super(app);
	}

	onChooseSuggestion(item: T): void {
		this.chosen = true;
		this.resolve(item);
	}

	onClose(): void {
		window.setTimeout(() => {
			if (!this.chosen) this.resolve(null);
		}, 0);
	}
}

/** The plan's tasks as `6. 🔄 Documentation`, filtered by number or text. */
export class TaskPickerModal extends PromptModal<PlanTask> {
	constructor(
		app: App,
		private readonly tasks: readonly PlanTask[],
		resolve: (task: PlanTask | null) => void,
	) {
		super(app, resolve);
		this.setPlaceholder('Choose a task');
	}

	getSuggestions(query: string): PlanTask[] {
		const q = query.trim().toLowerCase();
		return this.tasks.filter((t) => q === '' || String(t.number) === q || t.text.toLowerCase().includes(q));
	}

	renderSuggestion(task: PlanTask, el: HTMLElement): void {
		el.setText(taskLine(task));
	}
}

/** The five states, the task's current one marked. */
export class TaskStatePickerModal extends PromptModal<TaskState> {
	constructor(
		app: App,
		private readonly task: PlanTask,
		resolve: (state: TaskState | null) => void,
	) {
		super(app, resolve);
		this.setPlaceholder(`New state of task ${task.number}`);
	}

	getSuggestions(query: string): TaskState[] {
		const q = query.trim().toLowerCase();
		return TASK_STATES.filter((s) => TASK_STATE_LABEL[s].includes(q));
	}

	renderSuggestion(state: TaskState, el: HTMLElement): void {
		const current = state === this.task.state ? ' (current)' : '';
		el.setText(`${TASK_MARK[state]} ${TASK_STATE_LABEL[state]}${current}`);
	}
}

export function pickTask(app: App, tasks: readonly PlanTask[]): Promise<PlanTask | null> {
	return new Promise((resolve) => new TaskPickerModal(app, tasks, resolve).open());
}

export function pickTaskState(app: App, task: PlanTask): Promise<TaskState | null> {
	return new Promise((resolve) => new TaskStatePickerModal(app, task, resolve).open());
}
