import type { FileStore } from '../files/file-store';
import { AGENTS_PATH, agentsSection, AgentSetup, SLASH_COMMAND_PATH, slashCommandBlock, slashCommandFile, workflowBlock } from './agent-instructions';
import { MCP_CLIENT_FILES, namesServer } from './mcp-config';

/** The agents `init-agent --agent NAME` writes for; `mcp` is the server's configuration for each client that takes one. */
export const AGENT_TARGETS = ['claude', 'agents', 'cursor', 'gemini', 'copilot', 'mcp'] as const;
export type AgentTarget = (typeof AGENT_TARGETS)[number];

/** What init-agent wrote before it knew other agents, and still writes when it finds none. */
export const DEFAULT_TARGETS: readonly AgentTarget[] = ['claude', 'agents'];

export const SKILL_PATH = '.claude/skills/spec-work/SKILL.md';
export const CURSOR_RULE_PATH = '.cursor/rules/spec-work.mdc';
export const GEMINI_PATH = 'GEMINI.md';
export const COPILOT_PATH = '.github/copilot-instructions.md';

/** A markdown file holding a generated block: `fresh` is a new file's whole text (frontmatter and block). */
export interface InstructionFile {
	target: AgentTarget;
	path: string;
	block: string;
	fresh?: string;
}

/** Signs that a project already uses an agent: its own instruction file or settings folder. */
const SIGNS: Record<Exclude<AgentTarget, 'mcp'>, readonly string[]> = {
	claude: ['CLAUDE.md', '.claude'],
	agents: [AGENTS_PATH],
	cursor: ['.cursor', '.cursorrules'],
	gemini: [GEMINI_PATH, '.gemini'],
	copilot: [COPILOT_PATH],
};

/**
 * The agents a project already has, in AGENT_TARGETS order: each whose file or folder is there,
 * and `mcp` when a client's configuration already names the spec-work server.
 */
export async function detectTargets(store: FileStore): Promise<AgentTarget[]> {
	const found: AgentTarget[] = [];
	for (const [target, signs] of Object.entries(SIGNS) as [AgentTarget, readonly string[]][]) {
		for (const sign of signs) {
			if (await present(store, sign)) {
				found.push(target);
				break;
			}
		}
	}
	for (const file of MCP_CLIENT_FILES) {
		if ((await store.exists(file.path)) && namesServer(await store.read(file.path), file)) {
			found.push('mcp');
			break;
		}
	}
	return found;
}

/** A file, or a folder holding any file (stores that know only files answer for folders so). */
async function present(store: FileStore, path: string): Promise<boolean> {
	if (await store.exists(path)) return true;
	try {
		return (await store.list(path)).length > 0;
	} catch {
		return false;
	}
}

/**
 * The instruction files for `targets`, in a fixed order (the slash command and AGENTS.md first, as
 * init-agent always wrote them). Claude's skill comes with `skill`: asked for by name, or there already.
 */
export function instructionFiles(setup: AgentSetup, targets: readonly AgentTarget[], skill: boolean): InstructionFile[] {
	const files: InstructionFile[] = [];
	const has = (t: AgentTarget) => targets.includes(t);
	if (has('claude')) files.push({ target: 'claude', path: SLASH_COMMAND_PATH, block: slashCommandBlock(setup), fresh: slashCommandFile(setup) });
	if (has('agents')) files.push({ target: 'agents', path: AGENTS_PATH, block: agentsSection(setup) });
	if (has('claude') && skill) {
		const block = workflowBlock(setup, 'skill', '#');
		files.push({ target: 'claude', path: SKILL_PATH, block, fresh: withFrontmatter(SKILL_FRONTMATTER, block) });
	}
	if (has('cursor')) {
		const block = workflowBlock(setup, 'cursor', '#');
		files.push({ target: 'cursor', path: CURSOR_RULE_PATH, block, fresh: withFrontmatter(CURSOR_FRONTMATTER, block) });
	}
	if (has('gemini')) files.push({ target: 'gemini', path: GEMINI_PATH, block: workflowBlock(setup, 'gemini', '##') });
	if (has('copilot')) files.push({ target: 'copilot', path: COPILOT_PATH, block: workflowBlock(setup, 'copilot', '##') });
	return files;
}

/** Claude Code skill: `name` (lowercase and hyphens, the folder's name) and a `description` saying when to use it. */
const SKILL_FRONTMATTER = [
	'name: spec-work',
	'description: Implement a spec of the Obsidian vault and record every step (session, plan tasks, log, deliverables) in its context file through the spec-work CLI. Use when asked to work on, resume or check a spec by its id, or to pick the next task.',
];

/** Cursor rule (.mdc): applied to every request, as AGENTS.md is read by the agents that read it. */
const CURSOR_FRONTMATTER = ['description: Record work on the specs of the Obsidian vault through spec-work (sessions, plan tasks, log, deliverables)', 'alwaysApply: true'];

function withFrontmatter(lines: readonly string[], block: string): string {
	return ['---', ...lines, '---', '', block].join('\n');
}
