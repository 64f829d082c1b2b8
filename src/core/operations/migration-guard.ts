import { unfinishedMigration } from '../migration/run-migration';
import type { Workspace } from '../workspace/workspace';
import { WorkflowError } from '../workspace/workflow-error';

/** What to run about a half-done migration, as the migrate dry run says it. */
export const UNFINISHED_MIGRATION_HINT = 'finish it with: spec-work migrate --apply, or undo it with: spec-work migrate --revert last';

/** The log of a migration that was interrupted and neither finished nor undone, or null. */
export async function unfinishedMigrationLog(ws: Workspace): Promise<string | null> {
	if (!ws.migrationLogs) return null;
	return (await unfinishedMigration(ws.migrationLogs, ws.settings.specsRoot))?.logPath ?? null;
}

/**
 * Refuses a write while a migration is half done: the vault is half moved (a spec moved, its
 * links not yet rewritten), so a write would plan from a tree that is neither layout, and any
 * file it changed would stop the migration from being finished or undone.
 */
export async function refuseWhileMigrating(ws: Workspace): Promise<void> {
	const log = await unfinishedMigrationLog(ws);
	if (log !== null) throw new WorkflowError('unfinished-migration', `An interrupted migration is unfinished (${log}), so nothing was written`, log, UNFINISHED_MIGRATION_HINT);
}
