import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
	CallToolRequestSchema,
	ErrorCode,
	isJSONRPCErrorResponse,
	isJSONRPCNotification,
	isJSONRPCRequest,
	isJSONRPCResultResponse,
	type JSONRPCMessage,
	ListResourcesRequestSchema,
	ListResourceTemplatesRequestSchema,
	ListToolsRequestSchema,
	ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { WorkflowError } from '../../core/workspace/workflow-error';
import type { NodeWorkspace } from '../open-workspace';
import { OpenVault } from './open-vault';
import { readSpecResource, RESOURCE_TEMPLATES, specResources } from './resources';
import type { McpShell } from './shell';
import { callTool, refusal } from './tool-call';
import { toolInputSchema } from './tool-schema';
import type { Tool } from './tools';

export const SERVER_NAME = 'spec-work';

/** Told to the agent when it connects: the workflow in the order the tools are meant to be used. */
const INSTRUCTIONS = `Spec Workflow: specs, their implementation journals (context files) and their deliverables, kept traceable in an Obsidian vault that people review.
Record your work through these tools instead of editing the spec or context files by hand:
pick work with next (or status <id>), start_session on the spec with the approved plan, log each step as you go (implementation, testing, issues, commits), add_deliverable for each file you produce, update_task … done as tasks finish, and finish_session when you stop.
A failed call changed nothing: its text says why in one line; fix the cause and call again.`;

/**
 * The MCP server over a vault: tools from the catalogue (the `set`), the spec:// resources, and
 * calls taken one at a time, so a write and the reads around it see the vault in order.
 */
function specServer(shell: McpShell, first: NodeWorkspace, tools: readonly Tool[], version: string) {
	const vault = new OpenVault(shell, first);
	// Its low-level server's handlers, not registerTool: the tools' JSON schemas are generated from
	// the catalogue's fields, where registerTool would take Zod schemas and check arguments itself.
	const mcp = new McpServer({ name: SERVER_NAME, version }, { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS });
	const server = mcp.server;
	let queue: Promise<unknown> = Promise.resolve();
	const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
		const next = queue.then(work, work);
		queue = next.catch(() => undefined);
		return next;
	};

	// Even the answers that need no vault wait their turn, so a client reads its answers in the order it asked.
	server.setRequestHandler(ListToolsRequestSchema, () =>
		inTurn(async () => ({
			tools: tools.map((t) => ({ name: t.name, description: t.description, inputSchema: toolInputSchema(t.operation.input) })),
		})),
	);
	server.setRequestHandler(CallToolRequestSchema, (request) => {
		const tool = tools.find((t) => t.name === request.params.name);
		if (!tool) return inTurn(async () => refusal(`spec-work: no tool "${request.params.name}"; the tools are ${tools.map((t) => t.name).join(', ')}`));
		return inTurn(() => callTool(tool, request.params.arguments, vault, shell));
	});
	server.setRequestHandler(ListResourceTemplatesRequestSchema, () => inTurn(async () => ({ resourceTemplates: RESOURCE_TEMPLATES.map((t) => ({ ...t })) })));
	server.setRequestHandler(ListResourcesRequestSchema, () => inTurn(async () => ({ resources: specResources(await vault.current()) })));
	server.setRequestHandler(ReadResourceRequestSchema, (request) =>
		inTurn(async () => {
			try {
				return { contents: [await readSpecResource(await vault.current(), request.params.uri, shell)] };
			} catch (e) {
				throw new ResourceError(e instanceof WorkflowError && NOT_FOUND.has(e.code) ? RESOURCE_NOT_FOUND : ErrorCode.InvalidParams, shell.failureLine(e));
			}
		}),
	);
	return mcp;
}

/** MCP's code for a resource that does not exist (its spec's resources section): an unknown id, a spec without a journal. */
const RESOURCE_NOT_FOUND = -32002;
const NOT_FOUND = new Set(['unknown-id', 'no-context']);

/**
 * A resources/read refusal: its code and the CLI's one line. Not the SDK's McpError, which writes
 * "MCP error <code>:" into the message, where clients add that prefix themselves.
 */
class ResourceError extends Error {
	constructor(
		readonly code: number,
		message: string,
	) {
		super(message);
	}
}

/**
 * Serves the vault over standard input and output until the client closes standard input, and
 * then until every request it sent before has been answered.
 */
export async function serveStdio(shell: McpShell, first: NodeWorkspace, tools: readonly Tool[], version: string): Promise<void> {
	const mcp = specServer(shell, first, tools, version);
	const transport = new StdioServerTransport();
	const closed = new Promise<void>((resolve) => (mcp.server.onclose = resolve));
	mcp.server.onerror = (e) => shell.log(`protocol error: ${e.message}`);
	await mcp.connect(transport);
	answerMalformed(transport);
	closeWhenAnswered(transport, () => void mcp.close(), shell);
	await closed;
}

type RequestId = string | number;

/**
 * Calls `close` once standard input has ended (the transport itself does not notice the client
 * going away) and each request read before has its answer written: a client that sends its calls
 * and closes at once (`printf … | spec-work mcp`) still hears of every write they made. A request
 * the client cancelled gets no answer, so it is not waited for; with standard output gone there
 * is no one to answer.
 */
function closeWhenAnswered(transport: StdioServerTransport, close: () => void, shell: McpShell): void {
	// By id, counted: a client may reuse an id once its request is answered.
	const unanswered = new Map<RequestId, number>();
	let ended = false;
	const settle = (id: RequestId): void => {
		const left = (unanswered.get(id) ?? 0) - 1;
		if (left > 0) unanswered.set(id, left);
		else unanswered.delete(id);
		if (ended && unanswered.size === 0) close();
	};
	const deliver = transport.onmessage;
	transport.onmessage = (message: JSONRPCMessage) => {
		if (isJSONRPCRequest(message)) unanswered.set(message.id, (unanswered.get(message.id) ?? 0) + 1);
		else if (isJSONRPCNotification(message) && message.method === 'notifications/cancelled') {
			const id = (message.params as { requestId?: RequestId } | undefined)?.requestId;
			if (id !== undefined && unanswered.has(id)) settle(id);
		}
		deliver?.(message);
	};
	const send = transport.send.bind(transport);
	transport.send = async (message: JSONRPCMessage) => {
		try {
			await send(message);
		} finally {
			const answered = isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message) ? message.id : undefined;
			if (answered !== undefined && unanswered.has(answered)) settle(answered);
		}
	};
	process.stdin.once('end', () => {
		ended = true;
		if (unanswered.size === 0) close();
	});
	process.stdout.once('error', (e: Error) => {
		shell.log(`standard output failed (${e.message}); ${unanswered.size} request(s) left unanswered`);
		close();
	});
}

/** The requests this server answers whose params the SDK checks, by method. */
const REQUEST_SCHEMAS = new Map(
	[CallToolRequestSchema, ListToolsRequestSchema, ListResourcesRequestSchema, ListResourceTemplatesRequestSchema, ReadResourceRequestSchema].map((s) => [
		s.shape.method.value as string,
		s,
	]),
);

/**
 * Answers what the SDK would not, or not readably: a line that is not JSON (-32700) or not a
 * JSON-RPC message (-32600) gets an error with id null, as JSON-RPC says, where the SDK only
 * reports it here and the client waits forever; a request whose params do not fit gets one line
 * (-32602), where the SDK sends its schema library's complaint as a JSON dump.
 */
function answerMalformed(transport: StdioServerTransport): void {
	const deliver = transport.onmessage;
	transport.onmessage = (message: JSONRPCMessage) => {
		const refused = paramsRefusal(message);
		if (refused) void transport.send(refused);
		else deliver?.(message);
	};
	const report = transport.onerror;
	transport.onerror = (error) => {
		report?.(error);
		const code = error instanceof SyntaxError ? ErrorCode.ParseError : error.name === 'ZodError' ? ErrorCode.InvalidRequest : null;
		if (code === null) return;
		const what = code === ErrorCode.ParseError ? `Parse error: the line is not JSON (${error.message})` : 'Invalid Request: the line is not a JSON-RPC message';
		void transport.send({ jsonrpc: '2.0', id: null, error: { code, message: what } } as unknown as JSONRPCMessage);
	};
}

/** The error answer to a request whose params do not fit its method's schema; null when they do. */
function paramsRefusal(message: JSONRPCMessage): JSONRPCMessage | null {
	if (!isJSONRPCRequest(message)) return null;
	const checked = REQUEST_SCHEMAS.get(message.method)?.safeParse(message);
	if (!checked || checked.success) return null;
	const problems = checked.error.issues.map((i) => `${i.path.join('.') || 'the request'}: ${i.message.replace(/^Invalid input: /, '')}`);
	return { jsonrpc: '2.0', id: message.id, error: { code: ErrorCode.InvalidParams, message: `Invalid ${message.method} request: ${problems.join('; ')}` } };
}
