import { App, ButtonComponent, Modal, Setting } from 'obsidian';
import type { ResumeBrief, ResumeTask } from '../../core/reports/resume';
import { resumeSessionLine, resumeTaskLine } from '../../core/text/resume-text';
import { specHeadingTitle } from '../../core/templates/spec-templates';
import { Submission } from './submission';

/**
 * The core's resume brief: previous sessions, progress, last activity and the remaining tasks,
 * with a button to continue from the next task (or just to start or continue a session when no
 * task is waiting). `onContinue` says whether it worked; the modal stays open when it did not.
 */
export class ResumeModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();

	constructor(
		app: App,
		private readonly brief: ResumeBrief,
		private readonly onContinue: (task: ResumeTask | null) => Promise<boolean>,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl, brief } = this;
		this.setTitle(`Resume work on ${specHeadingTitle(brief.id, brief.title)}`);

		new Setting(contentEl).setName('Previous sessions').setHeading();
		const sessions = contentEl.createEl('ul', { cls: 'spec-workflow-resume-sessions' });
		if (brief.sessions.length === 0) sessions.createEl('li', { cls: 'spec-workflow-muted', text: 'No sessions yet.' });
		for (const s of brief.sessions) sessions.createEl('li', { text: resumeSessionLine(s) });

		new Setting(contentEl).setName('Progress').setHeading();
		const { done, total, percent } = brief.progress;
		contentEl.createEl('p', { cls: 'spec-workflow-resume-progress', text: total === 0 ? 'No plan yet.' : `${done}/${total} tasks completed (${percent}%)` });
		if (brief.lastActivity) contentEl.createEl('p', { cls: 'spec-workflow-resume-activity', text: `Last activity: ${brief.lastActivity}` });

		new Setting(contentEl).setName('Remaining tasks').setHeading();
		const tasks = contentEl.createEl('ul', { cls: 'spec-workflow-resume-tasks' });
		if (brief.remainingTasks.length === 0) tasks.createEl('li', { cls: 'spec-workflow-muted', text: total === 0 ? 'None: the plan is empty.' : 'None: every task is done.' });
		for (const t of brief.remainingTasks) tasks.createEl('li', { text: resumeTaskLine(t) });

		const next = brief.nextTask;
		new Setting(contentEl)
			.addButton((button: ButtonComponent) =>
				button
					.setButtonText(next ? `Continue from task ${next.number}` : continueText(brief))
					.setCta()
					.onClick(() => this.submission.run(this, () => this.onContinue(next), button)),
			)
			.addButton((button) => button.setButtonText('Close').onClick(() => this.close()));
	}

	onClose(): void {
		this.contentEl.empty();
	}
}

function continueText(brief: ResumeBrief): string {
	return brief.activeSession === null ? 'Start a session' : `Continue session ${brief.activeSession}`;
}
