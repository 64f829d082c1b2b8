import { CONTEXTS } from '../../core/operations/contexts';
import { DELIVER } from '../../core/operations/deliver';
import { DELIVERABLES } from '../../core/operations/deliverables';
import { FINISH } from '../../core/operations/finish';
import { COMMIT, RECORD_COMMITS, SESSION_COMMITS } from '../../core/operations/git';
import { LIST } from '../../core/operations/list';
import { LOG } from '../../core/operations/log';
import { NEW_SPEC, SUGGEST_ID } from '../../core/operations/new-spec';
import { NEXT } from '../../core/operations/next';
import type { AnyOperation, Operation } from '../../core/operations/operation';
import { deliverablesJson, openSpecsJson, startJson, suggestIdJson } from '../../core/operations/result-json';
import { RESUME } from '../../core/operations/resume';
import { START } from '../../core/operations/start';
import { PROPOSE } from '../../core/operations/propose';
import { REVIEW } from '../../core/operations/review';
import { OPEN_SPECS, STATUS } from '../../core/operations/status';
import { TASK } from '../../core/operations/task';
import { VALIDATE } from '../../core/operations/validate';
import type { NodeWorkspace } from '../open-workspace';
import type { McpShell } from './shell';

/** An MCP tool: a catalogue operation under an agent's name, with what to tell the agent about it. */
export interface Tool {
	name: string;
	operation: AnyOperation;
	/** When to call it and what it returns; the fields' summaries describe its arguments. */
	description: string;
	/** What the shell must give the operation (git, backlinks), from the workspace of the call. */
	host(shell: McpShell, ws: NodeWorkspace): unknown;
	/** The result as JSON: the same JSON the CLI's verb prints with --json. */
	json(result: unknown): unknown;
	/** Only for a vault in a git repository: elsewhere every call of it fails, so it is not offered. */
	needsGit?: boolean;
}

interface ToolOptions<R, H> {
	description: string;
	host?: (shell: McpShell, ws: NodeWorkspace) => H | Promise<H>;
	json?: (result: R) => unknown;
	needsGit?: boolean;
}

function tool<I, R, H>(name: string, operation: Operation<I, R, H>, options: ToolOptions<R, H>): Tool {
	return {
		name,
		operation,
		description: options.description,
		host: options.host ?? (() => undefined),
		json: options.json ?? ((r: R) => r),
		...(options.needsGit ? { needsGit: true } : {}),
	};
}

const optionalGit = (shell: McpShell, ws: NodeWorkspace) => shell.optionalGit(ws);
const requiredGit = (shell: McpShell, ws: NodeWorkspace) => shell.requiredGit(ws);

/** The default set: what an agent needs to pick up work and record it, kept small because each tool costs the agent context. */
export const CORE_TOOLS: readonly Tool[] = [
	tool('status', STATUS, {
		description:
			"Read one spec's state before and after working on it: progress, plan tasks by state with the numbers update_task takes, acceptance criteria, deliverables (missing ones too), time per session, the active session number (null when none is open), last commit, parent and children, and the revision to pass as baseRevision when you write. Changes nothing.",
		host: optionalGit,
	}),
	tool('resume', RESUME, {
		description:
			'The brief for picking a spec back up: previous sessions, progress, last activity, remaining tasks and the next one, and the revision to pass as baseRevision when you write. Changes nothing; continue with start_session.',
	}),
	tool('next', NEXT, {
		description:
			'Which plan task to work on next across all specs: a task in progress first, else the first pending task of the implementing spec with the most progress. Returns the spec id, task number and text, or null when there is nothing to do. Changes nothing.',
	}),
	tool('start_session', START, {
		description:
			'Call before working on a spec: opens a work session in its context file (creating the context if needed) and adds the approved plan items to its plan; while a session is open it continues that one. Returns the session number and date, the context path, how many plan items were added and the files written.',
		json: startJson,
	}),
	tool('log', LOG, {
		description:
			'Record a step of your work in the open session as you go: planning, changes (to the spec), implementation, testing, commits ("<hash> <message>") or issues (with resolution and commit). Needs an open session (start_session). Returns the session and heading written to and the files written.',
	}),
	tool('update_task', TASK, {
		description:
			"Set a plan task's state (pending, in-progress, done, blocked, cancelled), by its number as status lists it or by its text; mark a task done as soon as it is. Returns the task with its previous and new state.",
	}),
	tool('add_deliverable', DELIVER, {
		description:
			"Create a file you produced (a script, a doc, a config) beside the spec in deliverables/<type>/<file>, with a traceback header back to the spec, registered in the spec and its context and recorded in the open session. Give the file's text as content (without it, a template). Refused when the file exists or its name is not a plain file name. Returns its path and the files written.",
	}),
	tool('finish_session', FINISH, {
		description:
			'Call when you stop working on the spec: closes the open session with its duration, status (completed, partial, blocked) and summary, and refreshes the metrics; complete also marks the spec completed. Returns the session, its minutes and the files written.',
		host: optionalGit,
	}),
	tool('validate', VALIDATE, {
		description:
			'Check the whole vault: links, spec ↔ context links, deliverable tracebacks and registries, duplicate ids, properties that disagree with header lines. With fix it applies only safe, reversible fixes. Returns every problem with its severity, file and message.',
	}),
];

/** The rest an agent may use with --tools all. Not migrate or revert: moving a vault's folders is a person's decision. */
export const MORE_TOOLS: readonly Tool[] = [
	tool('list', LIST, { description: 'The tree of epics, features and tasks with status and progress. Changes nothing.' }),
	tool('open_specs', OPEN_SPECS, {
		description: 'Every spec not completed, with its progress and next task. Changes nothing.',
		json: openSpecsJson,
	}),
	tool('new_spec', NEW_SPEC, {
		description:
			'Create a spec (epic, feature or task) and its context, with the next free id unless one is given, linking parent and child both ways. Returns the spec and the files written.',
	}),
	tool('suggest_id', SUGGEST_ID, { description: 'The id new_spec would give a new spec of this type under this parent. Changes nothing.', json: suggestIdJson }),
	tool('deliverables_report', DELIVERABLES, {
		description: "The spec's deliverables report: each file with its type, traceback, lines and who uses it. With write it is saved as <id>.deliverables.md beside the spec.",
		host: async (_shell, ws) => ({ backlinks: await ws.backlinks() }),
		json: deliverablesJson,
	}),
	tool('create_contexts', CONTEXTS, { description: 'List the specs that have no context file; with apply, create them all (or none).' }),
	tool('commit_progress', COMMIT, {
		description: "Commit only the spec's own files (spec, context, deliverables) with the message and record the commit in the open session. Needs the vault in a git repository.",
		host: requiredGit,
		needsGit: true,
	}),
	tool('session_commits', SESSION_COMMITS, {
		description: "The repository's commits since the open session started, each marked whether it is recorded. Changes nothing.",
		host: requiredGit,
		needsGit: true,
	}),
	tool('record_commits', RECORD_COMMITS, {
		description: "Record commits in the open session's Commits: the hashes given, or with all every one since the session started not yet recorded.",
		host: requiredGit,
		needsGit: true,
	}),
	tool('propose_plan', PROPOSE, {
		description:
			"Propose a plan for the person's approval instead of approving it yourself: the tasks go into the spec's journal as a proposal that counts nowhere until decided, and the spec's approval becomes awaiting. Then wait for the decision with the command `spec-work await <id>` (exit 0 approved, printing the plan as approved; 3 rejected, with the reason; 4 timeout).",
	}),
	tool('review', REVIEW, {
		description:
			'Only when the person asks you to: mark a spec reviewed on their behalf (reviewed: and reviewed_tasks: in its properties, reviewed_by: from by) and give each deliverable of its registry that has none a baseline. With accept, deliverables changed since the last review take their current content as the new baseline (only the paths given, when given). Returns the mark, the deliverables accepted and those still changed. To see what changed since review first, run `spec-work review <id> --show`.',
	}),
];

export type ToolSet = 'core' | 'all';

export const TOOL_SETS: readonly ToolSet[] = ['core', 'all'];

/** The tools of the set; with `git: false` (a vault in no git repository) without the git tools. */
export function toolsOf(set: ToolSet, vault: { git?: boolean } = {}): readonly Tool[] {
	const tools = set === 'all' ? [...CORE_TOOLS, ...MORE_TOOLS] : CORE_TOOLS;
	return vault.git === false ? tools.filter((t) => !t.needsGit) : tools;
}
