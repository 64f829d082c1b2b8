import { formatDuration } from '../../core/context/duration';
import { progress as planProgress, taskProgressNote, type PlanTask, type TaskState } from '../../core/context/plan-task';
import type { ReportDeliverable } from '../../core/reports/deliverables-report';
import type { SpecProgress } from '../../core/reports/progress-rollup';
import { compareTypes } from '../../core/deliverables/spec-deliverables';
import type { StatusSession } from '../../core/reports/spec-status';
import type { SpecPanelData } from './panel-data';
import { fileName, makeTappable, panelButton, panelSection, progressBar, progressText, statusPill, tappableRow, typeLabel, updateProgressBar } from './panel-elements';
import { renderUsedBy } from './used-by';
import { renderProposal, type ProposalCommand } from './proposal-section';
import { renderSinceReview, type ReviewCommand } from './review-section';

/** The commands the panel's buttons run (ids without the plugin's prefix). */
export type PanelCommand = 'start-work' | 'resume-work' | 'log-entry' | 'add-deliverable' | 'finish-session' | 'new-spec' | ProposalCommand | ReviewCommand;

export interface SpecPanelActions {
	/** Opens a vault file (a spec, a note, a deliverable Obsidian can show). */
	open(path: string): void;
	/** Opens a deliverable: the file when Obsidian can show it, else the note that registers it. */
	openDeliverable(path: string): void;
	run(command: PanelCommand): void;
	/** Sets a plan task's state through the core; resolves to whether it was written. */
	setTask(task: PlanTask, state: TaskState): Promise<boolean>;
	/** Opens the note the task is written in at the task's line. */
	openTask(task: PlanTask): void;
	/** `5 minutes` since the session started, or null when unknown. */
	elapsed(started: string | null): string | null;
}

/** The task groups, in the order the panel shows them. */
const GROUPS: { state: TaskState; title: string }[] = [
	{ state: 'in-progress', title: 'In progress' },
	{ state: 'blocked', title: 'Blocked' },
	{ state: 'pending', title: 'Pending' },
	{ state: 'done', title: 'Completed' },
	{ state: 'cancelled', title: 'Cancelled' },
];

/** Where the progress figures come from, when not the plan's. */
const FROM_LABEL: Record<SpecProgress['from'], string | null> = {
	plan: null,
	none: null,
	checklist: 'from checklist',
	children: 'rolled up from children',
	status: 'from status',
};

/** One spec's status: header, progress, session, plan, deliverables, sessions, users, children. */
export function renderSpecPanel(root: HTMLElement, data: SpecPanelData, actions: SpecPanelActions): void {
	const s = data.status;
	root.addClass('spec-workflow-spec');
	renderHeader(root, data, actions);

	const figures = root.createDiv('spec-workflow-progress');
	const bar = progressBar(figures, s.progress);
	const line = figures.createDiv('spec-workflow-progress-line');
	const text = line.createSpan({ cls: 'spec-workflow-progress-text', text: progressText(s.progress) });
	const from = FROM_LABEL[s.progress.from];
	if (from) line.createSpan({ cls: 'spec-workflow-muted spec-workflow-progress-from', text: from });
	if (s.criteria.total > 0) {
		line.createSpan({ cls: 'spec-workflow-criteria', text: `Criteria ${s.criteria.met}/${s.criteria.total} met`, attr: { 'aria-label': 'Acceptance criteria met' } });
	}

	renderSession(root, data, actions);
	if (data.proposal) renderProposal(root, data.proposal, (command) => actions.run(command));
	renderSinceReview(root, data.review, (command) => actions.run(command));
	const onProgress = (p: SpecProgress): void => {
		updateProgressBar(bar, p);
		text.setText(progressText(p));
	};
	if (data.checklist.length > 0) renderTaskList(root, 'Checklist', data.checklist, 'checklist', actions, onProgress);
	else if (s.context !== null) renderPlan(root, data, actions, onProgress);
	renderDeliverables(root, data.deliverables, actions);
	renderSessions(root, s.sessions, s.totalMinutes);
	renderUsedBy(root, data.usedBy, actions);
	renderChildren(root, data, actions);
	if (s.lastCommit) {
		const section = panelSection(root, 'Last commit');
		section.addClass('spec-workflow-last-commit');
		const commit = section.createDiv('spec-workflow-commit');
		commit.createEl('code', { text: s.lastCommit.hash });
		if (s.lastCommit.message !== '') commit.createSpan({ text: s.lastCommit.message });
	}
}

function renderHeader(root: HTMLElement, data: SpecPanelData, actions: SpecPanelActions): void {
	const s = data.status;
	const header = root.createDiv('spec-workflow-header');
	if (data.ancestors.length > 0) {
		const crumbs = header.createDiv({ cls: 'spec-workflow-breadcrumb', attr: { 'aria-label': 'Parents' } });
		data.ancestors.forEach((a, i) => {
			// The separator and the crumb after it wrap as one, so no line ends in a dangling "›".
			const item = crumbs.createSpan('spec-workflow-crumb-item');
			if (i > 0) item.createSpan({ cls: 'spec-workflow-crumb-separator', text: '›' });
			const crumb = item.createEl('a', { cls: 'spec-workflow-crumb', text: `${a.id} ${a.title}`, attr: { href: '#' } });
			crumb.addEventListener('click', (evt) => {
				evt.preventDefault();
				actions.open(a.path);
			});
		});
	}
	const title = header.createDiv('spec-workflow-title-row');
	const name = tappableRow(title, 'spec-workflow-title', () => actions.open(s.path));
	name.createSpan({ cls: 'spec-workflow-id', text: s.id });
	name.createSpan({ cls: 'spec-workflow-title-text', text: s.title });
	const meta = header.createDiv('spec-workflow-meta');
	meta.createSpan({ cls: 'spec-workflow-type', text: typeLabel(s.type) });
	statusPill(meta, s.status);
}

function renderSession(root: HTMLElement, data: SpecPanelData, actions: SpecPanelActions): void {
	const s = data.status;
	const card = root.createDiv('spec-workflow-session-card');
	const active = s.sessions.find((x) => x.active);
	if (active) {
		card.addClass('is-active');
		card.createDiv({ cls: 'spec-workflow-session-label', text: `Session ${active.number} in progress` });
		card.createDiv({ cls: 'spec-workflow-session-title', text: active.title || 'Untitled session' });
		const elapsed = actions.elapsed(data.activeStarted);
		card.createDiv({ cls: 'spec-workflow-elapsed', text: elapsed === null ? 'Started time unknown' : `${elapsed} so far` });
		const buttons = card.createDiv('spec-workflow-buttons');
		panelButton(buttons, 'Log', () => actions.run('log-entry'));
		panelButton(buttons, 'Add deliverable', () => actions.run('add-deliverable'));
		panelButton(buttons, 'Finish', () => actions.run('finish-session'), true);
		return;
	}
	if (s.foreignContext !== null) {
		// Its context property points at another spec's journal: writing there is refused, so offer the fix, not Start.
		card.addClass('is-empty');
		card.addClass('spec-workflow-foreign-context');
		card.createDiv({ cls: 'spec-workflow-session-title', text: 'Journal belongs to another spec' });
		card.createDiv({ cls: 'spec-workflow-muted', text: s.foreignContext });
		panelButton(card.createDiv('spec-workflow-buttons'), 'Open spec', () => actions.open(s.path), true);
		return;
	}
	if (s.context === null) {
		card.addClass('is-empty');
		card.createDiv({ cls: 'spec-workflow-session-title', text: 'No plan or sessions yet' });
		card.createDiv({ cls: 'spec-workflow-muted', text: 'Start a session to write the context note with its plan.' });
		panelButton(card.createDiv('spec-workflow-buttons'), 'Start', () => actions.run('start-work'), true);
		return;
	}
	// A plan awaiting approval: Approve starts the session, so it is the one primary button, not Start.
	const awaiting = data.proposal !== null;
	card.createDiv({ cls: 'spec-workflow-session-title', text: awaiting ? 'Plan awaiting your approval' : 'No session open' });
	if (awaiting) card.createDiv({ cls: 'spec-workflow-muted', text: 'Approving the proposed plan starts the session.' });
	const buttons = card.createDiv('spec-workflow-buttons');
	panelButton(buttons, 'Start', () => actions.run('start-work'), !awaiting);
	panelButton(buttons, 'Resume', () => actions.run('resume-work'));
}

function renderPlan(root: HTMLElement, data: SpecPanelData, actions: SpecPanelActions, onProgress: (p: SpecProgress) => void): void {
	if (data.tasks.length === 0) {
		const section = panelSection(root, 'Plan', 0);
		section.addClass('spec-workflow-plan');
		section.createDiv({ cls: 'spec-workflow-empty', text: 'The plan has no tasks. Add them with "Update plan task" or when starting a session.' });
		return;
	}
	renderTaskList(root, 'Plan', data.tasks, 'plan', actions, onProgress);
}

/**
 * The spec's own tasks, grouped by state, each with a checkbox that sets its state through the
 * core: the context's plan, or for a spec without one the items of its checklists (ticked in the
 * note they are written in).
 */
function renderTaskList(
	root: HTMLElement,
	title: string,
	list: readonly PlanTask[],
	from: 'plan' | 'checklist',
	actions: SpecPanelActions,
	onProgress: (p: SpecProgress) => void,
): void {
	const section = panelSection(root, title, list.length);
	section.addClass('spec-workflow-plan');
	if (from === 'checklist') section.addClass('spec-workflow-checklist');
	// The rows keep their own copy of each task so a toggle can update them without a re-render.
	const tasks = list.map((t) => ({ ...t }));
	const own = (): SpecProgress => {
		const p = planProgress(tasks);
		return { done: p.done, total: p.total, percent: p.percent, from };
	};
	renderTaskGroups(section, tasks, (box, task) => renderTask(box, task, from, actions, () => onProgress(own())));
}

/** Tasks grouped by state, in the panel's order of states, each group headed with its count. */
function renderTaskGroups<T extends { state: TaskState }>(section: HTMLElement, tasks: readonly T[], renderRow: (box: HTMLElement, task: T) => void): void {
	for (const group of GROUPS) {
		const members = tasks.filter((t) => t.state === group.state);
		if (members.length === 0) continue;
		const box = section.createDiv({ cls: ['spec-workflow-task-group', `is-${group.state}`] });
		const head = box.createDiv('spec-workflow-group-heading');
		head.createSpan({ text: group.title });
		head.createSpan({ cls: 'spec-workflow-count', text: String(members.length) });
		for (const task of members) renderRow(box, task);
	}
}

function renderTask(parent: HTMLElement, task: PlanTask, from: 'plan' | 'checklist', actions: SpecPanelActions, changed: () => void): void {
	// Only the checkbox toggles: a tap on the text opens the task's line, so scrolling with a thumb ticks nothing.
	const row = parent.createDiv({ cls: 'spec-workflow-task', attr: { 'data-task': String(task.number) } });
	// Named by the text beside it (aria-labelledby), not an aria-label Obsidian would show as a tooltip repeating it.
	const textId = `spec-workflow-task-${from}-${task.number}`;
	const box = row.createEl('input', { cls: 'spec-workflow-checkbox', type: 'checkbox', attr: { 'aria-labelledby': textId } });
	makeTappable(row.createSpan({ cls: 'spec-workflow-task-text', text: task.text, attr: { id: textId } }), () => actions.openTask(task), `Open task ${task.number} in its note`);
	// The task's own progress, as the CLI's In Progress line shows it: `(50% complete)`.
	const note = taskProgressNote(task);
	const figure = note === null ? null : row.createSpan({ cls: 'spec-workflow-muted spec-workflow-task-progress', text: note });
	const show = (): void => {
		box.checked = task.state === 'done';
		row.setAttr('data-state', task.state);
		figure?.toggle(task.state === 'in-progress');
	};
	show();
	box.addEventListener('change', () => {
		// Done ↔ not done; a task that was in progress or blocked becomes done, and when unticked, pending.
		const next: TaskState = task.state === 'done' ? 'pending' : 'done';
		box.disabled = true;
		void actions.setTask(task, next).then((ok) => {
			box.disabled = false;
			if (ok) task.state = next;
			show();
			if (ok) changed();
		});
	});
}

function renderDeliverables(root: HTMLElement, deliverables: readonly ReportDeliverable[], actions: SpecPanelActions): void {
	const present = deliverables.filter((d) => d.exists).length;
	const section = panelSection(root, 'Deliverables', present);
	section.addClass('spec-workflow-deliverables');
	if (deliverables.length === 0) {
		section.createDiv({ cls: 'spec-workflow-empty', text: 'None yet. Add scripts, docs and config files with "Add deliverable" during a session.' });
		return;
	}
	const types = [...new Set(deliverables.map((d) => d.type))].sort(compareTypes);
	for (const type of types) {
		const members = deliverables.filter((d) => d.type === type);
		const group = section.createDiv({ cls: 'spec-workflow-deliverable-group', attr: { 'data-type': type } });
		const head = group.createDiv('spec-workflow-group-heading');
		head.createSpan({ text: typeLabel(type) });
		head.createSpan({ cls: 'spec-workflow-count', text: String(members.filter((d) => d.exists).length) });
		for (const d of members) {
			const name = fileName(d.path);
			const row = d.exists ? tappableRow(group, 'spec-workflow-deliverable', () => actions.openDeliverable(d.path), `Open ${name}`) : group.createDiv('spec-workflow-deliverable');
			row.setAttr('data-path', d.path);
			const label = row.createDiv('spec-workflow-deliverable-label');
			label.createSpan({ cls: 'spec-workflow-deliverable-title', text: d.title });
			if (d.title !== name) label.createSpan({ cls: 'spec-workflow-file-name', text: name });
			if (!d.exists) flag(row, 'is-missing', 'Missing', 'Registered, but the file is gone');
			else if (d.traceback === false) flag(row, 'is-no-traceback', 'No traceback', 'The file does not name the spec it comes from');
		}
	}
}

function flag(row: HTMLElement, cls: string, text: string, label: string): void {
	row.addClass(cls);
	row.createSpan({ cls: ['spec-workflow-flag', cls], text, attr: { 'aria-label': label } });
}

function renderSessions(root: HTMLElement, sessions: readonly StatusSession[], totalMinutes: number): void {
	const section = panelSection(root, 'Sessions', sessions.length);
	section.addClass('spec-workflow-sessions');
	if (sessions.length === 0) {
		section.createDiv({ cls: 'spec-workflow-empty', text: 'No sessions yet.' });
		return;
	}
	for (const s of sessions) {
		const row = section.createDiv({ cls: s.active ? ['spec-workflow-session', 'is-active'] : 'spec-workflow-session', attr: { 'data-session': String(s.number) } });
		const top = row.createDiv('spec-workflow-session-top');
		top.createSpan({ cls: 'spec-workflow-session-date', text: s.date ?? `Session ${s.number}` });
		top.createSpan({ cls: 'spec-workflow-session-duration', text: s.minutes === null ? '—' : formatDuration(s.minutes) + (s.active ? ' so far' : '') });
		const bottom = row.createDiv('spec-workflow-session-bottom');
		bottom.createSpan({ cls: 'spec-workflow-session-name', text: s.title || `Session ${s.number}` });
		if (s.status) bottom.createSpan({ cls: ['spec-workflow-session-status', `is-${s.status}`], text: s.status });
	}
	const total = section.createDiv('spec-workflow-total');
	total.createSpan({ text: 'Total' });
	total.createSpan({ text: formatDuration(totalMinutes) });
}

function renderChildren(root: HTMLElement, data: SpecPanelData, actions: SpecPanelActions): void {
	const children = data.status.children;
	if (children.length === 0) return;
	const section = panelSection(root, 'Children', children.length);
	section.addClass('spec-workflow-children');
	for (const c of children) {
		const path = data.childPaths[c.id];
		const row = tappableRow(section, 'spec-workflow-child', () => actions.open(path));
		row.setAttr('data-id', c.id);
		const top = row.createDiv('spec-workflow-child-top');
		top.createSpan({ cls: 'spec-workflow-id', text: c.id });
		top.createSpan({ cls: 'spec-workflow-child-title', text: c.title });
		statusPill(top, c.status);
		const figures = row.createDiv('spec-workflow-child-progress');
		progressBar(figures, c.progress, 'spec-workflow-bar is-small');
		figures.createSpan({ cls: 'spec-workflow-progress-text', text: progressText(c.progress) });
	}
}
