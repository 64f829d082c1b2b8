import type { ContextFile } from '../context/context-file';
import { parseChecklist, progress, type PlanTask, type TaskProgress, type TaskState } from '../context/plan-task';
import { activeSession, minutesSoFar, parseCommitItem, type Commit } from '../context/session';
import { Spec } from '../index/spec';
import { findSection } from '../markdown/sections';
import { ContextCache, readSpecContext, readSpecNote, specProgress, SpecProgress, specTasks } from './progress-rollup';
import { collectDeliverables } from '../deliverables/spec-deliverables';
import { deliverableDrift } from '../deliverables/deliverable-drift';
import { readReviewMark } from '../metadata/review-mark';
import { specSummary, type SpecSummary } from './spec-tree';
import { specRevision, SpecRevision } from '../workspace/revision';
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
	/** The spec's `reviewed:` mark (`YYYY-MM-DD HH:MM`), or null when never reviewed. */
	reviewed: string | null;
	/** Deliverables whose content no longer matches the baseline in the context's registry (changed since review). */
	changedSinceReview: string[];
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

/** The reference layout's status view of one spec, as data (the CLI's `status --json`). */
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
		reviewed: readReviewMark((await readSpecNote(ws, spec, cache))?.text ?? '').reviewed,
		changedSinceReview: (await deliverableDrift(ws, contextPath, context)).filter((d) => d.state === 'changed').map((d) => d.path),
		sessions,
		totalMinutes: sessions.reduce((sum, s) => sum + (s.minutes ?? 0), 0),
		activeSession: sessions.find((s) => s.active)?.number ?? null,
		lastCommit: lastCommit(context, spec),
		children,
		parentProgress: parent ? await specProgress(ws, parent, cache) : null,
	};
}

/**
 * The revision of the spec's files as a report read them (through its cache), not as they are a
 * moment later: a write based on it is refused if a person changed them after the report was made.
 */
export async function revisionAsRead(ws: Workspace, spec: Spec, cache: ContextCache): Promise<SpecRevision> {
	// Both files in the cache, read now if the report did not need them.
	await readSpecNote(ws, spec, cache);
	await readSpecContext(ws, spec, cache);
	return specRevision(ws, spec, async (path) => (await cache.get(path))?.text ?? null);
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
