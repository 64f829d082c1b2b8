import { agentsSection, quote, slashCommandBlock, slashCommandFile } from '../../../src/core/agent/agent-instructions';
import { BLOCK_BEGIN, BLOCK_END } from '../../../src/core/agent/marked-block';

const inSub = { command: 'spec-work', vault: 'vault', specsRoot: 'specs' };
const atRoot = { command: 'spec-work', vault: '', specsRoot: 'specs' };

/** Every `spec-work …` command written in inline code. */
function commands(text: string, command = 'spec-work'): string[] {
	return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((c) => c.startsWith(command + ' '));
}

describe('the /spec_work slash command', () => {
	const text = slashCommandBlock(inSub);

	it('is one marked block, ending with a line end', () => {
		expect(text.startsWith(BLOCK_BEGIN + ' spec_work:')).toBe(true);
		expect(text.endsWith(`\n${BLOCK_END}\n`)).toBe(true);
		expect(text.split(BLOCK_BEGIN)).toHaveLength(2);
	});

	it('takes the id and a mode from the arguments', () => {
		expect(text).toContain('`$ARGUMENTS` (`<id> [--resume|--status|--deliverables]`');
		expect(text).toContain('- `<id> --status`: run `spec-work status <id> --vault vault`, show its output, stop.');
		expect(text).toContain('- `<id> --deliverables`: run `spec-work deliverables <id> --vault vault`, show the report, stop.');
		expect(text).toContain('- `<id> --resume`: run `spec-work resume <id> --vault vault`');
	});

	it('names a spec-work verb for every step of the workflow', () => {
		const verbs = new Set(commands(text).map((c) => c.split(' ')[1]));
		expect([...verbs].sort()).toEqual(['commit', 'commits', 'deliver', 'deliverables', 'finish', 'log', 'next', 'resume', 'start', 'status', 'task']);
		expect(text).toContain('`spec-work start <id> --title "<session title>" --plan "<step 1>" --plan "<step 2>" --vault vault`');
		expect(text).toContain('`spec-work deliver <id> --type <scripts|docs|config> --file <name> --title "<title>" --purpose "<why>" --stdin --vault vault`');
		expect(text).toContain('`spec-work commit <id> -m "<message>" --vault vault`');
		expect(text).toContain('`spec-work commits <id> --all --vault vault`');
	});

	it('forbids hand-editing what spec-work generates', () => {
		expect(text).toContain('Never hand-edit what it\ngenerates');
	});

	it('puts --vault on every command when the vault is a sub-folder, and on none at the root', () => {
		expect(commands(text).every((c) => c.endsWith(' --vault vault'))).toBe(true);
		const root = slashCommandBlock(atRoot);
		expect(commands(root).length).toBe(commands(text).length);
		expect(root).not.toContain('--vault');
	});

	it('uses the command the agent is to call', () => {
		const custom = slashCommandBlock({ ...inSub, command: 'node tools/cli.js' });
		expect(commands(custom, 'node tools/cli.js').length).toBe(commands(text).length);
	});

	it('starts a new file with Claude Code frontmatter before the block', () => {
		expect(slashCommandFile(inSub)).toBe(
			"---\ndescription: Implement a spec and record every step in its context file through the spec-work CLI\nargument-hint: '<id> [--resume|--status|--deliverables]'\n---\n\n" +
				text,
		);
	});
});

describe('the AGENTS.md section', () => {
	const text = agentsSection(inSub);

	it('is a marked block of its own pointing at the slash command and the vault', () => {
		expect(text.startsWith(BLOCK_BEGIN + ' agents:')).toBe(true);
		expect(text.endsWith(`\n${BLOCK_END}\n`)).toBe(true);
		expect(text).toContain('Specs live in the Obsidian vault `vault/` under `vault/specs/`.');
		expect(text).toContain('`/spec_work <id>` in `.claude/commands/spec_work.md`');
		expect(agentsSection(atRoot)).toContain('Specs live in this Obsidian vault under `specs/`.');
	});

	it('tells an agent how to find work without a person', () => {
		expect(text).toContain('`spec-work next --json --vault vault`');
		expect(text).toContain('`spec-work status --all --json --vault vault`');
	});
});

describe('quote', () => {
	it('leaves plain paths bare and single-quotes the rest', () => {
		expect(quote('docs/vault')).toBe('docs/vault');
		expect(quote('My Vault')).toBe("'My Vault'");
		expect(quote("Bob's vault")).toBe("'Bob'\\''s vault'");
		expect(slashCommandBlock({ ...inSub, vault: 'My Vault' })).toContain("`spec-work status <id> --vault 'My Vault'`");
	});
});
