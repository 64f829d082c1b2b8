import { version } from '../../package.json';
import { parseGlobList } from '../core/index/ignored-folders';
import type { Operation } from '../core/operations/operation';
import { GitRepository } from '../core/git/git-runner';
import { failureLine } from './failure-line';
import { optionalGit } from './git-verbs';
import { nodeGitHost } from './git/node-git-host';
import { serveStdio } from './mcp/server';
import type { McpShell } from './mcp/shell';
import { TOOL_SETS, toolsOf, type ToolSet } from './mcp/tools';
import { openWorkspace, type NodeWorkspace } from './open-workspace';
import { Verb, verbInput } from './verb-adapter';
import { LOCK_FILE, lockTimeoutMs, VaultLock } from './vault-lock';
import type { ParsedArgs } from './args';

/**
 * Serving is no catalogue operation: it runs the catalogue's operations, one per tool call. Its
 * one input is declared as a field so the CLI checks --tools as it checks any choice. It does not
 * write itself: each writing call takes the vault's lock for its own length, never the server's.
 */
const SERVE: Operation<{ tools?: ToolSet }, void> = {
	name: 'mcp',
	summary: 'Serve the workflow to an MCP client over standard input and output',
	writes: false,
	input: [{ name: 'tools', kind: 'choice', choices: TOOL_SETS, summary: 'core (the default, small set) or all' }],
	run: () => Promise.resolve(),
};

const log = (line: string): void => void process.stderr.write(`spec-work mcp: ${line}\n`);

/** The Node shell's part of the server: the vault opened as this command line opened it, its lock, git. */
function nodeShell(ws: NodeWorkspace, args: ParsedArgs): McpShell {
	return {
		open: () =>
			openWorkspace({
				cwd: ws.vaultPath,
				vault: ws.vaultPath,
				specsRoot: args.options.get('specs-root'),
				ignore: args.repeated.get('ignore')?.flatMap(parseGlobList),
				now: process.env.SPEC_WORK_NOW,
				warn: log,
			}),
		lock: (tool) => VaultLock.acquire(ws.vaultPath, `mcp ${tool}`, lockTimeoutMs(process.env.SPEC_WORK_LOCK_TIMEOUT)),
		optionalGit,
		requiredGit: (w) => ({ repository: () => GitRepository.find(nodeGitHost(), w.vaultPath) }),
		failureLine,
		lockFile: LOCK_FILE,
		log,
	};
}

export const MCP_VERB: Verb = {
	usage: 'mcp [--tools core|all]',
	help: 'Serves the workflow to a coding agent as a Model Context Protocol server over standard input and output (the client starts it; see docs/agents.md). Tools: status, resume, next, start_session, log, update_task, add_deliverable, finish_session, validate; --tools all adds list, open_specs, new_spec, suggest_id, deliverables_report, create_contexts and the git tools. Resources: spec://<id>, spec://<id>/context, spec://<id>/status. Log lines go to standard error.',
	operations: [SERVE],
	positionals: [],
	async run(ws, args) {
		const set = verbInput<{ tools?: ToolSet }>(this, SERVE, args).tools ?? 'core';
		// Checked now, so a wrong SPEC_WORK_LOCK_TIMEOUT fails at start rather than on the first write.
		lockTimeoutMs(process.env.SPEC_WORK_LOCK_TIMEOUT);
		log(`serving ${ws.vaultPath} (${toolsOf(set).length} tools)`);
		await serveStdio(nodeShell(ws, args), ws, set, version);
		return { json: null, text: '' };
	},
};
