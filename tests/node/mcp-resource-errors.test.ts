import { spawnCliAsync, TempVault } from '../helpers/cli-process';

/*
 * resources/read refusals as they go over the wire: the MCP code for a resource that does not
 * exist (-32002), or invalid params for a URI that is not a spec's, with the CLI's one line as the
 * message (clients add their own "MCP error <code>:" prefix).
 */

const request = (id: number, method: string, params: unknown): string => JSON.stringify({ jsonrpc: '2.0', id, method, params });
const read = (id: number, uri: string): string => request(id, 'resources/read', { uri });

describe('spec-work mcp, reading a resource it cannot give', () => {
	it('answers -32002 for an unknown spec or a spec without a journal, -32602 for a URI not of a spec, each with one clean line', async () => {
		const vault = new TempVault({ 'specs/1000/epic.md': '# 1000 - Storage\n' });
		try {
			const lines = [
				request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } }),
				read(2, 'spec://9999'),
				read(3, 'spec://1000/context'),
				read(4, 'file:///etc/passwd'),
			];
			const served = await spawnCliAsync(['mcp', '--vault', vault.dir], { cwd: vault.dir, input: lines.map((l) => l + '\n').join('') });
			const answers = served.stdout
				.split('\n')
				.filter((l) => l !== '')
				.slice(1)
				.map((l) => JSON.parse(l) as unknown);
			expect(answers).toEqual([
				{ jsonrpc: '2.0', id: 2, error: { code: -32002, message: 'spec-work: No spec with id "9999" under specs/' } },
				{ jsonrpc: '2.0', id: 3, error: { code: -32002, message: 'spec-work: Spec 1000 has no context file yet; start_session creates it' } },
				{
					jsonrpc: '2.0',
					id: 4,
					error: { code: -32602, message: 'spec-work: Not a spec resource: file:///etc/passwd (use spec://<id>, spec://<id>/context or spec://<id>/status)' },
				},
			]);
		} finally {
			vault.cleanup();
		}
	});
});
