import { rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { spawnCliAsync } from '../helpers/cli-process';
import { McpSession, serverPerTest } from '../helpers/mcp-client';

/*
 * The server keeps the vault open between calls; each answer must be the one a fresh CLI call
 * gives at that moment, whatever happened on disk in between.
 */

const BORROWED = 'specs/3000/3001/3002.spec.md';
// A task in 3001's folder whose parent is a bare-name link to a spec elsewhere.
const BORROWED_TEXT = '---\nid: "3002"\ntype: task\ntitle: Borrowed parent\nstatus: draft\nparent: "[[1011.spec]]"\n---\n# Borrowed parent\n';

/** The status JSON's parent id and children ids. */
function family(json: string): { parent: string | undefined; children: string[] } {
	const status = JSON.parse(json) as { parent: { id: string } | null; children: { id: string }[] };
	return { parent: status.parent?.id, children: status.children.map((c) => c.id) };
}

describe('spec-work mcp answers as a fresh CLI call after changes on disk', () => {
	const server = serverPerTest();

	/** The MCP tool's answer and a fresh CLI's --json answer (no cache) to the same question. */
	async function both(tool: string, args: Record<string, unknown>, cli: string[]): Promise<[string, string]> {
		const answer = await server.mcp.call(tool, args);
		const run = await spawnCliAsync([...cli, '--json', '--no-cache'], { cwd: server.vault.dir });
		const mcp = answer.isError ? `error: ${McpSession.text(answer)}` : McpSession.text(answer).trim();
		const fresh = run.code !== 0 && run.stdout.trim() === '' ? `error: ${run.stderr.trim()}` : run.stdout.trim();
		return [mcp, fresh];
	}

	it('a note taking over a parent link: the spec falls back to its folder as parent', async () => {
		server.vault.write({ [BORROWED]: BORROWED_TEXT });
		const [before, freshBefore] = await both('status', { id: '3002' }, ['status', '3002']);
		expect([family(before).parent, before]).toEqual(['1011', freshBefore]);
		// A plain note at the vault root of the same name: `[[1011.spec]]` now resolves to it (exact path from the root).
		writeFileSync(join(server.vault.dir, '1011.spec.md'), '# Not a spec\n');
		const [after, freshAfter] = await both('status', { id: '3002' }, ['status', '3002']);
		expect(family(freshAfter).parent).toBe('3001');
		expect(after).toBe(freshAfter);
	});

	it("the note taking over a parent link removed: the spec is the linked spec's child again", async () => {
		server.vault.write({ [BORROWED]: BORROWED_TEXT, '1011.spec.md': '# Not a spec\n' });
		const [before, freshBefore] = await both('status', { id: '1011' }, ['status', '1011']);
		expect([family(before).children, before]).toEqual([[], freshBefore]);
		rmSync(join(server.vault.dir, '1011.spec.md'));
		const [after, freshAfter] = await both('status', { id: '1011' }, ['status', '1011']);
		expect(family(freshAfter).children).toEqual(['3002']);
		expect(after).toBe(freshAfter);
	});

	it('the specs folder removed: refused as a fresh CLI refuses, not answered as an empty vault', async () => {
		const [before, freshBefore] = await both('validate', {}, ['validate']);
		expect(before).toBe(freshBefore);
		rmSync(join(server.vault.dir, 'specs'), { recursive: true });
		const [after, freshAfter] = await both('validate', {}, ['validate']);
		expect(freshAfter).toMatch(/^error: spec-work: No specs folder at /);
		expect(after).toBe(freshAfter);
	});
});
