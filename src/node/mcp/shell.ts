import type { GitAccess, RequiredGit } from '../../core/operations/hosts';
import type { NodeWorkspace } from '../open-workspace';

/**
 * What the Node shell gives the MCP server: opening the vault, its lock, git, and the CLI's words
 * for a failure. Passed in rather than imported, so this folder depends on the shell's types only
 * and the CLI can start the server without the two folders importing each other.
 */
export interface McpShell {
	/** Opens the vault afresh (index, settings, clock), as a CLI call does. */
	open(): Promise<NodeWorkspace>;
	/** Takes the vault's writer lock, as a writing CLI call does, waiting its turn. */
	lock(tool: string): Promise<{ release(): void }>;
	optionalGit(ws: NodeWorkspace): GitAccess;
	requiredGit(ws: NodeWorkspace): RequiredGit;
	/** The one line the CLI prints for a failed call. */
	failureLine(e: unknown): string;
	/** A file in the vault root that is not vault content (the lock): its coming and going is no change. */
	lockFile: string;
	/** One log line, to standard error: standard output carries only the protocol. */
	log(line: string): void;
}
