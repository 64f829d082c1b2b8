/** @jest-environment jsdom */
import { join } from 'path';
import { createFakeApp, fileAt, getOpenModal, loadPlugin, Modal, notices, runCommand } from '../../__mocks__/obsidian';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { startSession } from '../../../src/core/workflow/start-session';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { revealStatusPanel } from '../../../src/plugin/views/register-status-view';
import { STATUS_VIEW_TYPE } from '../../../src/plugin/views/status-view';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { activate, NOW, one, openPanel, Panel, settled, texts } from './panel-harness';

const CONTEXT = 'specs/1000/1001/1014.context.md';
const SPEC = 'specs/1000/1001/1014.spec.md';

/** Text of the tasks in the plan group for one state. */
function group(p: Panel, state: string): string[] {
	return texts(p.el, `.spec-workflow-task-group.is-${state} .spec-workflow-task-text`);
}

function checkbox(p: Panel, text: string): HTMLInputElement {
	const row = Array.from(p.el.querySelectorAll('.spec-workflow-task')).find((r) => r.textContent === text);
	if (!row) throw new Error(`no task ${text}`);
	return one<HTMLInputElement>(row, 'input[type="checkbox"]');
}

/**
 * The modal a panel button opened. The buttons run their command without waiting (as Obsidian
 * does), so flush until the command has read what it shows.
 */
async function modalOpened(p: Panel): Promise<Modal | null> {
	for (let i = 0; i < 20 && !getOpenModal(); i++) await p.app.flush();
	return getOpenModal();
}

function button(p: Panel, text: string): HTMLButtonElement {
	const found = Array.from(p.el.querySelectorAll<HTMLButtonElement>('button')).filter((b) => b.textContent === text);
	if (found.length !== 1) throw new Error(`${found.length} buttons "${text}"`);
	return found[0];
}

describe('the status panel shows the active note’s spec', () => {
	it('header, breadcrumb up to the epic, progress and acceptance criteria', async () => {
		const p = await openPanel(undefined, CONTEXT);
		expect(one(p.el, '.spec-workflow-title .spec-workflow-id').textContent).toBe('1014');
		expect(one(p.el, '.spec-workflow-title-text').textContent).toBe('Cold Storage NAS Integration');
		expect(one(p.el, '.spec-workflow-type').textContent).toBe('Task');
		const pill = one(p.el, '.spec-workflow-meta .spec-workflow-pill');
		expect(pill.textContent).toBe('implementing');
		expect(pill.classList.contains('is-implementing')).toBe(true);
		expect(texts(p.el, '.spec-workflow-crumb')).toEqual(['1000 Foundation Infrastructure', '1001 Storage Infrastructure']);
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('71% · 5/7 tasks');
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-bar').getAttribute('aria-valuenow')).toBe('71');
		expect(one(p.el, '.spec-workflow-criteria').textContent).toBe('Criteria 3/4 met');
	});

	it('plan tasks grouped by state, completed ones ticked', async () => {
		const p = await openPanel(undefined, CONTEXT);
		expect(texts(p.el, '.spec-workflow-task-group .spec-workflow-group-heading')).toEqual(['In progress1', 'Pending1', 'Completed5']);
		expect(group(p, 'in-progress')).toEqual(['Documentation']);
		expect(group(p, 'pending')).toEqual(['Final validation']);
		expect(group(p, 'done')).toEqual([
			'Network buffer optimization',
			'NFS mount configuration',
			'Directory structure creation',
			'Health monitoring script',
			'Performance benchmarking',
		]);
		expect(p.el.querySelectorAll('.spec-workflow-task-group.is-done input:checked')).toHaveLength(5);
		expect(p.el.querySelectorAll('.spec-workflow-task-group:not(.is-done) input:checked')).toHaveLength(0);
	});

	it('deliverables by type with counts, sessions with the total, users, last commit', async () => {
		const p = await openPanel(undefined, CONTEXT);
		expect(one(p.el, '.spec-workflow-deliverables .spec-workflow-section-heading').textContent).toBe('Deliverables8');
		expect(texts(p.el, '.spec-workflow-deliverable-group > .spec-workflow-group-heading')).toEqual(['Scripts4', 'Docs2', 'Config2']);
		expect(texts(p.el, '.spec-workflow-deliverable-group[data-type="docs"] .spec-workflow-deliverable-title')).toEqual(['Setup Guide', 'Troubleshooting Guide']);
		expect(p.el.querySelectorAll('.spec-workflow-flag')).toHaveLength(0);

		expect(texts(p.el, '.spec-workflow-session-date')).toEqual(['2025-08-26', '2025-08-27']);
		expect(texts(p.el, '.spec-workflow-session-duration')).toEqual(['2.5 hours', '1.5 hours']);
		expect(texts(p.el, '.spec-workflow-session-status')).toEqual(['completed', 'completed']);
		expect(one(p.el, '.spec-workflow-total').textContent).toBe('Total4 hours');

		expect(texts(p.el, '.spec-workflow-user-top')).toEqual([
			'3001Market Data Collection',
			'9001Backtesting Framework',
			'4005Strategy State Persistence',
			'READMEnote',
			'2025-08-27 Storage syncnote',
			'Storage tiersnote',
		]);
		expect(texts(p.el, '.spec-workflow-user-uses').slice(0, 3)).toEqual(['Uses: nas-health-check.sh', 'Uses: Directory structure', 'Uses: NAS mount configuration']);
		expect(texts(p.el, '.spec-workflow-commit')).toEqual(['b2c3d4eAdd performance benchmarking results']);
		// A task has no children: no empty section for them.
		expect(p.el.querySelector('.spec-workflow-children')).toBeNull();
	});

	it('a feature lists its children with their progress', async () => {
		const p = await openPanel(undefined, 'specs/1000/1001/spec.md');
		expect(texts(p.el, '.spec-workflow-child-top')).toEqual(['1011Hot Storage NVMe Setupcompleted', '1014Cold Storage NAS Integrationimplementing']);
		expect(texts(p.el, '.spec-workflow-child .spec-workflow-progress-text')).toEqual(['100% · 5/5 tasks', '71% · 5/7 tasks']);
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('83% · 10/12 tasks');
	});

	it('marks missing deliverables and files without a traceback', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		const bench = 'specs/1000/1001/deliverables/scripts/benchmark.sh';
		files[bench] = files[bench].replace(/^# Generated from: .*\n/m, '');
		files[CONTEXT] = files[CONTEXT].replace(
			'- [[deliverables/scripts/benchmark.sh|Performance Benchmark]] - Performance testing\n',
			'- [[deliverables/scripts/benchmark.sh|Performance Benchmark]] - Performance testing\n- [[deliverables/scripts/cleanup.sh|Cleanup]] - Old snapshots\n',
		);
		const p = await openPanel(files, CONTEXT);
		const flagged = Array.from(p.el.querySelectorAll('.spec-workflow-deliverable')).filter((r) => r.querySelector('.spec-workflow-flag'));
		expect(flagged.map((r) => [r.getAttribute('data-path'), r.querySelector('.spec-workflow-flag')?.textContent])).toEqual([
			[bench, 'No traceback'],
			['specs/1000/1001/deliverables/scripts/cleanup.sh', 'Missing'],
		]);
		// Missing files are not counted and cannot be tapped.
		expect(texts(p.el, '.spec-workflow-deliverable-group[data-type="scripts"] > .spec-workflow-group-heading')).toEqual(['Scripts4']);
		expect(p.el.querySelector('[data-path$="cleanup.sh"]')?.classList.contains('spec-workflow-tappable')).toBe(false);
	});
});

describe('session actions', () => {
	it("without an open session: Start and Resume, which run their flows on the panel's spec", async () => {
		const p = await openPanel(undefined, CONTEXT);
		expect(texts(p.el, '.spec-workflow-session-card button')).toEqual(['Start', 'Resume']);
		const run = jest.spyOn(p.app.commands, 'executeCommandById');
		button(p, 'Resume').click();
		await p.app.flush();
		// The panel's spec directly: its brief is for 1014, with no command registry or picker between.
		expect((await modalOpened(p))?.modalEl.textContent).toContain('1014');
		expect(run).not.toHaveBeenCalled();
	});

	it('with an open session: its title, time so far, and Log, Add deliverable, Finish', async () => {
		const p = await openPanel(undefined, CONTEXT);
		p.plugin.now = () => new Date('2025-08-28T09:15');
		await startSession(p.plugin.workspace(), { id: '1014', title: 'Troubleshooting guide', participants: 'User' });
		p.plugin.now = () => new Date(NOW);
		await settled(p);
		const card = one(p.el, '.spec-workflow-session-card');
		expect(card.classList.contains('is-active')).toBe(true);
		expect(texts(card, '.spec-workflow-session-label, .spec-workflow-session-title, .spec-workflow-elapsed')).toEqual([
			'Session 3 in progress',
			'Troubleshooting guide',
			'45 minutes so far',
		]);
		expect(texts(card, 'button')).toEqual(['Log', 'Add deliverable', 'Finish']);
		expect(texts(p.el, '.spec-workflow-session.is-active .spec-workflow-session-duration')).toEqual(['45 minutes so far']);

		const run = jest.spyOn(p.app.commands, 'executeCommandById');
		button(p, 'Log').click();
		await p.app.flush();
		expect(getOpenModal()?.titleEl.textContent).toBe('Log to session 3 of 1014');
		getOpenModal()?.close();
		button(p, 'Add deliverable').click();
		await p.app.flush();
		expect(getOpenModal()?.titleEl.textContent).toBe('Add deliverable');
		getOpenModal()?.close();
		button(p, 'Finish').click();
		await p.app.flush();
		expect(getOpenModal()?.titleEl.textContent).toBe('Finish session 3 of 1014');
		expect(run).not.toHaveBeenCalled();
	});

	it("without Obsidian's undocumented command runner, the buttons still run the plugin's own commands", async () => {
		const p = await openPanel(undefined, CONTEXT);
		// app.commands is not public API: an Obsidian without it must not leave the panel's buttons dead.
		Object.defineProperty(p.app, 'commands', { value: undefined, configurable: true });
		button(p, 'Resume').click();
		await p.app.flush();
		expect((await modalOpened(p))?.modalEl.textContent).toContain('1014');
		expect(notices).toEqual([]);
	});

	it('a spec without a context note yet offers Start', async () => {
		const p = await openPanel(undefined, 'specs/3000/3001/spec.md');
		expect(one(p.el, '.spec-workflow-session-card').classList.contains('is-empty')).toBe(true);
		expect(texts(p.el, '.spec-workflow-session-card > div')[0]).toBe('No plan or sessions yet');
		expect(p.el.querySelector('.spec-workflow-plan')).toBeNull();
		button(p, 'Start').click();
		// The start modal for the panel's spec, with no spec picker before it (its data is read first: a few turns).
		expect((await modalOpened(p))?.titleEl.textContent).toContain('3001');
	});
});

describe('toggling a plan task', () => {
	it('writes the marker through the core and updates the row and progress in place', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const before = p.app.vault.contentOf(fileAt(p.app, CONTEXT));
		const expected = await memoryWorkspace(readVaultFiles(EXAMPLE_VAULT), { now: NOW });
		await setTaskState(expected, { id: '1014', task: '7', state: 'done' });
		const renders = p.view.renders;
		const box = checkbox(p, 'Final validation');

		box.click();
		await settled(p);

		const after = p.app.vault.contentOf(fileAt(p.app, CONTEXT));
		expect(after).toBe(await expected.store.read(CONTEXT));
		expect(after).toBe(before.replace('- [ ] Final validation', '- [x] Final validation').replace('**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 10:00'));
		// No redraw: the same row, now ticked, and the figures updated where they are.
		expect(p.view.renders).toBe(renders);
		expect(box.isConnected).toBe(true);
		expect(box.checked).toBe(true);
		expect(box.closest('.spec-workflow-task')?.getAttribute('data-state')).toBe('done');
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('86% · 6/7 tasks');
	});

	it('unticking a completed task makes it pending', async () => {
		const p = await openPanel(undefined, CONTEXT);
		checkbox(p, 'NFS mount configuration').click();
		await settled(p);
		const text = p.app.vault.contentOf(fileAt(p.app, CONTEXT));
		expect(text).toContain('\n- [ ] NFS mount configuration\n');
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('57% · 4/7 tasks');
	});

	it('a refused change shows the Notice and leaves the box as it was', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const box = checkbox(p, 'Final validation');
		// The context note is deleted; the click comes before the panel's debounced redraw.
		await p.app.fileManager.trashFile(fileAt(p.app, CONTEXT));
		box.click();
		await settled(p);
		expect(notices).toEqual([expect.stringContaining('has no context file')]);
		expect(box.checked).toBe(false);
		expect(box.disabled).toBe(false);
		expect(p.app.vault.getFileByPath(CONTEXT)).toBeNull();
	});
});

describe('refreshing', () => {
	it('redraws once after changes to the shown spec’s files, debounced', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const renders = p.view.renders;
		const file = fileAt(p.app, CONTEXT);
		for (let i = 0; i < 5; i++) await p.app.vault.process(file, (t) => t.replace('- [ ] Final validation', '- [ ] Final validation\n- [ ] Archive job ' + i));
		await settled(p);
		expect(p.view.renders).toBe(renders + 1);
		expect(group(p, 'pending')).toEqual(['Final validation', 'Archive job 4', 'Archive job 3', 'Archive job 2', 'Archive job 1', 'Archive job 0']);
	});

	it('redraws when a deliverable script changes (no metadata event for it)', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const renders = p.view.renders;
		await p.app.vault.process(fileAt(p.app, 'specs/1000/1001/deliverables/scripts/benchmark.sh'), (t) => t.replace(/^# Generated from: .*\n/m, ''));
		await settled(p);
		expect(p.view.renders).toBe(renders + 1);
		expect(texts(p.el, '.spec-workflow-flag')).toEqual(['No traceback']);
	});

	it('does not redraw for an unrelated note, nor for another spec', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const renders = p.view.renders;
		await p.app.vault.create('notes/Shopping.md', '- milk\n');
		await settled(p);
		for (const item of ['eggs', 'bread', 'tea']) await p.app.vault.process(fileAt(p.app, 'notes/Shopping.md'), (t) => `${t}- ${item}\n`);
		// A sibling task of the same feature, which does not link to 1014.
		await p.app.vault.process(fileAt(p.app, 'specs/1000/1001/1011.spec.md'), (t) => t.replace('## ', '## Notes\n\n## '));
		await settled(p);
		expect(p.view.renders).toBe(renders);
	});

	it('redraws when a note that uses the spec changes', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const renders = p.view.renders;
		await p.app.vault.process(fileAt(p.app, 'notes/Storage tiers.md'), () => '# Storage tiers\n\nNo links any more.\n');
		await settled(p);
		expect(p.view.renders).toBe(renders + 1);
		expect(texts(p.el, '.spec-workflow-user-title')).not.toContain('Storage tiers');
	});

	it('redraws when a note starts linking to the spec', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const renders = p.view.renders;
		await p.app.vault.create('notes/Retro.md', 'We shipped [[1014.spec|the NAS task]].\n');
		await settled(p);
		expect(p.view.renders).toBe(renders + 1);
		expect(texts(p.el, '.spec-workflow-user-title')).toContain('Retro');
	});

	it('follows the active note: another spec, a deliverable, a note outside the specs', async () => {
		const p = await openPanel(undefined, CONTEXT);
		await activate(p, 'specs/1000/epic.md');
		expect(one(p.el, '.spec-workflow-title .spec-workflow-id').textContent).toBe('1000');
		await activate(p, 'specs/1000/1001/deliverables/docs/nas-setup-guide.md');
		expect(one(p.el, '.spec-workflow-title .spec-workflow-id').textContent).toBe('1014');
		await activate(p, 'notes/Storage tiers.md');
		expect(p.el.querySelector('.spec-workflow-overview')).not.toBeNull();
		// Focusing the panel itself keeps the spec of the last note.
		await activate(p, SPEC);
		const renders = p.view.renders;
		p.app.workspace.setActiveLeaf(p.view.leaf as never);
		await settled(p);
		expect(p.view.renders).toBe(renders);
		expect(one(p.el, '.spec-workflow-title .spec-workflow-id').textContent).toBe('1014');
	});
});

describe('tapping', () => {
	it('opens specs, users and deliverables; a script opens the context note that links it', async () => {
		const p = await openPanel(undefined, SPEC);
		const active = () => p.app.workspace.getActiveFile()?.path;
		one(p.el, '.spec-workflow-user[data-path="specs/3000/3001/spec.md"]').click();
		await settled(p);
		expect(active()).toBe('specs/3000/3001/spec.md');

		await activate(p, SPEC);
		one(p.el, '.spec-workflow-deliverable[data-path$="nas-setup-guide.md"]').click();
		await settled(p);
		expect(active()).toBe('specs/1000/1001/deliverables/docs/nas-setup-guide.md');

		one(p.el, '.spec-workflow-deliverable[data-path$="benchmark.sh"]').click();
		await settled(p);
		expect(active()).toBe(CONTEXT);
		expect(notices).toContain('Obsidian cannot show benchmark.sh: its link is in the context note.');

		Array.from(p.el.querySelectorAll<HTMLElement>('.spec-workflow-crumb'))[0].click();
		await settled(p);
		expect(active()).toBe('specs/1000/epic.md');
	});
});

describe('opening the panel', () => {
	it('the command and the ribbon icon open one panel in the right sidebar', async () => {
		const p = await openPanel(undefined, CONTEXT);
		await runCommand(p.app, 'spec-workflow:open-status-panel');
		p.app.ribbonItems.find((r) => r.title === 'Open spec status panel')?.el.click();
		await p.app.flush();
		const leaves = p.app.workspace.getLeavesOfType(STATUS_VIEW_TYPE);
		expect(leaves).toHaveLength(1);
		expect(leaves[0].side).toBe('right');
		expect(p.app.workspace.rightSplit.collapsed).toBe(false);
	});

	it('opens before the specs are read (a panel restored at start-up) and fills in once they are', async () => {
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
		await app.workspace.setActiveFile(fileAt(app, CONTEXT));
		const view = await revealStatusPanel(plugin);
		if (!view) throw new Error('no status view');
		expect(view.contentEl.textContent).toBe('Reading specs…');
		app.layoutReady();
		await settled({ app, view });
		expect(view.contentEl.querySelector('.spec-workflow-progress-text')?.textContent).toBe('71% · 5/7 tasks');
	});

	it('with no specs yet: a button that creates the first epic', async () => {
		const p = await openPanel({ 'notes/Hello.md': '# Hello\n' }, 'notes/Hello.md');
		expect(texts(p.el, '.spec-workflow-empty-state > div')[0]).toBe('No specs yet');
		button(p, 'Create the first epic').click();
		await p.app.flush();
		expect(getOpenModal()?.titleEl.textContent).toBe('New spec');
	});
});

describe('the status panel on a hand-written vault', () => {
	const realVault = () => readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'progress'));

	it('shows a spec own checklist, where the figures come from, dated sessions and the last commit', async () => {
		const p = await openPanel(realVault(), 'specs/1000/1001/1014.spec.md');
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('60% · 3/5 tasks');
		expect(one(p.el, '.spec-workflow-progress-from').textContent).toBe('from checklist');
		expect(one(p.el, '.spec-workflow-checklist .spec-workflow-section-heading').textContent).toBe('Checklist5');
		expect(texts(p.el, '.spec-workflow-checklist .is-pending .spec-workflow-task-text')).toEqual(['Benchmark on the NAS', 'Document the options']);
		expect(p.el.querySelectorAll('.spec-workflow-checklist .is-done input:checked')).toHaveLength(3);
		expect(p.el.querySelector('.spec-workflow-plan:not(.spec-workflow-checklist)')).toBeNull();
		expect(texts(p.el, '.spec-workflow-session-date')).toEqual(['2025-08-18', '2025-08-20']);
		expect(one(p.el, '.spec-workflow-last-commit .spec-workflow-commit').textContent).toBe('4d5e6f7Parse quoted fields');
	});

	it('ticks a checklist item in the note it is written in', async () => {
		const p = await openPanel(realVault(), 'specs/1000/1002/spec.md');
		const before = p.app.vault.contentOf(fileAt(p.app, 'specs/1000/1002/context.md'));
		const box = one<HTMLInputElement>(p.el, '.spec-workflow-checklist .is-in-progress input');
		box.click();
		await settled(p);
		expect(p.app.vault.contentOf(fileAt(p.app, 'specs/1000/1002/context.md'))).toBe(before.replace('- [/] Lifecycle rules\n', '- [x] Lifecycle rules\n'));
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('67% · 2/3 tasks');
	});

	it('counts a completed spec without tasks as done, and its commits property', async () => {
		const p = await openPanel(realVault(), 'specs/1000/1001/1016.spec.md');
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('100% · 1/1 task');
		expect(one(p.el, '.spec-workflow-progress-from').textContent).toBe('from status');
		expect(one(p.el, '.spec-workflow-last-commit .spec-workflow-commit').textContent).toBe('5e6f7a8Schedule the nightly run');
	});
});

describe('the status panel of a spec whose context property points at another spec’s journal', () => {
	const vault = () => readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'shared-context'));

	it('shows none of that journal’s sessions, says whose it is, and offers to open the spec instead of Start', async () => {
		const p = await openPanel(vault(), 'specs/1000/1005/spec.md');
		const card = one(p.el, '.spec-workflow-foreign-context');
		expect(one(card, '.spec-workflow-session-title').textContent).toBe('Journal belongs to another spec');
		expect(one(card, '.spec-workflow-muted').textContent).toMatch(/^specs\/1000\/1002\/context\.md is the journal of 1002 .*, not of 1005 /);
		expect(texts(card, 'button')).toEqual(['Open spec']);
		expect(p.el.querySelectorAll('.spec-workflow-session-date')).toHaveLength(0);
	});
});
