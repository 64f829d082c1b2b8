import type { FileStore } from '../files/file-store';
import { WorkflowError } from '../workflow/workflow-error';
import type { MigrationLog } from './migration-log';

export interface RevertResult {
	restored: string[];
	moved: number;
}

/**
 * Undoes a migration from its log, byte for byte: every edited file gets its text back, then every
 * file moves back, last move first. Checks first that the vault is as the migration left it (each
 * edited file unchanged since, each moved file in its new place, each old place free); if not,
 * nothing is changed and the error names the file, so no later edit is lost.
 */
export async function revertMigration(
	store: FileStore,
	log: MigrationLog,
	options: { onProgress?: (done: number, total: number) => void | Promise<void> } = {},
): Promise<RevertResult> {
	for (const e of log.edits) {
		let current: string;
		try {
			current = await store.read(e.path);
		} catch {
			throw new WorkflowError('changed', `${e.path} is gone since the migration; nothing was reverted`, e.path);
		}
		if (current !== e.after) throw new WorkflowError('changed', `${e.path} was edited after the migration; reverting would lose that edit, so nothing was reverted`, e.path);
	}
	for (const m of log.moves) {
		if (!(await store.exists(m.to))) throw new WorkflowError('changed', `${m.to} is gone since the migration; nothing was reverted`, m.to);
	}
	const vacated = new Set(log.moves.map((m) => m.to));
	for (const m of log.moves) {
		if (!vacated.has(m.from) && (await store.exists(m.from))) throw new WorkflowError('exists', `${m.from} exists again since the migration; nothing was reverted`, m.from);
	}
	const total = log.edits.length + log.moves.length;
	let done = 0;
	const restored: string[] = [];
	for (const e of log.edits) {
		await store.process(e.path, () => e.before);
		restored.push(e.path);
		await options.onProgress?.(++done, total);
	}
	for (const m of [...log.moves].reverse()) {
		await store.rename(m.to, m.from);
		await options.onProgress?.(++done, total);
	}
	return { restored, moved: log.moves.length };
}
