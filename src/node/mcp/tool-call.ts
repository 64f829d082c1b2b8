import { FileStoreError } from '../../core/files/file-store';
import { callWrites, checkInput, InputError } from '../../core/operations/operation';
import { WorkflowError } from '../../core/workspace/workflow-error';
import type { OpenVault } from './open-vault';
import type { McpShell } from './shell';
import { ArgumentError, rawArguments } from './tool-schema';
import type { Tool } from './tools';

/** A tool call's answer, as MCP's CallToolResult has it. */
export interface ToolAnswer {
	[key: string]: unknown;
	content: { type: 'text'; text: string }[];
	structuredContent?: Record<string, unknown>;
	isError?: boolean;
}

/**
 * Runs one tool call: the arguments checked against the operation's fields (their JSON types
 * here, then `checkInput` as every surface does), the vault's lock taken when the call writes, the
 * workspace brought up to date with the disk, the operation run. A refusal comes back as an error
 * result with the line the CLI prints; nothing was written, and the server goes on.
 */
export async function callTool(tool: Tool, args: Record<string, unknown> | undefined, vault: OpenVault, shell: McpShell): Promise<ToolAnswer> {
	let input: unknown;
	try {
		input = checkInput(tool.operation, rawArguments(tool.operation.input, args));
	} catch (e) {
		if (e instanceof InputError || e instanceof ArgumentError) return refusal(`spec-work ${tool.name}: ${e.message}`);
		throw e;
	}
	let lock: { release(): void } | undefined;
	try {
		// As in the CLI: a writing call holds the lock from before it reads until it has written.
		if (callWrites(tool.operation, input as never)) lock = await shell.lock(tool.name);
		const ws = await vault.current();
		const result = await tool.operation.run(ws, input as never, (await tool.host(shell, ws)) as never);
		return answer(tool.json(result));
	} catch (e) {
		const line = shell.failureLine(e);
		const expected = e instanceof WorkflowError || e instanceof FileStoreError;
		shell.log(`${tool.name}: ${line}${!expected && e instanceof Error && e.stack ? `\n${e.stack}` : ''}`);
		return refusal(line);
	} finally {
		lock?.release();
	}
}

/**
 * The CLI's --json output as text (the same bytes, for clients that read only text) and as
 * structured content, which MCP wants an object: a list or null comes under `result`.
 */
export function answer(json: unknown): ToolAnswer {
	const structured = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : { result: json };
	return { content: [{ type: 'text', text: JSON.stringify(json, null, 2) }], structuredContent: structured };
}

export function refusal(line: string): ToolAnswer {
	return { content: [{ type: 'text', text: line }], isError: true };
}
