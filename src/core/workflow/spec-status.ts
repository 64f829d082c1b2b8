import type { ContextFile } from '../context/context-file';
import { formatDuration } from '../context/duration';
import { parseChecklist, progress, type PlanTask } from '../context/plan-task';
import { activeSession, minutesSoFar, type Session } from '../context/session';
import { Spec } from '../index/spec';
import { findSection, parseSections } from '../markdown/sections';
import { specHeadingTitle } from '../templates/spec-templates';
import { ContextCache, readSpecContext, specProgress, SpecProgress } from './progress-rollup';
import { collectDeliverables } from './spec-deliverables';
import { specSummary, type SpecSummary } from './spec-tree';
import { requireSpec, Workspace } from './workspace';

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
	/** The context file's path, or null when the spec has none yet. */
	context: string | null;
	parent: { id: string; title: string } | null;
	progress: SpecProgress;
	/** Task texts by state; cancelled tasks do not count towards progress. */
	tasks: { completed: string[]; inProgress: string[]; blocked: string[]; pending: string[]; cancelled: string[] };
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
	 * The last commit line of the latest session that has one. `date` (the commit's ISO date) is
	 * added by a shell that can ask git, when git knows the hash.
	 */
	lastCommit: { hash: string; message: string; date?: string } | null;
	children: { id: string; title: string; status: string; statusRaw: string; progress: SpecProgress }[];
	/** The progress of the parent, for the status view's Parent line. */
	parentProgress: SpecProgress | null;
}

/** The seed's status view of one spec, as data (the CLI's `status --json`). */
export async function specStatus(ws: Workspace, id: string, cache: ContextCache = new Map()): Promise<SpecStatusReport> {
	const spec = requireSpec(ws, id);
	const { path: contextPath, context } = await readSpecContext(ws, spec, cache);
	const parent = ws.index.parentOf(spec);
	const tasks = context?.tasks ?? [];
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
		parent: parent ? { id: parent.id, title: parent.title } : null,
		progress: await specProgress(ws, spec, cache),
		tasks: { completed: texts('done'), inProgress: texts('in-progress'), blocked: texts('blocked'), pending: texts('pending'), cancelled: texts('cancelled') },
		criteria: await acceptanceCriteria(ws, spec),
		deliverables: counts,
		deliverableFolders: folders,
		missingDeliverables: deliverables.filter((d) => !d.exists).map((d) => d.path),
		sessions,
		totalMinutes: sessions.reduce((sum, s) => sum + (s.minutes ?? 0), 0),
		activeSession: sessions.find((s) => s.active)?.number ?? null,
		lastCommit: lastCommit(context?.sessions ?? []),
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

function lastCommit(sessions: readonly Session[]): { hash: string; message: string } | null {
	for (let i = sessions.length - 1; i >= 0; i--) {
		const commits = sessions[i].commits;
		if (commits.length > 0) return { hash: commits[commits.length - 1].hash, message: commits[commits.length - 1].message };
	}
	return null;
}

async function acceptanceCriteria(ws: Workspace, spec: Spec): Promise<{ met: number; total: number }> {
	if (!(await ws.store.exists(spec.path))) return { met: 0, total: 0 };
	const text = await ws.store.read(spec.path);
	const section = findSection(parseSections(text), [/^acceptance criteria$/i]);
	if (!section) return { met: 0, total: 0 };
	const p = progress(parseChecklist(text, section.headingEnd, section.end));
	return { met: p.done, total: p.total };
}

// ── the human view ──────────────────────────────────────────────────────

const NOUNS: Record<string, [string, string]> = {
	scripts: ['script', 'scripts'],
	docs: ['document', 'documents'],
	config: ['config', 'configs'],
};

/**
 * The seed's status view. In progress is marked 🔄 and pending ⏳ (the plan's own markers); every
 * task section is shown, `None` when empty, as the seed shows Blocked.
 */
export function formatStatus(r: SpecStatusReport): string {
	const out: string[] = [`# Spec ${r.id}: ${r.title}`, ''];
	if (r.context === null) out.push('No context file yet: no plan or sessions recorded.', '');
	const rolled = r.progress.from === 'children' ? ', rolled up from children' : '';
	out.push(`## Progress: ${r.progress.percent}% Complete (${r.progress.done}/${r.progress.total} tasks${rolled})`, '');
	const section = (heading: string, mark: string, items: string[]) => {
		out.push(`### ${heading}:`);
		if (items.length === 0) out.push(`${mark} None`);
		for (const item of items) out.push(`${mark} ${item}`);
		out.push('');
	};
	const t = r.tasks;
	const ownTasks = t.completed.length + t.inProgress.length + t.pending.length + t.blocked.length + t.cancelled.length;
	// A feature or epic without its own plan shows its children's figures, not four empty lists.
	if (ownTasks > 0 || r.progress.from !== 'children') {
		section('Completed', '✅', t.completed);
		section('In Progress', '🔄', t.inProgress);
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

	out.push(r.lastCommit ? `### Last Commit: ${r.lastCommit.hash} - "${r.lastCommit.message}"${commitDate(r.lastCommit.date)}` : '### Last Commit: None', '');

	out.push(r.parent ? `### Parent: ${specLine(r.parent.id, r.parent.title, null, r.parentProgress)}` : '### Parent: None', '');
	if (r.children.length === 0) out.push('### Children: None');
	else {
		out.push('### Children:');
		for (const c of r.children) out.push(`- ${specLine(c.id, c.title, c.status, c.progress)}`);
	}
	return out.join('\n') + '\n';
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
