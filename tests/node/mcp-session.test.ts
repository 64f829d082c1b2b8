import { spawnSync } from 'child_process';
import { TempVault } from '../helpers/cli-process';
import { McpSession, serverPerTest } from '../helpers/mcp-client';

/*
 * `spec-work mcp` as an agent's client meets it: the SDK's own client spawns the built CLI over
 * stdio on a copy of the example vault, and what the tools write is compared byte for byte with the
 * same steps run through the CLI on another copy.
 */

const GUIDE = '# FAQ\n\nWhy does the mount hang? The NAS is asleep; see the setup guide.\n';

/** One step of a working session, as a CLI command line and as a tool call. */
const SESSION: { cli: string[]; input?: string; tool: string; args: Record<string, unknown> }[] = [
	{
		cli: ['start', '1014', '--title', 'Docs', '--plan', 'Write troubleshooting guide'],
		tool: 'start_session',
		args: { id: '1014', title: 'Docs', plan: ['Write troubleshooting guide'] },
	},
	{ cli: ['log', '1014', 'implementation', 'Drafted the guide'], tool: 'log', args: { id: '1014', section: 'implementation', text: 'Drafted the guide' } },
	{
		cli: ['deliver', '1014', '--type', 'docs', '--file', 'faq.md', '--title', 'FAQ', '--purpose', 'Common questions', '--stdin'],
		input: GUIDE,
		tool: 'add_deliverable',
		args: { id: '1014', type: 'docs', file: 'faq.md', title: 'FAQ', purpose: 'Common questions', content: GUIDE },
	},
	{ cli: ['task', '1014', '6', 'done'], tool: 'update_task', args: { id: '1014', task: '6', state: 'done' } },
	{ cli: ['finish', '1014', '--summary', 'Guide written'], tool: 'finish_session', args: { id: '1014', summary: 'Guide written' } },
];

const CORE_TOOLS = ['status', 'resume', 'next', 'start_session', 'log', 'update_task', 'add_deliverable', 'finish_session', 'validate'];

describe('spec-work mcp over stdio', () => {
	const server = serverPerTest();

	it("lists the small default tool set, each with a schema generated from its operation's fields", async () => {
		const { tools } = await server.mcp.client.listTools();
		expect(tools.map((t) => t.name)).toEqual(CORE_TOOLS);
		// Each tool costs an agent context: the default set stays small.
		expect(tools.length).toBeLessThanOrEqual(10);
		expect(tools.find((t) => t.name === 'log')?.inputSchema).toEqual({
			type: 'object',
			properties: {
				id: { type: 'string', description: 'The spec id, as in its heading or file name (1014)' },
				section: { type: 'string', description: 'The session section to log to', enum: ['planning', 'changes', 'implementation', 'testing', 'commits', 'issues'] },
				text: { type: 'string', description: 'The entry; for commits "<hash> <message>"' },
				resolution: { type: 'string', description: 'Issues only: how it was resolved' },
				commit: { type: 'string', description: 'Issues only: the commit that fixed it' },
				baseRevision: {
					type: 'string',
					description: 'The revision status or resume gave; the write is refused, writing nothing, if the spec or its journal changed since',
				},
			},
			required: ['id', 'section', 'text'],
			additionalProperties: false,
		});
		for (const t of tools) expect(t.description?.length).toBeGreaterThan(60);
	});

	it('runs a whole session, writing the same bytes and answering the same JSON as the CLI', async () => {
		const cliVault = new TempVault();
		try {
			for (const step of SESSION) {
				const answer = await server.mcp.call(step.tool, step.args);
				const cli = cliVault.run([...step.cli, '--json'], { input: step.input });
				expect(cli.stderr).toBe('');
				expect(answer.isError).toBeFalsy();
				expect(McpSession.text(answer)).toBe(cli.stdout.trimEnd());
				expect(answer.structuredContent).toEqual(JSON.parse(cli.stdout));
			}
			const written = server.vault.files();
			expect(written['specs/1000/1001/deliverables/docs/faq.md']).toContain(GUIDE);
			expect(written).toEqual(cliVault.files());
		} finally {
			cliVault.cleanup();
		}
	});

	it("answers a read with the CLI's JSON", async () => {
		const status = await server.mcp.call('status', { id: '1014' });
		expect(status.structuredContent).toEqual(JSON.parse(server.vault.run(['status', '1014', '--json']).stdout));
		const next = await server.mcp.call('next', {});
		expect(next.structuredContent).toEqual(JSON.parse(server.vault.run(['next', '--json']).stdout));
	});

	it('with --tools all adds the rest an agent may use; a list answer comes under "result"', async () => {
		const all = await McpSession.start(server.vault.dir, ['--tools', 'all']);
		try {
			const names = (await all.client.listTools()).tools.map((t) => t.name);
			// The vault is in no git repository: the git tools, which could only fail, are not offered.
			expect(names).toEqual([...CORE_TOOLS, 'list', 'open_specs', 'new_spec', 'suggest_id', 'deliverables_report', 'create_contexts', 'propose_plan', 'review']);
			expect(all.stderr).toContain(`spec-work mcp: serving ${server.vault.dir} (17 tools)\n`);
			const list = await all.call('list', {});
			const cli = server.vault.run(['list', '--json']).stdout;
			expect(McpSession.text(list)).toBe(cli.trimEnd());
			expect(list.structuredContent).toEqual({ result: JSON.parse(cli) as unknown });
		} finally {
			await all.close();
		}
	});

	it('with --tools all in a vault in a git repository offers the git tools too', async () => {
		expect(spawnSync('git', ['init', '-q'], { cwd: server.vault.dir }).status).toBe(0);
		const all = await McpSession.start(server.vault.dir, ['--tools', 'all']);
		try {
			const names = (await all.client.listTools()).tools.map((t) => t.name);
			expect(names.slice(CORE_TOOLS.length)).toEqual([
				'list',
				'open_specs',
				'new_spec',
				'suggest_id',
				'deliverables_report',
				'create_contexts',
				'commit_progress',
				'session_commits',
				'record_commits',
				'propose_plan',
				'review',
			]);
			expect(all.stderr).toContain('(20 tools)\n');
		} finally {
			await all.close();
		}
	});

	it('takes a task by the number status gives, as a JSON number, writing what the CLI writes for it', async () => {
		const cliVault = new TempVault();
		try {
			const status = await server.mcp.call('status', { id: '1014' });
			const tasks = status.structuredContent?.taskList as { number: number; state: string }[];
			const pending = tasks.find((t) => t.state === 'pending');
			expect(typeof pending?.number).toBe('number');
			const answer = await server.mcp.call('update_task', { id: '1014', task: pending?.number, state: 'done' });
			const cli = cliVault.run(['task', '1014', String(pending?.number), 'done', '--json']);
			expect(answer.isError).toBeFalsy();
			expect(answer.structuredContent).toEqual(JSON.parse(cli.stdout));
			expect(server.vault.files()).toEqual(cliVault.files());
		} finally {
			cliVault.cleanup();
		}
	});

	it("refuses bad calls with the CLI's one line, changes no byte, and goes on serving", async () => {
		const before = server.vault.files();
		const refusals: [string, Record<string, unknown>, string][] = [
			['status', { id: '9999' }, 'spec-work: No spec with id "9999" under specs/'],
			['log', { id: '1014', section: 'implementation' }, 'spec-work log: text is required'],
			['log', { id: '1014', section: 'notes', text: 'x' }, 'spec-work log: section must be one of planning, changes, implementation, testing, commits, issues (got "notes")'],
			['update_task', { id: 1014, task: '6', state: 'done' }, 'spec-work update_task: id must be a string (got 1014)'],
			['start_session', { id: '1014', plan: 'one item' }, 'spec-work start_session: plan must be an array of strings (got "one item")'],
			['status', { id: '1014', verbose: true }, 'spec-work status: unknown argument verbose; it takes id'],
			['no_such_tool', {}, `spec-work: no tool "no_such_tool"; the tools are ${CORE_TOOLS.join(', ')}`],
		];
		for (const [tool, args, line] of refusals) {
			const answer = await server.mcp.call(tool, args);
			expect([tool, answer.isError, McpSession.text(answer)]).toEqual([tool, true, line]);
		}
		// The unknown id in the CLI's own words, byte for byte.
		expect(server.vault.run(['status', '9999']).stderr).toBe('spec-work: No spec with id "9999" under specs/\n');

		// An unsafe file name is the core's refusal, as the CLI prints it.
		expect((await server.mcp.call('start_session', { id: '1014' })).isError).toBeFalsy();
		const started = server.vault.files();
		const unsafe = await server.mcp.call('add_deliverable', { id: '1014', type: 'docs', file: '../../escape.md', content: 'x' });
		const cli = server.vault.run(['deliver', '1014', '--type', 'docs', '--file', '../../escape.md', '--stdin'], { input: 'x' });
		expect(cli.code).toBe(1);
		expect(unsafe.isError).toBe(true);
		expect(McpSession.text(unsafe) + '\n').toBe(cli.stderr);
		expect(server.vault.files()).toEqual(started);
		expect(Object.keys(started).filter((p) => !(p in before))).toEqual([]);

		// Still serving after every refusal.
		expect((await server.mcp.call('status', { id: '1014' })).isError).toBeFalsy();
	});

	it('offers each spec, its journal and its status as spec:// resources', async () => {
		const { resourceTemplates } = await server.mcp.client.listResourceTemplates();
		expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['spec://{id}', 'spec://{id}/context', 'spec://{id}/status']);
		const { resources } = await server.mcp.client.listResources();
		expect(resources.map((r) => r.uri)).toContain('spec://1014');
		const files = server.vault.files();
		const spec = await server.mcp.client.readResource({ uri: 'spec://1014' });
		expect(spec.contents).toEqual([{ uri: 'spec://1014', mimeType: 'text/markdown', text: files['specs/1000/1001/1014.spec.md'] }]);
		const journal = await server.mcp.client.readResource({ uri: 'spec://1014/context' });
		expect(journal.contents).toEqual([{ uri: 'spec://1014/context', mimeType: 'text/markdown', text: files['specs/1000/1001/1014.context.md'] }]);
		const status = await server.mcp.client.readResource({ uri: 'spec://1014/status' });
		expect(JSON.parse('text' in status.contents[0] ? status.contents[0].text : '')).toEqual(JSON.parse(server.vault.run(['status', '1014', '--json']).stdout));
		await expect(server.mcp.client.readResource({ uri: 'spec://9999' })).rejects.toThrow('spec-work: No spec with id "9999" under specs/');
	});

	it('keeps standard output for the protocol and logs to standard error', async () => {
		await server.mcp.call('status', { id: '9999' });
		expect(server.mcp.stderr).toContain(`spec-work mcp: serving ${server.vault.dir} (9 tools)\n`);
		expect(server.mcp.stderr).toContain('spec-work mcp: status: spec-work: No spec with id "9999" under specs/\n');
	});
});
