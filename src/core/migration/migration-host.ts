import type { FileStore } from '../files/file-store';
import type { ApplyOptions } from './apply-migration';
import { dirname, isUnder } from '../files/paths';
import { latestLog, migrationsFolder, type MigrationJournal, type MigrationLog } from './migration-log';

/**
 * The migration logs as a shell keeps them: in a hidden folder the vault's file store does not
 * reach the same way in each shell (the CLI writes them with fsync, the plugin through the vault
 * adapter), and the folders a migration empties, which only the shell can remove.
 */
export interface MigrationLogStore {
	/** The file names in the migrations folder; none when it does not exist. */
	logNames(folder: string): Promise<string[]>;
	/** Whether a log still says "applying"; a shell may tell from its first bytes, without reading it all. */
	isApplying(path: string): Promise<boolean>;
	/** A log, with the steps recorded beside it while it is unfinished. */
	read(path: string): Promise<MigrationLog>;
	/** Whether something is at a vault path; false when it cannot be looked at. */
	exists(path: string): Promise<boolean>;
	/** A log a user named (a path, or a file name in the migrations folder) as a vault path, or null when there is none. */
	locate(which: string, folder: string): Promise<string | null>;
	/** The journal a run writes its log to; `resume` carries on the steps of an interrupted run. */
	journal(path: string, resume: boolean): MigrationJournal;
	/** Removes a log and its steps. */
	remove(path: string): Promise<void>;
	/** Removes a folder if it is empty: true when it did, false when it holds something or is not there. */
	removeIfEmpty(folder: string): Promise<boolean>;
}

/** What a shell gives the migrate and revert operations: the logs, and what only the plugin adds. */
export interface MigrationHost {
	logs: MigrationLogStore;
	/** After each step of an apply or resume (the plugin's progress bar). */
	onProgress?: ApplyOptions['onProgress'];
	/** The text for a file changed while the files moved (Obsidian updating its links); without it such a file stops the migration. */
	reconcile?: ApplyOptions['reconcile'];
	/** Record files that changed on their own while the migration ran, so a revert restores them too. */
	watchChanges?: boolean;
	/** The store a revert moves files back with, when not the workspace's (the plugin's, without Obsidian touching links). */
	revertStore?: FileStore;
}

/** The vault path of the newest log in the migrations folder, or null when there is none. */
export async function newestLogPath(logs: MigrationLogStore, specsRoot: string): Promise<string | null> {
	const folder = migrationsFolder(specsRoot);
	const name = latestLog(await logs.logNames(folder));
	return name === null ? null : `${folder}/${name}`;
}

/** Removes the folders left empty, and their empty parents, up to (not including) the specs root. */
export async function removeEmptyFolders(logs: MigrationLogStore, folders: string[], specsRoot: string): Promise<void> {
	const deepestFirst = [...new Set(folders)].sort((a, b) => b.split('/').length - a.split('/').length);
	for (const start of deepestFirst) {
		for (let folder = start; folder !== '' && folder !== specsRoot && isUnder(folder, specsRoot); folder = dirname(folder)) {
			if (!(await logs.removeIfEmpty(folder))) break;
		}
	}
}
