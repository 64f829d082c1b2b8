import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { AgentRepository } from '../core/agent/init-agent-files';
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

/** The repository init-agent writes in: its root above the vault, and a file store over it (atomic writes). */
export function agentRepository(vaultPath: string): AgentRepository {
	const { root, kind } = findRepositoryRoot(vaultPath);
	const vault = nodePath.relative(root, nodePath.resolve(vaultPath)).split(nodePath.sep).join('/');
	return { root, rootKind: kind, vault, store: new FsFileStore(root) };
}

function exists(path: string): boolean {
	try {
		statSync(path);
		return true;
	} catch {
		return false;
	}
}
