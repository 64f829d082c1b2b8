/** @jest-environment jsdom */
import { ItemView, type WorkspaceLeaf } from 'obsidian';
import { getOpenModal, notices } from '../../__mocks__/obsidian';
import { startSession } from '../../../src/core/workflow/start-session';
import { StartSessionModal } from '../../../src/plugin/modals/start-session-modal';
import { STATUS_VIEW_TYPE } from '../../../src/plugin/commands/session-start';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { button, click, command, coreWorkspace, field, loadVault, openModal, openNote, pick, pressEnter, settle, suggestions, type, vaultFiles } from '../plugin-harness';

const SPEC_1014 = 'specs/1000/1001/1014.spec.md';
const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';

/** Adds new plan tasks through the modal's "New task" field, alternating Enter and the Add button. */
function addTasks(tasks: string[]): void {
	tasks.forEach((task, i) => {
		const input = field('New task');
		type(input, task);
		if (i % 2 === 0) pressEnter(input);
		else button('Add').click();
	});
}

function newTaskInputs(): string[] {
	return Array.from(openModal().contentEl.querySelectorAll<HTMLInputElement>('.spec-workflow-plan-item input'), (i) => i.value);
}

describe('Start work on spec…', () => {
	it("offers every spec with the active note's spec first, then writes what the core writes for the approved plan", async () => {
		const { app } = await loadVault();
		await openNote(app, CONTEXT_1014);
		await command(app, 'start-work');
		const offered = await suggestions();
		expect(offered).toHaveLength(10);
		expect(offered[0]).toMatch(/^1014 - Cold Storage NAS Integration/);
		await pick(app, 0);

		const modal = getOpenModal(StartSessionModal);
		expect(modal?.titleEl.textContent).toBe('Start work on 1014 - Cold Storage NAS Integration');
		const existing = Array.from(openModal().contentEl.querySelectorAll('.spec-workflow-plan-task'), (li) => li.textContent);
		expect(existing).toEqual([
			'✅Network buffer optimization',
			'✅NFS mount configuration',
			'✅Directory structure creation',
			'✅Health monitoring script',
			'✅Performance benchmarking',
			'🔄Documentation',
			'⏳Final validation',
		]);
		expect(field('Participants').value).toBe('User, Claude');

		type(field('Session title'), 'Validation pass');
		type(field('Participants'), 'User');
		addTasks(['Write the runbook', 'Check restores', 'Tidy up']);
		expect(newTaskInputs()).toEqual(['Write the runbook', 'Check restores', 'Tidy up']);
		// Move "Tidy up" above "Check restores", then drop "Check restores" and edit the first.
		button('Move up', openModal().contentEl.querySelectorAll<HTMLElement>('.spec-workflow-plan-item')[2]).click();
		expect(newTaskInputs()).toEqual(['Write the runbook', 'Tidy up', 'Check restores']);
		button('Remove', openModal().contentEl.querySelectorAll<HTMLElement>('.spec-workflow-plan-item')[2]).click();
		type(openModal().contentEl.querySelector<HTMLInputElement>('.spec-workflow-plan-item input')!, 'Write the restore runbook');
		expect(newTaskInputs()).toEqual(['Write the restore runbook', 'Tidy up']);
		await click(app, 'Approve');

		const ws = await coreWorkspace();
		await startSession(ws, { id: '1014', title: 'Validation pass', participants: 'User', plan: ['Write the restore runbook', 'Tidy up'] });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(notices).toEqual(['Started session 3 on 1014, 2 plan tasks added']);
		expect(getOpenModal()).toBeNull();
		expect(app.workspace.getActiveFile()?.path).toBe(CONTEXT_1014);
	});

	it('always asks, even from a spec note, and creates the context of a spec that has none', async () => {
		const { app } = await loadVault();
		await openNote(app, 'specs/4000/4005/spec.md');
		await command(app, 'start-work');
		expect((await suggestions())[0]).toMatch(/^4005 - /);
		await pick(app, 0);
		expect(openModal().contentEl.querySelector('.spec-workflow-plan-note')?.textContent).toBe('No plan yet: add its tasks below.');
		// Said beside the list, not as its first item.
		expect(openModal().contentEl.querySelectorAll('li')).toHaveLength(0);
		addTasks(['Sketch the layout']);
		await click(app, 'Approve');

		const ws = await coreWorkspace();
		const expected = await startSession(ws, { id: '4005', title: '', participants: 'User, Claude', plan: ['Sketch the layout'] });
		expect(expected.contextCreated).toBe(true);
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect(app.workspace.getActiveFile()?.path).toBe(expected.contextPath);
	});

	it('on a spec that keeps a checklist and no plan, shows that checklist, where the approved tasks are added', async () => {
		const spec = 'specs/E01/F01/T05/E01-F01-T05.spec.md';
		const files = {
			'specs/E01/epic.md': '# E01: Ingest\n',
			'specs/E01/F01/spec.md': '# E01-F01: CSV loader\n',
			[spec]: '# E01-F01-T05: Encodings\n\n**Parent**: E01-F01\n**Status**: planning\n\n## Implementation Steps\n- [x] Detect BOM\n- [ ] Shift-JIS fallback\n',
		};
		const { app } = await loadVault(files);
		await openNote(app, spec);
		await command(app, 'start-work');
		await pick(app, 0);
		const content = openModal().contentEl;
		expect(Array.from(content.querySelectorAll('.setting-item-heading'), (h) => h.textContent)).toEqual(['Checklist']);
		expect(Array.from(content.querySelectorAll('li'), (li) => li.textContent)).toEqual(['✅Detect BOM', '⏳Shift-JIS fallback']);
		expect(content.querySelector('.spec-workflow-plan-note')?.textContent).toBe('The spec keeps no plan: new tasks are added to the end of this checklist.');
		addTasks(['Write the guide']);
		await click(app, 'Approve');

		const ws = await coreWorkspace(files);
		await startSession(ws, { id: 'E01-F01-T05', title: '', participants: 'User, Claude', plan: ['Write the guide'] });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		expect((await vaultFiles(app))[spec]).toContain('## Implementation Steps\n- [x] Detect BOM\n- [ ] Shift-JIS fallback\n- [ ] Write the guide\n');
	});

	it('continues an active session instead of opening another, with title and participants locked', async () => {
		const ws = await coreWorkspace();
		await startSession(ws, { id: '1014', title: 'Morning' });
		const { app } = await loadVault(ws.store.snapshot(), '2025-08-28T11:00');
		await command(app, 'start-work');
		await pick(app, '1014 - Cold Storage NAS Integrationtask · implementing');
		expect(openModal().contentEl.querySelector('.spec-workflow-note')?.textContent).toBe(
			'Session 3 is still active: it is continued, so the title and participants are kept as they are.',
		);
		expect(field('Session title').disabled).toBe(true);
		expect(field('Participants').disabled).toBe(true);
		addTasks(['Final validation', 'Archive the logs']);
		await click(app, 'Approve');

		ws.setNow('2025-08-28T11:00');
		await startSession(ws, { id: '1014', plan: ['Final validation', 'Archive the logs'] });
		expect(await vaultFiles(app)).toEqual(ws.store.snapshot());
		// "Final validation" is already in the plan: only one task is new.
		expect(notices).toEqual(['Continuing session 3 on 1014, 1 plan task added']);
	});

	it('leaves the current note open when the setting says so, and reveals the status panel when there is one', async () => {
		const { app, plugin } = await loadVault();
		plugin.settings.openContextAfterStart = false;
		class StatusView extends ItemView {
			getViewType(): string {
				return STATUS_VIEW_TYPE;
			}
			getDisplayText(): string {
				return 'Spec status';
			}
		}
		plugin.registerView(STATUS_VIEW_TYPE, (leaf: WorkspaceLeaf) => new StatusView(leaf));
		const leaf = await app.workspace.ensureSideLeaf(STATUS_VIEW_TYPE, 'right', { reveal: false });
		expect(leaf.revealed).toBe(false);
		await openNote(app, SPEC_1014);

		await command(app, 'start-work');
		await pick(app, 0);
		await click(app, 'Approve');
		expect(notices).toEqual(['Started session 3 on 1014']);
		expect(app.workspace.getActiveFile()?.path).toBe(SPEC_1014);
		expect(leaf.revealed).toBe(true);
	});

	it('says in its notice when starting work reopens a completed spec', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		files[SPEC_1014] = files[SPEC_1014].replace(/^status: implementing$/m, 'status: completed');
		const { app } = await loadVault(files);
		await openNote(app, SPEC_1014);
		await command(app, 'start-work');
		await pick(app, 0);
		await click(app, 'Approve');
		expect(notices).toEqual(['Started session 3 on 1014; 1014 reopened (was completed)']);
		expect((await vaultFiles(app))[SPEC_1014]).toMatch(/^status: implementing$/m);
	});

	it('says so when there are no specs, and changes nothing when the picker is dismissed', async () => {
		const empty = await loadVault({ 'notes/a.md': '# A\n' });
		await command(empty.app, 'start-work');
		expect(notices).toEqual(['No specs under specs/ yet. Create one with "New spec".']);
		expect(getOpenModal()).toBeNull();

		const { app } = await loadVault();
		const before = await vaultFiles(app);
		await command(app, 'start-work');
		openModal().close();
		await settle(app);
		expect(getOpenModal()).toBeNull();
		expect(notices).toEqual([]);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('refuses a spec whose id is used twice before asking anything, naming both files', async () => {
		const files = { ...readVaultFiles(EXAMPLE_VAULT), 'specs/1000/1001/1099.spec.md': '---\nid: 1014\ntitle: Copy\n---\n# Copy\n' };
		const { app } = await loadVault(files);
		const before = await vaultFiles(app);
		await command(app, 'start-work');
		await pick(app, '1014 - Cold Storage NAS Integrationtask · implementing');
		expect(notices).toEqual(['Id "1014" is used by more than one spec: specs/1000/1001/1014.spec.md, specs/1000/1001/1099.spec.md']);
		expect(getOpenModal()).toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('keeps the modal open with what was typed when the operation fails, and writes nothing', async () => {
		const { app } = await loadVault();
		await command(app, 'start-work');
		await pick(app, '1014 - Cold Storage NAS Integrationtask · implementing');
		addTasks(['Something new']);
		// The spec goes away while the modal is open.
		await app.fileManager.trashFile(app.vault.getFileByPath(SPEC_1014)!);
		await settle(app);
		const before = await vaultFiles(app);
		await click(app, 'Approve');
		expect(notices).toEqual(['No spec with id "1014" under specs/']);
		expect(getOpenModal(StartSessionModal)).not.toBeNull();
		expect(newTaskInputs()).toEqual(['Something new']);
		expect((button('Approve') as HTMLButtonElement).disabled).toBe(false);
		expect(await vaultFiles(app)).toEqual(before);
	});
});
