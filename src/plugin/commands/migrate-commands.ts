import { App, normalizePath, Notice, TFolder } from 'obsidian';
import type { FileStore } from '../../core/files/file-store';
import { dirname } from '../../core/files/paths';
import { repairLinks } from '../../core/migration/link-repair';
import type { MigrationHost } from '../../core/migration/migration-host';
import { migrationsFolder, type LoggedEdit } from '../../core/migration/migration-log';
import { planIsEmpty } from '../../core/migration/migration-types';
import { latestMigration, ResumeFailed, type LoggedMigration, type MigrateResult, type PlannedMigration } from '../../core/migration/run-migration';
import { MIGRATE, REVERT } from '../../core/operations/migrate';
import { adapterMigrationLogs } from '../shared/migration-log-adapter';
import { MigrationModal, UnfinishedMigrationModal, type ProgressReporter } from '../modals/migration-modal';
import { RevertMigrationModal } from '../modals/revert-migration-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { failureMessage } from './command-context';
import { commandFlow } from './command-flow';

/** "Migrate specs to the new layout…" and "Revert last migration…" (docs/migration.md). */
export function registerMigrateCommands(plugin: SpecWorkflowPlugin): void {
	plugin.addCommand({
		id: 'migrate-specs',
		name: 'Migrate specs to the new layout…',
		callback: () => commandFlow(migrateCommand(plugin)),
	});
	plugin.addCommand({
		id: 'revert-migration',
		name: 'Revert last migration…',
		callback: () => commandFlow(revertCommand(plugin)),
	});
}

/** Plans the migration from the vault's files (not the index: old layouts are what it reads) and shows the plan. */
export async function migrateCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	const specsRoot = plugin.settings.specsRoot;
	if (!(plugin.app.vault.getAbstractFileByPath(normalizePath(specsRoot)) instanceof TFolder)) {
		new Notice(`No specs folder at ${specsRoot}/: set the specs folder in the plugin's settings.`);
		return;
	}
	const r = await MIGRATE.run(plugin.workspace(), {}, migrationHost(plugin));
	// An interrupted migration is finished or undone before any other is planned: the vault is half moved.
	if (r.outcome === 'unfinished') {
		const { logPath, log } = r;
		new UnfinishedMigrationModal(
			plugin.app,
			logPath,
			log,
			(progress) => resumeInVault(plugin, logPath, progress),
			() => revertInVault(plugin, logPath),
		).open();
		return;
	}
	if (r.outcome !== 'planned') return;
	const { plan } = r;
	if (planIsEmpty(plan) && !r.blocked) {
		new Notice(`Nothing to migrate: the ${plan.specs.length} spec${plan.specs.length === 1 ? '' : 's'} under ${specsRoot}/ are in the new layout.`);
		return;
	}
	new MigrationModal(plugin.app, plan, (progress) => applyInVault(plugin, { plan, files: r.files }, progress)).open();
}

/**
 * What the plugin adds to a migration: the log through the vault adapter, a progress bar, and
 * Obsidian's own link updates kept where they resolve as planned (repaired with the core rewriter
 * otherwise) and recorded for a revert; a revert moves files without Obsidian touching links.
 */
function migrationHost(plugin: SpecWorkflowPlugin, progress?: ProgressReporter): MigrationHost {
	return { logs: adapterMigrationLogs(plugin.app), onProgress: progress, reconcile: reconciler(plugin.app), watchChanges: true, revertStore: plainRenames(plugin) };
}

/**
 * Moves the files with `fileManager.renameFile` (Obsidian updates the links it can, if the user
 * lets it), then writes the planned texts; then checks Obsidian's own `unresolvedLinks` for links
 * that resolved before and no longer do. The log is written ahead.
 */
async function applyInVault(plugin: SpecWorkflowPlugin, planned: PlannedMigration, progress: ProgressReporter): Promise<boolean> {
	const { app } = plugin;
	const unresolvedBefore = unresolvedCounts(app);
	let r: MigrateResult;
	try {
		r = await MIGRATE.run(plugin.workspace(), { apply: true, planned }, migrationHost(plugin, progress));
	} catch (e) {
		new Notice(failureMessage(e));
		return false;
	}
	if (r.outcome !== 'applied') return false;
	const { log, logPath, plan } = r;
	const links = log.edits.reduce((n, e) => n + e.links.length, 0);
	const done = `Migrated ${plan.specs.length} spec${plan.specs.length === 1 ? '' : 's'}: moved ${log.moves.length} files, rewrote ${links} links`;
	await plugin.rebuildIndex();
	const broken = await newlyUnresolved(app, unresolvedBefore, new Map(log.moves.map((m) => [m.from, m.to] as const)));
	const tail = broken.length === 0 ? '' : ` ${broken.length} link${broken.length === 1 ? '' : 's'} no longer resolve: ${broken.slice(0, 5).join(', ')}.`;
	new Notice(`${done}. Log: ${logPath}. Undo with "Revert last migration…".${tail}`);
	return true;
}

/** For a file Obsidian already changed while the files moved: its links repaired with Obsidian's own resolver. */
function reconciler(app: App): (edit: LoggedEdit, current: string) => string {
	return (edit, current) => repairLinks(current, edit.after, (target) => (target === '' ? edit.path : (app.metadataCache.getFirstLinkpathDest(target, edit.path)?.path ?? null)));
}

/** Finishes an interrupted migration from its log: the steps not done yet, judged by the files. */
async function resumeInVault(plugin: SpecWorkflowPlugin, logPath: string, progress: ProgressReporter): Promise<boolean> {
	let r: MigrateResult;
	try {
		r = await MIGRATE.run(plugin.workspace(), { apply: true }, migrationHost(plugin, progress));
	} catch (e) {
		// The notice says what stopped it, in the plugin's words rather than the CLI's.
		new Notice(`The interrupted migration could not be finished: ${failureMessage(e instanceof ResumeFailed ? e.reason : e)}`);
		return false;
	}
	if (r.outcome !== 'resumed') return false;
	await plugin.rebuildIndex();
	new Notice(`Finished the interrupted migration: ${r.log.moves.length} files moved, ${r.log.edits.length} edited. Log: ${logPath}. Undo with "Revert last migration…".`);
	return true;
}

/** Undoes a migration, finished or interrupted, from its log; the log goes too. */
async function revertInVault(plugin: SpecWorkflowPlugin, logPath: string): Promise<boolean> {
	try {
		const r = await REVERT.run(plugin.workspace(), { log: logPath }, migrationHost(plugin));
		await plugin.rebuildIndex();
		new Notice(`Reverted the ${r.finished ? '' : 'interrupted '}migration: moved ${r.moved} files back, restored ${r.restored.length}.`);
		return true;
	} catch (e) {
		new Notice(failureMessage(e));
		return false;
	}
}

/** Shows what the newest migration log would undo, and undoes it on confirm. */
export async function revertCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	const { app } = plugin;
	let latest: LoggedMigration | null;
	try {
		latest = await latestMigration(adapterMigrationLogs(app), plugin.settings.specsRoot);
	} catch (e) {
		new Notice(failureMessage(e));
		return;
	}
	if (latest === null) {
		new Notice(`No migration to revert: there is no log in ${migrationsFolder(plugin.settings.specsRoot)}/.`);
		return;
	}
	const { logPath, log } = latest;
	new RevertMigrationModal(app, logPath, log, () => revertInVault(plugin, logPath)).open();
}

/** The plugin's store, but moving files without Obsidian touching links: a revert puts back exact bytes. */
function plainRenames(plugin: SpecWorkflowPlugin): FileStore {
	const { store, app } = plugin;
	return {
		read: (path) => store.read(path),
		process: (path, fn) => store.process(path, fn),
		create: (path, text) => store.create(path, text),
		createBytes: (path, bytes) => store.createBytes(path, bytes),
		exists: (path) => store.exists(path),
		list: (folder) => store.list(folder),
		mkdir: (path) => store.mkdir(path),
		stat: (path) => store.stat(path),
		remove: (path) => store.remove(path),
		rename: async (from, to) => {
			const file = app.vault.getFileByPath(normalizePath(from));
			if (!file) return store.rename(from, to);
			if (app.vault.getAbstractFileByPath(normalizePath(to))) return store.rename(from, to);
			await store.mkdir(dirname(normalizePath(to)));
			await app.vault.rename(file, normalizePath(to));
		},
	};
}

function unresolvedCounts(app: App): Map<string, number> {
	const out = new Map<string, number>();
	for (const [source, links] of Object.entries(app.metadataCache.unresolvedLinks)) {
		for (const [link, count] of Object.entries(links)) out.set(`${source}\u0000${link}`, count);
	}
	return out;
}

/** Once Obsidian has re-resolved the vault: links in its `unresolvedLinks` that were not there before the migration. */
async function newlyUnresolved(app: App, before: Map<string, number>, moves: Map<string, string>): Promise<string[]> {
	await new Promise<void>((resolve) => {
		const timer = window.setTimeout(done, 2000);
		const ref = app.metadataCache.on('resolved', done);
		function done(): void {
			window.clearTimeout(timer);
			app.metadataCache.offref(ref);
			resolve();
		}
	});
	const moved = new Map<string, number>();
	for (const [key, count] of before) {
		const [source, link] = key.split('\u0000');
		moved.set(`${moves.get(source) ?? source}\u0000${link}`, count);
	}
	const out: string[] = [];
	for (const [key, count] of unresolvedCounts(app)) {
		if (count > (moved.get(key) ?? 0)) out.push(key.replace('\u0000', ': '));
	}
	return out;
}
