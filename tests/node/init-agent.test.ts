import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { agentsSection, slashCommandBlock, slashCommandFile } from '../../src/core/agent/agent-instructions';
import { spawnCli } from '../helpers/cli-process';
import { EXAMPLE_VAULT } from '../helpers/vault-files';

const SLASH = '.claude/commands/spec_work.md';

/** A temporary git repository holding a copy of the example vault in `vault/`. */
class TempRepo {
	readonly root = mkdtempSync(join(tmpdir(), 'spec-work-repo-'));
	readonly vault = join(this.root, 'vault');

	constructor(git = true) {
		cpSync(EXAMPLE_VAULT, this.vault, { recursive: true });
		if (git) expect(spawnSync('git', ['init', '-q'], { cwd: this.root }).status).toBe(0);
	}

	read(path: string): string {
		return readFileSync(join(this.root, path), 'utf8');
	}

	write(path: string, text: string): void {
		mkdirSync(dirname(join(this.root, path)), { recursive: true });
		writeFileSync(join(this.root, path), text);
	}

	cleanup(): void {
		rmSync(this.root, { recursive: true, force: true });
	}
}

const setup = { command: 'spec-work', vault: 'vault', specsRoot: 'specs' };

describe('spec-work init-agent', () => {
	let repo: TempRepo;
	afterEach(() => repo.cleanup());

	it('writes the slash command and the AGENTS.md section at the root of the git repository holding the vault', () => {
		repo = new TempRepo();
		const r = spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root });
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(
			`Repository root: ${repo.root} (the git repository holding the vault)\nCreated ${SLASH}\nCreated AGENTS.md\nAgents run spec-work from the root with --vault vault\n`,
		);
		expect(repo.read(SLASH)).toBe(slashCommandFile(setup));
		expect(repo.read('AGENTS.md')).toBe(agentsSection(setup));
		// Nothing lands in the vault.
		expect(existsSync(join(repo.vault, 'AGENTS.md'))).toBe(false);
		expect(existsSync(join(repo.vault, '.claude'))).toBe(false);
	});

	it('finds the vault and the repository from a folder inside the vault, and reports JSON', () => {
		repo = new TempRepo();
		const r = spawnCli(['init-agent', '--json', '--command', 'npx spec-work'], { cwd: join(repo.vault, 'specs', '1000') });
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({
			root: repo.root,
			rootKind: 'git',
			vault: 'vault',
			command: 'npx spec-work',
			// Nothing in the repository names an agent yet: the pair init-agent always wrote.
			agents: ['claude', 'agents'],
			files: [
				{ path: SLASH, action: 'created' },
				{ path: 'AGENTS.md', action: 'created' },
			],
		});
		expect(repo.read('AGENTS.md')).toBe(agentsSection({ ...setup, command: 'npx spec-work' }));
	});

	it("re-running replaces only the generated blocks and keeps the user's own edits byte for byte", () => {
		repo = new TempRepo();
		expect(spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root }).code).toBe(0);
		// The user adds a tool permission to the frontmatter, notes after the block, and edits inside it.
		const slash = repo
			.read(SLASH)
			.replace("argument-hint: '<id> [--resume|--status|--deliverables]'\n", "argument-hint: '<id> [--resume|--status|--deliverables]'\nallowed-tools: Bash(spec-work:*)\n")
			.replace('# /spec_work: implement a spec', '# /spec_work: HAND EDIT')
			.concat('\nAlso run `npm test` before each commit.\n');
		const agents = `# Agents\r\n\r\nUse tabs.\r\n\r\n${repo.read('AGENTS.md').replace('Start nothing before they agree.', 'Just go.').replace(/\n/g, '\r\n')}\r\n## Our own section\r\n- keep me\r\n`;
		repo.write(SLASH, slash);
		repo.write('AGENTS.md', agents);

		const r = spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root });
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`\nUpdated ${SLASH}\nUpdated AGENTS.md\n`);
		expect(repo.read(SLASH)).toBe(
			"---\ndescription: Implement a spec and record every step in its context file through the spec-work CLI\nargument-hint: '<id> [--resume|--status|--deliverables]'\nallowed-tools: Bash(spec-work:*)\n---\n\n" +
				slashCommandBlock(setup) +
				'\nAlso run `npm test` before each commit.\n',
		);
		// A CRLF file gets its block back in CRLF, and the user's sections around it as they were.
		expect(repo.read('AGENTS.md')).toBe(`# Agents\r\n\r\nUse tabs.\r\n\r\n${agentsSection(setup).replace(/\n/g, '\r\n')}\r\n## Our own section\r\n- keep me\r\n`);

		const before = { slash: repo.read(SLASH), agents: repo.read('AGENTS.md') };
		const again = spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root });
		expect(again.stdout).toContain(`\nUnchanged ${SLASH}\nUnchanged AGENTS.md\n`);
		expect({ slash: repo.read(SLASH), agents: repo.read('AGENTS.md') }).toEqual(before);
	});

	it('appends its section to an AGENTS.md the user already has', () => {
		repo = new TempRepo();
		const mine = '# Agents\n\n- Run `make lint` before committing.\n';
		repo.write('AGENTS.md', mine);
		const r = spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root });
		expect(r.stdout).toContain('\nAdded AGENTS.md\n');
		expect(repo.read('AGENTS.md')).toBe(`${mine}\n${agentsSection(setup)}`);
	});

	it('uses the vault itself as the root when no git repository holds it', () => {
		repo = new TempRepo(false);
		const r = spawnCli(['init-agent'], { cwd: repo.vault });
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(`Repository root: ${repo.vault} (no git repository above the vault, so the vault itself)\nCreated ${SLASH}\nCreated AGENTS.md\n`);
		const atRoot = { ...setup, vault: '' };
		expect(repo.read(`vault/${SLASH}`)).toBe(slashCommandFile(atRoot));
		expect(repo.read('vault/AGENTS.md')).toBe(agentsSection(atRoot));
		expect(repo.read('vault/AGENTS.md')).not.toContain('--vault');
	});

	it('refuses broken markers with one line naming the file, and writes neither file', () => {
		repo = new TempRepo();
		const broken = '# Agents\n\n<!-- spec-work:begin agents -->\nhalf a block, its end marker deleted\n';
		repo.write('AGENTS.md', broken);
		const r = spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root });
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(
			'spec-work: AGENTS.md line 3: <!-- spec-work:begin … --> without a <!-- spec-work:end --> line after it; fix the spec-work markers by hand, then run init-agent again\n',
		);
		expect(repo.read('AGENTS.md')).toBe(broken);
		expect(existsSync(join(repo.root, SLASH))).toBe(false);
	});

	it('writes for the agents named with --agent, and the MCP configuration of their clients', () => {
		repo = new TempRepo();
		const r = spawnCli(['init-agent', '--vault', 'vault', '--agent', 'cursor', '--agent', 'mcp', '--agent', 'Gemini'], { cwd: repo.root });
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe(
			`Repository root: ${repo.root} (the git repository holding the vault)\nCreated .cursor/rules/spec-work.mdc\nCreated GEMINI.md\nCreated .cursor/mcp.json\nCreated .gemini/settings.json\nAgents run spec-work from the root with --vault vault\n`,
		);
		expect(JSON.parse(repo.read('.gemini/settings.json'))).toEqual({ mcpServers: { 'spec-work': { command: 'spec-work', args: ['mcp', '--vault', 'vault'] } } });
		expect(existsSync(join(repo.root, 'AGENTS.md'))).toBe(false);
		// Run again without --agent: it finds them and changes nothing.
		const again = spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root });
		expect(again.stdout).toContain('\nUnchanged .cursor/rules/spec-work.mdc\nUnchanged GEMINI.md\nUnchanged .cursor/mcp.json\nUnchanged .gemini/settings.json\n');
	});

	it('writes for the agent the project already has instead of the default pair', () => {
		repo = new TempRepo();
		repo.write('CLAUDE.md', '# Notes\n');
		const r = spawnCli(['init-agent', '--vault', 'vault'], { cwd: repo.root });
		expect(r.stdout).toBe(`Repository root: ${repo.root} (the git repository holding the vault)\nCreated ${SLASH}\nAgents run spec-work from the root with --vault vault\n`);
		expect(repo.read('CLAUDE.md')).toBe('# Notes\n');
	});

	it('refuses an MCP configuration that is not JSON in one line naming it, and writes nothing', () => {
		repo = new TempRepo();
		repo.write('.mcp.json', '{ "mcpServers": {}, }\n');
		const r = spawnCli(['init-agent', '--vault', 'vault', '--agent', 'claude', '--agent', 'mcp'], { cwd: repo.root });
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(/^spec-work: \.mcp\.json: not valid JSON \([^\n]*\); fix it \(or move it away\), then run init-agent again\n$/);
		expect(repo.read('.mcp.json')).toBe('{ "mcpServers": {}, }\n');
		expect(existsSync(join(repo.root, SLASH))).toBe(false);
	});

	it('refuses an agent it does not know, naming the ones it does', () => {
		repo = new TempRepo();
		const r = spawnCli(['init-agent', '--vault', 'vault', '--agent', 'windsurf'], { cwd: repo.root });
		expect(r.code).toBe(2);
		expect(r.stderr).toBe(
			'spec-work init-agent: agent must be one of claude, agents, cursor, gemini, copilot, mcp (got "windsurf")\nUsage: spec-work init-agent [--command CMD]\n',
		);
	});

	it('takes no id', () => {
		repo = new TempRepo();
		const r = spawnCli(['init-agent', '1014', '--vault', 'vault'], { cwd: repo.root });
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('spec-work init-agent: unexpected argument "1014"\nUsage: spec-work init-agent [--command CMD]\n');
	});
});
