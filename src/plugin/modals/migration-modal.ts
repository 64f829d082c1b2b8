import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import { styleDestructive } from '../shared/destructive-button';
import { planSummary } from '../../core/text/migration-text';
import type { MigrationLog } from '../../core/migration/migration-log';
import { blockingProblems, type MigrationPlan } from '../../core/migration/migration-types';

export type ProgressReporter = (done: number, total: number) => Promise<void>;

/**
 * The migration plan, as `spec-work migrate` prints it: every move, every link rewrite, every
 * journal merged and every problem, in folding sections. "Migrate" applies it (not offered while
 * an error blocks it) and shows a progress bar while the files move.
 */
export class MigrationModal extends Modal {
	/** The migration in progress, if any (tests await it after pressing the button). */
	applying: Promise<void> = Promise.resolve();

	constructor(
		app: App,
		private readonly plan: MigrationPlan,
		/** Applies the plan; true when it went through (the modal then closes). */
		private readonly onApply: (progress: ProgressReporter) => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, plan } = this;
		this.setTitle('Migrate specs to the new layout');
		contentEl.addClass('spec-workflow-modal', 'spec-workflow-migration');
		const blocking = blockingProblems(plan);
		contentEl.createEl('p', { cls: 'spec-workflow-migration-summary', text: `${planSummary(plan)}.` });
		if (blocking.length > 0) {
			contentEl.createEl('p', {
				cls: 'spec-workflow-migration-blocked',
				text: `Fix the ${blocking.length === 1 ? 'error' : `${blocking.length} errors`} below first; nothing will be changed until then.`,
			});
		}
		if (plan.problems.length > 0) {
			this.section(
				`Problems (${plan.problems.length})`,
				plan.problems.map((p) => `${p.severity}: ${p.message}`),
				true,
			);
		}
		this.section(
			`Moves (${plan.moves.length})`,
			plan.moves.map((m) => `${m.from} → ${m.to}`),
			false,
		);
		const linkEdits = plan.edits.filter((e) => e.links.length > 0);
		const links = linkEdits.reduce((n, e) => n + e.links.length, 0);
		this.section(
			`Link rewrites (${links} in ${linkEdits.length} file${linkEdits.length === 1 ? '' : 's'})`,
			linkEdits.flatMap((e) => e.links.map((l) => `${e.path} line ${l.line}: ${l.from} → ${l.to}`)),
			false,
		);
		if (plan.merges.length > 0) {
			this.section(
				`Journals appended as sessions (${plan.merges.length})`,
				plan.merges.map((m) => `${m.journal} → ${m.into}`),
				false,
			);
		}
		const buttons = new Setting(contentEl);
		if (blocking.length === 0) {
			buttons.addButton((button: ButtonComponent) =>
				button
					.setButtonText('Migrate')
					.setCta()
					.onClick(() => this.apply(button)),
			);
		}
		buttons.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()));
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private section(title: string, lines: string[], open: boolean): void {
		const details = this.contentEl.createEl('details', { cls: 'spec-workflow-migration-section' });
		details.open = open;
		details.createEl('summary', { text: title });
		const list = details.createEl('ul', 'spec-workflow-migration-list');
		for (const line of lines) list.createEl('li', { text: line });
	}

	private apply(button: ButtonComponent): void {
		button.setDisabled(true);
		const progress = progressBar(this.contentEl, 'Migrating');
		this.applying = this.onApply(progress).then((ok) => {
			if (ok) this.close();
			else {
				button.setDisabled(false);
				this.contentEl.querySelector('.spec-workflow-migration-progress')?.remove();
				this.contentEl.querySelector('.spec-workflow-migration-progress-label')?.remove();
			}
		});
	}
}

/**
 * Shown instead of a new plan when the last migration was interrupted (Obsidian closed mid-way):
 * says so, and offers to finish it (Resume) or undo it (Revert), both from its log.
 */
export class UnfinishedMigrationModal extends Modal {
	/** The resume or revert in progress, if any (tests await it after pressing a button). */
	working: Promise<void> = Promise.resolve();

	constructor(
		app: App,
		private readonly logPath: string,
		private readonly log: MigrationLog,
		private readonly onResume: (progress: ProgressReporter) => Promise<boolean>,
		private readonly onRevert: () => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, log } = this;
		this.setTitle('Unfinished migration');
		contentEl.addClass('spec-workflow-modal', 'spec-workflow-migration');
		const when = log.applied.replace('T', ' ').slice(0, 16);
		contentEl.createEl('p', {
			cls: 'spec-workflow-migration-summary',
			text: `The migration of ${when} was interrupted before it finished (${this.logPath}): of ${log.moves.length} moves and ${log.edits.length} edits, some are done. Resume it to finish the migration, or revert it to get the vault back as it was.`,
		});
		const buttons = new Setting(contentEl);
		const all: ButtonComponent[] = [];
		const run = (action: () => Promise<boolean>): void => {
			for (const b of all) b.setDisabled(true);
			this.working = action().then((ok) => {
				if (ok) this.close();
				else for (const b of all) b.setDisabled(false);
			});
		};
		buttons.addButton((button) => {
			all.push(button);
			button
				.setButtonText('Resume')
				.setCta()
				.onClick(() => run(() => this.onResume(progressBar(this.contentEl, 'Finishing the migration'))));
		});
		buttons.addButton((button) => {
			all.push(button);
			styleDestructive(button.setButtonText('Revert')).onClick(() => run(this.onRevert));
		});
		buttons.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()));
	}

	onClose(): void {
		this.contentEl.empty();
	}
}

/** A progress bar and its label under the modal's content, fed step by step. */
function progressBar(contentEl: HTMLElement, what: string): ProgressReporter {
	const bar = contentEl.createEl('progress', { cls: 'spec-workflow-migration-progress' });
	const label = contentEl.createEl('p', { cls: 'spec-workflow-migration-progress-label', text: `${what}…` });
	return async (done, total) => {
		bar.max = total;
		bar.value = done;
		label.setText(`${what}: ${done} of ${total} steps`);
		// Let Obsidian paint the bar now and then on a large vault.
		if (done % 50 === 0) await new Promise((resolve) => window.setTimeout(resolve, 0));
	};
}
