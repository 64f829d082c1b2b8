import { REVIEW, REVIEW_INBOX, SINCE_REVIEW } from '../core/operations/review';
import { inboxSummary } from '../core/review/review-inbox';
import type { SinceReview } from '../core/review/since-review';
import { UsageError } from './args';
import { Verb, verbInput, written } from './verb-adapter';

const ID = { field: 'id', name: '<id>' };

/** What changed in one spec since its review, as lines. */
export function sinceReviewText(s: SinceReview): string {
	const out = [`${s.id} - ${s.title}: ${s.reviewed === null ? 'never reviewed' : `reviewed ${s.reviewed}${s.reviewedBy ? ` by ${s.reviewedBy}` : ''}`}`];
	for (const session of s.sessions) out.push(`  Session ${session.number}: ${session.date ? `${session.date} - ` : ''}${session.title}`);
	for (const t of s.tasks) out.push(`  Task ${t.number} ${t.from ?? 'new'} → ${t.to}: ${t.text}`);
	for (const d of s.deliverables) out.push(`  Deliverable ${d.state}: ${d.path}${d.renamedTo ? ` → ${d.renamedTo}` : ''}`);
	if (out.length === 1) out.push('  Nothing new since review');
	return out.join('\n');
}

export const REVIEW_VERBS: Record<string, Verb> = {
	review: {
		usage: 'review <id> [--accept] [--paths PATH]... [--by NAME] | review <id> --show | review --inbox',
		help: "Marks a spec reviewed: writes reviewed: YYYY-MM-DD HH:MM (and reviewed_by: --by) in its properties and a baseline on each deliverable of its journal's registry that has none. A deliverable changed since review keeps its old baseline unless --accept (only the --paths given, when given). --show: what changed since the last review, writing nothing. --inbox: every spec with something new since its review, newest first.",
		operations: [REVIEW, SINCE_REVIEW, REVIEW_INBOX],
		pick: (args) => (args.options.has('inbox') ? REVIEW_INBOX : args.options.has('show') ? SINCE_REVIEW : REVIEW),
		positionals: [ID],
		cli: { extra: { flags: ['inbox', 'show'] } },
		async run(ws, args) {
			if (args.options.has('inbox')) {
				if (args.positionals.length > 0) throw new UsageError('give either <id> or --inbox, not both');
				const inbox = await REVIEW_INBOX.run(ws, {}, undefined);
				const text = inbox.length === 0 ? 'Nothing to review.' : inbox.map((s) => `${s.id} - ${s.title}: ${inboxSummary(s)}`).join('\n');
				return { json: inbox.map(sinceReviewJson), text };
			}
			if (args.positionals.length === 0) throw new UsageError('missing <id> (or --inbox)');
			if (args.options.has('show')) {
				const since = await SINCE_REVIEW.run(ws, verbInput(this, SINCE_REVIEW, args), undefined);
				return { json: sinceReviewJson(since), text: sinceReviewText(since) };
			}
			const r = await REVIEW.run(ws, verbInput(this, REVIEW, args), undefined);
			const text = [
				r.keptLater ? `${r.id}: a later review mark (${r.reviewed}) is kept` : `Reviewed ${r.id} at ${r.reviewed}`,
				r.accepted.length > 0 ? `Accepted: ${r.accepted.join(', ')}` : '',
				r.changed.length > 0 ? `Still changed since review: ${r.changed.join(', ')} (accept with --accept)` : '',
				written(r.written),
			]
				.filter((l) => l !== '')
				.join('\n');
			return { json: r, text };
		},
	},
};

/** The JSON of a spec's changes since review: the drift without the registry entry's offsets. */
export function sinceReviewJson(s: SinceReview): unknown {
	const drift = (d: SinceReview['drift'][number]) => ({ path: d.path, title: d.title, state: d.state, baseline: d.baseline, current: d.current, renamedTo: d.renamedTo });
	return { ...s, deliverables: s.deliverables.map(drift), drift: s.drift.map(drift) };
}
