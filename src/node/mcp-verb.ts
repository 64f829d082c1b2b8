import * as nodePath from 'node:path';
import { version } from '../../package.json';
import { optionalRepository } from '../core/git/git-metrics';
import { parseGlobList } from '../core/index/ignored-folders';
import type { Operation } from '../core/operations/operation';
import { nodeGitHost } from './git/node-git-host';
import { cacheFolder } from './index-cache/cache-place';
import { TOOL_SETS, toolsOf, type ToolSet } from './mcp/tools';
import { Verb, verbInput } from './verb-adapter';
import { lockTimeoutMs } from './vault-lock';

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

/**
 * The server, built beside the CLI as dist/mcp-server.js (esbuild.config.mjs) and loaded only to
 * serve: the SDK parsed at every start would slow each other verb by a tenth of a second.
 */
function mcpServer(): typeof import('./mcp-main') {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a file beside the bundle, chosen at run time
	return require(nodePath.join(__dirname, 'mcp-server.js')) as typeof import('./mcp-main');
}

export const MCP_VERB: Verb = {
	usage: 'mcp [--tools core|all]',
	help: 'Serves the workflow to a coding agent as a Model Context Protocol server over standard input and output (the client starts it; see docs/agents.md). Tools: status, resume, next, start_session, log, update_task, add_deliverable, finish_session, validate; --tools all adds list, open_specs, new_spec, suggest_id, deliverables_report, create_contexts and, for a vault in a git repository, the git tools. Resources: spec://<id>, spec://<id>/context, spec://<id>/status. Log lines go to standard error.',
	operations: [SERVE],
	positionals: [],
	async run(ws, args) {
		const tools = verbInput<{ tools?: ToolSet }>(this, SERVE, args).tools ?? 'core';
		// Asked once, at start: the git tools are offered only where they can work.
		const git = tools === 'all' && (await optionalRepository(nodeGitHost(), ws.vaultPath)) !== null;
		// Checked now, so a wrong SPEC_WORK_LOCK_TIMEOUT fails at start rather than on the first write.
		lockTimeoutMs(process.env.SPEC_WORK_LOCK_TIMEOUT);
		process.stderr.write(`spec-work mcp: serving ${ws.vaultPath} (${toolsOf(tools, { git }).length} tools)\n`);
		const open = {
			vault: ws.vaultPath,
			specsRoot: args.options.get('specs-root'),
			ignore: args.repeated.get('ignore')?.flatMap(parseGlobList),
			// Each reopen after a change on disk re-reads only the notes that changed.
			cacheFolder: cacheFolder(process.env, args.options.has('no-cache')),
		};
		await mcpServer().serveVault({ open, tools, git, version });
		return { json: null, text: '' };
	},
};
