import { formatDuration } from '../context/duration';
import { textWithProgress } from '../context/plan-task';
import type { SpecProgress } from '../reports/progress-rollup';
import type { LastCommit, SpecStatusReport } from '../reports/spec-status';
import { specHeadingTitle } from '../templates/spec-templates';

/** How the Progress line says where its figures come from; for the plan, the usual case, it says nothing. */
const FROM_NOTE: Record<SpecProgress['from'], string> = {
	plan: '',
	none: '',
	checklist: ', from checklist',
	children: ', rolled up from children',
	status: ', from status',
};

const NOUNS: Record<string, [string, string]> = {
	scripts: ['script', 'scripts'],
	docs: ['document', 'documents'],
	config: ['config', 'configs'],
};

/**
 * The status view. In progress and pending are both marked ⏳, as every task not done is, a task
 * in progress followed by its own progress when known (`⏳ Documentation (50% complete)`); every
 * task section is shown, `None` when empty, as Blocked is.
 */
export function formatStatus(r: SpecStatusReport): string {
	const out: string[] = [`# Spec ${r.id}: ${r.title}`, ''];
	if (r.foreignContext !== null) out.push(`Not read: ${r.foreignContext}`, '');
	else if (r.context === null) out.push('No context file yet: no plan or sessions recorded.', '');
	out.push(`## Progress: ${r.progress.percent}% Complete (${r.progress.done}/${r.progress.total} tasks${FROM_NOTE[r.progress.from]})`, '');
	const section = (heading: string, mark: string, items: readonly string[]) => {
		out.push(`### ${heading}:`);
		if (items.length === 0) out.push(`${mark} None`);
		for (const item of items) out.push(`${mark} ${item}`);
		out.push('');
	};
	const t = r.tasks;
	const ownTasks = t.completed.length + t.inProgress.length + t.pending.length + t.blocked.length + t.cancelled.length;
	// A feature or epic without its own tasks shows its children's figures, and a completed spec
	// its status, not four empty lists.
	if (ownTasks > 0 || (r.progress.from !== 'children' && r.progress.from !== 'status')) {
		section('Completed', '✅', t.completed);
		section('In Progress', '⏳', r.taskList.filter((task) => task.state === 'in-progress').map(textWithProgress));
		section('Pending', '⏳', t.pending);
		section('Blocked', '❌', t.blocked);
		if (t.cancelled.length > 0) section('Cancelled', '➖', t.cancelled);
	}
	if (r.criteria.total > 0) out.push(`### Acceptance Criteria: ${r.criteria.met}/${r.criteria.total} met`, '');

	out.push('### Deliverables Created:');
	const types = Object.keys(r.deliverables);
	if (types.length === 0 && r.missingDeliverables.length === 0) out.push('- None');
	for (const type of types) {
		const n = r.deliverables[type];
		const [one, many] = NOUNS[type] ?? [`${type} file`, `${type} files`];
		const folder = r.deliverableFolders[type];
		out.push(`- ${n} ${n === 1 ? one : many}${folder ? ` in ${folder}` : ''}`);
	}
	if (r.missingDeliverables.length > 0) {
		out.push(`- ${r.missingDeliverables.length} registered but missing: ${r.missingDeliverables.join(', ')}`);
	}
	if (r.changedSinceReview.length > 0) {
		out.push(`- ${r.changedSinceReview.length} changed since review: ${r.changedSinceReview.join(', ')}`);
	}
	out.push('');

	out.push('### Time Spent:');
	if (r.sessions.length === 0) out.push('- No sessions yet');
	for (const s of r.sessions) {
		const time = s.minutes === null ? 'duration unknown' : formatDuration(s.minutes) + (s.active ? ' so far' : '');
		const notes = [s.date, s.active ? 'active' : null].filter((x): x is string => x !== null);
		out.push(`- Session ${s.number}: ${time}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
	}
	if (r.sessions.length > 0) out.push(`- Total: ${formatDuration(r.totalMinutes)}`);
	out.push('');

	out.push(`### Last Commit: ${commitLine(r.lastCommit)}`, '');

	out.push(r.parent ? `### Parent: ${specLine(r.parent.id, r.parent.title, null, r.parentProgress)}` : '### Parent: None', '');
	if (r.children.length === 0) out.push('### Children: None');
	else {
		out.push('### Children:');
		for (const c of r.children) out.push(`- ${specLine(c.id, c.title, c.status, c.progress)}`);
	}
	return out.join('\n') + '\n';
}

/** `b2c3d4e - "Message" (2025-08-27 14:30)`, the hash alone when no message is written, or `None`. */
function commitLine(c: LastCommit | null): string {
	if (c === null) return 'None';
	return `${c.hash}${c.message === '' ? '' : ` - "${c.message}"`}${commitDate(c.date)}`;
}

/** ` (2025-08-27 14:30)` from the commit's ISO date, in the commit's own time zone; empty without one. */
function commitDate(iso: string | undefined): string {
	if (iso === undefined) return '';
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
	return m ? ` (${m[1]} ${m[2]})` : ` (${iso})`;
}

function specLine(id: string, title: string, status: string | null, p: SpecProgress | null): string {
	const state = status === null ? '' : ` [${status || 'no status'}]`;
	const figures = p ? ` - ${p.percent}% (${p.done}/${p.total} tasks)` : '';
	return `${specHeadingTitle(id, title)}${state}${figures}`;
}
