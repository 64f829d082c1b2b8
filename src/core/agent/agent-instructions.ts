import { BLOCK_BEGIN, BLOCK_END } from './marked-block';

/**
 * The instructions `spec-work init-agent` writes for coding agents: a Claude Code slash command
 * (`.claude/commands/spec_work.md`), and one workflow text adapted to each agent's own file
 * (`AGENTS.md`, a Claude Code skill, a Cursor rule, `GEMINI.md`, Copilot's instructions). All of
 * them tell the agent to record every step through the CLI (or the MCP server's tools), so the
 * journal it leaves is the one the plugin reads.
 */
export interface AgentSetup {
	/** How the agent calls the CLI: `spec-work`, or e.g. `node tools/spec-work/dist/cli.js`. */
	command: string;
	/** The vault's folder relative to the repository root (POSIX), '' when the vault is the root. */
	vault: string;
	/** The specs folder inside the vault. */
	specsRoot: string;
}

export const SLASH_COMMAND_PATH = '.claude/commands/spec_work.md';
export const AGENTS_PATH = 'AGENTS.md';

/** A new slash command file: Claude Code's frontmatter (the user's to edit), then the generated block. */
export function slashCommandFile(setup: AgentSetup): string {
	return [
		'---',
		'description: Implement a spec and record every step in its context file through the spec-work CLI',
		"argument-hint: '<id> [--resume|--status|--deliverables]'",
		'---',
		'',
		slashCommandBlock(setup),
	].join('\n');
}

/** The generated part of `.claude/commands/spec_work.md`, markers included, ending with "\n". */
export function slashCommandBlock(setup: AgentSetup): string {
	const sw = cli(setup);
	return block('spec_work', [
		'# /spec_work: implement a spec, recording every step through spec-work',
		'',
		'Arguments: `$ARGUMENTS` (`<id> [--resume|--status|--deliverables]`; the first word is the spec id).',
		'',
		...preamble(setup),
		'',
		'## Modes',
		'',
		`- \`<id> --status\`: run \`${sw('status <id>')}\`, show its output, stop.`,
		`- \`<id> --deliverables\`: run \`${sw('deliverables <id>')}\`, show the report, stop.`,
		`- \`<id> --resume\`: run \`${sw('resume <id>')}\`, show the brief, then go on from step 3 with the`,
		'  task it names next (the plan was approved in an earlier session).',
		'- `<id>` alone: every step below, from step 1.',
		`- no id: run \`${sw('next --json')}\` and offer the task it names (\`null\` means nothing is`,
		`  ready: show \`${sw('status --all')}\` and ask which spec to plan).`,
		'',
		'## Steps',
		'',
		...steps(setup),
	]);
}

/** The generated section of `AGENTS.md`, markers included, ending with "\n". */
export function agentsSection(setup: AgentSetup): string {
	return workflowBlock(setup, 'agents', '##', ` (Claude Code: \`/spec_work <id>\` in \`${SLASH_COMMAND_PATH}\` does)`);
}

/**
 * The workflow every other instruction file carries (GEMINI.md, Copilot's instructions, a Cursor
 * rule, a Claude Code skill): the AGENTS.md text under the file's own block name, with `heading`
 * the markdown level of its title (`#` for a file of its own, `##` for a section).
 */
export function workflowBlock(setup: AgentSetup, name: string, heading: '#' | '##', aside = ''): string {
	const sw = cli(setup);
	return block(name, [
		`${heading} Spec workflow: record your work with spec-work`,
		'',
		`Specs live in ${setup.vault === '' ? 'this Obsidian vault' : `the Obsidian vault \`${setup.vault}/\``} under \`${specsFolder(setup)}/\`. When you`,
		`implement one, follow these steps${aside}.`,
		'',
		...preamble(setup),
		'',
		`To find work without being told: \`${sw('next --json')}\` (the task in progress, else the first`,
		`pending task of the most advanced implementing spec; \`null\` when none) and \`${sw('status --all --json')}\``,
		'(every open spec with its progress).',
		'',
		...steps(setup),
	]);
}

function preamble(setup: AgentSetup): string[] {
	const lines = [
		"The spec's context file (its implementation journal), its `## Plan`, its deliverables and both",
		'deliverable lists are written by the `spec-work` CLI; a person reviews them in Obsidian, often on a',
		'phone. Run `spec-work` for every step below and read what it prints. Never hand-edit what it',
		'generates: session entries, `## Plan` items, the `## Deliverables` lists, `## Metrics`, header lines',
		"and properties, deliverables' traceback headers, nor the spec-work block of this file. To correct",
		'something, use `task` or `log`, or ask the person.',
	];
	if (setup.vault !== '') {
		lines.push('', `Run commands from the repository root; the vault is \`${setup.vault}/\`, hence \`--vault ${quote(setup.vault)}\` on each.`);
	}
	lines.push(
		'Add `--json` to any command for machine-readable output. Exit code 0: done; 1: failed and changed',
		'nothing (stderr says why in one line: fix it and retry); 2: usage error (see `--help`).',
		'',
		'When the `spec-work` MCP server is configured for you, prefer its tools (`next`, `status`, `resume`,',
		'`start_session`, `log`, `update_task`, `add_deliverable`, `finish_session`): each does what the',
		'command of the same step below does, with the same inputs and the same refusals.',
		'',
		'A write refused because a file changed since you read it (a person edited it, often in Obsidian)',
		'changed nothing: read the spec again (`status`, `resume`), then redo the step on what is there now,',
		"keeping the person's edit.",
	);
	return lines;
}

function steps(setup: AgentSetup): string[] {
	const sw = cli(setup);
	return [
		`1. **Load the context**: \`${sw('status <id>')}\` and \`${sw('resume <id>')}\`; read the spec file`,
		'   they name (requirements, acceptance criteria) before planning.',
		'2. **Plan**: propose a numbered plan of small steps and wait until the person approves it',
		'   (or changes it). Start nothing before they agree.',
		`3. **Start**: \`${sw('start <id> --title "<session title>" --plan "<step 1>" --plan "<step 2>"')}\`,`,
		'   one `--plan` per approved step (steps already in the plan are kept; on resume give none). This',
		'   opens the session, or continues the active one, and sets the spec implementing.',
		'4. **For each plan item**:',
		`   - \`${sw('task <id> <number> in-progress')}\` when you begin it;`,
		`   - \`${sw('log <id> implementation "<what you did>"')}\` after each step; likewise \`planning\`,`,
		'     `changes` (edits to the spec), `testing` (what you ran, and the result) and',
		'     `issues "<problem>" --resolution "<fix>"`;',
		'   - every script, doc or config file you create for the spec, with its content on stdin:',
		`     \`${sw('deliver <id> --type <scripts|docs|config> --file <name> --title "<title>" --purpose "<why>" --stdin')}\``,
		'     (or `--from <file>`; `--target <path>` for a config installed elsewhere). It writes the file under',
		"     the spec's `deliverables/` with a traceback header and lists it in the spec and the context;",
		'     edit its content afterwards if needed, keeping the header;',
		`   - \`${sw('task <id> <number> done')}\` as the item finishes (or \`blocked\`, \`cancelled\`);`,
		'   - **commit** after each step: commit code changes with `git commit` as usual and record them in',
		`     the session with \`${sw('commits <id> --all')}\`; then \`${sw('commit <id> -m "<message>"')}\``,
		"     commits the spec's own files (journal, deliverables) and records that commit too.",
		`5. **Finish**: \`${sw('finish <id> --status <completed|partial|blocked> --summary "<one line>"')}\`, with`,
		'   `--complete` once every plan item and acceptance criterion is done; commit once more, then show',
		`   \`${sw('status <id>')}\`.`,
	];
}

function block(name: string, lines: string[]): string {
	return [`${BLOCK_BEGIN} ${name}: generated by spec-work init-agent, which replaces everything up to spec-work:end -->`, ...lines, BLOCK_END, ''].join('\n');
}

/** `spec-work <args> --vault DIR`: the vault option comes after the verb, where the CLI reads it. */
function cli(setup: AgentSetup): (args: string) => string {
	const vault = setup.vault === '' ? '' : ` --vault ${quote(setup.vault)}`;
	return (args) => `${setup.command} ${args}${vault}`;
}

function specsFolder(setup: AgentSetup): string {
	return setup.vault === '' ? setup.specsRoot : `${setup.vault}/${setup.specsRoot}`;
}

/** Shell quoting for a path shown in a command: bare when safe, else single-quoted. */
export function quote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
