import { App, Modal, Setting } from 'obsidian';
import { Submission } from './submission';

export interface CommitChoice {
	hash: string;
	shortHash: string;
	/** `2025-08-28 10:30` */
	date: string;
	subject: string;
	/** Already in the session's commits: shown, not offered. */
	recorded: boolean;
}

export interface RecordCommitsModalOptions {
	specLabel: string;
	/** `Commits since session 3 started (2025-08-28 10:00)` */
	heading: string;
	commits: CommitChoice[];
	/** Records the chosen hashes; true when it succeeded (the modal closes). */
	onSubmit(hashes: string[]): Promise<boolean>;
}

/** "Record commits from Git": the repository's commits since the session started, with checkboxes. */
export class RecordCommitsModal extends Modal {
	readonly submission = new Submission();

	get submitting(): Promise<void> {
		return this.submission.current;
	}
	private readonly chosen = new Set<string>();

	constructor(
		app: App,
		private readonly options: RecordCommitsModalOptions,
	) {
		super(app);
		// Every commit not yet recorded starts ticked: recording the session's work is the usual wish.
		for (const c of options.commits) if (!c.recorded) this.chosen.add(c.hash);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle('Record commits from Git');
		contentEl.addClass('spec-workflow-modal');
		contentEl.createEl('p', { cls: 'spec-workflow-modal-subject', text: this.options.specLabel });
		contentEl.createEl('p', { cls: 'spec-workflow-modal-note', text: this.options.heading });
		if (this.options.commits.length === 0) contentEl.createEl('p', { cls: 'spec-workflow-muted', text: 'No commits since then.' });
		const list = contentEl.createDiv({ cls: 'spec-workflow-commit-list' });
		for (const commit of this.options.commits) {
			const row = list.createEl('label', { cls: 'spec-workflow-commit-choice' });
			const box = row.createEl('input', { type: 'checkbox' });
			box.checked = commit.recorded || this.chosen.has(commit.hash);
			box.disabled = commit.recorded;
			box.dataset.hash = commit.hash;
			box.addEventListener('change', () => {
				if (box.checked) this.chosen.add(commit.hash);
				else this.chosen.delete(commit.hash);
			});
			row.createSpan({ cls: 'spec-workflow-commit-hash', text: commit.shortHash });
			row.createSpan({ text: commit.subject });
			row.createSpan({ cls: 'spec-workflow-muted', text: commit.recorded ? `${commit.date} · already recorded` : commit.date });
		}
		new Setting(contentEl)
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText('Record commits')
					.setCta()
					.onClick(() => this.submit()),
			);
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private submit(): void {
		// In the order git listed them (oldest first), whatever order they were ticked in.
		const hashes = this.options.commits.filter((c) => this.chosen.has(c.hash)).map((c) => c.hash);
		this.submission.run(this, () => this.options.onSubmit(hashes));
	}
}
