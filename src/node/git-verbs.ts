import { UsageError } from './args';
import { COMMIT, RECORD_COMMITS, SESSION_COMMITS } from '../core/operations/git';
import type { GitAccess, RequiredGit } from '../core/operations/hosts';
import { optionalRepository } from '../core/git/git-metrics';
import { GitRepository } from '../core/git/git-runner';
import { nodeGitHost } from './git/node-git-host';
import { SessionCommit } from '../core/git/record-git-commits';
import type { NodeWorkspace } from './open-workspace';
import { Verb, verbInput, written } from './verb-adapter';

/** The vault's repository, or the refusal saying there is none: for the verbs that need git. */
function requiredGit(ws: NodeWorkspace): RequiredGit {
	return { repository: () => GitRepository.find(nodeGitHost(), ws.vaultPath) };
}

/** The vault's repository when there is one: status's last commit date, finish's line counts. */
export function optionalGit(ws: NodeWorkspace): GitAccess {
	return { repository: () => optionalRepository(nodeGitHost(), ws.vaultPath) };
}

function commitLine(c: SessionCommit): string {
	const date = c.date.slice(0, 16).replace('T', ' ');
	return `  ${c.shortHash}  ${date}  ${c.subject}${c.recorded ? '  (recorded)' : ''}`;
}

const ID = { field: 'id', name: '<id>' };

/** The verbs that need git: `commit` and `commits`. */
export const GIT_VERBS: Record<string, Verb> = {
	commit: {
		usage: 'commit <id> -m MESSAGE',
		help: "Commits the spec's own files (spec, context, deliverables, report note) with the message, leaving every other staged or changed file as it was, and records `hash`: first line in the active session's Commits. The message is passed to git as it is (quotes, $(), backticks and line breaks included).",
		operations: [COMMIT],
		positionals: [ID],
		cli: { aliases: { m: 'message' } },
		async run(ws, args) {
			const r = await COMMIT.run(ws, verbInput(this, COMMIT, args), requiredGit(ws));
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
		help: "Lists the repository's commits since the active session started. With --all records every one not yet recorded in the session's Commits; with hashes records those.",
		operations: [SESSION_COMMITS, RECORD_COMMITS],
		// Without --all or hashes it only lists the commits.
		pick: (args) => (args.options.has('all') || args.positionals.length > 1 ? RECORD_COMMITS : SESSION_COMMITS),
		positionals: [ID, { field: 'hashes', name: 'HASH...' }],
		async run(ws, args) {
			const all = args.options.has('all');
			if (all && args.positionals.length > 1) throw new UsageError('give either --all or hashes, not both');
			if (!all && args.positionals.length === 1) {
				const list = await SESSION_COMMITS.run(ws, verbInput(this, SESSION_COMMITS, args), requiredGit(ws));
				const lines = [`Commits since session ${list.session} started (${list.since}):`];
				if (list.commits.length === 0) lines.push('  None');
				lines.push(...list.commits.map(commitLine));
				if (list.commits.some((c) => !c.recorded)) lines.push(`Record them with: spec-work commits ${list.id} --all (or name the hashes)`);
				return { json: list, text: lines.join('\n') };
			}
			const r = await RECORD_COMMITS.run(ws, verbInput(this, RECORD_COMMITS, args), requiredGit(ws));
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
