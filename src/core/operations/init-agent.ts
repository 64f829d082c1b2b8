import type { BlockAction } from '../agent/marked-block';
import type { Workspace } from '../workspace/workspace';
import { Operation } from './operation';

export interface InitAgentResult {
	root: string;
	rootKind: 'git' | 'vault';
	/** The vault relative to the root ('' when it is the root). */
	vault: string;
	command: string;
	/** Paths relative to the root, with what happened to each. */
	files: { path: string; action: BlockAction }[];
}

/** Writing outside the vault (the repository root above it) is the shell's. */
export interface AgentFilesHost {
	initAgent(ws: Workspace, command: string | undefined): Promise<InitAgentResult>;
}

export const INIT_AGENT: Operation<{ command?: string }, InitAgentResult, AgentFilesHost> = {
	name: 'init-agent',
	summary: 'Write the /spec_work slash command and an AGENTS.md section at the repository root',
	writes: true,
	input: [{ name: 'command', kind: 'text', summary: 'How agents call the CLI (default spec-work)' }],
	run: (ws, input, host) => host.initAgent(ws, input.command),
};
