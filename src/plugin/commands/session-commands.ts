import { Notice } from 'obsidian';
import { formatDuration } from '../../core/context/duration';
import { Spec } from '../../core/index/spec';
import { FINISH } from '../../core/operations/finish';
import { RESUME } from '../../core/operations/resume';
import { TASK } from '../../core/operations/task';
import { LOG } from '../../core/operations/log';
import { noActiveSession } from '../../core/edits/session-edits';
import { FinishSessionModal } from '../modals/finish-session-modal';
import { LogEntryModal } from '../modals/log-entry-modal';
import { ResumeModal } from '../modals/resume-modal';
import { StartSessionModal } from '../modals/start-session-modal';
import { pickTask, pickTaskState } from '../modals/task-pickers';
import { readSpecContext } from '../shared/spec-context';
import { pickSpec } from '../shared/spec-picker';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { TASK_STATE_LABEL } from '../shared/task-marks';
import { workBegunLine } from '../../core/edits/work-begins';
import { completedLine } from '../../core/text/call-text';
import { activeSpec, failureMessage, runOperation, specForCommand } from './command-context';
import { commitText } from './commit-commands';
import { beginSession, noticeStarted, startedMessage, startModalData } from './session-start';
import { addSpecCommand } from './spec-command';

/** Start, resume, log, update a task, finish: the session's commands. */
export function registerSessionCommands(plugin: SpecWorkflowPlugin): void {
	addSpecCommand(plugin, { id: 'start-work', name: 'Start work on spec…', placeholder: 'Choose a spec to work on', flow: startWork, choose: chooseToStart, detached: true });
	addSpecCommand(plugin, { id: 'resume-work', name: 'Resume work on spec…', placeholder: 'Choose a spec to resume', flow: resumeWork, detached: true });
	addSpecCommand(plugin, { id: 'log-entry', name: 'Log to current session…', placeholder: 'Choose a spec to log to', flow: logToSession, detached: true });
	addSpecCommand(plugin, { id: 'update-task', name: 'Update plan task…', placeholder: 'Choose a spec', flow: updateTask, detached: true });
	addSpecCommand(plugin, { id: 'finish-session', name: 'Finish session…', placeholder: 'Choose a spec', flow: finishWork, detached: true });
}

/** Always the picker, with the active note's spec first; with no specs at all, the usual Notice. */
async function chooseToStart(plugin: SpecWorkflowPlugin): Promise<Spec | null> {
	await plugin.indexReady;
	return plugin.index.size === 0 ? specForCommand(plugin) : pickSpec(plugin.app, plugin.index, await activeSpec(plugin), 'Choose a spec to work on');
}

/** The active session's number, or null after the core's "no active session" Notice. */
async function activeSessionOf(plugin: SpecWorkflowPlugin, spec: Spec): Promise<number | null> {
	const current = await readSpecContext(plugin, spec);
	if (current?.active) return current.active.number;
	new Notice(failureMessage(noActiveSession(spec, current?.path)));
	return null;
}

/** The start modal for the spec: title, participants and the plan items to add. */
export async function startWork(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	new StartSessionModal(plugin.app, await startModalData(plugin, spec), async (input) => {
		const result = await beginSession(plugin, { id: spec.id, title: input.title, participants: input.participants, plan: input.plan });
		if (result) noticeStarted(result);
		return result !== null;
	}).open();
}

/** The resume brief of the spec, from which a session starts (optionally with a task in progress). */
export async function resumeWork(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const brief = await runOperation(plugin, (ws) => RESUME.run(ws, { id: spec.id }, undefined));
	if (!brief) return;
	new ResumeModal(plugin.app, brief, async (task) => {
		// The task is checked (and set in progress) first, by its number and the text the brief
		// showed: a plan changed since is refused before the session is started, so nothing is written.
		if (task && !(await runOperation(plugin, (ws) => TASK.run(ws, { id: spec.id, task: String(task.number), state: 'in-progress', expectText: task.text }, undefined))))
			return false;
		const result = await beginSession(plugin, { id: spec.id });
		if (!result) return false;
		new Notice(startedMessage(result) + (task ? `, task ${task.number} in progress` : ''));
		return true;
	}).open();
}

/** The log modal for the spec's active session. */
export async function logToSession(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const session = await activeSessionOf(plugin, spec);
	if (session === null) return;
	new LogEntryModal(plugin.app, `Log to session ${session} of ${spec.id}`, async (input) => {
		const result = await runOperation(plugin, (ws) =>
			LOG.run(
				ws,
				input.section === 'commits'
					? { id: spec.id, section: 'commits', text: commitText(input) }
					: { id: spec.id, section: input.section, text: input.text, resolution: input.section === 'issues' ? input.resolution : undefined },
				undefined,
			),
		);
		if (!result) return false;
		const message =
			result.written.length === 0
				? `Commit ${input.hash.trim()} is already in session ${result.session}`
				: `Logged to session ${result.session} › ${result.heading}${workBegunLine(result.workBegun)}`;
		new Notice(message);
		return true;
	}).open();
}

async function updateTask(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const tasks = (await readSpecContext(plugin, spec))?.context.tasks ?? [];
	if (tasks.length === 0) {
		new Notice(`Spec ${spec.id} has no plan tasks yet: add them with "Start work on spec…"`);
		return;
	}
	const task = await pickTask(plugin.app, tasks);
	if (!task) return;
	const state = await pickTaskState(plugin.app, task);
	if (!state) return;
	// By number and the text picked: a plan changed while the pickers were open is refused.
	const result = await runOperation(plugin, (ws) => TASK.run(ws, { id: spec.id, task: String(task.number), state, expectText: task.text }, undefined));
	if (!result) return;
	const t = result.task;
	new Notice(`Task ${t.number} "${t.text}" ${result.written.length === 0 ? 'is already' : 'is now'} ${TASK_STATE_LABEL[t.state]}${workBegunLine(result.workBegun)}`);
}

/** The finish modal for the spec's active session. */
export async function finishWork(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const session = await activeSessionOf(plugin, spec);
	if (session === null) return;
	new FinishSessionModal(plugin.app, `Finish session ${session} of ${spec.id}`, async (input) => {
		const result = await runOperation(plugin, (ws) => FINISH.run(ws, { id: spec.id, status: input.status, summary: input.summary, complete: input.complete }, {}));
		if (!result) return false;
		const time = result.minutes === null ? '' : ` after ${formatDuration(result.minutes)}`;
		const change = completedLine(result);
		new Notice(`Session ${result.session} on ${spec.id} ${result.status}${time}${change === '' ? '' : `\n${change}`}`);
		return true;
	}).open();
}
