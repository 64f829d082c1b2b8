/**
 * The MCP server's answer time at a vault's size: `spec-work mcp` started as a real process by the
 * SDK's client over stdio, as an agent's client starts it; a status call timed from request to
 * answer. The first call of a session, then the median of those after it (the vault kept open,
 * following the changes on disk before each call).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { performance } from 'node:perf_hooks';

export interface McpCallTimes {
	first: number;
	/** Each a median of 11 calls in a row. */
	next: number[];
}

export async function measureMcpCalls(cli: string, vault: string, id: string, runs: number, cacheDir: string): Promise<McpCallTimes> {
	const transport = new StdioClientTransport({
		command: process.execPath,
		args: [cli, 'mcp', '--vault', vault],
		env: { PATH: process.env.PATH ?? '', SPEC_WORK_NOW: '2025-08-28T10:00', SPEC_WORK_CACHE_DIR: cacheDir },
		stderr: 'ignore',
	});
	const client = new Client({ name: 'spec-work-bench', version: '1.0.0' });
	await client.connect(transport);
	try {
		const call = async (): Promise<number> => {
			const t0 = performance.now();
			const answer = await client.callTool({ name: 'status', arguments: { id } });
			if (answer.isError) throw new Error(`status over MCP refused: ${JSON.stringify(answer.content)}`);
			return performance.now() - t0;
		};
		const first = await call();
		const next: number[] = [];
		for (let r = 0; r < runs; r++) {
			const each: number[] = [];
			for (let i = 0; i < 11; i++) each.push(await call());
			each.sort((a, b) => a - b);
			next.push(each[5]);
		}
		return { first, next };
	} finally {
		await client.close();
	}
}
