import { GitRepository } from '../core/git/git-runner';
import { failureLine } from '../core/text/call-text';
import { optionalGit } from './git-verbs';
import { nodeGitHost } from './git/node-git-host';
import { serveStdio } from './mcp/server';
import type { McpShell } from './mcp/shell';
import { withToolNames } from './mcp-tool-names';
import { toolsOf, type ToolSet } from './mcp/tools';
import { FsFileStore } from './fs-file-store';
import { openWorkspace, type OpenOptions } from './open-workspace';
import { LOCK_FILE, lockTimeoutMs, VaultLock } from './vault-lock';

/*
 * The entry of dist/mcp-server.js: the server with the Node shell it runs on, bundled apart from
 * the CLI so the SDK is parsed only by `spec-work mcp`. Everything the server's calls touch (the
 * store, the lock, the error classes) comes from this one bundle.
 */

export interface ServeOptions {
	/** How the CLI opened the vault: the same folder, specs root and ignored folders for every call. */
	open: Pick<OpenOptions, 'vault' | 'specsRoot' | 'ignore' | 'cacheFolder'> & { vault: string };
	tools: ToolSet;
	/** Whether the vault is in a git repository: the git tools are offered only then. */
	git: boolean;
	version: string;
}

const log = (line: string): void => void process.stderr.write(`spec-work mcp: ${line}\n`);

function nodeShell(options: ServeOptions): McpShell {
	const vaultPath = options.open.vault;
	const toolNames = withToolNames(toolsOf(options.tools, { git: options.git }));
	return {
		open: () => openWorkspace({ ...options.open, cwd: vaultPath, now: process.env.SPEC_WORK_NOW, warn: log, follow: true }),
		lock: async (tool) => {
			const lock = await VaultLock.acquire(vaultPath, `mcp ${tool}`, lockTimeoutMs(process.env.SPEC_WORK_LOCK_TIMEOUT));
			// As a writing CLI call does on opening: a crashed run's write is finished under the lock, before this call reads.
			try {
				for (const line of new FsFileStore(vaultPath).recover()) log(line);
			} catch (e) {
				lock.release();
				throw e;
			}
			return lock;
		},
		optionalGit,
		requiredGit: (ws) => ({ repository: () => GitRepository.find(nodeGitHost(), ws.vaultPath) }),
		failureLine: (e) => toolNames(failureLine(e)),
		lockFile: LOCK_FILE,
		log,
	};
}

/** Serves the vault until the client closes standard input. */
export async function serveVault(options: ServeOptions): Promise<void> {
	const shell = nodeShell(options);
	const first = await shell.open();
	await serveStdio(shell, first, toolsOf(options.tools, { git: options.git }), options.version);
}
