import { parseLocalDateTime } from '../context/duration';
import { activeSession } from '../context/session';
import { readSpecContext } from '../reports/progress-rollup';
import { noActiveSession } from '../edits/session-edits';
import { requireSpec, Workspace } from '../workspace/workspace';

/** The spec's active session as the git features need it: when it started and what it already lists. */
export interface ActiveSessionCommits {
	id: string;
	context: string;
	session: number;
	/** The `**Started**:` value as written, or null when the session has none. */
	startedText: string | null;
	/** That time read as local wall time; null when missing or unreadable. */
	started: Date | null;
	/** Hashes listed in any session's Commits of the context (a commit is recorded once). */
	recorded: string[];
}

/** The active session's start and the context's recorded commits, or the no-active-session error. */
export async function activeSessionCommits(ws: Workspace, id: string): Promise<ActiveSessionCommits> {
	const spec = requireSpec(ws, id);
	const { path, context } = await readSpecContext(ws, spec);
	const session = context ? activeSession(context.sessions) : null;
	if (!context || !session) throw noActiveSession(spec, context ? path : undefined);
	const startedText = session.fields.started?.value ?? null;
	return {
		id: spec.id,
		context: path,
		session: session.number,
		startedText,
		started: startedText === null ? null : parseLocalDateTime(startedText),
		recorded: context.sessions.flatMap((s) => s.commits.map((c) => c.hash)),
	};
}

/** Every commit hash recorded in the spec's context, all sessions, in file order (empty without a context). */
export async function recordedCommits(ws: Workspace, id: string): Promise<string[]> {
	const spec = requireSpec(ws, id);
	const { context } = await readSpecContext(ws, spec);
	return context ? context.sessions.flatMap((s) => s.commits.map((c) => c.hash)) : [];
}

/** Whether two hashes name the same commit (one may be an abbreviation of the other). */
export function sameCommit(a: string, b: string): boolean {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	return x.startsWith(y) || y.startsWith(x);
}
