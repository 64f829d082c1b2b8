import { markReviewed, type MarkReviewedInput, type MarkReviewedResult } from '../review/mark-reviewed';
import { reviewInbox } from '../review/review-inbox';
import { sinceReview, type SinceReview } from '../review/since-review';
import { ID_FIELD, Operation, writeOperation } from './operation';

export const REVIEW: Operation<MarkReviewedInput, MarkReviewedResult> = writeOperation({
	name: 'review',
	summary: "Mark a spec reviewed: the reviewed mark in its properties and its deliverables' baselines; accept re-baselines changed ones",
	writes: true,
	input: [
		ID_FIELD,
		{ name: 'accept', kind: 'flag', summary: 'Accept deliverables changed since review (record their content as the new baseline)' },
		{ name: 'paths', kind: 'list', summary: 'With accept: only these deliverables (vault paths)' },
		{ name: 'by', kind: 'text', summary: 'The reviewer, written as reviewed_by (omitted when empty)' },
	],
	run: (ws, input) => markReviewed(ws, input),
});

export const SINCE_REVIEW: Operation<{ id: string }, SinceReview> = {
	name: 'since-review',
	summary: 'What changed in a spec since it was last reviewed: sessions, tasks that moved, deliverables new, changed or gone',
	writes: false,
	input: [ID_FIELD],
	run: (ws, input) => sinceReview(ws, input.id),
};

export const REVIEW_INBOX: Operation<Record<string, never>, SinceReview[]> = {
	name: 'review-inbox',
	summary: 'Every spec with something new since it was last reviewed, newest first',
	writes: false,
	input: [],
	run: (ws) => reviewInbox(ws),
};
