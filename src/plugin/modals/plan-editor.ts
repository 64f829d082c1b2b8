import { ExtraButtonComponent, Setting, TextComponent } from 'obsidian';
import type { PlanTask } from '../../core/context/plan-task';
import { TASK_MARK, TASK_STATE_LABEL } from '../shared/task-marks';

/**
 * The plan as the start modal shows it: the tasks already in `## Plan`, or in the checklist of a spec
 * that keeps no plan, with their states (kept as they are: the core never reorders or rewrites them),
 * then the new tasks the user is proposing, which can be edited, removed and moved up or down before
 * approving.
 */
export class PlanEditor {
	private readonly items: string[];
	private readonly listEl: HTMLElement;

	/** `proposed`: new tasks to start from (a proposed plan being modified), editable like typed ones. */
	constructor(containerEl: HTMLElement, existing: readonly PlanTask[], from: 'plan' | 'checklist', proposed: readonly string[] = []) {
		this.items = [...proposed];
		this.renderExisting(containerEl, existing, from);
		this.listEl = containerEl.createDiv({ cls: 'spec-workflow-plan-new' });

		let draft: TextComponent | null = null;
		const add = () => {
			if (!draft) return;
			const text = draft.getValue().trim();
			if (text === '') return;
			this.items.push(text);
			draft.setValue('');
			this.render();
		};
		new Setting(containerEl)
			.setName('New task')
			.addText((text) => {
				draft = text.setPlaceholder('Describe a step of the plan');
				text.inputEl.addEventListener('keydown', (evt: KeyboardEvent) => {
					if (evt.key !== 'Enter') return;
					evt.preventDefault();
					add();
				});
			})
			.addButton((button) => button.setButtonText('Add').onClick(add));
		this.render();
	}

	/** The tasks already there; a note saying there are none is beside the list, never an item of it (it would read as task 1). */
	private renderExisting(containerEl: HTMLElement, existing: readonly PlanTask[], from: 'plan' | 'checklist'): void {
		if (existing.length === 0) {
			containerEl.createEl('p', { cls: 'spec-workflow-muted spec-workflow-plan-note', text: 'No plan yet: add its tasks below.' });
			return;
		}
		const existingEl = containerEl.createEl('ol', { cls: 'spec-workflow-plan-existing' });
		for (const task of existing) {
			const row = existingEl.createEl('li', { cls: 'spec-workflow-plan-task', attr: { 'data-state': task.state } });
			row.createSpan({ cls: 'spec-workflow-plan-mark', text: TASK_MARK[task.state], attr: { 'aria-label': TASK_STATE_LABEL[task.state] } });
			row.createSpan({ text: task.text });
		}
		if (from === 'checklist') {
			containerEl.createEl('p', { cls: 'spec-workflow-muted spec-workflow-plan-note', text: 'The spec keeps no plan: new tasks are added to the end of this checklist.' });
		}
	}

	/** The new tasks in their chosen order, blank ones left out. */
	newTasks(): string[] {
		return this.items.map((t) => t.trim()).filter((t) => t !== '');
	}

	private render(): void {
		this.listEl.empty();
		this.items.forEach((item, i) => {
			const setting = new Setting(this.listEl).setClass('spec-workflow-plan-item');
			setting.addText((text) => text.setValue(item).onChange((value) => (this.items[i] = value)));
			const button = (icon: string, tooltip: string, disabled: boolean, action: () => void) =>
				setting.addExtraButton((b: ExtraButtonComponent) =>
					b
						.setIcon(icon)
						.setTooltip(tooltip)
						.setDisabled(disabled)
						.onClick(() => {
							action();
							this.render();
						}),
				);
			button('arrow-up', 'Move up', i === 0, () => this.swap(i, i - 1));
			button('arrow-down', 'Move down', i === this.items.length - 1, () => this.swap(i, i + 1));
			button('x', 'Remove', false, () => this.items.splice(i, 1));
		});
	}

	private swap(a: number, b: number): void {
		[this.items[a], this.items[b]] = [this.items[b], this.items[a]];
	}
}
