import { appendFileSync, readFileSync } from 'fs';
import { join } from 'path';
import { McpSession, serverPerTest } from '../helpers/mcp-client';

/*
 * An agent over MCP reads a spec's revision and writes with baseRevision: a person's edit made in
 * between refuses the write with the CLI's line and changes nothing; reading again lets it through.
 */

const CONTEXT = 'specs/1000/1001/1014.context.md';
const WRITES = ['start_session', 'log', 'update_task', 'add_deliverable', 'finish_session'];

describe('spec-work mcp with baseRevision', () => {
	const server = serverPerTest();

	const revision = async (tool: 'status' | 'resume'): Promise<string> => (await server.mcp.call(tool, { id: '1014' })).structuredContent?.revision as string;

	it('every writing tool takes baseRevision; the read tools give the revision, the same as the status resource', async () => {
		const { tools } = await server.mcp.client.listTools();
		const taking = tools.filter((t) => 'baseRevision' in (t.inputSchema.properties ?? {})).map((t) => t.name);
		expect(taking).toEqual(WRITES);
		const read = await revision('status');
		expect(read).toMatch(/^[0-9a-f]{12}\.[0-9a-f]{12}$/);
		expect(await revision('resume')).toBe(read);
		const resource = await server.mcp.client.readResource({ uri: 'spec://1014/status' });
		expect((JSON.parse((resource.contents[0] as { text: string }).text) as { revision: string }).revision).toBe(read);
	});

	it("refuses a write based on a revision a person's edit has passed, changing no byte; a fresh one writes, keeping the edit", async () => {
		expect((await server.mcp.call('start_session', { id: '1014', baseRevision: await revision('status') })).isError).toBeFalsy();
		const read = await revision('status');
		appendFileSync(join(server.vault.dir, CONTEXT), '\nA note typed in Obsidian between two calls.\n');
		const before = server.vault.files();
		const refused = await server.mcp.call('log', { id: '1014', section: 'testing', text: 'Mounted the share again', baseRevision: read });
		expect(refused.isError).toBe(true);
		expect(McpSession.text(refused)).toBe(`spec-work: ${CONTEXT} changed since revision ${read} was read; read it again (spec-work status 1014) and retry (as MCP tool: status)`);
		expect(server.vault.files()).toEqual(before);

		const logged = await server.mcp.call('log', { id: '1014', section: 'testing', text: 'Mounted the share again', baseRevision: await revision('status') });
		expect(logged.isError).toBeFalsy();
		const journal = readFileSync(join(server.vault.dir, CONTEXT), 'utf8');
		expect(journal).toContain('A note typed in Obsidian between two calls.');
		expect(journal).toContain('- Mounted the share again\n');
	});

	it('refuses a baseRevision that is not a revision, or not a string, and goes on serving', async () => {
		const before = server.vault.files();
		const bad = await server.mcp.call('update_task', { id: '1014', task: '6', state: 'done', baseRevision: 'latest' });
		expect(McpSession.text(bad)).toMatch(/^spec-work: "latest" is not a revision/);
		const typed = await server.mcp.call('update_task', { id: '1014', task: '6', state: 'done', baseRevision: 42 });
		expect(McpSession.text(typed)).toBe('spec-work update_task: baseRevision must be a string (got 42)');
		expect(server.vault.files()).toEqual(before);
		expect((await server.mcp.call('update_task', { id: '1014', task: '6', state: 'done', baseRevision: await revision('resume') })).isError).toBeFalsy();
	});
});
