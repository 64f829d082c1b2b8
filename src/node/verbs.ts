import { formatDuration } from '../core/context/duration';
import { DELIVER } from '../core/operations/deliver';
import { DELIVERABLES } from '../core/operations/deliverables';
import { FINISH } from '../core/operations/finish';
import { INIT_AGENT } from '../core/operations/init-agent';
import { LIST } from '../core/operations/list';
import { LOG } from '../core/operations/log';
import { NEW_SPEC, SUGGEST_ID } from '../core/operations/new-spec';
import { NEXT } from '../core/operations/next';
import { RESUME } from '../core/operations/resume';
import { START } from '../core/operations/start';
import { OPEN_SPECS, STATUS } from '../core/operations/status';
import { TASK } from '../core/operations/task';
import { VALIDATE } from '../core/operations/validate';
import { deliverablesJson, openSpecsJson, startJson, suggestIdJson } from '../core/operations/result-json';
import { formatDeliverablesReport } from '../core/reports/deliverables-report';
import { formatResumeBrief } from '../core/text/resume-text';
import { formatStatus } from '../core/text/status-text';
import { formatTree } from '../core/text/tree-text';
import { formatNextTask } from '../core/text/next-text';
import { formatOpenSpecs } from '../core/text/open-specs-text';
import { formatProblems } from '../core/text/problems-text';
import { workBegunLine } from '../core/edits/work-begins';
import { UsageError } from './args';
import { agentRepository } from './init-agent';
import { quote } from '../core/agent/agent-instructions';
import { GIT_VERBS, optionalGit } from './git-verbs';
import { MIGRATE_VERBS } from './migrate-verb';
import { CONTEXTS_VERB } from './contexts-verb';
import { BASE_VERB } from './base-verb';
import { MCP_VERB } from './mcp-verb';
import { REVIEW_VERBS } from './review-verb';
import { PROPOSAL_VERBS } from './await-verb';
import { completedLine } from '../core/text/call-text';
import { Verb, verbInput, written } from './verb-adapter';

export type { Verb, VerbInput, VerbResult } from './verb-adapter';

const ID = { field: 'id', name: '<id>' };

export const VERBS: Record<string, Verb> = {
	start: {
		usage: 'start <id> [--title T] [--participants "User, Claude"] [--plan "task text"]... [--if-match REV]',
		help: "Opens a session in the spec's context file (creating the context if needed), adds the approved plan items to ## Plan in the form the plan is written in, and once there is a plan sets the spec and context implementing (without one they stay as they are, and the session opens with an empty Planning subsection). While a session is active, continues it.",
		operations: [START],
		positionals: [ID],
		async run(ws, args) {
			const r = await START.run(ws, verbInput(this, START, args), undefined);
			const what = r.continued ? `Continuing session ${r.session.number}` : `Started session ${r.session.number}`;
			const text = [
				`${what}: ${r.session.date} - ${r.session.title} (spec ${r.spec.id}, ${r.contextPath})`,
				r.contextCreated ? `Created ${r.contextPath}` : '',
				r.planAdded > 0 ? `Added ${r.planAdded} plan item${r.planAdded === 1 ? '' : 's'}` : '',
				r.statusChange ? `Spec ${r.spec.id}: ${r.statusChange.from ?? '(no status)'} → implementing${r.statusChange.reopened ? ' (reopened)' : ''}` : '',
			]
				.filter((l) => l !== '')
				.join('\n');
			return { json: startJson(r), text };
		},
	},
	resume: {
		usage: 'resume <id>',
		help: 'Shows the resume brief: previous sessions, progress, last activity, remaining tasks and the next one. Changes nothing; continue with `start`.',
		operations: [RESUME],
		positionals: [ID],
		async run(ws, args) {
			const brief = await RESUME.run(ws, verbInput(this, RESUME, args), undefined);
			return { json: brief, text: formatResumeBrief(brief) };
		},
	},
	status: {
		usage: 'status <id> | status --all',
		help: 'Progress, tasks, acceptance criteria, deliverables, time per session, last commit, parent and children. --all: every spec not completed, with its progress and next task.',
		operations: [STATUS, OPEN_SPECS],
		pick: (args) => (args.options.has('all') ? OPEN_SPECS : STATUS),
		positionals: [ID],
		cli: { extra: { flags: ['all'] } },
		async run(ws, args) {
			if (args.options.has('all')) {
				if (args.positionals.length > 0) throw new UsageError('give either <id> or --all, not both');
				const specs = await OPEN_SPECS.run(ws, {}, undefined);
				return { json: openSpecsJson(specs), text: formatOpenSpecs(specs) };
			}
			if (args.positionals.length === 0) throw new UsageError('missing <id> (or --all)');
			const report = await STATUS.run(ws, verbInput(this, STATUS, args), optionalGit(ws));
			return { json: report, text: formatStatus(report) };
		},
	},
	deliverables: {
		usage: 'deliverables <id> [--write]',
		help: 'The deliverables report. --write saves it as <id>.deliverables.md beside the spec (rewritten each time).',
		operations: [DELIVERABLES],
		positionals: [ID],
		async run(ws, args) {
			const outcome = await DELIVERABLES.run(ws, verbInput(this, DELIVERABLES, args), { backlinks: await ws.backlinks() });
			const { report, saved } = outcome;
			const text = saved ? written(saved.written ? [saved.path] : []) : formatDeliverablesReport(report);
			return { json: deliverablesJson(outcome), text };
		},
	},
	log: {
		usage: 'log <id> <planning|changes|implementation|testing|commits|issues> <text> [--resolution TEXT] [--commit HASH] [--if-match REV]',
		help: 'Appends an entry to a section of the active session. For commits the text is "<hash> <message>"; for issues the text is the issue and --resolution its resolution.',
		operations: [LOG],
		positionals: [ID, { field: 'section', name: '<section>' }, { field: 'text', name: '<text>' }],
		async run(ws, args) {
			const r = await LOG.run(ws, verbInput(this, LOG, args), undefined);
			return { json: r, text: `Logged to session ${r.session} › ${r.heading}${workBegunLine(r.workBegun)}\n${written(r.written)}` };
		},
	},
	task: {
		usage: 'task <id> <number|text> <pending|in-progress|done|blocked|cancelled> [--if-match REV]',
		help: "Sets a task's state, by its number in ## Plan (or, without a plan, in the spec's checklists, as status shows them) or by its text.",
		operations: [TASK],
		positionals: [ID, { field: 'task', name: '<number|text>' }, { field: 'state', name: '<state>' }],
		async run(ws, args) {
			const r = await TASK.run(ws, verbInput(this, TASK, args), undefined);
			return { json: r, text: `Task ${r.task.number} "${r.task.text}": ${r.task.previous} → ${r.task.state}${workBegunLine(r.workBegun)}` };
		},
	},
	deliver: {
		usage: 'deliver <id> --type <scripts|docs|config|NAME> --file NAME [--title T] [--purpose P] [--target PATH] [--from FILE | --stdin] [--if-match REV]',
		help: 'Creates deliverables/<type>/<file> beside the spec with a traceback header, registers it in the spec and the context, and records it in the active session.',
		operations: [DELIVER],
		positionals: [ID],
		// The content comes from a file or standard input, never from the command line itself.
		cli: { extra: { values: ['from'], flags: ['stdin'] }, omit: ['content'] },
		async run(ws, args, input) {
			const options = verbInput<Parameters<typeof DELIVER.run>[1]>(this, DELIVER, args);
			if (args.options.has('from') && args.options.has('stdin')) throw new UsageError('use either --from FILE or --stdin, not both');
			const from = args.options.get('from');
			const content = from !== undefined ? input.readInput(from) : args.options.has('stdin') ? input.readStdin() : undefined;
			const r = await DELIVER.run(ws, { ...options, content }, undefined);
			return { json: r, text: `Created ${r.path}\n${written(r.written)}` };
		},
	},
	finish: {
		usage: 'finish <id> [--status completed|partial|blocked] [--summary S] [--complete] [--if-match REV]',
		help: 'Closes the active session: duration from its start, status, summary; refreshes the metrics. --complete marks the spec completed.',
		operations: [FINISH],
		positionals: [ID],
		async run(ws, args) {
			const r = await FINISH.run(ws, verbInput(this, FINISH, args), optionalGit(ws));
			const time = r.minutes === null ? '' : ` after ${formatDuration(r.minutes)}`;
			const change = completedLine(r);
			return { json: r, text: `Session ${r.session} ${r.status}${time}\n${change === '' ? '' : `${change}\n`}${written(r.written)}` };
		},
	},
	new: {
		usage: 'new <epic|feature|task> --title T [--id ID] [--parent ID]',
		help: 'Creates a spec and its context in the reference layout (docs/formats.md), suggesting the next free id, and links parent and child both ways.',
		operations: [NEW_SPEC, SUGGEST_ID],
		pick: (args) => (args.options.has('suggest') ? SUGGEST_ID : NEW_SPEC),
		positionals: [{ field: 'type', name: '<epic|feature|task>' }],
		cli: { extra: { flags: ['suggest'] } },
		async run(ws, args) {
			// The type is checked first, with or without --suggest; the title only when creating.
			const suggest = verbInput<Parameters<typeof SUGGEST_ID.run>[1]>(this, SUGGEST_ID, args);
			if (args.options.has('suggest')) {
				const id = await SUGGEST_ID.run(ws, suggest, undefined);
				return { json: suggestIdJson(id), text: id };
			}
			const r = await NEW_SPEC.run(ws, verbInput(this, NEW_SPEC, args), undefined);
			return { json: r, text: `Created ${suggest.type} ${r.spec.id}: ${r.spec.path}\n${written(r.written)}` };
		},
	},
	validate: {
		usage: 'validate [--fix]',
		help: 'Checks links, spec ↔ context links, deliverable tracebacks and registries, duplicate ids and property/header disagreements. --fix applies only safe, reversible fixes. Exits 1 when errors remain.',
		operations: [VALIDATE],
		positionals: [],
		async run(ws, args) {
			const r = await VALIDATE.run(ws, verbInput(this, VALIDATE, args), undefined);
			const errors = r.problems.filter((p) => p.severity === 'error').length;
			return { json: r, text: formatProblems(r), exitCode: errors > 0 ? 1 : 0 };
		},
	},
	next: {
		usage: 'next',
		help: 'The plan task to work on next: a task in progress first, else the first pending task of the implementing spec with the highest progress. Prints null with --json when there is none (exit 0).',
		operations: [NEXT],
		positionals: [],
		async run(ws) {
			const next = await NEXT.run(ws, {}, undefined);
			return { json: next, text: formatNextTask(next) };
		},
	},
	'init-agent': {
		usage: 'init-agent [--command CMD]',
		help: 'Writes instructions telling coding agents to record every step through spec-work, at the repository root (the nearest folder above the vault holding .git, else the vault). --agent NAME, repeatable: claude (the /spec_work command and a skill), agents (AGENTS.md), cursor (.cursor/rules/spec-work.mdc), gemini (GEMINI.md), copilot (.github/copilot-instructions.md), mcp (the spec-work MCP server in .mcp.json, .cursor/mcp.json, .gemini/settings.json, .vscode/mcp.json; only the spec-work entry changes). Without --agent: the agents the project already has, else the /spec_work command and AGENTS.md. Re-running replaces only the text between the spec-work markers. --command: how agents call the CLI (default spec-work).',
		operations: [INIT_AGENT],
		positionals: [],
		async run(ws, args) {
			const r = await INIT_AGENT.run(ws, verbInput(this, INIT_AGENT, args), { repository: () => Promise.resolve(agentRepository(ws.vaultPath)) });
			const where = r.rootKind === 'git' ? 'the git repository holding the vault' : 'no git repository above the vault, so the vault itself';
			const text = [
				`Repository root: ${r.root} (${where})`,
				...r.files.map((f) => `${f.action[0].toUpperCase()}${f.action.slice(1)} ${f.path}`),
				r.vault === '' ? '' : `Agents run spec-work from the root with --vault ${quote(r.vault)}`,
			]
				.filter((l) => l !== '')
				.join('\n');
			return { json: r, text };
		},
	},
	list: {
		usage: 'list',
		help: 'The tree of epics, features and tasks with status and progress.',
		operations: [LIST],
		positionals: [],
		async run(ws) {
			const tree = await LIST.run(ws, {}, undefined);
			return { json: tree, text: formatTree(tree) };
		},
	},
	...PROPOSAL_VERBS,
	...REVIEW_VERBS,
	...GIT_VERBS,
	...MIGRATE_VERBS,
	contexts: CONTEXTS_VERB,
	base: BASE_VERB,
	mcp: MCP_VERB,
};
