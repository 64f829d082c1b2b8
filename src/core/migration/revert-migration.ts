import type { FileStore } from '../files/file-store';
import { WorkflowError } from '../workspace/workflow-error';
import type { MigrationLog } from './migration-log';

export interface RevertResult {
	restored: string[];
	moved: number;
}

/**
 * Undoes a migration from its log, byte for byte: every edited file gets its text back, then every
 * file moves back, last move first. Each step is judged by the file itself, not by the log's marks,
 * so an interrupted migration reverts too: a file still at its old place was not moved, a text
 * still as before was not edited. Checks everything first: a file edited since (neither its text
 * before nor after), gone, or an old place taken again stops it with nothing changed, and the error
 * names the file, so no later edit is lost.
 */
export async function revertMigration(
	store: FileStore,
	log: MigrationLog,
	options: { onProgress?: (done: number, total: number) => void | Promise<void> } = {},
): Promise<RevertResult> {
	const movedTo = new Map(log.moves.map((m) => [m.to, m.from] as const));
	const toRestore: typeof log.edits = [];
	for (const e of log.edits) {
		const current = await readOrNull(store, e.path);
		if (current === null) {
			// Not moved yet (the migration stopped before): the file is at its old place, as it was.
			const from = movedTo.get(e.path);
			if (from !== undefined && (await readOrNull(store, from)) === e.before) continue;
			throw new WorkflowError('changed', `${e.path} is gone since the migration; nothing was reverted`, e.path);
		}
		if (current === e.after) toRestore.push(e);
		else if (current !== e.before) throw new WorkflowError('changed', `${e.path} was edited after the migration; reverting would lose that edit, so nothing was reverted`, e.path);
	}
	const toMoveBack: typeof log.moves = [];
	for (const m of log.moves) {
		const there = await store.exists(m.to);
		const back = await store.exists(m.from);
		if (there && !back) toMoveBack.push(m);
		else if (there) throw new WorkflowError('exists', `${m.from} exists again since the migration; nothing was reverted`, m.from);
		else if (!back) throw new WorkflowError('changed', `${m.to} is gone since the migration; nothing was reverted`, m.to);
	}
	const total = toRestore.length + toMoveBack.length;
	let done = 0;
	const restored: string[] = [];
	for (const e of toRestore) {
		await store.process(e.path, () => e.before);
		restored.push(e.path);
		await options.onProgress?.(++done, total);
	}
	for (const m of [...toMoveBack].reverse()) {
		await store.rename(m.to, m.from);
		await options.onProgress?.(++done, total);
	}
	return { restored, moved: toMoveBack.length };
}

async function readOrNull(store: FileStore, path: string): Promise<string | null> {
	try {
		return await store.read(path);
	} catch {
		return null;
	}
}
