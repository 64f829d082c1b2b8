/** @jest-environment jsdom */
import { App, getOpenModal, notices, runCommand } from '../../__mocks__/obsidian';
import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { parseMigrationLog } from '../../../src/core/migration/migration-log';
import { planMigration } from '../../../src/core/migration/migration-plan';
import { validate } from '../../../src/core/validate/validate';
import { MigrationModal, UnfinishedMigrationModal } from '../../../src/plugin/modals/migration-modal';
import { RevertMigrationModal } from '../../../src/plugin/modals/revert-migration-modal';
import { expectMigrationHolds, expectOnlyLinesAdded } from '../../core/migration/migration-checks';
import { ADDED, EXCEPT, OLD_VAULT } from '../../core/migration/old-vault-fixture';
import { buttons, isOpen, loaded, NOW, press, vaultFiles } from './artifact-harness';

const LOG = 'specs/.spec-workflow/migrations/2025-08-28-100000.json';

async function openMigration(app: App): Promise<MigrationModal> {
	expect(await runCommand(app, 'spec-workflow:migrate-specs')).toBe(true);
	const modal = getOpenModal(MigrationModal);
	if (!modal) throw new Error('the migration modal did not open');
	return modal;
}

async function migrate(app: App): Promise<MigrationModal> {
	const modal = await openMigration(app);
	press(modal, 'Migrate');
	// The progress bar shows while the files move.
	expect(modal.contentEl.querySelector('progress')).not.toBeNull();
	await modal.applying;
	await app.flush();
	return modal;
}

async function coreMigration(files: Record<string, string>): Promise<Record<string, string>> {
	const store = new MemoryFileStore(files);
	await applyMigration(store, planMigration(await readMigrationInput(store, 'specs')), { now: () => new Date(NOW) });
	return store.snapshot();
}

async function revert(app: App): Promise<void> {
	expect(await runCommand(app, 'spec-workflow:revert-migration')).toBe(true);
	const modal = getOpenModal(RevertMigrationModal);
	if (!modal) throw new Error('the revert modal did not open');
	expect(modal.contentEl.textContent).toContain(`The migration of 2025-08-28 10:00 (${LOG}): 21 files move back and 16 get their text from before it.`);
	press(modal, 'Revert');
	await modal.reverting;
	await app.flush();
	expect(isOpen(modal)).toBe(false);
}

describe('Migrate specs to the new layout…', () => {
	it('shows the plan: summary, problems, moves, link rewrites, journals', async () => {
		const { app } = await loaded(OLD_VAULT);
		const modal = await openMigration(app);
		const text = modal.contentEl.textContent ?? '';
		expect(modal.contentEl.querySelector('.spec-workflow-migration-summary')?.textContent).toBe('12 specs, 21 files to move, 29 links to rewrite in 15 files.');
		expect(Array.from(modal.contentEl.querySelectorAll('summary'), (s) => s.textContent)).toEqual([
			'Problems (1)',
			'Moves (21)',
			'Link rewrites (29 in 15 files)',
			'Journals appended as sessions (1)',
		]);
		expect(text).toContain('specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md → specs/1000/1001/1014.spec.md');
		expect(text).toContain('notes/overview.md line 3: [[1014-task-cold-storage.spec|Cold storage]] → [[../specs/1000/1001/1014.spec|Cold storage]]');
		expect(text).toContain('warning: specs/plan/ideas.context.md: journal names no spec; left where it is');
		expect(buttons(modal)).toEqual(['Migrate', 'Cancel']);
		press(modal, 'Cancel');
		expect(await vaultFiles(app)).toEqual(OLD_VAULT);
	});

	it('with automatic link updating off: the same files as the CLI, then revert gives every byte back', async () => {
		const { app } = await loaded(OLD_VAULT);
		app.vault.setConfig('alwaysUpdateLinks', false);
		const modal = await migrate(app);
		expect(isOpen(modal)).toBe(false);
		expect(await vaultFiles(app)).toEqual(await coreMigration(OLD_VAULT));
		expect(notices).toEqual([`Migrated 12 specs: moved 21 files, rewrote 29 links. Log: ${LOG}. Undo with "Revert last migration…".`]);
		expect(app.vault.getFolderByPath('specs/1000-epic-foundation')).toBeNull();
		notices.length = 0;
		await revert(app);
		expect(await vaultFiles(app)).toEqual(OLD_VAULT);
		expect(await app.vault.adapter.exists(LOG)).toBe(false);
		expect(app.vault.getFolderByPath('specs/1000')).toBeNull();
		expect(notices).toEqual(['Reverted the migration: moved 21 files back, restored 16.']);
	});

	it("with automatic link updating on: Obsidian's updates kept where right, links all resolve, revert is exact", async () => {
		const { app, plugin } = await loaded(OLD_VAULT);
		await migrate(app);
		const after = await vaultFiles(app);
		const log = parseMigrationLog(await app.vault.adapter.read(LOG), LOG);
		const moves = new Map(log.moves.map((m) => [m.from, m.to] as const));
		expectMigrationHolds(OLD_VAULT, after, moves, [...EXCEPT, ...ADDED]);
		for (const path of ADDED) expectOnlyLinesAdded(path, OLD_VAULT[path], after[moves.get(path) ?? path]);
		expect(notices).toHaveLength(1);
		expect(notices[0]).not.toContain('no longer resolve');
		// The workflow on the migrated vault: validate has no errors, the index sees the new layout.
		const result = await validate(plugin.workspace());
		expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(plugin.index.lookup('1014')[0]?.path).toBe('specs/1000/1001/1014.spec.md');
		await revert(app);
		expect(await vaultFiles(app)).toEqual(OLD_VAULT);
	});

	it('says there is nothing to migrate in a vault already in the new layout', async () => {
		const { app, before } = await loaded();
		await runCommand(app, 'spec-workflow:migrate-specs');
		expect(getOpenModal(MigrationModal)).toBeNull();
		expect(notices).toEqual(['Nothing to migrate: the 10 specs under specs/ are in the new layout.']);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('offers no Migrate button while an error blocks, and changes nothing', async () => {
		const files = { ...OLD_VAULT, 'specs/misc/2101-task-orphan.spec.md': '# Orphan\n' };
		const { app } = await loaded(files);
		const modal = await openMigration(app);
		expect(buttons(modal)).toEqual(['Cancel']);
		expect(modal.contentEl.querySelector('.spec-workflow-migration-blocked')?.textContent).toBe('Fix the error below first; nothing will be changed until then.');
		expect(modal.contentEl.textContent).toContain('error: specs/misc/2101-task-orphan.spec.md: task 2101 has no parent');
		expect(await vaultFiles(app)).toEqual(files);
	});

	it('when the log cannot be written: nothing is changed, a notice says so, the modal stays', async () => {
		const { app } = await loaded(OLD_VAULT);
		app.vault.setConfig('alwaysUpdateLinks', false);
		jest.spyOn(app.vault.adapter, 'write').mockRejectedValue(new Error('disk full'));
		const modal = await migrate(app);
		// The log is written before the first file moves.
		expect(await vaultFiles(app)).toEqual(OLD_VAULT);
		expect(isOpen(modal)).toBe(true);
		expect(notices).toEqual([`Could not write the migration log ${LOG} (disk full); nothing was changed`]);
	});

	it('refuses, changing nothing, when a file changed between the plan and the click', async () => {
		const { app } = await loaded(OLD_VAULT);
		const modal = await openMigration(app);
		const note = app.vault.getFileByPath('notes/overview.md');
		if (!note) throw new Error('no note');
		await app.vault.modify(note, 'Edited meanwhile.\n');
		const edited = await vaultFiles(app);
		press(modal, 'Migrate');
		await modal.applying;
		await app.flush();
		expect(notices).toEqual(['notes/overview.md changed since the migration was planned; nothing was changed']);
		expect(await vaultFiles(app)).toEqual(edited);
		expect(isOpen(modal)).toBe(true);
	});
});

/**
 * Obsidian closed mid-way: the migration stops for good after some steps (a move or an edit that
 * never returns), and Obsidian opens again on what is on disk, hidden log included.
 */
describe('An interrupted migration', () => {
	async function interrupted(step: 'rename' | 'process', after: number): Promise<App> {
		const { app, plugin } = await loaded(OLD_VAULT);
		app.vault.setConfig('alwaysUpdateLinks', false);
		const real = plugin.store[step].bind(plugin.store) as (...args: unknown[]) => Promise<unknown>;
		let calls = 0;
		jest.spyOn(plugin.store, step).mockImplementation(((...args: unknown[]) => (++calls > after ? new Promise(() => undefined) : real(...args))) as never);
		const modal = await openMigration(app);
		press(modal, 'Migrate');
		await app.flush();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(calls).toBeGreaterThan(after);
		const onDisk = { ...(await vaultFiles(app)), ...Object.fromEntries(app.vault.adapter.hidden) };
		expect(JSON.parse(onDisk[LOG]) as { state: string }).toMatchObject({ version: 2, state: 'applying' });
		jest.restoreAllMocks();
		const reopened = (await loaded(onDisk)).app;
		reopened.vault.setConfig('alwaysUpdateLinks', false);
		return reopened;
	}

	async function openUnfinished(app: App): Promise<UnfinishedMigrationModal> {
		expect(await runCommand(app, 'spec-workflow:migrate-specs')).toBe(true);
		expect(getOpenModal(MigrationModal)).toBeNull();
		const modal = getOpenModal(UnfinishedMigrationModal);
		if (!modal) throw new Error('the unfinished migration was not offered');
		expect(modal.contentEl.textContent).toContain(
			`The migration of 2025-08-28 10:00 was interrupted before it finished (${LOG}): of 21 moves and 16 edits, some are done. Resume it to finish the migration, or revert it to get the vault back as it was.`,
		);
		expect(buttons(modal)).toEqual(['Resume', 'Revert', 'Cancel']);
		return modal;
	}

	it.each([
		['half the moves done', 'rename', 10],
		['every move done, some edits', 'process', 5],
	] as const)('%s: the migration modal says so; Revert gives back every byte, Resume finishes it as an uninterrupted run', async (_name, step, after) => {
		const a = await interrupted(step, after);
		const modal = await openUnfinished(a);
		press(modal, 'Revert');
		await modal.working;
		await a.flush();
		expect(isOpen(modal)).toBe(false);
		expect(notices).toEqual([expect.stringMatching(/^Reverted the interrupted migration: moved \d+ files back, restored \d+\.$/)]);
		expect(await vaultFiles(a)).toEqual(OLD_VAULT);
		expect([...a.vault.adapter.hidden.keys()]).toEqual([]);

		const b = await interrupted(step, after);
		const again = await openUnfinished(b);
		press(again, 'Resume');
		await again.working;
		await b.flush();
		expect(isOpen(again)).toBe(false);
		expect(notices).toEqual([`Finished the interrupted migration: 21 files moved, 16 edited. Log: ${LOG}. Undo with "Revert last migration…".`]);
		expect(await vaultFiles(b)).toEqual(await coreMigration(OLD_VAULT));
		expect(parseMigrationLog(await b.vault.adapter.read(LOG), LOG).finished).toBe(true);
		// Finished, it reverts as any migration does.
		notices.length = 0;
		await revert(b);
		expect(await vaultFiles(b)).toEqual(OLD_VAULT);
	});
});

describe('Revert last migration…', () => {
	it('says so when there is no migration to revert', async () => {
		const { app } = await loaded(OLD_VAULT);
		await runCommand(app, 'spec-workflow:revert-migration');
		expect(getOpenModal(RevertMigrationModal)).toBeNull();
		expect(notices).toEqual(['No migration to revert: there is no log in specs/.spec-workflow/migrations/.']);
	});

	it('refuses, changing nothing, when a migrated file was edited since', async () => {
		const { app } = await loaded(OLD_VAULT);
		app.vault.setConfig('alwaysUpdateLinks', false);
		await migrate(app);
		const epic = app.vault.getFileByPath('specs/1000/epic.md');
		if (!epic) throw new Error('no epic');
		await app.vault.modify(epic, 'Rewritten.\n');
		const edited = await vaultFiles(app);
		notices.length = 0;
		await runCommand(app, 'spec-workflow:revert-migration');
		const modal = getOpenModal(RevertMigrationModal);
		if (!modal) throw new Error('no revert modal');
		press(modal, 'Revert');
		await modal.reverting;
		await app.flush();
		expect(notices).toEqual(['specs/1000/epic.md was edited after the migration; reverting would lose that edit, so nothing was reverted']);
		expect(await vaultFiles(app)).toEqual(edited);
		expect(await app.vault.adapter.exists(LOG)).toBe(true);
	});
});
