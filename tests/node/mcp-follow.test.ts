import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { VaultLock } from '../../src/node/vault-lock';
import { spawnCliAsync } from '../helpers/cli-process';
import { McpSession, serverPerTest } from '../helpers/mcp-client';

/*
 * The server keeps the vault open between calls: a person's edit on disk between two calls, and a
 * CLI writing at the same moment, must both be seen and kept.
 */

const SPEC = 'specs/1000/1001/1014.spec.md';
const CONTEXT = 'specs/1000/1001/1014.context.md';

describe('spec-work mcp follows the vault on disk', () => {
	const server = serverPerTest();

	it("sees a person's edit made between two calls", async () => {
		const before = await server.mcp.call('status', { id: '1014' });
		expect(before.structuredContent?.title).toBe('Cold Storage NAS Integration');
		const path = join(server.vault.dir, SPEC);
		writeFileSync(path, readFileSync(path, 'utf8').replace('title: Cold Storage NAS Integration\n', 'title: Cold Storage NAS Integration, renamed in Obsidian\n'));
		const after = await server.mcp.call('status', { id: '1014' });
		expect(after.structuredContent?.title).toBe('Cold Storage NAS Integration, renamed in Obsidian');
	});

	it('finds a spec another process created between two calls, and no longer one it removed', async () => {
		expect((await server.mcp.call('status', { id: '1015' })).isError).toBe(true);
		expect(server.vault.run(['new', 'task', '--title', 'Restore drill', '--parent', '1001', '--id', '1015']).code).toBe(0);
		const created = await server.mcp.call('status', { id: '1015' });
		expect([created.isError, created.structuredContent?.title]).toEqual([undefined, 'Restore drill']);
		rmSync(join(server.vault.dir, 'specs/1000/1001/1011.spec.md'));
		const removed = await server.mcp.call('status', { id: '1011' });
		expect([removed.isError, McpSession.text(removed)]).toEqual([true, expect.stringContaining('No spec with id "1011"')]);
	});

	it("writes over a person's edit to the journal made since the last call, keeping it", async () => {
		expect((await server.mcp.call('start_session', { id: '1014', title: 'Docs' })).isError).toBeFalsy();
		const note = '\nA note typed in Obsidian between two calls.\n';
		appendFileSync(join(server.vault.dir, CONTEXT), note);
		const logged = await server.mcp.call('log', { id: '1014', section: 'testing', text: 'Mounted the share again' });
		expect([logged.isError, McpSession.text(logged).includes('"written"')]).toEqual([undefined, true]);
		const journal = server.vault.files()[CONTEXT];
		expect(journal).toContain('A note typed in Obsidian between two calls.');
		expect(journal).toContain('Mounted the share again');
	});

	it('MCP writes and CLI writes on the same vault at once all land', async () => {
		expect(server.vault.run(['start', '1014', '--title', 'Parallel work']).code).toBe(0);
		const numbers = ['1', '2', '3', '4', '5', '6'];
		const [tools, clis] = await Promise.all([
			Promise.all(numbers.map((n) => server.mcp.call('log', { id: '1014', section: 'implementation', text: `entry ${n} written by the agent over MCP` }))),
			Promise.all(numbers.map((n) => spawnCliAsync(['log', '1014', 'implementation', `entry ${n} written by the CLI`], { cwd: server.vault.dir }))),
		]);
		expect(tools.map((t) => [t.isError, t.isError ? McpSession.text(t) : ''])).toEqual(numbers.map(() => [undefined, '']));
		expect(clis.map((c) => `${c.code} ${c.stderr}`)).toEqual(numbers.map(() => '0 '));
		const journal = server.vault.files()[CONTEXT];
		for (const n of numbers) {
			expect(journal.split(`entry ${n} written by the agent over MCP`).length).toBe(2);
			expect(journal.split(`entry ${n} written by the CLI`).length).toBe(2);
		}
		// The lock exists only while a writer holds it.
		expect(Object.keys(server.vault.files())).not.toContain('.spec-work.lock');
	});

	it("a writing call waits for the vault's lock, as a CLI writer does, and then writes", async () => {
		expect(server.vault.run(['start', '1014', '--title', 'Locked out']).code).toBe(0);
		const lock = await VaultLock.acquire(server.vault.dir, 'test', 5_000);
		const answer = server.mcp.call('log', { id: '1014', section: 'testing', text: 'written once the lock was free' });
		try {
			// A whole CLI read runs meanwhile: time enough for a call that ignored the lock to have written.
			expect((await spawnCliAsync(['status', '1014'], { cwd: server.vault.dir })).code).toBe(0);
			expect(server.vault.files()[CONTEXT]).not.toContain('written once the lock was free');
		} finally {
			lock.release();
		}
		expect((await answer).isError).toBeFalsy();
		expect(server.vault.files()[CONTEXT]).toContain('written once the lock was free');
	});
});
