import { App, FuzzyMatch, FuzzySuggestModal, Notice } from 'obsidian';
import { Spec } from '../../core/index/spec';
import { REVIEW, REVIEW_INBOX } from '../../core/operations/review';
import type { MarkReviewedResult } from '../../core/review/mark-reviewed';
import { inboxSummary } from '../../core/review/review-inbox';
import type { SinceReview } from '../../core/review/since-review';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { addVaultCommand } from './command-flow';
import { openFile, runOperation } from './command-context';
import { addSpecCommand } from './spec-command';

/** Review: the inbox of specs with something new since their review, mark reviewed, accept changed deliverables. */
export function registerReviewCommands(plugin: SpecWorkflowPlugin): void {
	addVaultCommand(plugin, { id: 'review-changes', name: 'Review changes…', run: reviewChanges });
	addSpecCommand(plugin, {
		id: 'mark-spec-reviewed',
		name: 'Mark spec reviewed',
		placeholder: 'Choose a spec to mark reviewed',
		flow: async (p, spec) => void (await markReviewed(p, spec, false)),
	});
	addSpecCommand(plugin, {
		id: 'accept-changed-deliverables',
		name: 'Accept changed deliverables',
		placeholder: 'Choose a spec whose changed deliverables to accept',
		flow: async (p, spec) => void (await markReviewed(p, spec, true)),
	});
}

/** Marks the spec reviewed (with accept, its changed deliverables re-baselined) and says so in a Notice. */
export async function markReviewed(plugin: SpecWorkflowPlugin, spec: Spec, accept: boolean, paths?: string[]): Promise<MarkReviewedResult | null> {
	const r = await runOperation(plugin, (ws) => REVIEW.run(ws, { id: spec.id, accept, paths, by: plugin.settings.reviewerName }, undefined));
	if (!r) return null;
	const what = r.keptLater ? `A later review of ${r.id} (${r.reviewed}) is kept` : `Reviewed ${r.id}`;
	const accepted = r.accepted.length > 0 ? `; accepted ${r.accepted.length} changed deliverable${r.accepted.length === 1 ? '' : 's'}` : '';
	const left = r.changed.length > 0 ? `; ${r.changed.length} still changed since review` : '';
	new Notice(`${what}${accepted}${left}`);
	return r;
}

/** The inbox as a picker: choosing a spec opens it, and the status panel shows its changes since review. */
export async function reviewChanges(plugin: SpecWorkflowPlugin): Promise<void> {
	const inbox = await runOperation(plugin, (ws) => REVIEW_INBOX.run(ws, {}, undefined));
	if (!inbox) return;
	if (inbox.length === 0) {
		new Notice('Nothing to review: no spec has changed since its last review');
		return;
	}
	new ReviewInboxModal(plugin.app, inbox, (s) => void openFile(plugin, s.path)).open();
}

export class ReviewInboxModal extends FuzzySuggestModal<SinceReview> {
	constructor(
		app: App,
		private readonly inbox: SinceReview[],
		private readonly choose: (s: SinceReview) => void,
	) {
		super(app);
		this.setPlaceholder('Choose a spec to review');
	}

	getItems(): SinceReview[] {
		return this.inbox;
	}

	getItemText(s: SinceReview): string {
		return `${s.id} - ${s.title}`;
	}

	renderSuggestion(match: FuzzyMatch<SinceReview>, el: HTMLElement): void {
		el.addClass('spec-workflow-suggestion');
		el.createDiv({ cls: 'spec-workflow-suggestion-title', text: this.getItemText(match.item) });
		el.createDiv({ cls: 'spec-workflow-suggestion-note', text: inboxSummary(match.item) });
	}

	onChooseItem(s: SinceReview): void {
		this.choose(s);
	}
}
