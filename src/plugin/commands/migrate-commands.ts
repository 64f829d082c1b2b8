import { App, normalizePath, Notice, TFolder } from 'obsidian';
import type { FileStore } from '../../core/files/file-store';
import { dirname, isUnder } from '../../core/files/paths';
import { applyMigration, resumeMigration } from '../../core/migration/apply-migration';
import { planIsEmpty } from '../../core/migration/format-migration';
import { repairLinks } from '../../core/migration/link-repair';
import { readMigrationInput } from '../../core/migration/migration-input';
import { migrationLogPath, migrationsFolder, type LoggedEdit, type MigrationLog } from '../../core/migration/migration-log';
import { planMigration } from '../../core/migration/migration-plan';
import { effectiveLinkStyle } from '../plugin-workspace';
import type { MigrationInput, MigrationPlan } from '../../core/migration/migration-types';
import { revertMigration } from '../../core/migration/revert-migration';
import { AdapterMigrationLog, readLatestLog, removeLogFiles } from '../migration-log-adapter';
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
	// An interrupted migration is finished or undone before any other is planned: the vault is half moved.
	const latest = await readLatestLog(plugin.app, specsRoot).catch(() => null);
	if (latest !== null && !latest.log.finished) {
		const { path, log } = latest;
		new UnfinishedMigrationModal(plugin.app, path, log, (progress) => resumeInVault(plugin, path, log, progress), () => revertInVault(plugin, path, log)).open();
		return;
	}
	// New links (a spec's link to the journal placed as its context) follow the vault's link style, as in the CLI.
	const input = { ...(await readMigrationInput(plugin.store, specsRoot, (p) => plugin.index.isIgnored(p))), linkStyle: effectiveLinkStyle(plugin.app, plugin.settings.linkStyle) };
	const plan = planMigration(input);
	if (planIsEmpty(plan) && plan.problems.every((p) => p.severity !== 'error')) {
		new Notice(`Nothing to migrate: the ${plan.specs.length} spec${plan.specs.length === 1 ? '' : 's'} under ${specsRoot}/ are in the new layout.`);
		return;
	}
	new MigrationModal(plugin.app, plan, (progress) => applyInVault(plugin, input, plan, progress)).open();
}

/**
 * Moves the files with `fileManager.renameFile` (Obsidian updates the links it can, if the user
 * lets it), then writes the planned texts, keeping Obsidian's link updates where they resolve as
 * planned and repairing the rest with the core rewriter; then checks Obsidian's own
 * `unresolvedLinks` for links that resolved before and no longer do. The log is written ahead.
 */
async function applyInVault(plugin: SpecWorkflowPlugin, input: MigrationInput, plan: MigrationPlan, progress: ProgressReporter): Promise<boolean> {
	const { app } = plugin;
	const specsRoot = plugin.settings.specsRoot;
	const unresolvedBefore = unresolvedCounts(app);
	let log: MigrationLog;
	// Written ahead of the first change, so closing Obsidian mid-way leaves a migration to resume or revert (docs/migration.md).
	const logPath = await freeLogPath(app, specsRoot, plugin.now());
	try {
		log = await applyMigration(plugin.store, plan, { now: plugin.now, onProgress: progress, watch: input.files, reconcile: reconciler(app), journal: new AdapterMigrationLog(app, logPath) });
	} catch (e) {
		new Notice(failureMessage(e));
		return false;
	}
	const links = log.edits.reduce((n, e) => n + e.links.length, 0);
	const done = `Migrated ${plan.specs.length} spec${plan.specs.length === 1 ? '' : 's'}: moved ${log.moves.length} files, rewrote ${links} links`;
	await tidyUp(plugin, plan.moves.map((m) => dirname(m.from)));
	const broken = await newlyUnresolved(app, unresolvedBefore, new Map(log.moves.map((m) => [m.from, m.to] as const)));
	const tail = broken.length === 0 ? '' : ` ${broken.length} link${broken.length === 1 ? '' : 's'} no longer resolve: ${broken.slice(0, 5).join(', ')}.`;
	new Notice(`${done}. Log: ${logPath}. Undo with "Revert last migration…".${tail}`);
	return true;
}

/** For a file Obsidian already changed while the files moved: its links repaired with Obsidian's own resolver. */
function reconciler(app: App): (edit: LoggedEdit, current: string) => string {
	return (edit, current) => repairLinks(current, edit.after, (target) => (target === '' ? edit.path : (app.metadataCache.getFirstLinkpathDest(target, edit.path)?.path ?? null)));
}

/** The folders the moves left empty go, and the index learns the new places. */
async function tidyUp(plugin: SpecWorkflowPlugin, folders: string[]): Promise<void> {
	try {
		await removeEmptyFolders(plugin.app, folders, plugin.settings.specsRoot);
	} catch {
		// Empty folders left behind are harmless; the migration itself is complete.
	}
	await plugin.rebuildIndex();
}

/** Finishes an interrupted migration from its log: the steps not done yet, judged by the files. */
async function resumeInVault(plugin: SpecWorkflowPlugin, logPath: string, log: MigrationLog, progress: ProgressReporter): Promise<boolean> {
	let done: MigrationLog;
	try {
		done = await resumeMigration(plugin.store, log, { now: plugin.now, onProgress: progress, reconcile: reconciler(plugin.app), journal: new AdapterMigrationLog(plugin.app, logPath) });
	} catch (e) {
		new Notice(`The interrupted migration could not be finished: ${failureMessage(e)}`);
		return false;
	}
	await tidyUp(plugin, log.moves.map((m) => dirname(m.from)));
	new Notice(`Finished the interrupted migration: ${done.moves.length} files moved, ${done.edits.length} edited. Log: ${logPath}. Undo with "Revert last migration…".`);
	return true;
}

/** Undoes a migration, finished or interrupted, from its log; the log goes too. */
async function revertInVault(plugin: SpecWorkflowPlugin, logPath: string, log: MigrationLog): Promise<boolean> {
	const { app } = plugin;
	try {
		const r = await revertMigration(plainRenames(plugin), log);
		await removeEmptyFolders(app, log.moves.map((m) => dirname(m.to)), plugin.settings.specsRoot);
		await removeLogFiles(app, logPath);
		await plugin.rebuildIndex();
		new Notice(`Reverted the ${log.finished ? '' : 'interrupted '}migration: moved ${r.moved} files back, restored ${r.restored.length}.`);
		return true;
	} catch (e) {
		new Notice(failureMessage(e));
		return false;
	}
}

/** Shows what the newest migration log would undo, and undoes it on confirm. */
export async function revertCommand(plugin: SpecWorkflowPlugin): Promise<void> {
	const { app } = plugin;
	let latest: { path: string; log: MigrationLog } | null;
	try {
		latest = await readLatestLog(app, plugin.settings.specsRoot);
	} catch (e) {
		new Notice(failureMessage(e));
		return;
	}
	if (latest === null) {
		new Notice(`No migration to revert: there is no log in ${migrationsFolder(plugin.settings.specsRoot)}/.`);
		return;
	}
	const { path, log } = latest;
	new RevertMigrationModal(app, path, log, () => revertInVault(plugin, path, log)).open();
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

/** The log's path for now, not taken by an earlier log (in a hidden folder, which only the adapter reaches). */
async function freeLogPath(app: App, specsRoot: string, when: Date): Promise<string> {
	const base = migrationLogPath(specsRoot, when);
	let path = base;
	for (let n = 2; await app.vault.adapter.exists(path); n++) path = base.replace(/\.json$/, `-${n}.json`);
	return path;
}

/** The folders the moves left empty, and their empty parents, up to the specs folder. */
async function removeEmptyFolders(app: App, folders: string[], specsRoot: string): Promise<void> {
	const deepestFirst = [...new Set(folders)].sort((a, b) => b.split('/').length - a.split('/').length);
	for (const start of deepestFirst) {
		for (let path = start; path !== '' && path !== specsRoot && isUnder(path, specsRoot); path = dirname(path)) {
			const folder = app.vault.getFolderByPath(path);
			if (!folder || folder.children.length > 0) break;
			await app.fileManager.trashFile(folder);
		}
	}
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
