import { Notice, TFile } from 'obsidian';
import type { PlanTask, TaskState } from '../../core/context/plan-task';
import { lineAt } from '../../core/metadata/frontmatter';
import { TASK } from '../../core/operations/task';
import { specTasks } from '../../core/reports/progress-rollup';
import type { SetTaskStateResult } from '../../core/workflow/set-task-state';
import { runOperation } from '../commands/command-context';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';

/** How long the notice with Undo stays: long enough to reach its button on a phone. */
export const UNDO_NOTICE_MS = 8000;

const STATE_WORDS: Record<TaskState, string> = {
	pending: 'not done',
	'in-progress': 'in progress',
	done: 'done',
	blocked: 'blocked',
	cancelled: 'cancelled',
};

/**
 * Opens the note a task is written in with the cursor on the task's line (Obsidian scrolls an
 * editor to `eState.line`, 0-based). The note is read again, so the line is right even if the
 * note changed since the panel was drawn.
 */
export async function openTaskLine(plugin: SpecWorkflowPlugin, id: string, task: PlanTask): Promise<void> {
	const ws = plugin.workspace();
	const spec = ws.index.get(id);
	if (!spec) return;
	const own = await specTasks(ws, spec);
	const found = own.tasks.find((t) => t.number === task.number && t.text === task.text) ?? own.tasks.find((t) => t.text === task.text);
	const file = found ? plugin.app.vault.getFileByPath(found.path) : null;
	if (!found || !(file instanceof TFile)) {
		new Notice(`The task "${task.text}" is no longer in the plan.`);
		return;
	}
	const text = await ws.store.read(found.path);
	await plugin.app.workspace.getLeaf(false).openFile(file, { eState: { line: lineAt(text, found.lineStart) - 1 } });
}

/**
 * Tells that a task changed, with an Undo button that sets it back to its previous state through
 * the same operation (a tap on a checkbox is easy to make by mistake on a phone).
 */
export function noticeTaskSet(plugin: SpecWorkflowPlugin, id: string, result: SetTaskStateResult, track: (write: Promise<unknown>) => void): void {
	const { task } = result;
	const fragment = createFragment((f) => {
		f.createSpan({ text: `"${task.text}" marked ${STATE_WORDS[task.state]}. ` });
	});
	const undo = fragment.createEl('button', { cls: 'spec-workflow-undo', text: 'Undo' });
	const notice = new Notice(fragment, UNDO_NOTICE_MS);
	undo.addEventListener('click', (evt) => {
		evt.stopPropagation();
		notice.hide();
		track(runOperation(plugin, (ws) => TASK.run(ws, { id, task: String(task.number), state: task.previous, expectText: task.text }, undefined)));
	});
}
