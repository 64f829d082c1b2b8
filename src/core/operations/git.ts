import { commitProgress, CommitProgressResult } from '../git/commit-progress';
import { RecordedCommits, recordGitCommits, SessionCommitList, sessionCommits } from '../git/record-git-commits';
import type { RequiredGit } from './hosts';
import { ID_FIELD, Operation, writeOperation } from './operation';

export const COMMIT: Operation<{ id: string; message: string }, CommitProgressResult, RequiredGit> = writeOperation({
	name: 'commit',
	summary: "Commit the spec's own files with a message and record it in the active session",
	writes: true,
	input: [ID_FIELD, { name: 'message', kind: 'text', required: true, summary: 'The commit message, passed to git as it is' }],
	run: async (ws, input, host) => commitProgress(ws, await host.repository(), input),
});

export const SESSION_COMMITS: Operation<{ id: string }, SessionCommitList, RequiredGit> = {
	name: 'commits',
	summary: "The repository's commits since the active session started",
	writes: false,
	input: [ID_FIELD],
	run: async (ws, input, host) => sessionCommits(ws, await host.repository(), input.id),
};

export const RECORD_COMMITS: Operation<{ id: string; hashes?: string[]; all?: boolean }, RecordedCommits, RequiredGit> = writeOperation({
	name: 'record-commits',
	summary: "Record commits in the active session's Commits: the hashes named, or all not yet recorded",
	writes: true,
	input: [
		ID_FIELD,
		{ name: 'hashes', kind: 'list', summary: 'The commits to record' },
		{ name: 'all', kind: 'flag', summary: 'Every commit since the session started not yet recorded' },
	],
	async run(ws, input, host) {
		const repo = await host.repository();
		const chosen = input.all ? (await sessionCommits(ws, repo, input.id)).commits.filter((c) => !c.recorded).map((c) => c.hash) : (input.hashes ?? []);
		return recordGitCommits(ws, repo, input.id, chosen);
	},
});
