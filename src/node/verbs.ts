import { formatDuration } from '../core/context/duration';
import { TaskState } from '../core/context/plan-task';
import { addDeliverable } from '../core/workflow/add-deliverable';
import { deliverablesReport, formatDeliverablesReport, writeDeliverablesReport } from '../core/workflow/deliverables-report';
import { finishSession } from '../core/workflow/finish-session';
import { logEntry } from '../core/workflow/log-entry';
import { newSpec } from '../core/workflow/new-spec';
import { suggestId } from '../core/workflow/suggest-id';
import { formatResumeBrief, resumeBrief } from '../core/workflow/resume';
import { setTaskState } from '../core/workflow/set-task-state';
import { formatStatus, specStatus } from '../core/workflow/spec-status';
import { formatTree, specTree } from '../core/workflow/spec-tree';
import { formatNextTask, nextTask } from '../core/workflow/next-task';
import { formatOpenSpecs, openSpecs } from '../core/workflow/open-specs';
import { startSession } from '../core/workflow/start-session';
import { formatProblems, validate } from '../core/workflow/validate';
import { workBegunLine } from '../core/workflow/work-begins';
import { WorkflowError } from '../core/workflow/workflow-error';
import { OptionSpec, ParsedArgs, UsageError } from './args';
import { NodeWorkspace } from './open-workspace';
import { initAgent } from './init-agent';
import { quote } from '../core/agent/agent-instructions';
import { finishGitStats, GIT_VERBS, statusWithGit } from './git-verbs';
import { MIGRATE_VERBS } from './migrate-verb';
import { CONTEXTS_VERB } from './contexts-verb';

export interface VerbResult {
	json: unknown;
	text: string;
	exitCode?: number;
}

export interface VerbInput {
	/** Reads a file named on the command line (relative to the working directory), as bytes. */
	readInput(file: string): string | Uint8Array;
	readStdin(): string | Uint8Array;
}

export interface Verb {
	usage: string;
	help?: string;
	/** [min, max] positionals after the verb. */
	positionals: [number, number];
	positionalNames: string[];
	options: OptionSpec;
	run(ws: NodeWorkspace, args: ParsedArgs, input: VerbInput): Promise<VerbResult>;
}

const LOG_SECTIONS = ['planning', 'changes', 'implementation', 'testing', 'commits', 'issues'] as const;
type LogSection = (typeof LOG_SECTIONS)[number];
const TASK_STATES: TaskState[] = ['pending', 'in-progress', 'done', 'blocked', 'cancelled'];
const FINISH_STATUSES = ['completed', 'partial', 'blocked'] as const;
const SPEC_TYPES = ['epic', 'feature', 'task'] as const;

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
	const v = value.toLowerCase();
	if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${what} must be one of ${allowed.join(', ')} (got "${value}")`);
	return v as T;
}

function written(paths: string[]): string {
	return paths.length === 0 ? 'Nothing changed.' : `Wrote ${paths.join(', ')}`;
}

export const VERBS: Record<string, Verb> = {
	start: {
		usage: 'start <id> [--title T] [--participants "User, Claude"] [--plan "task text"]...',
		help: 'Opens a session in the spec\'s context file (creating the context if needed), adds the approved plan items to ## Plan in the form the plan is written in, and once there is a plan sets the spec and context implementing (without one they stay as they are, and the session opens with an empty Planning subsection). While a session is active, continues it.',
		positionals: [1, 1],
		positionalNames: ['<id>'],
		options: { values: ['title', 'participants'], repeatable: ['plan'] },
		async run(ws, args) {
			const r = await startSession(ws, {
				id: args.positionals[0],
				title: args.options.get('title'),
				participants: args.options.get('participants'),
				plan: args.repeated.get('plan'),
			});
			const what = r.continued ? `Continuing session ${r.session.number}` : `Started session ${r.session.number}`;
			const text = [
				`${what}: ${r.session.date} - ${r.session.title} (spec ${r.spec.id}, ${r.contextPath})`,
				r.contextCreated ? `Created ${r.contextPath}` : '',
				r.planAdded > 0 ? `Added ${r.planAdded} plan item${r.planAdded === 1 ? '' : 's'}` : '',
				r.statusChange ? `Spec ${r.spec.id}: ${r.statusChange.from ?? '(no status)'} → implementing${r.statusChange.reopened ? ' (reopened)' : ''}` : '',
			]
				.filter((l) => l !== '')
				.join('\n');
			return { json: { ...r, spec: { id: r.spec.id, title: r.spec.title, path: r.spec.path } }, text };
		},
	},
	resume: {
		usage: 'resume <id>',
		help: 'Shows the resume brief: previous sessions, progress, last activity, remaining tasks and the next one. Changes nothing; continue with `start`.',
		positionals: [1, 1],
		positionalNames: ['<id>'],
		options: {},
		async run(ws, args) {
			const brief = await resumeBrief(ws, args.positionals[0]);
			return { json: brief, text: formatResumeBrief(brief) };
		},
	},
	status: {
		usage: 'status <id> | status --all',
		help: 'Progress, tasks, acceptance criteria, deliverables, time per session, last commit, parent and children. --all: every spec not completed, with its progress and next task.',
		positionals: [0, 1],
		positionalNames: ['<id>'],
		options: { flags: ['all'] },
		async run(ws, args) {
			if (args.options.has('all')) {
				if (args.positionals.length > 0) throw new UsageError('give either <id> or --all, not both');
				const specs = await openSpecs(ws);
				return { json: { specs }, text: formatOpenSpecs(specs) };
			}
			if (args.positionals.length === 0) throw new UsageError('missing <id> (or --all)');
			const report = await statusWithGit(ws, await specStatus(ws, args.positionals[0]));
			return { json: report, text: formatStatus(report) };
		},
	},
	deliverables: {
		usage: 'deliverables <id> [--write]',
		help: 'The deliverables report. --write saves it as <id>.deliverables.md beside the spec (rewritten each time).',
		positionals: [1, 1],
		positionalNames: ['<id>'],
		options: { flags: ['write'] },
		async run(ws, args) {
			const id = args.positionals[0];
			const report = await deliverablesReport(ws, id);
			if (args.options.has('write')) {
				const r = await writeDeliverablesReport(ws, id);
				const paths = r.written ? [r.path] : [];
				return { json: { ...report, written: paths, reportPath: r.path }, text: written(paths) };
			}
			return { json: report, text: formatDeliverablesReport(report) };
		},
	},
	log: {
		usage: 'log <id> <planning|changes|implementation|testing|commits|issues> <text> [--resolution TEXT] [--commit HASH]',
		help: 'Appends an entry to a section of the active session. For commits the text is "<hash> <message>"; for issues the text is the issue and --resolution its resolution.',
		positionals: [3, 3],
		positionalNames: ['<id>', '<section>', '<text>'],
		options: { values: ['resolution', 'commit'] },
		async run(ws, args) {
			const [id, section, text] = args.positionals;
			const r = await logEntry(ws, {
				id,
				section: oneOf<LogSection>(section, LOG_SECTIONS, 'section'),
				text,
				resolution: args.options.get('resolution'),
				commit: args.options.get('commit'),
			});
			return { json: r, text: `Logged to session ${r.session} › ${r.heading}${workBegunLine(r.workBegun)}\n${written(r.written)}` };
		},
	},
	task: {
		usage: 'task <id> <number|text> <pending|in-progress|done|blocked|cancelled>',
		help: 'Sets a task\'s state, by its number in ## Plan (or, without a plan, in the spec\'s checklists, as status shows them) or by its text.',
		positionals: [3, 3],
		positionalNames: ['<id>', '<number|text>', '<state>'],
		options: {},
		async run(ws, args) {
			const [id, task, state] = args.positionals;
			const r = await setTaskState(ws, { id, task, state: oneOf(state, TASK_STATES, 'state') });
			return { json: r, text: `Task ${r.task.number} "${r.task.text}": ${r.task.previous} → ${r.task.state}${workBegunLine(r.workBegun)}` };
		},
	},
	deliver: {
		usage: 'deliver <id> --type <scripts|docs|config|NAME> --file NAME [--title T] [--purpose P] [--target PATH] [--from FILE | --stdin]',
		help: 'Creates deliverables/<type>/<file> beside the spec with a traceback header, registers it in the spec and the context, and records it in the active session.',
		positionals: [1, 1],
		positionalNames: ['<id>'],
		options: { values: ['type', 'file', 'title', 'purpose', 'target', 'from', 'author'], flags: ['stdin'] },
		async run(ws, args, input) {
			const type = args.options.get('type');
			const file = args.options.get('file');
			if (!type) throw new UsageError('--type is required');
			if (!file) throw new UsageError('--file is required');
			if (args.options.has('from') && args.options.has('stdin')) throw new UsageError('use either --from FILE or --stdin, not both');
			const from = args.options.get('from');
			const content = from !== undefined ? input.readInput(from) : args.options.has('stdin') ? input.readStdin() : undefined;
			const r = await addDeliverable(ws, {
				id: args.positionals[0],
				type,
				file,
				title: args.options.get('title'),
				purpose: args.options.get('purpose'),
				target: args.options.get('target'),
				author: args.options.get('author'),
				content,
			});
			return { json: r, text: `Created ${r.path}\n${written(r.written)}` };
		},
	},
	finish: {
		usage: 'finish <id> [--status completed|partial|blocked] [--summary S] [--complete]',
		help: 'Closes the active session: duration from its start, status, summary; refreshes the metrics. --complete marks the spec completed.',
		positionals: [1, 1],
		positionalNames: ['<id>'],
		options: { values: ['status', 'summary'], flags: ['complete'] },
		async run(ws, args) {
			const status = args.options.get('status');
			const r = await finishSession(ws, {
				id: args.positionals[0],
				status: status === undefined ? undefined : oneOf(status, FINISH_STATUSES, 'status'),
				summary: args.options.get('summary'),
				complete: args.options.has('complete'),
				gitStats: await finishGitStats(ws, args.positionals[0]),
			});
			const time = r.minutes === null ? '' : ` after ${formatDuration(r.minutes)}`;
			return { json: r, text: `Session ${r.session} ${r.status}${time}\n${written(r.written)}` };
		},
	},
	new: {
		usage: 'new <epic|feature|task> --title T [--id ID] [--parent ID]',
		help: 'Creates a spec and its context in the seed layout, suggesting the next free id, and links parent and child both ways.',
		positionals: [1, 1],
		positionalNames: ['<epic|feature|task>'],
		options: { values: ['title', 'id', 'parent'], flags: ['suggest'] },
		async run(ws, args) {
			const type = oneOf(args.positionals[0], SPEC_TYPES, 'type');
			const parent = args.options.get('parent');
			if (args.options.has('suggest')) {
				const id = suggestId(ws, type, parent);
				return { json: { id }, text: id };
			}
			const title = args.options.get('title');
			if (!title) throw new UsageError('--title is required');
			const r = await newSpec(ws, { type, title, id: args.options.get('id'), parent });
			return { json: r, text: `Created ${type} ${r.spec.id}: ${r.spec.path}\n${written(r.written)}` };
		},
	},
	validate: {
		usage: 'validate [--fix]',
		help: 'Checks links, spec ↔ context links, deliverable tracebacks and registries, duplicate ids and property/header disagreements. --fix applies only safe, reversible fixes. Exits 1 when errors remain.',
		positionals: [0, 0],
		positionalNames: [],
		options: { flags: ['fix'] },
		async run(ws, args) {
			const r = await validate(ws, { fix: args.options.has('fix') });
			const errors = r.problems.filter((p) => p.severity === 'error').length;
			return { json: r, text: formatProblems(r), exitCode: errors > 0 ? 1 : 0 };
		},
	},
	next: {
		usage: 'next',
		help: 'The plan task to work on next: a task in progress first, else the first pending task of the implementing spec with the highest progress. Prints null with --json when there is none (exit 0).',
		positionals: [0, 0],
		positionalNames: [],
		options: {},
		async run(ws) {
			const next = await nextTask(ws);
			return { json: next, text: formatNextTask(next) };
		},
	},
	'init-agent': {
		usage: 'init-agent [--command CMD]',
		help: 'Writes the /spec_work slash command (.claude/commands/spec_work.md) and an AGENTS.md section at the repository root (the nearest folder above the vault holding .git, else the vault), telling coding agents to record every step through spec-work. Re-running replaces only the text between the spec-work markers. --command: how agents call the CLI (default spec-work).',
		positionals: [0, 0],
		positionalNames: [],
		options: { values: ['command'] },
		async run(ws, args) {
			const r = await initAgent({ vaultPath: ws.vaultPath, specsRoot: ws.settings.specsRoot, command: args.options.get('command') });
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
		positionals: [0, 0],
		positionalNames: [],
		options: {},
		async run(ws) {
			const tree = await specTree(ws);
			if (tree.length === 0) throw new WorkflowError('no-specs', `No specs under ${ws.settings.specsRoot}/ yet; create one with: spec-work new epic --title "…"`);
			return { json: tree, text: formatTree(tree) };
		},
	},
	...GIT_VERBS,
	...MIGRATE_VERBS,
	contexts: CONTEXTS_VERB,
};
