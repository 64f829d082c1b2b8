import { spawn } from 'child_process';
import { CLI, TempVault } from '../helpers/cli-process';

/**
 * Sends `lines` to `spec-work mcp` as a client would, one message a line, and gives back what the
 * server answered, parsed, up to its answer to the last line (a request with id `lastId`): the
 * server answers in turn, so every answer to an earlier line is in by then.
 */
function answersTo(vault: string, lines: string[], lastId: number): Promise<unknown[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, 'mcp', '--vault', vault], {
			env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SPEC_WORK_NOW: '2025-08-28T10:00', SPEC_WORK_CACHE_DIR: process.env.SPEC_WORK_CACHE_DIR ?? '' },
		});
		let out = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => {
			out += d;
			const answers = out
				.split('\n')
				.filter((l) => l !== '')
				.map((l) => JSON.parse(l) as { id?: unknown });
			if (answers.some((a) => a.id === lastId)) {
				child.stdin.end();
				resolve(answers);
			}
		});
		child.on('error', reject);
		child.on('close', () => reject(new Error(`the server closed after answering only:\n${out}`)));
		child.stdin.write(lines.map((l) => l + '\n').join(''));
	});
}

const INITIALIZE = JSON.stringify({
	jsonrpc: '2.0',
	id: 0,
	method: 'initialize',
	params: { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: { name: 't', version: '1' } },
});

describe('spec-work mcp, given lines that are no fit request', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
	});
	afterEach(() => vault.cleanup());

	it('answers each in one readable line, as JSON-RPC says, and goes on serving', async () => {
		const answers = await answersTo(
			vault.dir,
			[
				INITIALIZE,
				'{not json',
				'[1, 2]',
				JSON.stringify({ jsonrpc: '2.0', id: 10, method: 'tools/call' }),
				JSON.stringify({ jsonrpc: '2.0', id: 11, method: 'resources/read', params: {} }),
				JSON.stringify({ jsonrpc: '2.0', id: 12, method: 'ping' }),
			],
			12,
		);
		expect(answers).toEqual(
			expect.arrayContaining([
				{ jsonrpc: '2.0', id: null, error: { code: -32700, message: expect.stringMatching(/^Parse error: the line is not JSON \(.+\)$/) as unknown } },
				{ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request: the line is not a JSON-RPC message' } },
				{ jsonrpc: '2.0', id: 10, error: { code: -32602, message: 'Invalid tools/call request: params: expected object, received undefined' } },
				{ jsonrpc: '2.0', id: 11, error: { code: -32602, message: 'Invalid resources/read request: params.uri: expected string, received undefined' } },
				{ jsonrpc: '2.0', id: 12, result: {} },
			]),
		);
	});
});
