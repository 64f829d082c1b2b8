import { formatLocalDateTime } from '../context/duration';
import { recordCommit } from '../workflow/log-entry';
import { activeSessionCommits, sameCommit } from '../workflow/session-commits';
import { WorkflowError } from '../workspace/workflow-error';
import { Workspace } from '../workspace/workspace';
import { commitInfo, commitsSince, GitCommit } from './git-log';
import { GitRepository } from './git-runner';

export interface SessionCommit extends GitCommit {
	/** Already listed in one of the context's sessions. */
	recorded: boolean;
}

export interface SessionCommitList {
	id: string;
	session: number;
	/** The session's Started time as written (`2025-08-28 10:00`). */
	since: string;
	commits: SessionCommit[];
}

/** The repository's commits since the spec's active session started, oldest first, each marked recorded or not. */
export async function sessionCommits(ws: Workspace, repo: GitRepository, id: string): Promise<SessionCommitList> {
	const active = await activeSessionCommits(ws, id);
	if (active.started === null) {
		const what = active.startedText === null ? 'has no **Started** time' : `has a Started time git cannot read ("${active.startedText}")`;
		throw new WorkflowError('no-start-time', `Session ${active.session} of spec ${active.id} ${what}; name the commits to record instead`, active.context);
	}
	const commits = await commitsSince(repo, active.started);
	return {
		id: active.id,
		session: active.session,
		since: active.startedText ?? formatLocalDateTime(active.started),
		commits: commits.map((c) => ({ ...c, recorded: active.recorded.some((h) => sameCommit(h, c.hash)) })),
	};
}

export interface RecordedCommits {
	id: string;
	session: number;
	/** The commits recorded now, in the order written. */
	recorded: GitCommit[];
	/** Chosen commits that were already listed, left as they were. */
	skipped: GitCommit[];
	written: string[];
}

/**
 * Records commits in the active session's Commits, as `` - `abbreviated hash`: first line ``.
 * Every hash is checked with git first: an unknown one records nothing at all.
 */
export async function recordGitCommits(ws: Workspace, repo: GitRepository, id: string, hashes: readonly string[]): Promise<RecordedCommits> {
	const active = await activeSessionCommits(ws, id);
	const commits: GitCommit[] = [];
	for (const hash of hashes) {
		const commit = await commitInfo(repo, hash.trim());
		if (!commit) throw new WorkflowError('unknown-commit', `git knows no commit "${hash}" in ${repo.root}`);
		if (!commits.some((c) => c.hash === commit.hash)) commits.push(commit);
	}
	const recorded: GitCommit[] = [];
	const skipped: GitCommit[] = [];
	const written = new Set<string>();
	for (const commit of commits) {
		if (active.recorded.some((h) => sameCommit(h, commit.hash))) {
			skipped.push(commit);
			continue;
		}
		const r = await recordCommit(ws, { id: active.id, hash: commit.shortHash, message: commit.subject });
		r.written.forEach((p) => written.add(p));
		recorded.push(commit);
	}
	return { id: active.id, session: active.session, recorded, skipped, written: [...written] };
}
