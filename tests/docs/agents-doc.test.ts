import { readFileSync } from 'fs';
import { join } from 'path';
import { MCP_CLIENT_FILES, mcpServerEntry } from '../../src/core/agent/mcp-config';

/*
 * docs/agents.md's configuration snippets are what people paste into their clients: each must
 * parse, and name the server as `spec-work mcp --vault <folder>`; the project files among them
 * must be exactly what `init-agent --agent mcp` writes for a vault in `vault/`.
 */
const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'agents.md'), 'utf8');

/** Each fenced block of a language, with the bold client name of the nearest paragraph above it. */
function snippets(lang: string): { client: string; body: string }[] {
	const out: { client: string; body: string }[] = [];
	let client = '';
	let body: string[] | null = null;
	for (const line of DOC.split('\n')) {
		if (body !== null) {
			if (line === '```') {
				out.push({ client, body: body.join('\n') });
				body = null;
			} else body.push(line);
		} else if (line === '```' + lang) body = [];
		else client = /^\*\*([^*]+)\*\*/.exec(line)?.[1] ?? client;
	}
	return out;
}

const json = new Map(snippets('json').map((s) => [s.client, JSON.parse(s.body) as Record<string, Record<string, { command: string; args: string[] }>>]));

describe('docs/agents.md client snippets', () => {
	it('has a parsing JSON snippet for Claude Code, Claude Desktop and Cursor', () => {
		expect([...json.keys()]).toEqual(expect.arrayContaining(['Claude Code', 'Claude Desktop', 'Cursor']));
	});

	it.each(['Claude Code', 'Cursor'] as const)('%s: the entry init-agent --agent mcp writes', (client) => {
		const file = MCP_CLIENT_FILES.find((f) => f.client === (client === 'Claude Code' ? 'claude' : 'cursor'))!;
		expect(json.get(client)?.[file.key]?.['spec-work']).toEqual(mcpServerEntry({ command: 'spec-work', vault: 'vault', specsRoot: 'specs' }, file));
	});

	it('Claude Desktop: spec-work mcp with an absolute vault', () => {
		const entry = json.get('Claude Desktop')?.mcpServers?.['spec-work'];
		expect(entry?.command).toBe('spec-work');
		expect(entry?.args.slice(0, 2)).toEqual(['mcp', '--vault']);
		expect(entry?.args[2]).toMatch(/^\//);
	});

	it('Codex: a TOML table of the server with command and args', () => {
		const [codex] = snippets('toml');
		expect(codex.client).toBe('Codex');
		const lines = codex.body.trim().split('\n');
		expect(lines[0]).toBe('[mcp_servers.spec-work]');
		const value = (key: string): unknown => JSON.parse(lines.find((l) => l.startsWith(`${key} = `))!.slice(key.length + 3));
		expect(value('command')).toBe('spec-work');
		expect((value('args') as string[]).slice(0, 2)).toEqual(['mcp', '--vault']);
	});
});
