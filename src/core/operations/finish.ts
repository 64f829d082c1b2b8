import { specGitStats } from '../git/git-metrics';
import { finishSession, FinishOptions, FinishResult, FINISH_STATUSES } from '../workflow/finish-session';
import type { GitAccess } from './hosts';
import { BaseRevision, Operation, specWrite } from './operation';

export const FINISH: Operation<Omit<FinishOptions, 'gitStats'> & BaseRevision, FinishResult, Partial<GitAccess>> = specWrite({
	name: 'finish',
	summary: 'Close the active session: duration, status, summary, metrics',
	fields: [
		{ name: 'status', kind: 'choice', choices: FINISH_STATUSES, summary: 'How the session ended (default completed)' },
		{ name: 'summary', kind: 'text', summary: 'The session summary' },
		{ name: 'complete', kind: 'flag', summary: 'Also mark the spec completed' },
	],
	run: async (ws, input, host) => {
		// Lines and files changed by the recorded commits, where git can tell.
		const repo = await host.repository?.();
		const gitStats = (repo && (await specGitStats(ws, repo, input.id))) ?? undefined;
		return finishSession(ws, { ...input, gitStats });
	},
});
