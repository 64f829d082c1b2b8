import { App, Modal, Setting } from 'obsidian';
import { Submission } from './submission';

export interface CommitProgressModalOptions {
	/** `1014 - Cold Storage NAS`, shown as the modal's subject. */
	specLabel: string;
	/** The spec's files that the commit may contain. */
	files: string[];
	/** Runs the commit; true when it succeeded (the modal closes), false to keep the message. */
	onSubmit(message: string): Promise<boolean>;
}

/**
 * "Commit spec progress": a commit message for the spec's own files. Only those files go into the
 * commit; whatever else is staged or changed in the repository stays as it is.
 */
export class CommitProgressModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();

	get submitting(): Promise<void> {
		return this.submission.current;
	}
	private message = '';

	constructor(
		app: App,
		private readonly options: CommitProgressModalOptions,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle('Commit spec progress');
		contentEl.addClass('spec-workflow-modal');
		contentEl.createEl('p', { cls: 'spec-workflow-modal-subject', text: this.options.specLabel });
		new Setting(contentEl)
			.setName('Message')
			.setDesc("The first line is recorded in the session's commits; the whole message goes to Git.")
			.addTextArea((text) => {
				text.setPlaceholder('Add health check script').onChange((value) => (this.message = value));
				text.inputEl.addClass('spec-workflow-commit-message');
			});
		const details = contentEl.createEl('details', { cls: 'spec-workflow-note' });
		details.createEl('summary', { text: `Files of this spec (${this.options.files.length})` });
		const list = details.createEl('ul');
		for (const file of this.options.files) list.createEl('li', { text: file });
		new Setting(contentEl)
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText('Commit')
					.setCta()
					.onClick(() => this.submit()),
			);
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private submit(): void {
		this.submission.run(this, () => this.options.onSubmit(this.message));
	}
}
