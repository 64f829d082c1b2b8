import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import type { PlanTask } from '../../core/context/plan-task';
import type { Spec } from '../../core/index/spec';
import { DEFAULT_SESSION_TITLE } from '../../core/workflow/start-session';
import { PlanEditor } from './plan-editor';
import { Submission } from './submission';

export interface StartSessionInput {
	title: string;
	participants: string;
	/** New plan tasks, in order; the tasks already in the plan are kept by the core. */
	plan: string[];
}

export interface StartSessionData {
	spec: Spec;
	existingTasks: readonly PlanTask[];
	/** Where those tasks are kept: the journal's plan, or the checklist of a spec without one (new tasks join it). */
	tasksFrom: 'plan' | 'checklist';
	/** The number of a session still open: it is continued, not a new one opened. */
	activeSession: number | null;
	participants: string;
	/** A proposed plan being modified before approval: its tasks fill the new tasks, editable. */
	proposed?: readonly string[];
}

/**
 * Session title, participants and the plan to approve. `onApprove` runs the core operation and
 * says whether it succeeded; the modal stays open after a failure so nothing typed is lost.
 */
export class StartSessionModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();
	private title = '';
	private participants: string;

	constructor(
		app: App,
		private readonly data: StartSessionData,
		private readonly onApprove: (input: StartSessionInput) => Promise<boolean>,
	) {
		super(app);
		this.participants = data.participants;
	}

	onOpen(): void {
		const { contentEl, data } = this;
		this.setTitle(data.proposed ? `Modify the proposed plan of ${data.spec.id} - ${data.spec.title}` : `Start work on ${data.spec.id} - ${data.spec.title}`);
		contentEl.addClass('spec-workflow-start-session');
		const continuing = data.activeSession !== null;
		if (continuing) {
			contentEl.createEl('p', {
				cls: 'spec-workflow-note',
				text: `Session ${data.activeSession} is still active: it is continued, so the title and participants are kept as they are.`,
			});
		}
		new Setting(contentEl)
			.setName('Session title')
			.setDisabled(continuing)
			.addText((text) =>
				text
					.setPlaceholder(DEFAULT_SESSION_TITLE)
					.setDisabled(continuing)
					.onChange((value) => (this.title = value)),
			);
		new Setting(contentEl)
			.setName('Participants')
			.setDisabled(continuing)
			.addText((text) =>
				text
					.setValue(this.participants)
					.setDisabled(continuing)
					.onChange((value) => (this.participants = value)),
			);

		new Setting(contentEl).setName(data.tasksFrom === 'checklist' ? 'Checklist' : 'Plan').setHeading();
		const plan = new PlanEditor(contentEl.createDiv(), data.existingTasks, data.tasksFrom, data.proposed);

		new Setting(contentEl).addButton((button: ButtonComponent) =>
			button
				.setButtonText('Approve')
				.setCta()
				.onClick(() => this.submission.run(this, () => this.onApprove({ title: this.title, participants: this.participants, plan: plan.newTasks() }), button)),
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
