import { nextTaskOf, progress, taskRef, textWithProgress, type TaskProgress, type TaskRef, type TaskState } from '../context/plan-task';
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
export async function resumeBrief(ws: Workspace, id: string): Promise<ResumeBrief> {
	const spec = requireSpec(ws, id);
	const cache: ContextCache = new Map();
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

// Work not done yet is ⏳ whether begun or not, as the plan and the status's In Progress line show it;
// a begun task says how far it is.
const STATE_MARK: Record<TaskState, string> = {
	pending: '⏳',
	'in-progress': '⏳',
	done: '✅',
	blocked: '❌',
	cancelled: '🚫',
};

/**
 * The brief, in the cold-storage example's words:
 *
 *     Resuming work on spec 1014 (Cold Storage NAS Integration)
 *
 *     ## Previous Session Summary:
 *     - Session 1 (2025-08-26): Completed network optimization and NFS setup
 *     - Status: 3/7 tasks completed
 *     - Last activity: Created Health Monitoring Script
 *
 *     ## Remaining Tasks:
 *     4. ⏳ Directory structure creation
 *     …
 *
 *     Continue from task 4? Start a session with: spec-work start 1014
 *
 * A session's line is the example's: no duration or status (the JSON has them, and the last line
 * says when a session is still active).
 */
export function formatResumeBrief(brief: ResumeBrief): string {
	const out = [`Resuming work on spec ${brief.id} (${brief.title})`, ''];
	if (brief.foreignContext !== null) out.push(`Not read: ${brief.foreignContext}`, '');
	out.push('## Previous Session Summary:');
	if (brief.sessions.length === 0) out.push('- No sessions yet');
	for (const s of brief.sessions) out.push(`- ${resumeSessionLine(s)}`);
	const from = brief.progress.from === 'checklist' ? ' (from checklist)' : '';
	out.push(`- Status: ${brief.progress.done}/${brief.progress.total} tasks completed${from}`);
	if (brief.lastActivity) out.push(`- Last activity: ${brief.lastActivity}`);
	out.push('', '## Remaining Tasks:');
	if (brief.remainingTasks.length === 0) out.push(brief.progress.total === 0 ? '- No plan yet' : '- None: every task is done');
	for (const t of brief.remainingTasks) out.push(resumeTaskLine(t));
	out.push('', nextStep(brief));
	return out.join('\n') + '\n';
}

/** `6. ⏳ Documentation (50% complete)`: a remaining task as the brief lists it, and the plugin's modal. */
export function resumeTaskLine(t: ResumeTask): string {
	return `${t.number}. ${STATE_MARK[t.state]} ${textWithProgress(t)}`;
}

/** `Session 1 (2025-08-26): Completed network optimization and NFS setup`: the brief's line, and the plugin's. */
export function resumeSessionLine(s: ResumeSession): string {
	const when = s.date ? ` (${s.date})` : '';
	return `Session ${s.number}${when}${s.summary ? `: ${s.summary}` : ''}`;
}

function nextStep(brief: ResumeBrief): string {
	const active = brief.activeSession;
	// Start would be refused until the spec has a journal of its own (see the Not read line).
	const start = brief.foreignContext !== null ? `Give ${brief.id} a journal of its own first (see above), then: spec-work start ${brief.id}` : `Start a session with: spec-work start ${brief.id}`;
	if (brief.nextTask) {
		const question = `Continue from task ${brief.nextTask.number}?`;
		return active !== null ? `${question} Session ${active} is still active.` : `${question} ${start}`;
	}
	if (brief.remainingTasks.length > 0) {
		return `Every remaining task is blocked.${active !== null ? ` Session ${active} is still active.` : ` ${start}`}`;
	}
	if (brief.progress.total === 0) {
		return active !== null ? `Session ${active} is still active; the plan is empty.` : `No plan yet. ${start} --plan "task"`;
	}
	return active !== null ? `Every task is done. Close session ${active} with: spec-work finish ${brief.id} --complete` : 'Every task is done.';
}
