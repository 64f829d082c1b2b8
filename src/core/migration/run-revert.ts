import { dirname } from '../files/paths';
import type { Workspace } from '../workspace/workspace';
import { WorkflowError } from '../workspace/workflow-error';
import { newestLogPath, removeEmptyFolders, type MigrationHost, type MigrationLogStore } from './migration-host';
import { migrationsFolder, type MigrationLog } from './migration-log';
import { revertMigration } from './revert-migration';

export interface RevertInput {
	/** The log: "last", a path, or a log's file name in the migrations folder. */
	log: string;
}

export interface RevertOutcome {
	logPath: string;
	/** Whether the migration undone had finished (else it was interrupted). */
	finished: boolean;
	moved: number;
	restored: string[];
}

/** The revert operation: the migration a log records undone byte for byte, then the log and the folders it made removed. */
export async function runRevert(ws: Workspace, input: RevertInput, host: MigrationHost): Promise<RevertOutcome> {
	const specsRoot = ws.settings.specsRoot;
	const logPath = await findLog(host.logs, specsRoot, input.log);
	let log: MigrationLog;
	try {
		log = await host.logs.read(logPath);
	} catch (e) {
		if (e instanceof WorkflowError) throw e;
		throw new WorkflowError('no-log', `Cannot read the migration log ${logPath}`);
	}
	const r = await revertMigration(host.revertStore ?? ws.store, log);
	// The migration made the new folders and the log: gone again, the tree is as it was.
	await removeEmptyFolders(
		host.logs,
		log.moves.map((m) => dirname(m.to)),
		specsRoot,
	);
	await host.logs.remove(logPath);
	await removeEmptyFolders(host.logs, [dirname(logPath)], specsRoot);
	return { logPath, finished: log.finished, moved: r.moved, restored: r.restored };
}

/** `last`, or a log the shell finds where the user said. */
async function findLog(logs: MigrationLogStore, specsRoot: string, which: string): Promise<string> {
	const folder = migrationsFolder(specsRoot);
	if (which === 'last') {
		const latest = await newestLogPath(logs, specsRoot);
		if (latest === null) throw new WorkflowError('no-log', `No migration log in ${folder}/ to revert`);
		return latest;
	}
	const found = await logs.locate(which, folder);
	if (found === null) throw new WorkflowError('no-log', `No migration log at ${which} (give a file in ${folder}/, or "last")`);
	return found;
}
