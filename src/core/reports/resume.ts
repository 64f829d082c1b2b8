import { nextTaskOf, progress, taskRef, type TaskProgress, type TaskRef } from '../context/plan-task';
import { activeSession, minutesSoFar } from '../context/session';
import { lastMade, sessionGist, type SessionGistSource } from '../context/session-summary';
import { ContextCache, readSpecContext, specTasks } from './progress-rollup';
import { requireSpec, Workspace } from '../workspace/workspace';

/** A remaining task: number, text, state and its own progress (from sub-items or a written figure). */
export interface ResumeTask extends TaskRef {
	progress: TaskProgress | null;
}

export interface ResumeSession {
	number: number;
	/** `YYYY-MM-DD`, or null when the heading has none. */
	date: string | null;
	title: string;
	/** The recorded duration; for the active session, the time so far (Started to now). */
	minutes: number | null;
	/** `completed`, `partial`, `blocked`, `active`, or the value as written; null without a Status line. */
	status: string | null;
	/** What the brief's line says of the session (sessionGist): its summary, else what it made, else its title; null when none. */
	summary: string | null;
	/** Where `summary` comes from; null with it. */
	summaryFrom: SessionGistSource | null;
}

export interface ResumeBrief {
	id: string;
	title: string;
	/** The context file read, or null when the spec has none yet (then everything below is empty). */
	context: string | null;
	/** Why the file the spec's context property points at was not read (another spec's journal), or null. */
	foreignContext: string | null;
	sessions: ResumeSession[];
	/** Of the spec's own tasks: its plan, else its checklists (`from`). */
	progress: { done: number; total: number; percent: number; from: 'plan' | 'checklist' };
	/** The last thing made (lastMade): the last `Created …` entry, else the last Implementation entry, else the last item; plain text. */
	lastActivity: string | null;
	/** Tasks neither done nor cancelled, in order, with their numbers. */
	remainingTasks: ResumeTask[];
	/** The first task in progress, else the first pending one. */
	nextTask: ResumeTask | null;
	/** The number of the session still open, if any. */
	activeSession: number | null;
}

/**
 * The `/spec_work 1014 --resume` brief: previous sessions, progress, last activity, the
 * remaining tasks and where to continue. Read-only: the CLI's `resume` prints it, and the agent
 * (or the plugin's modal) then calls startSession, which continues an active session or opens
 * the next one.
 */
export async function resumeBrief(ws: Workspace, id: string, cache: ContextCache = new Map()): Promise<ResumeBrief> {
	const spec = requireSpec(ws, id);
	const { path, context, foreign } = await readSpecContext(ws, spec, cache);
	const own = await specTasks(ws, spec, cache);
	const sessions = context?.sessions ?? [];
	const active = activeSession(sessions);
	const now = ws.now();
	const remaining = own.tasks.filter((t) => t.state !== 'done' && t.state !== 'cancelled').map((t) => ({ ...taskRef(t), progress: t.progress }));
	const p = progress(own.tasks);
	return {
		id: spec.id,
		title: spec.title,
		context: context ? path : null,
		foreignContext: foreign,
		sessions: sessions.map((s) => {
			const gist = context ? sessionGist(context.text, s) : null;
			return {
				number: s.number,
				date: s.date,
				title: s.title,
				minutes: s === active ? minutesSoFar(s, now) : s.durationMinutes,
				status: s.status,
				summary: gist?.text ?? null,
				summaryFrom: gist?.from ?? null,
			};
		}),
		progress: { done: p.done, total: p.total, percent: p.percent, from: own.from },
		lastActivity: context ? lastMade(context.text, sessions) : null,
		remainingTasks: remaining,
		nextTask: nextTaskOf(remaining),
		activeSession: active?.number ?? null,
	};
}
