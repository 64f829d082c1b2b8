import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import type { LogSection } from '../../core/workflow/log-entry';
import { Submission } from './submission';

/** The session's sections in the reference layout's order, as the dropdown names them. */
export const LOG_SECTION_LABELS: Record<LogSection, string> = {
	planning: 'Planning',
	changes: 'Changes to spec',
	implementation: 'Implementation',
	testing: 'Testing',
	commits: 'Commits',
	issues: 'Issues & resolutions',
};

export interface LogEntryInput {
	section: LogSection;
	/** The entry (issues: the issue). Unused for commits. */
	text: string;
	/** Issues only. */
	resolution: string;
	/** Commits only. */
	hash: string;
	message: string;
}

/**
 * A section, then the fields it takes: a text for most, the issue and its resolution for
 * issues, a hash and message for commits. The form is redrawn when the section changes and keeps
 * what was typed. `onSubmit` says whether the entry was written; the modal stays open otherwise.
 */
export class LogEntryModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();
	private readonly input: LogEntryInput = { section: 'implementation', text: '', resolution: '', hash: '', message: '' };
	private fieldsEl: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly heading: string,
		private readonly onSubmit: (input: LogEntryInput) => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, input } = this;
		this.setTitle(this.heading);
		new Setting(contentEl).setName('Section').addDropdown((dropdown) =>
			dropdown
				.addOptions(LOG_SECTION_LABELS)
				.setValue(input.section)
				.onChange((value) => {
					input.section = value as LogSection;
					this.renderFields();
				}),
		);
		this.fieldsEl = contentEl.createDiv();
		this.renderFields();
		new Setting(contentEl).addButton((button: ButtonComponent) =>
			button
				.setButtonText('Log entry')
				.setCta()
				.onClick(() => this.submission.run(this, () => this.onSubmit({ ...input }), button)),
		);
	}

	private renderFields(): void {
		const el = this.fieldsEl;
		if (!el) return;
		el.empty();
		const { input } = this;
		if (input.section === 'commits') {
			new Setting(el).setName('Commit hash').addText((t) =>
				t
					.setPlaceholder('Short or full hash')
					.setValue(input.hash)
					.onChange((v) => (input.hash = v)),
			);
			new Setting(el).setName('Message').addText((t) => t.setValue(input.message).onChange((v) => (input.message = v)));
			return;
		}
		const issues = input.section === 'issues';
		new Setting(el)
			.setName(issues ? 'Issue' : 'Entry')
			.setClass('spec-workflow-textarea-setting')
			.addTextArea((t) => t.setValue(input.text).onChange((v) => (input.text = v)));
		if (issues) {
			new Setting(el)
				.setName('Resolution')
				.setClass('spec-workflow-textarea-setting')
				.addTextArea((t) => t.setValue(input.resolution).onChange((v) => (input.resolution = v)));
		}
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
