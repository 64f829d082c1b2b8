import { App, Modal, Setting } from 'obsidian';
import type { Problem, ValidateResult } from '../../core/validate/validate';
import { plural, shortMessage } from '../../core/text/problems-text';

export interface ValidateModalOptions {
	/** Whether a click on this file's name can open it in Obsidian. */
	canOpen(path: string): boolean;
	/** Opens a file (the modal closes first). */
	open(path: string): Promise<void>;
	/** Runs validate with its safe fixes; the new result, or null when it failed (a Notice says why). */
	fix(): Promise<ValidateResult | null>;
}

/**
 * The problems `validate` found, grouped by file: each file's name opens it, each problem shows
 * its severity, line and message. "Fix safe problems" applies the reversible repairs and lists
 * what is left.
 */
export class ValidateModal extends Modal {
	/** The fix in progress, if any (tests await it after pressing the button). */
	fixing: Promise<void> = Promise.resolve();
	private busy = false;
	private fixedCount = 0;

	constructor(
		app: App,
		private result: ValidateResult,
		private readonly options: ValidateModalOptions,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle('Spec problems');
		this.contentEl.addClass('spec-workflow-modal', 'spec-workflow-validate');
		this.render();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private render(): void {
		const { contentEl } = this;
		contentEl.empty();
		const { problems, specs } = this.result;
		if (this.fixedCount > 0) contentEl.createEl('p', { cls: 'spec-workflow-validate-fixed', text: `Fixed ${plural(this.fixedCount, 'problem')}.` });
		contentEl.createEl('p', { cls: 'spec-workflow-validate-summary', text: summary(problems, specs) });

		for (const [path, list] of groupByFile(problems)) {
			const group = contentEl.createDiv('spec-workflow-validate-file');
			const heading = group.createDiv('spec-workflow-validate-path');
			if (this.options.canOpen(path)) {
				// Not an internal-link: Obsidian's own link handling would look for a data-href.
				const link = heading.createEl('a', { cls: 'spec-workflow-validate-link', text: path, attr: { role: 'link', tabindex: '0' } });
				const open = (evt: Event): void => {
					evt.preventDefault();
					this.close();
					void this.options.open(path);
				};
				link.addEventListener('click', open);
				link.addEventListener('keydown', (evt) => {
					if (evt.key === 'Enter') open(evt);
				});
			} else {
				heading.createSpan({ text: path });
				heading.createSpan({ cls: 'spec-workflow-validate-hint', text: ' (open it in another app)' });
			}
			const items = group.createEl('ul', 'spec-workflow-validate-problems');
			for (const p of list) {
				const item = items.createEl('li', 'spec-workflow-validate-problem');
				item.createSpan({ cls: `spec-workflow-severity spec-workflow-severity-${p.severity}`, text: p.severity });
				if (p.line !== undefined) item.createSpan({ cls: 'spec-workflow-validate-line', text: `line ${p.line}` });
				item.createSpan({ cls: 'spec-workflow-validate-message', text: shortMessage(p) });
				if (p.fixable) item.createSpan({ cls: 'spec-workflow-validate-fixable', text: 'fixable' });
			}
		}

		const fixable = problems.filter((p) => p.fixable).length;
		const buttons = new Setting(contentEl);
		if (fixable > 0) {
			buttons.addButton((button) =>
				button
					.setButtonText('Fix safe problems')
					.setTooltip(`Adds the missing links, registry lines and header values (${plural(fixable, 'problem')})`)
					.onClick(() => this.fix()),
			);
		}
		buttons.addButton((button) => button.setButtonText('Close').onClick(() => this.close()));
	}

	private fix(): void {
		if (this.busy) return;
		this.busy = true;
		this.fixing = this.options
			.fix()
			.then((result) => {
				if (!result) return;
				this.fixedCount += result.fixed.length;
				this.result = result;
				this.render();
			})
			.finally(() => (this.busy = false));
	}
}

/** "2 errors and 1 warning in 10 specs." */
export function summary(problems: Problem[], specs: number): string {
	if (problems.length === 0) return `No problems left in ${plural(specs, 'spec')}.`;
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter((s) => s !== '');
	return `${parts.join(' and ')} in ${plural(specs, 'spec')}.`;
}

/** Files in the order validate sorted them (by path), each with its problems. */
function groupByFile(problems: Problem[]): Map<string, Problem[]> {
	const groups = new Map<string, Problem[]>();
	for (const p of problems) {
		const list = groups.get(p.path);
		if (list) list.push(p);
		else groups.set(p.path, [p]);
	}
	return groups;
}
