/** @jest-environment jsdom */
import { clearNotices, getOpenModal, notices, runCommand, type App } from '../../__mocks__/obsidian';
import { generateContextFiles } from '../../../src/core/migration/context-generation';
import { validate } from '../../../src/core/validate/validate';
import { ContextFilesModal } from '../../../src/plugin/modals/context-files-modal';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { buttons, isOpen, loaded, NOW, press, vaultFiles, waitForModal } from './artifact-harness';

const F = 'specs/1000/1001';

function withoutTaskContexts(): Record<string, string> {
	const files = readVaultFiles(EXAMPLE_VAULT);
	delete files[`${F}/1014.context.md`];
	delete files[`${F}/1011.context.md`];
	return files;
}

/** What `spec-work contexts --apply` writes for the same files and clock. */
async function coreFiles(files: Record<string, string>, linkStyle: 'wikilink' | 'markdown' = 'wikilink'): Promise<Record<string, string>> {
	const ws = await memoryWorkspace(files, { now: NOW, linkStyle });
	await generateContextFiles(ws, { apply: true });
	return ws.store.snapshot();
}

async function openCommand(app: App): Promise<ContextFilesModal> {
	expect(await runCommand(app, 'spec-workflow:create-missing-contexts')).toBe(true);
	return waitForModal(ContextFilesModal);
}

function listed(modal: ContextFilesModal, cls: string): string[] {
	return Array.from(modal.modalEl.querySelectorAll(`.${cls} li`), (li) => li.textContent ?? '');
}

async function create(app: App, modal: ContextFilesModal, label: string): Promise<void> {
	press(modal, label);
	await modal.submitting;
	await app.flush();
}

beforeEach(() => clearNotices());

describe('Create missing context files', () => {
	it('shows every context it will create, then creates them with the CLI’s bytes; validate finds nothing after', async () => {
		const { app, plugin, before } = await loaded(withoutTaskContexts());
		const modal = await openCommand(app);
		expect(modal.modalEl.textContent).toContain('8 specs without a context file will get one:');
		expect(listed(modal, 'spec-workflow-contexts-list')).toEqual([
			`${F}/1011.context.md (1011 Hot Storage NVMe Setup, completed)`,
			`${F}/1014.context.md (1014 Cold Storage NAS Integration, implementing, 8 deliverables)`,
			'specs/3000/context.md (3000 Market Data, planning; links specs/3000/epic.md to it)',
			'specs/3000/3001/context.md (3001 Market Data Collection, planning; links specs/3000/3001/spec.md to it)',
			'specs/4000/context.md (4000 Strategy Engine, planning; links specs/4000/epic.md to it)',
			'specs/4000/4005/context.md (4005 Strategy State Persistence, planning; links specs/4000/4005/spec.md to it)',
			'specs/9000/context.md (9000 Research & Backtesting, planning; links specs/9000/epic.md to it)',
			'specs/9000/9001/context.md (9001 Backtesting Framework, planning; links specs/9000/9001/spec.md to it)',
		]);
		expect(modal.modalEl.textContent).toContain('2 existing context files will not be changed.');
		expect(buttons(modal)).toEqual(['Cancel', 'Create 8 context files']);
		// Nothing is written before the confirmation.
		expect(await vaultFiles(app)).toEqual(before);

		await create(app, modal, 'Create 8 context files');
		expect(await vaultFiles(app)).toEqual(await coreFiles(before));
		expect(isOpen(modal)).toBe(false);
		expect(notices).toEqual(['Created 8 context files.']);
		expect((await validate(plugin.workspace())).problems).toEqual([]);
	});

	it('writes markdown links when the plugin is set to them', async () => {
		const { app, plugin, before } = await loaded(withoutTaskContexts());
		plugin.settings.linkStyle = 'markdown';
		await create(app, await openCommand(app), 'Create 8 context files');
		const after = await vaultFiles(app);
		expect(after).toEqual(await coreFiles(before, 'markdown'));
		expect(after[`${F}/1014.context.md`]).toContain('- [Network Optimization](deliverables/scripts/optimize-network.sh)\n');
	});

	it('Cancel writes nothing', async () => {
		const { app, before } = await loaded(withoutTaskContexts());
		const modal = await openCommand(app);
		press(modal, 'Cancel');
		await app.flush();
		expect(isOpen(modal)).toBe(false);
		expect(await vaultFiles(app)).toEqual(before);
		expect(notices).toEqual([]);
	});

	it('says so, with no modal, when every spec has a context', async () => {
		const files = await coreFiles(withoutTaskContexts());
		const { app, before } = await loaded(files);
		expect(await runCommand(app, 'spec-workflow:create-missing-contexts')).toBe(true);
		await app.flush();
		expect(getOpenModal(ContextFilesModal)).toBeNull();
		expect(notices).toEqual(['Every spec already has a context file (10 specs); nothing to create.']);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('lists the specs it leaves alone and why; with nothing to create it only offers Close', async () => {
		const files = {
			'specs/6000/epic.md': '---\ntype: epic\ntitle: Ops\ncontext: "[[journal/ops|Journal]]"\n---\n# Ops\n',
		};
		const { app, before } = await loaded(files);
		const modal = await openCommand(app);
		expect(modal.modalEl.textContent).toContain('No context file to create.');
		expect(listed(modal, 'spec-workflow-contexts-problems')).toEqual([
			'specs/6000/epic.md: its context link [[journal/ops|Journal]] points to a file that does not exist; create that file, or remove the link to get specs/6000/context.md',
		]);
		expect(buttons(modal)).toEqual(['Close']);
		press(modal, 'Close');
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('refuses, writing nothing and keeping the modal, when a spec changed after the plan was shown', async () => {
		const { app } = await loaded(withoutTaskContexts());
		const modal = await openCommand(app);
		const epic = app.vault.getFileByPath('specs/9000/epic.md');
		if (!epic) throw new Error('no epic');
		await app.vault.process(epic, (text) => `${text}\nEdited meanwhile.\n`);
		await app.flush();
		const before = await vaultFiles(app);
		await create(app, modal, 'Create 8 context files');
		expect(notices).toEqual(['specs/9000/epic.md changed since the plan was made; nothing was written (run it again)']);
		expect(await vaultFiles(app)).toEqual(before);
		expect(isOpen(modal)).toBe(true);
	});

	it('says there are no specs yet in an empty vault', async () => {
		const { app } = await loaded({ 'notes/a.md': '# A\n' });
		expect(await runCommand(app, 'spec-workflow:create-missing-contexts')).toBe(true);
		await app.flush();
		expect(notices).toEqual(['No specs under specs/ yet. Create one with "New spec".']);
		expect(getOpenModal(ContextFilesModal)).toBeNull();
	});
});
