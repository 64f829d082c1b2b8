import type { FileStore } from '../files/file-store';
import { ChangeSet } from '../workspace/file-changes';
import type { AgentSetup } from './agent-instructions';
import { AgentTarget, AGENT_TARGETS, DEFAULT_TARGETS, detectTargets, instructionFiles, SKILL_PATH } from './agent-targets';
import { BlockAction, placeBlock } from './marked-block';
import { MCP_CLIENT_FILES, McpClientFile, mcpServerEntry, namesServer, placeServer } from './mcp-config';

/** Where the agent files go: the repository root (as the shell found it) and a store over it. */
export interface AgentRepository {
	/** Absolute path of the root, for messages. */
	root: string;
	/** git: the nearest folder above the vault holding `.git`; vault: no repository, the vault itself. */
	rootKind: 'git' | 'vault';
	/** The vault relative to the root, POSIX ('' when it is the root). */
	vault: string;
	store: FileStore;
}

export interface AgentFilesResult {
	/** The agents written for: those asked for, else those detected, else the default pair. */
	agents: AgentTarget[];
	/** Paths relative to the root, with what happened to each. */
	files: { path: string; action: BlockAction }[];
}

/**
 * Writes the instructions (and MCP configurations) for the agents asked for, or, when none is
 * named, for those the project already has (the slash command and AGENTS.md when it has none).
 * Every file is planned before any is written, so a file that cannot be placed (broken markers,
 * JSON that does not parse) leaves all of them untouched.
 */
export async function writeAgentFiles(repo: AgentRepository, setup: AgentSetup, asked: readonly AgentTarget[] = []): Promise<AgentFilesResult> {
	const detected = await detectTargets(repo.store);
	const chosen = asked.length > 0 ? asked : detected.length > 0 ? detected : DEFAULT_TARGETS;
	const agents = AGENT_TARGETS.filter((t) => chosen.includes(t));
	const changes = new ChangeSet(repo.store);
	const files: AgentFilesResult['files'] = [];
	const place = async (path: string, placed: (existing: string | null) => { text: string; action: BlockAction }) => {
		const existing = (await repo.store.exists(path)) ? await repo.store.read(path) : null;
		const { text, action } = placed(existing);
		if (existing === null) changes.create(path, text);
		else if (action !== 'unchanged') await changes.modify(path, () => text);
		files.push({ path, action });
	};
	const skill = asked.includes('claude') || (await repo.store.exists(SKILL_PATH));
	for (const file of instructionFiles(setup, agents, skill)) {
		await place(file.path, (existing) => placeBlock(existing, file.block, file.path, file.fresh));
	}
	if (agents.includes('mcp')) {
		for (const file of await mcpFiles(repo.store, asked)) {
			await place(file.path, (existing) => placeServer(existing, file, mcpServerEntry(setup, file)));
		}
	}
	await changes.apply();
	return { agents, files };
}

/**
 * The MCP configurations to write: asked for, those of the clients among the agents named (every
 * client's when none is named); found, only the ones already naming the spec-work server, so
 * their vault stays current. Either way a configuration naming it is kept current.
 */
async function mcpFiles(store: FileStore, asked: readonly AgentTarget[]): Promise<McpClientFile[]> {
	const named = MCP_CLIENT_FILES.filter((f) => asked.includes(f.client));
	const wanted = asked.length === 0 ? [] : named.length > 0 ? named : MCP_CLIENT_FILES;
	const out: McpClientFile[] = [];
	for (const file of MCP_CLIENT_FILES) {
		if (wanted.includes(file) || ((await store.exists(file.path)) && namesServer(await store.read(file.path), file))) out.push(file);
	}
	return out;
}
