import { createFakeApp, loadPlugin } from '../../__mocks__/obsidian';
import { CATALOGUE } from '../../../src/core/operations/catalogue';
import { checkInput, InputError } from '../../../src/core/operations/operation';
import { LOG } from '../../../src/core/operations/log';
import { NEW_SPEC } from '../../../src/core/operations/new-spec';
import { VERBS } from '../../../src/node/verbs';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { TASK_STATES } from '../../../src/core/workflow/set-task-state';
import { TASK } from '../../../src/core/operations/task';

/**
 * Where a user reaches each operation: the CLI verb that runs it, and in Obsidian the command (or
 * the panel) that does, or why it is not offered there.
 */
const PLUGIN: Record<string, { command: string } | { panel: string } | { not: string }> = {
	start: { command: 'start-work' },
	resume: { command: 'resume-work' },
	log: { command: 'log-entry' },
	task: { command: 'update-task' },
	deliver: { command: 'add-deliverable' },
	finish: { command: 'finish-session' },
	status: { panel: "the status panel shows the active note's spec" },
	'open-specs': { panel: "the status panel's overview lists every spec" },
	deliverables: { command: 'deliverables-report' },
	new: { command: 'new-spec' },
	'suggest-id': { panel: 'the new-spec modal fills in the suggested id' },
	validate: { command: 'validate-specs' },
	list: { panel: "the status panel's overview is the tree" },
	next: { panel: "the overview and each spec's panel show the next task" },
	// Desktop only: a phone has no git to run (the typed "Record commit…" works there).
	commit: { command: 'commit-spec-progress' },
	commits: { command: 'record-commits-from-git' },
	'record-commits': { command: 'record-commits-from-git' },
	migrate: { command: 'migrate-specs' },
	revert: { command: 'revert-migration' },
	contexts: { command: 'create-missing-contexts' },
	'init-agent': { not: 'it writes outside the vault (the repository root above it), which Obsidian cannot' },
	base: { command: 'write-specs-base' },
	propose: { not: 'the agent proposes (CLI, MCP); the person decides in Obsidian' },
	decide: { command: 'approve-proposed-plan' },
	review: { command: 'mark-spec-reviewed' },
	'since-review': { command: 'review-changes' },
	'review-inbox': { command: 'review-changes' },
	proposal: { panel: "the spec's panel shows the proposal with Approve, Modify and Reject" },
};

describe('the operation catalogue', () => {
	it('lists each operation once, by a unique name', () => {
		const names = CATALOGUE.map((op) => op.name);
		expect(new Set(names).size).toBe(names.length);
		expect([...names].sort()).toEqual(Object.keys(PLUGIN).sort());
	});

	it('every operation is run by a CLI verb', () => {
		const reached = new Set(Object.values(VERBS).flatMap((v) => v.operations));
		expect(CATALOGUE.filter((op) => !reached.has(op)).map((op) => op.name)).toEqual([]);
	});

	it('every operation offered in Obsidian has its command registered (desktop)', async () => {
		const app = createFakeApp({});
		await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow', name: 'Spec Workflow' });
		const missing = Object.entries(PLUGIN)
			.flatMap(([name, where]) => ('command' in where ? [[name, where.command]] : []))
			.filter(([, command]) => !(`spec-workflow:${command}` in app.commands.commands));
		expect(missing).toEqual([]);
	});

	it('a read-only operation says so; one that writes only on a switch names it', () => {
		const readOnly = CATALOGUE.filter((op) => op.writes === false).map((op) => op.name);
		expect(readOnly.sort()).toEqual(['commits', 'list', 'next', 'open-specs', 'proposal', 'resume', 'review-inbox', 'since-review', 'status', 'suggest-id']);
		for (const op of CATALOGUE.filter((o) => typeof o.writes === 'function')) {
			expect(op.input.some((f) => f.kind === 'flag')).toBe(true);
		}
	});
});

describe('checking an input against its fields', () => {
	it('takes a choice in any case and gives it in its own spelling', () => {
		expect(checkInput(TASK, { id: '1014', task: '6', state: 'DONE' })).toEqual({ id: '1014', task: '6', state: 'done' });
		expect(TASK.input.find((f) => f.name === 'state')?.choices).toBe(TASK_STATES);
	});

	it('refuses a value outside a choice, naming the allowed ones', () => {
		expect(() => checkInput(LOG, { id: '1014', section: 'notes', text: 'x' })).toThrow(
			'section must be one of planning, changes, implementation, testing, commits, issues (got "notes")',
		);
	});

	it('refuses a missing required field, and an empty one where empty means missing', () => {
		const refusal = (raw: Record<string, string>) => {
			try {
				checkInput(NEW_SPEC, raw);
				return null;
			} catch (e) {
				return e instanceof InputError ? [e.field.name, e.problem] : e;
			}
		};
		expect(refusal({ type: 'epic' })).toEqual(['title', 'required']);
		expect(refusal({ type: 'epic', title: '' })).toEqual(['title', 'required']);
		expect(refusal({ type: 'epic', title: 'Storage' })).toBeNull();
	});
});
