import type { TaskState } from '../context/plan-task';
import { formatLocalDateTime, parseLocalDateTime } from '../context/duration';
import type { Session } from '../context/session';
import { deliverableDrift, needsReview, type DeliverableDrift } from '../deliverables/deliverable-drift';
import type { Spec } from '../index/spec';
import { ContextCache, readSpecContext, readSpecNote, specTasks } from '../reports/progress-rollup';
import { requireSpec, type Workspace } from '../workspace/workspace';
import { readReviewMark } from '../metadata/review-mark';

/*
 * What changed in a spec since it was last reviewed, from what its files hold (docs/plugin.md,
 * Review): the `reviewed:` mark and `reviewed_tasks` in the spec's properties, the sessions of its
 * journal, and the baselines in its registry. Nothing is kept anywhere else, so the answer is the
 * same on every device after a sync and after a reinstall.
 */

export interface ReviewSession {
	number: number;
	title: string;
	date: string | null;
	/** When it ended (Started plus Duration), else when it started, else its date; `YYYY-MM-DD HH:MM`. */
	at: string | null;
	/** Whether `at` comes from a written time; when not, its `00:00` is only for comparing, never shown. */
	timed: boolean;
}

export interface MovedTask {
	number: number;
	text: string;
	/** Its state at the review; null for a task added since (or a spec never reviewed). */
	from: TaskState | null;
	to: TaskState;
}

export interface SinceReview {
	id: string;
	title: string;
	path: string;
	/** The mark, `YYYY-MM-DD HH:MM`, or null when never reviewed. */
	reviewed: string | null;
	reviewedBy: string | null;
	/** Finished sessions that ended after the mark, oldest first. */
	sessions: ReviewSession[];
	tasks: MovedTask[];
	/** Deliverables new to review, changed, renamed or deleted since the mark (see DriftState). */
	deliverables: DeliverableDrift[];
	/** Every registry entry's drift, also the unchanged ones (for the panel). */
	drift: DeliverableDrift[];
	/** The newest dated change (a session's end), for ordering the inbox; null when none is dated. */
	latest: string | null;
}

/** Whether anything is new since the review. */
export function hasChanges(s: SinceReview): boolean {
	return s.sessions.length > 0 || s.tasks.length > 0 || s.deliverables.length > 0;
}

export async function sinceReview(ws: Workspace, id: string, cache: ContextCache = new Map()): Promise<SinceReview> {
	return sinceReviewOf(ws, requireSpec(ws, id), cache);
}

export async function sinceReviewOf(ws: Workspace, spec: Spec, cache: ContextCache = new Map()): Promise<SinceReview> {
	const note = await readSpecNote(ws, spec, cache);
	const mark = readReviewMark(note?.text ?? '');
	const { path: contextPath, context } = await readSpecContext(ws, spec, cache);
	const sessions = (context?.sessions ?? []).filter((s) => finished(s)).map(reviewSession);
	const newSessions = sessions.filter((s) => mark.reviewed === null || (s.at !== null && s.at > mark.reviewed));
	const { tasks } = await specTasks(ws, spec, cache);
	const moved: MovedTask[] = [];
	for (const [i, task] of tasks.entries()) {
		const from = mark.tasks?.[i] ?? null;
		// Never reviewed: every task begun counts; reviewed: a task whose state differs from its letter.
		const changed = mark.reviewed === null || mark.tasks === null ? task.state !== 'pending' : from !== task.state;
		if (changed) moved.push({ number: task.number, text: task.text, from: mark.reviewed === null ? null : from, to: task.state });
	}
	const drift = await deliverableDrift(ws, contextPath, context);
	const ats = newSessions.map((s) => s.at).filter((a): a is string => a !== null);
	return {
		id: spec.id,
		title: spec.title,
		path: spec.path,
		reviewed: mark.reviewed,
		reviewedBy: mark.by,
		sessions: newSessions,
		tasks: moved,
		deliverables: drift.filter(needsReview),
		drift,
		latest: ats.length > 0 ? ats.sort()[ats.length - 1] : null,
	};
}

/** A session still open is work in progress, not yet for review. */
function finished(s: Session): boolean {
	return !(s.status === 'active' || s.inProgress);
}

/**
 * When a session's work ended: Started plus Duration when both are written, else Started, else
 * the start of its date (a session with a date alone counts when its day is after the mark's day:
 * a mark made that day covers it, so marking reviewed always empties the list).
 */
function reviewSession(s: Session): ReviewSession {
	const startedRaw = s.fields.started?.value ?? null;
	const started = startedRaw === null ? null : parseLocalDateTime(startedRaw);
	let at: string | null = null;
	if (started) at = formatLocalDateTime(new Date(started.getTime() + (s.durationMinutes ?? 0) * 60_000));
	else if (s.date !== null) at = `${s.date} 00:00`;
	return { number: s.number, title: s.title, date: s.date, at, timed: started !== null };
}
