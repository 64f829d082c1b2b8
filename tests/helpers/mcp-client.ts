import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI, TempVault } from './cli-process';

/** A tool call's answer as a client sees it. */
export interface ToolAnswer {
	content: { type: string; text?: string }[];
	structuredContent?: Record<string, unknown>;
	isError?: boolean;
}

/**
 * The SDK's own client, connected over stdio to `spec-work mcp` started as a real process on the
 * vault, as an agent's client starts it; standard error is kept to check what the server logged.
 */
export class McpSession {
	stderr = '';

	private constructor(
		readonly client: Client,
		private readonly transport: StdioClientTransport,
	) {}

	static async start(vault: string, extraArgs: string[] = [], now = '2025-08-28T10:00'): Promise<McpSession> {
		const transport = new StdioClientTransport({
			command: process.execPath,
			args: [CLI, 'mcp', '--vault', vault, ...extraArgs],
			// The SDK adds HOME to a server's environment: the run's cache folder keeps the user's untouched.
			env: {
				PATH: process.env.PATH ?? '',
				TZ: process.env.TZ ?? 'UTC',
				SPEC_WORK_NOW: now,
				...(process.env.SPEC_WORK_CACHE_DIR ? { SPEC_WORK_CACHE_DIR: process.env.SPEC_WORK_CACHE_DIR } : {}),
			},
			stderr: 'pipe',
		});
		const client = new Client({ name: 'spec-work-tests', version: '1.0.0' });
		const session = new McpSession(client, transport);
		transport.stderr?.on('data', (d: Buffer) => (session.stderr += d.toString('utf8')));
		await client.connect(transport);
		return session;
	}

	async call(name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
		return (await this.client.callTool({ name, arguments: args })) as ToolAnswer;
	}

	/** The one text of an answer (the JSON, or the refusal's line). */
	static text(answer: ToolAnswer): string {
		expect(answer.content).toHaveLength(1);
		return answer.content[0].text ?? '';
	}

	close(): Promise<void> {
		return this.client.close();
	}
}

/**
 * A fresh copy of the example vault and a server on it for each test of the enclosing describe,
 * closed and removed after it: the returned object holds the current test's.
 */
export function serverPerTest(): { vault: TempVault; mcp: McpSession } {
	const current = {} as { vault: TempVault; mcp: McpSession };
	beforeEach(async () => {
		current.vault = new TempVault();
		current.mcp = await McpSession.start(current.vault.dir);
	});
	afterEach(async () => {
		await current.mcp.close();
		current.vault.cleanup();
	});
	return current;
}
