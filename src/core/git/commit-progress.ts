import { recordCommit } from '../workflow/log-entry';
import { activeSessionCommits } from '../workflow/session-commits';
import { specFiles } from '../reports/spec-files';
import { WorkflowError } from '../workspace/workflow-error';
import { Workspace } from '../workspace/workspace';
import { commitPaths } from './commit-paths';
import { firstLine } from './git-log';
import { GitRepository } from './git-runner';

export interface CommitProgressResult {
	id: string;
	hash: string;
	shortHash: string;
	/** null on a detached HEAD. */
	branch: string | null;
	/** The vault files the commit changed. */
	files: string[];
	/** The line recorded in the session: the message's first line. */
	message: string;
	session: number;
	written: string[];
}

/**
 * "Commit progress": commits the spec's own files (spec, context, deliverables, report note) with
 * the message, then records `` - `hash`: first line `` in the active session's Commits. The
 * recorded line is itself a change to the context, committed with the next progress commit.
 * Refuses before committing anything when there is no active session, the message is empty, or
 * none of the spec's files has a change.
 */
export async function commitProgress(ws: Workspace, repo: GitRepository, options: { id: string; message: string }): Promise<CommitProgressResult> {
	const subject = firstLine(options.message);
	if (subject === '') throw new WorkflowError('empty-message', 'The commit message is empty: its first line is what the session records');
	const session = await activeSessionCommits(ws, options.id);
	const files = await specFiles(ws, options.id);
	const commit = await commitPaths(repo, files.paths, options.message);
	if (!commit) throw new WorkflowError('nothing-to-commit', `Nothing to commit: the files of spec ${files.id} have no changes`);
	const logged = await recordCommit(ws, { id: files.id, hash: commit.shortHash, message: subject });
	return {
		id: files.id,
		hash: commit.hash,
		shortHash: commit.shortHash,
		branch: commit.branch,
		files: commit.files,
		message: subject,
		session: session.session,
		written: logged.written,
	};
}
