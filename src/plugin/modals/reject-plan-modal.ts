import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import { Submission } from './submission';

/** Why the proposed plan is rejected: the reason is written in the journal for the agent to read. */
export class RejectPlanModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();
	private reason = '';

	constructor(
		app: App,
		private readonly heading: string,
		private readonly tasks: readonly string[],
		private readonly onReject: (reason: string) => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle(this.heading);
		const list = contentEl.createEl('ol', { cls: 'spec-workflow-proposal-tasks' });
		for (const task of this.tasks) list.createEl('li', { text: task });
		new Setting(contentEl)
			.setName('Reason')
			.setDesc('What the agent should change; written in the journal with the rejected plan.')
			.setClass('spec-workflow-textarea-setting')
			.addTextArea((t) => t.setPlaceholder('Split the second task first').onChange((v) => (this.reason = v)));
		new Setting(contentEl).addButton((button: ButtonComponent) =>
			button
				.setButtonText('Reject plan')
				.setCta()
				.onClick(() => this.submission.run(this, () => this.onReject(this.reason), button)),
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
