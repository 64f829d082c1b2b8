import { Notice, Platform } from 'obsidian';
import { START } from '../../core/operations/start';
import { specTasks } from '../../core/reports/progress-rollup';
import type { Spec } from '../../core/index/spec';
import type { StartOptions, StartResult } from '../../core/workflow/start-session';
import type { StartSessionData } from '../modals/start-session-modal';
import { readSpecContext } from '../shared/spec-context';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { openFile, runOperation } from './command-context';

/** The status panel's view type (the panel itself comes with the sidebar view). */
export const STATUS_VIEW_TYPE = 'spec-workflow-status';

/** The plugin once it has a status panel to reveal. */
interface WithStatusPanel {
	revealStatusPanel?(): Promise<void> | void;
}

/**
 * What the start modal shows of the spec: its tasks so far (the plan, or the checklist a spec without
 * one keeps, which is where the core adds the new tasks), the session still open, the default participants.
 */
export async function startModalData(plugin: SpecWorkflowPlugin, spec: Spec): Promise<StartSessionData> {
	const current = await readSpecContext(plugin, spec);
	const own = await specTasks(plugin.workspace(), spec);
	return {
		spec,
		existingTasks: own.tasks,
		tasksFrom: own.from,
		activeSession: current?.active?.number ?? null,
		participants: plugin.settings.defaultParticipants,
	};
}

/**
 * Starts or continues a session through the core, then does what a user expects after starting:
 * the context note opens (when the setting says so) and the status panel comes into view (on a
 * phone only when its setting says so).
 * Returns null after a failure, which the Notice has already explained.
 */
export async function beginSession(plugin: SpecWorkflowPlugin, options: StartOptions): Promise<StartResult | null> {
	const result = await runOperation(plugin, (ws) => START.run(ws, options, undefined));
	if (!result) return null;
	if (plugin.settings.openContextAfterStart) await openFile(plugin, result.contextPath);
	// On a phone the panel is a drawer that would cover the note just opened.
	if (!Platform.isPhone || plugin.settings.revealPanelAfterStartOnPhone) await revealStatusPanel(plugin);
	return result;
}

/** `Started session 3 on 1014`, `Continuing session 2 on 1014, 2 plan tasks added`, `…; 1014 reopened (was completed)` */
export function startedMessage(result: StartResult): string {
	const what = result.continued ? 'Continuing' : 'Started';
	const added = result.planAdded === 0 ? '' : `, ${result.planAdded} plan task${result.planAdded === 1 ? '' : 's'} added`;
	// Starting work on a completed spec reopens it: a change the user should not discover later.
	const reopened = result.statusChange?.reopened ? `; ${result.spec.id} reopened (was ${result.statusChange.from ?? 'completed'})` : '';
	return `${what} session ${result.session.number} on ${result.spec.id}${added}${reopened}`;
}

export function noticeStarted(result: StartResult, extra = ''): void {
	new Notice(startedMessage(result) + extra);
}

/** Shows the status panel when there is one; a no-op until the sidebar view exists. */
async function revealStatusPanel(plugin: SpecWorkflowPlugin): Promise<void> {
	const withPanel = plugin as WithStatusPanel;
	if (withPanel.revealStatusPanel) {
		await withPanel.revealStatusPanel();
		return;
	}
	const leaf = plugin.app.workspace.getLeavesOfType(STATUS_VIEW_TYPE)[0];
	if (leaf) await plugin.app.workspace.revealLeaf(leaf);
}
