import { App, Modal, Setting, TextComponent } from 'obsidian';
import { Submission } from './submission';

export interface CommitFields {
	hash: string;
	message: string;
}

export interface RecordCommitModalOptions {
	/** `1014 - Cold Storage NAS`, shown as the modal's subject. */
	specLabel: string;
	/** `Session 3: 2025-08-28 - Archive tier`: where the commit goes. */
	sessionLabel: string;
	/** Runs the operation; true when it succeeded (the modal closes), false to keep the values. */
	onSubmit(fields: CommitFields): Promise<boolean>;
}

/**
 * A commit typed by hand (hash and message), for the active session's Commits: works anywhere,
 * phones included, where git cannot run. A `git log --oneline` line pasted into the hash field
 * works too.
 */
export class RecordCommitModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();

	get submitting(): Promise<void> {
		return this.submission.current;
	}
	private readonly fields: CommitFields = { hash: '', message: '' };

	constructor(
		app: App,
		private readonly options: RecordCommitModalOptions,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle('Record commit');
		contentEl.addClass('spec-workflow-modal');
		contentEl.createEl('p', { cls: 'spec-workflow-modal-subject', text: this.options.specLabel });
		contentEl.createEl('p', { cls: 'spec-workflow-modal-note', text: this.options.sessionLabel });
		new Setting(contentEl)
			.setName('Commit hash')
			.setDesc('Short or full; a whole "hash message" line works too.')
			.addText((text) => this.bind(text, 'hash', 'a1b2c3d'));
		new Setting(contentEl).setName('Message').addText((text) => this.bind(text, 'message', 'Add health check script'));
		new Setting(contentEl)
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText('Record commit')
					.setCta()
					.onClick(() => this.submit()),
			);
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private bind(text: TextComponent, key: keyof CommitFields, placeholder: string): void {
		text.setPlaceholder(placeholder).onChange((value) => (this.fields[key] = value));
		text.inputEl.addEventListener('keydown', (evt) => {
			if (evt.key === 'Enter' && !evt.isComposing) {
				evt.preventDefault();
				this.submit();
			}
		});
	}

	private submit(): void {
		this.submission.run(this, () => this.options.onSubmit({ ...this.fields }));
	}
}
