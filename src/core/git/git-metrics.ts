import type { GitStats } from '../workflow/finish-session';
import { recordedCommits } from '../workflow/session-commits';
import type { SpecStatusReport } from '../reports/spec-status';
import { WorkflowError } from '../workspace/workflow-error';
import { Workspace } from '../workspace/workspace';
import { commitInfo } from './git-log';
import { GitRepository } from './git-runner';
import { commitStats } from './git-stats';
import type { GitHost } from './git-host';

/**
 * The repository holding the vault, or null when there is none or git cannot run: the git figures
 * are extras that status and finish show when they can.
 */
export async function optionalRepository(host: GitHost, vaultPath: string): Promise<GitRepository | null> {
	try {
		return await GitRepository.find(host, vaultPath);
	} catch (e) {
		if (e instanceof WorkflowError) return null;
		throw e;
	}
}

/** Lines and files changed by the commits recorded in the spec's context; null without any git knows. */
export async function specGitStats(ws: Workspace, repo: GitRepository, id: string): Promise<GitStats | null> {
	return commitStats(repo, await recordedCommits(ws, id));
}

/** The status report with its last commit's date, when git knows the commit. */
export async function withCommitDate(repo: GitRepository, report: SpecStatusReport): Promise<SpecStatusReport> {
	if (!report.lastCommit) return report;
	const commit = await commitInfo(repo, report.lastCommit.hash);
	return commit ? { ...report, lastCommit: { ...report.lastCommit, date: commit.date } } : report;
}
