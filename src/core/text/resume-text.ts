import { textWithProgress, type TaskState } from '../context/plan-task';
import type { ResumeBrief, ResumeSession, ResumeTask } from '../reports/resume';

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
	const start =
		brief.foreignContext !== null
			? `Give ${brief.id} a journal of its own first (see above), then: spec-work start ${brief.id}`
			: `Start a session with: spec-work start ${brief.id}`;
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
