import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import type { FinishStatus } from '../../core/workflow/finish-session';
import { Submission } from './submission';

const STATUS_LABELS: Record<FinishStatus, string> = {
	completed: 'Completed',
	partial: 'Partial',
	blocked: 'Blocked',
};

export interface FinishSessionInput {
	status: FinishStatus;
	summary: string;
	/** Also mark the spec completed. */
	complete: boolean;
}

/** How the session ended, what happened, and whether the spec is done. */
export class FinishSessionModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();
	private readonly input: FinishSessionInput = { status: 'completed', summary: '', complete: false };

	constructor(
		app: App,
		private readonly heading: string,
		private readonly onSubmit: (input: FinishSessionInput) => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, input } = this;
		this.setTitle(this.heading);
		new Setting(contentEl).setName('Status').addDropdown((dropdown) =>
			dropdown
				.addOptions(STATUS_LABELS)
				.setValue(input.status)
				.onChange((value) => (input.status = value as FinishStatus)),
		);
		new Setting(contentEl)
			.setName('Summary')
			.setDesc('What the session achieved; written at its end.')
			.setClass('spec-workflow-textarea-setting')
			.addTextArea((t) => t.onChange((v) => (input.summary = v)));
		new Setting(contentEl)
			.setName('Mark spec completed')
			.setDesc('Also set the spec and its context note to completed.')
			.addToggle((t) => t.setValue(input.complete).onChange((v) => (input.complete = v)));
		new Setting(contentEl).addButton((button: ButtonComponent) =>
			button
				.setButtonText('Finish session')
				.setCta()
				.onClick(() => this.submission.run(this, () => this.onSubmit({ ...input }), button)),
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
