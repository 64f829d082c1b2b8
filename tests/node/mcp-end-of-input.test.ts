import { spawnCliAsync, TempVault } from '../helpers/cli-process';

/*
 * A client that sends its calls and closes standard input at once (`printf … | spec-work mcp`, or
 * a client shutting down with calls in flight): the server answers every call it read, in order,
 * before it exits, so no write is made that the client does not hear of.
 */

const request = (id: number, method: string, params?: unknown): string => JSON.stringify({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) });
const call = (id: number, name: string, args: Record<string, unknown>): string => request(id, 'tools/call', { name, arguments: args });

const LINES = [
	request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } }),
	JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
	call(2, 'status', { id: '1014' }),
	call(3, 'start_session', { id: '1014', title: 'Docs' }),
	request(4, 'tools/list'),
	call(5, 'log', { id: '1014', section: 'implementation', text: 'Drafted the guide' }),
	call(6, 'status', { id: '9999' }),
	request(7, 'resources/read', { uri: 'spec://1014/context' }),
];

describe('spec-work mcp when the client closes standard input with calls still queued', () => {
	it('answers every call in order, each write made as the CLI makes it, then exits 0', async () => {
		const vault = new TempVault();
		const cliVault = new TempVault();
		try {
			const served = await spawnCliAsync(['mcp', '--vault', vault.dir], { cwd: vault.dir, input: LINES.map((l) => l + '\n').join('') });
			expect(served.code).toBe(0);
			const answers = served.stdout
				.split('\n')
				.filter((l) => l !== '')
				.map((l) => JSON.parse(l) as { id: number; result?: { structuredContent?: unknown; isError?: boolean; content?: { text: string }[] } });
			expect(answers.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);

			const cli = (args: string[]): unknown => JSON.parse(cliVault.run([...args, '--json']).stdout);
			expect(answers[1].result?.structuredContent).toEqual(cli(['status', '1014']));
			expect(answers[2].result?.structuredContent).toEqual(cli(['start', '1014', '--title', 'Docs']));
			expect(answers[4].result?.structuredContent).toEqual(cli(['log', '1014', 'implementation', 'Drafted the guide']));
			expect(answers[5].result).toEqual({ content: [{ type: 'text', text: 'spec-work: No spec with id "9999" under specs/' }], isError: true });
			expect(vault.files()).toEqual(cliVault.files());
			expect(answers[6].result).toEqual({
				contents: [{ uri: 'spec://1014/context', mimeType: 'text/markdown', text: vault.files()['specs/1000/1001/1014.context.md'] }],
			});
		} finally {
			vault.cleanup();
			cliVault.cleanup();
		}
	});
});
