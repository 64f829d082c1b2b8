import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { agentsSection, AGENTS_PATH, AgentSetup, SLASH_COMMAND_PATH, slashCommandBlock, slashCommandFile } from '../core/agent/agent-instructions';
import { placeBlock } from '../core/agent/marked-block';
import type { InitAgentResult } from '../core/operations/init-agent';
import { FsFileStore } from './fs-file-store';

export interface RepositoryRoot {
	/** Absolute path of the folder the agent files go in. */
	root: string;
	/** git: the nearest ancestor of the vault holding `.git`; vault: no repository, the vault itself. */
	kind: 'git' | 'vault';
}

export type { InitAgentResult };

/** The nearest folder from the vault upwards holding `.git` (a folder, or a file in worktrees), else the vault. */
export function findRepositoryRoot(vaultPath: string): RepositoryRoot {
	for (let dir = nodePath.resolve(vaultPath); ; dir = nodePath.dirname(dir)) {
		if (exists(nodePath.join(dir, '.git'))) return { root: dir, kind: 'git' };
		if (nodePath.dirname(dir) === dir) break;
	}
	return { root: nodePath.resolve(vaultPath), kind: 'vault' };
}

/**
 * Writes the slash command and the AGENTS.md section at the repository root. Both files are
 * planned before either is written, so a file with broken markers leaves both untouched; each
 * write replaces only the text between the spec-work markers (atomically, via FsFileStore).
 */
export async function initAgent(options: { vaultPath: string; specsRoot: string; command?: string }): Promise<InitAgentResult> {
	const { root, kind } = findRepositoryRoot(options.vaultPath);
	const vault = nodePath.relative(root, nodePath.resolve(options.vaultPath)).split(nodePath.sep).join('/');
	const setup: AgentSetup = { command: options.command ?? 'spec-work', vault, specsRoot: options.specsRoot };
	const store = new FsFileStore(root);
	const plans = [
		{ path: SLASH_COMMAND_PATH, block: slashCommandBlock(setup), fresh: slashCommandFile(setup) },
		{ path: AGENTS_PATH, block: agentsSection(setup), fresh: undefined },
	];
	const edits = [];
	for (const plan of plans) {
		const existing = (await store.exists(plan.path)) ? await store.read(plan.path) : null;
		edits.push({ ...plan, existing, ...placeBlock(existing, plan.block, plan.path, plan.fresh) });
	}
	for (const edit of edits) {
		if (edit.existing === null) await store.create(edit.path, edit.text);
		// Placed again on the text read under the write, so an edit made in between is kept too.
		else if (edit.action !== 'unchanged') await store.process(edit.path, (text) => placeBlock(text, edit.block, edit.path).text);
	}
	return { root, rootKind: kind, vault, command: setup.command, files: edits.map((e) => ({ path: e.path, action: e.action })) };
}

function exists(path: string): boolean {
	try {
		statSync(path);
		return true;
	} catch {
		return false;
	}
}
