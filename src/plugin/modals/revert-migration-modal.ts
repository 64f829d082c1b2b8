import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import { styleDestructive } from '../shared/destructive-button';
import type { MigrationLog } from '../../core/migration/migration-log';

/** Asks before undoing the last migration, saying what it will move back and restore. */
export class RevertMigrationModal extends Modal {
	/** The revert in progress, if any (tests await it after pressing the button). */
	reverting: Promise<void> = Promise.resolve();

	constructor(
		app: App,
		private readonly logPath: string,
		private readonly log: MigrationLog,
		private readonly onRevert: () => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, log } = this;
		this.setTitle('Revert last migration');
		contentEl.addClass('spec-workflow-modal', 'spec-workflow-migration');
		const when = log.applied.replace('T', ' ').slice(0, 16);
		contentEl.createEl('p', {
			cls: 'spec-workflow-migration-summary',
			text: log.finished
				? `The migration of ${when} (${this.logPath}): ${log.moves.length} file${log.moves.length === 1 ? '' : 's'} move back and ${log.edits.length} get their text from before it.`
				: `The interrupted migration of ${when} (${this.logPath}): of its ${log.moves.length} moves and ${log.edits.length} edits, those done are undone.`,
		});
		new Setting(contentEl)
			.addButton((button: ButtonComponent) =>
				styleDestructive(button.setButtonText('Revert')).onClick(() => {
					button.setDisabled(true);
					this.reverting = this.onRevert().then((ok) => {
						if (ok) this.close();
						else button.setDisabled(false);
					});
				}),
			)
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()));
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
