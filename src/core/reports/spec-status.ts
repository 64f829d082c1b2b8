import type { ContextFile } from '../context/context-file';
import { formatDuration } from '../context/duration';
import { parseChecklist, progress, textWithProgress, type PlanTask, type TaskProgress, type TaskState } from '../context/plan-task';
import { activeSession, minutesSoFar, parseCommitItem, type Commit } from '../context/session';
import { Spec } from '../index/spec';
import { findSection } from '../markdown/sections';
import { specHeadingTitle } from '../templates/spec-templates';
import { ContextCache, readSpecContext, readSpecNote, specProgress, SpecProgress, specTasks } from './progress-rollup';
import { collectDeliverables } from '../deliverables/spec-deliverables';
import { specSummary, type SpecSummary } from './spec-tree';
import { requireSpec, Workspace } from '../workspace/workspace';

export interface StatusSession {
	number: number;
	date: string | null;
	title: string;
	/** Minutes worked: the Duration field, or for the active session the time since Started; null when unknown. */
	minutes: number | null;
	/** completed/partial/blocked/active, another word as written, or null without a Status line. */
	status: string | null;
	/** The session is still open (its minutes run up to now). */
	active: boolean;
}

export interface SpecStatusReport extends SpecSummary {
	/** The context file's path, or null when the spec has none yet (or it is another spec's). */
	context: string | null;
	/** Why the file the spec's context property points at was not read (another spec's journal), or null. */
	foreignContext: string | null;
	parent: { id: string; title: string } | null;
	progress: SpecProgress;
	/** Task texts by state, of the plan or of the spec's own checklists (see progress.from); cancelled tasks do not count. */
	tasks: { completed: string[]; inProgress: string[]; blocked: string[]; pending: string[]; cancelled: string[] };
	/** The same tasks in order, with the number `task` takes and each one's own progress (its sub-items), null when unknown. */
	taskList: { number: number; text: string; state: TaskState; progress: TaskProgress | null }[];
	/** The spec's `## Acceptance Criteria` checklist. */
	criteria: { met: number; total: number };
	/** Existing deliverable files by type (scripts/docs/config/custom). */
	deliverables: Record<string, number>;
	/** The folder each type's files are in (`deliverables/scripts/`), null when not in a type folder. */
	deliverableFolders: Record<string, string | null>;
	/** Registered deliverables whose file is gone. */
	missingDeliverables: string[];
	sessions: StatusSession[];
	totalMinutes: number;
	/** Number of the session still open, or null. */
	activeSession: number | null;
	/**
	 * The latest commit recorded: the last commit line of the latest session that has one, else of
	 * the journal's Commits list outside sessions, else the spec's `commits` property (`from` says
	 * which). `message` is empty when only the hash is written. `date` (the commit's ISO date) is
	 * added by a shell that can ask git, when git knows the hash.
	 */
	lastCommit: LastCommit | null;
	children: { id: string; title: string; status: string; statusRaw: string; progress: SpecProgress }[];
	/** The progress of the parent, for the status view's Parent line. */
	parentProgress: SpecProgress | null;
}

export interface LastCommit {
	hash: string;
	message: string;
	date?: string;
	from: 'session' | 'journal' | 'property';
}

/** The seed's status view of one spec, as data (the CLI's `status --json`). */
export async function specStatus(ws: Workspace, id: string, cache: ContextCache = new Map()): Promise<SpecStatusReport> {
	const spec = requireSpec(ws, id);
	const { path: contextPath, context, foreign } = await readSpecContext(ws, spec, cache);
	const parent = ws.index.parentOf(spec);
	const { tasks } = await specTasks(ws, spec, cache);
	const texts = (state: PlanTask['state']) => tasks.filter((t) => t.state === state).map((t) => t.text);
	const { deliverables } = await collectDeliverables(ws, spec, { path: contextPath, file: context });
	const counts: Record<string, number> = {};
	const folders: Record<string, string | null> = {};
	for (const d of deliverables) {
		if (!d.exists) continue;
		counts[d.type] = (counts[d.type] ?? 0) + 1;
		if (!(d.type in folders)) folders[d.type] = d.folder;
	}
	const sessions = statusSessions(context, ws.now());
	const children = [];
	for (const child of ws.index.childrenOf(spec)) {
		if (child === spec) continue;
		const { id, title, status, statusRaw } = specSummary(ws, child);
		children.push({ id, title, status, statusRaw, progress: await specProgress(ws, child, cache) });
	}
	return {
		...specSummary(ws, spec),
		context: context ? contextPath : null,
		foreignContext: foreign,
		parent: parent ? { id: parent.id, title: parent.title } : null,
		progress: await specProgress(ws, spec, cache),
		tasks: { completed: texts('done'), inProgress: texts('in-progress'), blocked: texts('blocked'), pending: texts('pending'), cancelled: texts('cancelled') },
		taskList: tasks.map(({ number, text, state, progress: own }) => ({ number, text, state, progress: own })),
		criteria: await acceptanceCriteria(ws, spec, cache),
		deliverables: counts,
		deliverableFolders: folders,
		missingDeliverables: deliverables.filter((d) => !d.exists).map((d) => d.path),
		sessions,
		totalMinutes: sessions.reduce((sum, s) => sum + (s.minutes ?? 0), 0),
		activeSession: sessions.find((s) => s.active)?.number ?? null,
		lastCommit: lastCommit(context, spec),
		children,
		parentProgress: parent ? await specProgress(ws, parent, cache) : null,
	};
}

function statusSessions(context: ContextFile | null, now: Date): StatusSession[] {
	if (!context) return [];
	const open = activeSession(context.sessions);
	return context.sessions.map((s) => {
		const active = s === open;
		return {
			number: s.number,
			date: s.date,
			title: s.title,
			// An open session counts the time so far; a finished one its Duration.
			minutes: active ? minutesSoFar(s, now) : s.durationMinutes,
			status: s.status ?? (s.inProgress ? 'active' : null),
			active,
		};
	});
}

function lastCommit(context: ContextFile | null, spec: Spec): LastCommit | null {
	const sessions = context?.sessions ?? [];
	for (let i = sessions.length - 1; i >= 0; i--) {
		const commits = sessions[i].commits;
		if (commits.length > 0) return { hash: commits[commits.length - 1].hash, message: commits[commits.length - 1].message, from: 'session' };
	}
	const loose = latest((context?.commits ?? []).map((c: Commit) => ({ commit: c, raw: context?.text.slice(c.lineStart, c.lineEnd) ?? '' })));
	if (loose) return { hash: loose.hash, message: loose.message, from: 'journal' };
	const listed = latest(spec.commits.map((raw) => ({ commit: commitOfProperty(raw), raw })));
	return listed ? { hash: listed.hash, message: listed.message, from: 'property' } : null;
}

const DATE = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/;

/** The latest of listed commits: the one with the latest date when they are dated, else the last written. */
function latest(items: readonly { commit: { hash: string; message: string } | null; raw: string }[]): { hash: string; message: string } | null {
	let best: { hash: string; message: string } | null = null;
	let bestDate = '';
	for (const { commit, raw } of items) {
		if (!commit) continue;
		const date = DATE.exec(raw)?.[0] ?? '';
		if (date >= bestDate) {
			best = commit;
			bestDate = date;
		}
	}
	return best;
}

/** `08e4cc5`, `08e4cc5: message`, `2025-08-20 08e4cc5: message`: an item of the `commits` property. */
function commitOfProperty(raw: string): { hash: string; message: string } | null {
	const rest = raw.replace(/^\s*\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?[\s:\-–—|]*/, '');
	return parseCommitItem(rest) ?? (/^`?([0-9a-z]{4,64})`?$/i.exec(rest.trim()) ? { hash: rest.trim().replace(/`/g, ''), message: '' } : null);
}

async function acceptanceCriteria(ws: Workspace, spec: Spec, cache: ContextCache): Promise<{ met: number; total: number }> {
	const note = await readSpecNote(ws, spec, cache);
	const section = note ? findSection(note.root, [/^acceptance criteria$/i]) : null;
	if (!note || !section) return { met: 0, total: 0 };
	const p = progress(parseChecklist(note.text, section.headingEnd, section.end));
	return { met: p.done, total: p.total };
}

// ── the human view ──────────────────────────────────────────────────────

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
 * The seed's status view. In progress and pending are both marked ⏳, as the seed marks every task
 * not done, a task in progress followed by its own progress when known
 * (`⏳ Documentation (50% complete)`); every task section is shown, `None` when empty, as the seed
 * shows Blocked.
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
