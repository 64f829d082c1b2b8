import { AgentTarget, AGENT_TARGETS } from '../agent/agent-targets';
import { AgentFilesResult, AgentRepository, writeAgentFiles } from '../agent/init-agent-files';
import type { Workspace } from '../workspace/workspace';
import { Operation, writeOperation } from './operation';

export interface InitAgentResult extends AgentFilesResult {
	root: string;
	rootKind: 'git' | 'vault';
	/** The vault relative to the root ('' when it is the root). */
	vault: string;
	command: string;
}

/** Finding the repository root above the vault, and writing there, is the shell's. */
export interface AgentFilesHost {
	repository(ws: Workspace): Promise<AgentRepository>;
}

export const INIT_AGENT: Operation<{ command?: string; agent?: AgentTarget[] }, InitAgentResult, AgentFilesHost> = writeOperation({
	name: 'init-agent',
	summary: 'Write instructions for coding agents (and their MCP configuration) at the repository root',
	writes: true,
	input: [
		{ name: 'command', kind: 'text', summary: 'How agents call the CLI (default spec-work)' },
		{ name: 'agent', kind: 'list', choices: AGENT_TARGETS, summary: 'The agents to write for (default: those the project has, else claude and agents)' },
	],
	async run(ws, input, host) {
		const repo = await host.repository(ws);
		const command = input.command ?? 'spec-work';
		const { agents, files } = await writeAgentFiles(repo, { command, vault: repo.vault, specsRoot: ws.settings.specsRoot }, input.agent ?? []);
		return { root: repo.root, rootKind: repo.rootKind, vault: repo.vault, command, agents, files };
	},
});
