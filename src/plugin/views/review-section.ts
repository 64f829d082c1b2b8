import type { DeliverableDrift } from '../../core/deliverables/deliverable-drift';
import { inboxSummary } from '../../core/review/review-inbox';
import { hasChanges, type MovedTask, type SinceReview } from '../../core/review/since-review';
import { fileName, panelButton, panelSection, tappableRow } from './panel-elements';

/** The panel's review buttons: the commands "Mark spec reviewed" and "Accept changed deliverables" run. */
export type ReviewCommand = 'mark-reviewed' | 'accept-changes';

/** How many inbox lines the overview shows before "Show all". */
export const INBOX_LINES = 5;

/**
 * The overview's Review section: every spec with something new since its review, newest first,
 * one line each with what is new; tapping a line opens the spec (and so its panel). Nothing is
 * drawn when the inbox is empty.
 */
export function renderReviewInbox(root: HTMLElement, inbox: readonly SinceReview[], open: (path: string) => void): void {
	const shown = inbox;
	if (shown.length === 0) return;
	const section = panelSection(root, 'Review', shown.length);
	section.addClass('spec-workflow-review-inbox');
	const list = section.createDiv('spec-workflow-review-lines');
	const draw = (all: boolean): void => {
		list.empty();
		for (const s of all ? shown : shown.slice(0, INBOX_LINES)) {
			const row = tappableRow(list, 'spec-workflow-review-line', () => open(s.path), `Review ${s.id} ${s.title}`);
			row.setAttr('data-id', s.id);
			row.createSpan({ cls: 'spec-workflow-id', text: s.id });
			row.createSpan({ cls: 'spec-workflow-review-line-title', text: s.title });
			row.createSpan({ cls: 'spec-workflow-muted spec-workflow-review-summary', text: inboxSummary(s) });
		}
		if (!all && shown.length > INBOX_LINES) {
			panelButton(list, `Show all ${shown.length}`, () => draw(true)).addClass('spec-workflow-review-more');
		}
	};
	draw(false);
}

const STATE_LABEL: Record<string, string> = { changed: 'Changed', new: 'New', renamed: 'Renamed', deleted: 'Deleted' };

const TASK_STATE: Record<MovedTask['to'], string> = {
	pending: 'pending',
	'in-progress': 'in progress',
	done: 'done',
	blocked: 'blocked',
	cancelled: 'cancelled',
};

/**
 * The spec panel's "Since last review" block: the sessions finished since the mark, the
 * deliverables new, changed, renamed or gone, the tasks that moved; Mark reviewed, and Accept
 * changes when a deliverable changed. Nothing is drawn when nothing is new.
 */
export function renderSinceReview(root: HTMLElement, since: SinceReview, run: (command: ReviewCommand) => void): void {
	if (!hasChanges(since)) return;
	const card = root.createDiv({ cls: 'spec-workflow-review', attr: { 'aria-label': 'Changes since last review' } });
	const head = card.createDiv('spec-workflow-review-heading');
	head.createSpan({ cls: 'spec-workflow-review-title', text: 'Since last review' });
	card.createDiv({ cls: 'spec-workflow-muted spec-workflow-review-mark', text: markLine(since) });
	card.createDiv({ cls: 'spec-workflow-review-summary', text: inboxSummary(since) });

	if (since.sessions.length > 0) {
		const list = group(card, 'Sessions', 'is-sessions');
		for (const s of since.sessions) {
			const row = list.createDiv({ cls: 'spec-workflow-review-item', attr: { 'data-session': String(s.number) } });
			row.createSpan({ text: `Session ${s.number}${s.title ? `: ${s.title}` : ''}` });
			const when = s.timed ? s.at : s.date;
			if (when !== null) row.createSpan({ cls: 'spec-workflow-muted', text: when });
		}
	}
	if (since.deliverables.length > 0) {
		const list = group(card, 'Deliverables', 'is-deliverables');
		for (const d of since.deliverables) {
			const row = list.createDiv({ cls: 'spec-workflow-review-item', attr: { 'data-path': d.path } });
			row.createSpan({ text: d.title });
			row.createSpan({ cls: ['spec-workflow-review-state', `is-${d.state}`], text: STATE_LABEL[d.state] ?? d.state, attr: { 'aria-label': driftLabel(d) } });
		}
	}
	if (since.tasks.length > 0) {
		const list = group(card, 'Tasks moved', 'is-tasks');
		for (const t of since.tasks) {
			const row = list.createDiv({ cls: 'spec-workflow-review-item', attr: { 'data-task': String(t.number) } });
			row.createSpan({ text: t.text });
			row.createSpan({ cls: 'spec-workflow-muted', text: t.from === null ? TASK_STATE[t.to] : `${TASK_STATE[t.from]} → ${TASK_STATE[t.to]}` });
		}
	}
	const buttons = card.createDiv('spec-workflow-buttons');
	panelButton(buttons, 'Mark reviewed', () => run('mark-reviewed'), true);
	if (since.deliverables.some((d) => d.state === 'changed')) panelButton(buttons, 'Accept changes', () => run('accept-changes'));
}

function markLine(s: SinceReview): string {
	if (s.reviewed === null) return 'Never reviewed';
	return s.reviewedBy ? `Reviewed ${s.reviewed} by ${s.reviewedBy}` : `Reviewed ${s.reviewed}`;
}

function group(card: HTMLElement, title: string, cls: string): HTMLElement {
	const box = card.createDiv({ cls: ['spec-workflow-review-group', cls] });
	box.createDiv({ cls: 'spec-workflow-group-heading', text: title });
	return box;
}

function driftLabel(d: DeliverableDrift): string {
	if (d.state === 'renamed' && d.renamedTo !== null) return `Moved to ${fileName(d.renamedTo)}`;
	if (d.state === 'changed') return 'Changed since review';
	if (d.state === 'new') return 'Not reviewed yet';
	return 'Registered, but the file is gone';
}
