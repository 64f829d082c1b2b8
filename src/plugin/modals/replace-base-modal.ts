import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import { styleDestructive } from '../shared/destructive-button';

/** Asks before replacing a specs base that exists and differs: the user's edits to it would be lost. */
export class ReplaceBaseModal extends Modal {
	/** The replacement in progress, if any (tests await it after pressing the button). */
	replacing: Promise<void> = Promise.resolve();

	constructor(
		app: App,
		private readonly path: string,
		private readonly onReplace: () => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle('Replace the specs base?');
		this.contentEl.addClass('spec-workflow-modal');
		this.contentEl.createEl('p', {
			text: `${this.path} exists and differs from the base Spec Workflow writes. Replacing it loses the views and filters you changed in it.`,
		});
		new Setting(this.contentEl)
			.addButton((button: ButtonComponent) =>
				styleDestructive(button.setButtonText('Replace')).onClick(() => {
					button.setDisabled(true);
					this.replacing = this.onReplace().then((ok) => {
						if (ok) this.close();
						else button.setDisabled(false);
					});
				}),
			)
			.addButton((button) => button.setButtonText('Keep mine').onClick(() => this.close()));
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
