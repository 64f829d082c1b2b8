import { App, Modal, Setting } from 'obsidian';
import type { ContextProblem, PlannedContext } from '../../core/migration/context-generation';
import { formatPlannedContext } from '../../core/text/contexts-text';
import { Submission } from './submission';

export interface ContextFilesModalOptions {
	contexts: PlannedContext[];
	problems: ContextProblem[];
	/** Specs that already have a context file (left untouched). */
	existing: number;
	/** Creates them all; true when it succeeded (the modal closes), false to keep it open (a Notice says why). */
	onCreate(): Promise<boolean>;
}

/**
 * What "Create missing context files" will write, shown before it writes: each new context with
 * its spec, status and pre-filled deliverables, and the specs it leaves alone and why.
 */
export class ContextFilesModal extends Modal {
	/** The creation in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();

	get submitting(): Promise<void> {
		return this.submission.current;
	}

	constructor(
		app: App,
		private readonly options: ContextFilesModalOptions,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		const { contexts, problems, existing } = this.options;
		this.setTitle('Create missing context files');
		contentEl.addClass('spec-workflow-modal');
		const n = contexts.length;
		contentEl.createEl('p', {
			cls: 'spec-workflow-modal-subject',
			text: n === 0 ? 'No context file to create.' : `${plural(n, 'spec')} without a context file will get one:`,
		});
		if (n > 0) {
			const list = contentEl.createEl('ul', 'spec-workflow-migration-list spec-workflow-contexts-list');
			for (const c of contexts) list.createEl('li', { text: formatPlannedContext(c) });
		}
		if (existing > 0) {
			contentEl.createEl('p', { cls: 'spec-workflow-modal-note', text: `${plural(existing, 'existing context file')} will not be changed.` });
		}
		if (problems.length > 0) {
			contentEl.createEl('p', { cls: 'spec-workflow-modal-subject', text: `Left without a context (${plural(problems.length, 'spec')}):` });
			const list = contentEl.createEl('ul', 'spec-workflow-migration-list spec-workflow-contexts-problems');
			for (const p of problems) list.createEl('li', { cls: 'spec-workflow-migration-blocked', text: p.message });
		}
		const buttons = new Setting(contentEl);
		if (n === 0) {
			buttons.addButton((button) => button.setButtonText('Close').onClick(() => this.close()));
			return;
		}
		buttons
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText(n === 1 ? 'Create 1 context file' : `Create ${n} context files`)
					.setCta()
					.onClick(() => this.submission.run(this, () => this.options.onCreate())),
			);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}
