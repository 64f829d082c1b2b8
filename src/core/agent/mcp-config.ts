import { detectEol } from '../markdown/eol';
import { WorkflowError } from '../workspace/workflow-error';
import type { AgentSetup } from './agent-instructions';
import type { BlockAction } from './marked-block';

/** The server's name in every client's configuration. */
export const MCP_SERVER_NAME = 'spec-work';

/** A client that reads MCP servers from a project-level JSON file, and where in it. */
export interface McpClientFile {
	client: 'claude' | 'cursor' | 'gemini' | 'copilot';
	path: string;
	/** The top-level object holding the servers by name. */
	key: 'mcpServers' | 'servers';
	/** VS Code wants the transport named; the others take a command as stdio. */
	type?: 'stdio';
	/**
	 * How the vault folder is written: relative to the root, where Claude Code and Gemini CLI start
	 * the server; Cursor and VS Code start it elsewhere, so their `${workspaceFolder}` anchors it.
	 */
	anchored: boolean;
}

export const MCP_CLIENT_FILES: readonly McpClientFile[] = [
	{ client: 'claude', path: '.mcp.json', key: 'mcpServers', anchored: false },
	{ client: 'cursor', path: '.cursor/mcp.json', key: 'mcpServers', anchored: true },
	{ client: 'gemini', path: '.gemini/settings.json', key: 'mcpServers', anchored: false },
	{ client: 'copilot', path: '.vscode/mcp.json', key: 'servers', type: 'stdio', anchored: true },
];

export interface McpServerEntry {
	type?: 'stdio';
	command: string;
	args: string[];
}

/** `spec-work mcp --vault <vault>`, the command split into a program and its arguments as a shell would. */
export function mcpServerEntry(setup: AgentSetup, file: McpClientFile): McpServerEntry {
	const [command, ...rest] = shellWords(setup.command);
	const vault = file.anchored ? (setup.vault === '' ? '${workspaceFolder}' : `\${workspaceFolder}/${setup.vault}`) : setup.vault === '' ? '.' : setup.vault;
	const entry = { command, args: [...rest, 'mcp', '--vault', vault] };
	return file.type ? { type: file.type, ...entry } : entry;
}

/** Words of a command line: split at blanks, with single and double quotes grouping (no expansions). */
export function shellWords(line: string): string[] {
	const words: string[] = [];
	for (const m of line.matchAll(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g)) {
		words.push(m[0].replace(/'([^']*)'|"([^"]*)"/g, (_, single: string | undefined, double: string | undefined) => single ?? double ?? ''));
	}
	return words;
}

/**
 * The client's file with the spec-work server set: only that entry is added or replaced, every
 * other key kept in its order and the file re-written in its own indentation, line ends,
 * byte-order mark and final newline (a file already in that form keeps every other byte). A file
 * that is not a JSON object, or whose servers are not one, is refused: rewriting it would lose
 * what the person wrote.
 */
export function placeServer(existing: string | null, file: McpClientFile, entry: McpServerEntry): { text: string; action: BlockAction } {
	if (existing === null) return { text: `${JSON.stringify({ [file.key]: { [MCP_SERVER_NAME]: entry } }, null, 2)}\n`, action: 'created' };
	const config = parseConfig(existing, file);
	const servers = (config[file.key] ?? {}) as Record<string, unknown>;
	const before = servers[MCP_SERVER_NAME];
	if (before !== undefined && JSON.stringify(before) === JSON.stringify(entry)) return { text: existing, action: 'unchanged' };
	config[file.key] = { ...servers, [MCP_SERVER_NAME]: entry };
	return { text: serialise(config, existing), action: before === undefined ? 'added' : 'updated' };
}

/** Whether the file's text already names the spec-work server (false for text that does not parse). */
export function namesServer(text: string, file: McpClientFile): boolean {
	try {
		const servers = parseConfig(text, file)[file.key] as Record<string, unknown> | undefined;
		return servers !== undefined && MCP_SERVER_NAME in servers;
	} catch {
		return false;
	}
}

function parseConfig(text: string, file: McpClientFile): Record<string, unknown> {
	const refuse = (why: string) => new WorkflowError('agent-json', `${file.path}: ${why}; fix it (or move it away), then run init-agent again`, file.path);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw refuse(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
	}
	if (!isObject(parsed)) throw refuse('not a JSON object');
	if (parsed[file.key] !== undefined && !isObject(parsed[file.key])) throw refuse(`"${file.key}" is not a JSON object`);
	return parsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON in the form of `like`: its indentation (tab or spaces, two when it has none), line ends, BOM and final newline. */
function serialise(value: unknown, like: string): string {
	const indent = /^[{[][ \t]*\r?\n([ \t]+)\S/.exec(like.replace(/^\uFEFF/, ''))?.[1] ?? '  ';
	const eol = detectEol(like);
	let text = JSON.stringify(value, null, indent).replace(/\n/g, eol);
	if (/\r?\n$/.test(like)) text += eol;
	return like.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
}
