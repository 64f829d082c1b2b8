import { UsageError } from './args';
import { commitProgress } from '../core/git/commit-progress';
import { optionalRepository, specGitStats, withCommitDate } from '../core/git/git-metrics';
import { GitRepository } from '../core/git/git-runner';
import { nodeGitHost } from './git/node-git-host';
import { recordGitCommits, SessionCommit, sessionCommits } from '../core/git/record-git-commits';
import type { NodeWorkspace } from './open-workspace';
import type { Verb } from './verbs';
import type { GitStats } from '../core/workflow/finish-session';
import type { SpecStatusReport } from '../core/workflow/spec-status';

function written(paths: string[]): string {
	return paths.length === 0 ? 'Nothing changed.' : `Wrote ${paths.join(', ')}`;
}

async function repository(ws: NodeWorkspace): Promise<GitRepository> {
	return GitRepository.find(nodeGitHost(), ws.vaultPath);
}

function commitLine(c: SessionCommit): string {
	const date = c.date.slice(0, 16).replace('T', ' ');
	return `  ${c.shortHash}  ${date}  ${c.subject}${c.recorded ? '  (recorded)' : ''}`;
}

/** The verbs that need git: `commit` and `commits`. */
export const GIT_VERBS: Record<string, Verb> = {
	commit: {
		usage: 'commit <id> -m MESSAGE',
		help: 'Commits the spec\'s own files (spec, context, deliverables, report note) with the message, leaving every other staged or changed file as it was, and records `hash`: first line in the active session\'s Commits. The message is passed to git as it is (quotes, $(), backticks and line breaks included).',
		positionals: [1, 1],
		positionalNames: ['<id>'],
		options: { values: ['message'], aliases: { m: 'message' } },
		async run(ws, args) {
			const message = args.options.get('message');
			if (message === undefined) throw new UsageError('-m MESSAGE is required');
			const r = await commitProgress(ws, await repository(ws), { id: args.positionals[0], message });
			const where = r.branch === null ? 'detached HEAD' : r.branch;
			const text = [
				`Committed ${r.shortHash} on ${where}: ${r.message}`,
				...r.files.map((f) => `  ${f}`),
				`Recorded in session ${r.session} › Commits (the entry goes into your next commit)`,
				written(r.written),
			].join('\n');
			return { json: r, text };
		},
	},
	commits: {
		usage: 'commits <id> [--all | HASH...]',
		help: 'Lists the repository\'s commits since the active session started. With --all records every one not yet recorded in the session\'s Commits; with hashes records those.',
		positionals: [1, Number.POSITIVE_INFINITY],
		positionalNames: ['<id>', 'HASH...'],
		options: { flags: ['all'] },
		async run(ws, args) {
			const [id, ...hashes] = args.positionals;
			const all = args.options.has('all');
			if (all && hashes.length > 0) throw new UsageError('give either --all or hashes, not both');
			const repo = await repository(ws);
			if (!all && hashes.length === 0) {
				const list = await sessionCommits(ws, repo, id);
				const lines = [`Commits since session ${list.session} started (${list.since}):`];
				if (list.commits.length === 0) lines.push('  None');
				lines.push(...list.commits.map(commitLine));
				if (list.commits.some((c) => !c.recorded)) lines.push(`Record them with: spec-work commits ${list.id} --all (or name the hashes)`);
				return { json: list, text: lines.join('\n') };
			}
			const chosen = all ? (await sessionCommits(ws, repo, id)).commits.filter((c) => !c.recorded).map((c) => c.hash) : hashes;
			const r = await recordGitCommits(ws, repo, id, chosen);
			const lines = [
				r.recorded.length === 0 ? 'No commits to record.' : `Recorded in session ${r.session} › Commits:`,
				...r.recorded.map((c) => `  ${c.shortHash}: ${c.subject}`),
				...r.skipped.map((c) => `  ${c.shortHash}: already recorded`),
				written(r.written),
			];
			return { json: r, text: lines.join('\n') };
		},
	},
};

/** Lines and files changed by the spec's recorded commits, when the vault is in a git repository. */
export async function finishGitStats(ws: NodeWorkspace, id: string): Promise<GitStats | undefined> {
	const repo = await optionalRepository(nodeGitHost(), ws.vaultPath);
	return (repo && (await specGitStats(ws, repo, id))) ?? undefined;
}

/** The status report with its last commit's date, when the vault is in a git repository that knows it. */
export async function statusWithGit(ws: NodeWorkspace, report: SpecStatusReport): Promise<SpecStatusReport> {
	const repo = await optionalRepository(nodeGitHost(), ws.vaultPath);
	return repo ? withCommitDate(repo, report) : report;
}
