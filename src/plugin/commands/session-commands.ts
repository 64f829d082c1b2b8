import { Notice } from 'obsidian';
import { formatDuration } from '../../core/context/duration';
import { Spec } from '../../core/index/spec';
import { finishSession } from '../../core/workflow/finish-session';
import { logEntry, recordCommit } from '../../core/workflow/log-entry';
import { resumeBrief } from '../../core/workflow/resume';
import { noActiveSession } from '../../core/workflow/session-edits';
import { setTaskState } from '../../core/workflow/set-task-state';
import { requireSpec } from '../../core/workflow/workspace';
import { FinishSessionModal } from '../modals/finish-session-modal';
import { LogEntryModal } from '../modals/log-entry-modal';
import { ResumeModal } from '../modals/resume-modal';
import { StartSessionModal } from '../modals/start-session-modal';
import { pickTask, pickTaskState } from '../modals/task-pickers';
import { readSpecContext } from '../spec-context';
import { pickSpec } from '../spec-picker';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { TASK_STATE_LABEL } from '../task-marks';
import { workBegunLine } from '../../core/workflow/work-begins';
import { activeSpec, failureMessage, runOperation, specForCommand } from './command-context';
import { beginSession, noticeStarted, startedMessage } from './session-start';

/** Start, resume, log, update a task, finish: the session's commands. */
export function registerSessionCommands(plugin: SpecWorkflowPlugin): void {
	const add = (id: string, name: string, flow: (plugin: SpecWorkflowPlugin) => Promise<void>) =>
		plugin.addCommand({ id, name, callback: () => launch(flow(plugin)) });
	add('start-work', 'Start work on spec…', startWork);
	add('resume-work', 'Resume work on spec…', resumeWork);
	add('log-entry', 'Log to current session…', logToSession);
	add('update-task', 'Update plan task…', updateTask);
	add('finish-session', 'Finish session…', finishWork);
}

/** The flows wait on the user; a command returns at once and any unexpected failure becomes a Notice. */
function launch(flow: Promise<void>): void {
	flow.catch((e: unknown) => new Notice(failureMessage(e)));
}

/** The spec, checked as the core will check it (unknown, duplicate id, broken properties) before asking for more. */
async function usable(plugin: SpecWorkflowPlugin, spec: Spec | null): Promise<Spec | null> {
	if (!spec) return null;
	return runOperation(plugin, (ws) => Promise.resolve(requireSpec(ws, spec.id)));
}

/** The active session's number, or null after the core's "no active session" Notice. */
async function activeSessionOf(plugin: SpecWorkflowPlugin, spec: Spec): Promise<number | null> {
	const current = await readSpecContext(plugin, spec);
	if (current?.active) return current.active.number;
	new Notice(failureMessage(noActiveSession(spec, current?.path)));
	return null;
}

async function startWork(plugin: SpecWorkflowPlugin): Promise<void> {
	await plugin.indexReady;
	// Always the picker, with the active note's spec first; with no specs at all, the usual Notice.
	const chosen = plugin.index.size === 0 ? await specForCommand(plugin) : await pickSpec(plugin.app, plugin.index, activeSpec(plugin), 'Choose a spec to work on');
	const spec = await usable(plugin, chosen);
	if (!spec) return;
	const current = await readSpecContext(plugin, spec);
	const data = {
		spec,
		existingTasks: current?.context.tasks ?? [],
		activeSession: current?.active?.number ?? null,
		participants: plugin.settings.defaultParticipants,
	};
	new StartSessionModal(plugin.app, data, async (input) => {
		const result = await beginSession(plugin, { id: spec.id, title: input.title, participants: input.participants, plan: input.plan });
		if (result) noticeStarted(result);
		return result !== null;
	}).open();
}

async function resumeWork(plugin: SpecWorkflowPlugin): Promise<void> {
	const spec = await usable(plugin, await specForCommand(plugin, 'Choose a spec to resume'));
	if (!spec) return;
	const brief = await runOperation(plugin, (ws) => resumeBrief(ws, spec.id));
	if (!brief) return;
	new ResumeModal(plugin.app, brief, async (task) => {
		// The task is checked (and set in progress) first, by its number and the text the brief
		// showed: a plan changed since is refused before the session is started, so nothing is written.
		if (task && !(await runOperation(plugin, (ws) => setTaskState(ws, { id: spec.id, task: String(task.number), state: 'in-progress', expectText: task.text })))) return false;
		const result = await beginSession(plugin, { id: spec.id });
		if (!result) return false;
		new Notice(startedMessage(result) + (task ? `, task ${task.number} in progress` : ''));
		return true;
	}).open();
}

async function logToSession(plugin: SpecWorkflowPlugin): Promise<void> {
	const spec = await usable(plugin, await specForCommand(plugin, 'Choose a spec to log to'));
	if (!spec) return;
	const session = await activeSessionOf(plugin, spec);
	if (session === null) return;
	new LogEntryModal(plugin.app, `Log to session ${session} of ${spec.id}`, async (input) => {
		const result = await runOperation(plugin, (ws) =>
			input.section === 'commits'
				? recordCommit(ws, { id: spec.id, hash: input.hash, message: input.message })
				: logEntry(ws, { id: spec.id, section: input.section, text: input.text, resolution: input.section === 'issues' ? input.resolution : undefined }),
		);
		if (!result) return false;
		const message =
			result.written.length === 0 ? `Commit ${input.hash.trim()} is already in session ${result.session}` : `Logged to session ${result.session} › ${result.heading}${workBegunLine(result.workBegun)}`;
		new Notice(message);
		return true;
	}).open();
}

async function updateTask(plugin: SpecWorkflowPlugin): Promise<void> {
	const spec = await usable(plugin, await specForCommand(plugin, 'Choose a spec'));
	if (!spec) return;
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
	const result = await runOperation(plugin, (ws) => setTaskState(ws, { id: spec.id, task: String(task.number), state, expectText: task.text }));
	if (!result) return;
	const t = result.task;
	new Notice(`Task ${t.number} "${t.text}" ${result.written.length === 0 ? 'is already' : 'is now'} ${TASK_STATE_LABEL[t.state]}${workBegunLine(result.workBegun)}`);
}

async function finishWork(plugin: SpecWorkflowPlugin): Promise<void> {
	const spec = await usable(plugin, await specForCommand(plugin, 'Choose a spec'));
	if (!spec) return;
	const session = await activeSessionOf(plugin, spec);
	if (session === null) return;
	new FinishSessionModal(plugin.app, `Finish session ${session} of ${spec.id}`, async (input) => {
		const result = await runOperation(plugin, (ws) => finishSession(ws, { id: spec.id, status: input.status, summary: input.summary, complete: input.complete }));
		if (!result) return false;
		const time = result.minutes === null ? '' : ` after ${formatDuration(result.minutes)}`;
		new Notice(`Session ${result.session} on ${spec.id} ${result.status}${time}${input.complete ? ', spec marked completed' : ''}`);
		return true;
	}).open();
}
