import type { ContextCache } from '../reports/progress-rollup';
import { compareIds } from '../index/discovery';
import type { Workspace } from '../workspace/workspace';
import { hasChanges, sinceReviewOf, type SinceReview } from './since-review';

/** A spec of the inbox. */
export interface InboxEntry extends SinceReview {
	/**
	 * Other specs answering to its id (a sync-conflict copy): review refuses the id until one is
	 * renamed or removed, so the inbox says so rather than leaving the spec out.
	 */
	sharesIdWith?: string[];
}

/**
 * Every spec with something new since it was last reviewed (sessions finished, tasks moved,
 * deliverables new, changed or gone), newest first: by its latest session's end, specs with no
 * dated change after those, then by id. The picker, `spec-work review --inbox`, the MCP tool and
 * the overview all list exactly these.
 */
export async function reviewInbox(ws: Workspace, cache: ContextCache = new Map()): Promise<InboxEntry[]> {
	const out: InboxEntry[] = [];
	const listed = new Set<string>();
	for (const spec of ws.index.all()) {
		const twins = ws.index.idTwins(spec);
		// A spec and its copy (a sync conflict) are one entry, under the first, naming the others.
		if (twins.some((twin) => listed.has(twin.path))) continue;
		const since = await sinceReviewOf(ws, spec, cache);
		if (!hasChanges(since) || !hasWorkToReview(since)) continue;
		out.push(twins.length > 0 ? { ...since, sharesIdWith: twins.map((twin) => twin.path) } : since);
		listed.add(spec.path);
	}
	return out.sort((a, b) => {
		if (a.latest !== b.latest) return a.latest === null ? 1 : b.latest === null ? -1 : a.latest < b.latest ? 1 : -1;
		return compareIds(a.id, b.id);
	});
}

/**
 * A spec never reviewed counts as all new, so a vault that starts reviewing would list every spec
 * ever touched: such a spec is listed only once there is work to look at, a finished session or a
 * registered deliverable (a task ticked by hand alone is not enough).
 */
export function hasWorkToReview(s: SinceReview): boolean {
	return s.reviewed !== null || s.sessions.length > 0 || s.drift.length > 0;
}

/**
 * One line for a spec of the inbox: `3 sessions · 2 tasks moved · 1 deliverable changed`, and for a
 * spec whose id another spec shares, what to do before it can be reviewed.
 */
export function inboxSummary(s: InboxEntry): string {
	const parts: string[] = [];
	const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
	if (s.sessions.length > 0) parts.push(n(s.sessions.length, 'session', 'sessions'));
	if (s.tasks.length > 0) parts.push(`${n(s.tasks.length, 'task', 'tasks')} moved`);
	const counts = new Map<string, number>();
	for (const d of s.deliverables) counts.set(d.state, (counts.get(d.state) ?? 0) + 1);
	for (const state of ['changed', 'new', 'renamed', 'deleted']) {
		const c = counts.get(state);
		if (c) parts.push(`${n(c, 'deliverable', 'deliverables')} ${state}`);
	}
	const summary = parts.join(' · ');
	if (!s.sharesIdWith?.length) return summary;
	return `${summary} · id ${s.id} also used by ${s.sharesIdWith.join(', ')}: rename or remove one before reviewing`;
}
