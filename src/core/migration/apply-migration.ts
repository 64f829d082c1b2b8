import type { FileStore } from '../files/file-store';
import { WorkflowError } from '../workflow/workflow-error';
import { localStamp, type MigrationLog } from './migration-log';
import { blockingProblems, type FileEdit, type MigrationPlan } from './migration-types';

export interface ApplyOptions {
	now: () => Date;
	/** Called after each step (a move or an edit); awaited, so the plugin can update a progress bar and let the UI breathe. */
	onProgress?: (done: number, total: number) => void | Promise<void>;
	/**
	 * For a file whose text is no longer the planned `before` when its edit comes (Obsidian
	 * updated its links while the files moved): the text to write. Without it such a file stops
	 * the migration, and everything done so far is undone.
	 */
	reconcile?: (edit: FileEdit, current: string) => string;
	/**
	 * Texts before the migration (old paths) of files to compare afterwards: any of them that
	 * changed without a planned edit (Obsidian updating links itself) is recorded in the log too,
	 * so a revert restores it.
	 */
	watch?: ReadonlyMap<string, string | null>;
}

/**
 * Carries out a plan: first checks that every file to move or edit is as planned (nothing written
 * otherwise), then moves the files, then writes the edited texts. Returns the log of what was done.
 * If a step fails, the steps already done are undone and the error is raised: the vault is as before.
 */
export async function applyMigration(store: FileStore, plan: MigrationPlan, options: ApplyOptions): Promise<MigrationLog> {
	const blocking = blockingProblems(plan);
	if (blocking.length > 0) {
		throw new WorkflowError('migration-blocked', `The migration cannot be applied: ${blocking.length} problem${blocking.length === 1 ? '' : 's'} to fix first (${blocking[0].message})`);
	}
	for (const m of plan.moves) {
		if (!(await store.exists(m.from))) throw new WorkflowError('changed', `${m.from} is gone since the migration was planned; nothing was changed`, m.from);
		if (await store.exists(m.to)) throw new WorkflowError('exists', `${m.to} already exists; nothing was changed`, m.to);
	}
	for (const e of plan.edits) {
		if ((await store.read(e.path)) !== e.before) throw new WorkflowError('changed', `${e.path} changed since the migration was planned; nothing was changed`, e.path);
	}

	const log: MigrationLog = { version: 1, applied: localStamp(options.now()), specsRoot: plan.specsRoot, moves: [], edits: [] };
	const total = plan.moves.length + plan.edits.length;
	let done = 0;
	const step = async (): Promise<void> => {
		done++;
		await options.onProgress?.(done, total);
	};
	try {
		for (const m of plan.moves) {
			await store.rename(m.from, m.to);
			log.moves.push({ from: m.from, to: m.to });
			await step();
		}
		const edited = new Set<string>();
		for (const e of plan.edits) {
			const after = await store.process(e.newPath, (current) => {
				if (current === e.before) return e.after;
				if (!options.reconcile) throw new WorkflowError('changed', `${e.newPath} changed while the migration ran`, e.newPath);
				return options.reconcile(e, current);
			});
			// A revert restores the text from before the migration, whatever Obsidian wrote in between.
			log.edits.push({ path: e.newPath, before: e.before, after, links: e.links, ...(e.merged.length > 0 ? { merged: e.merged } : {}) });
			edited.add(e.path);
			await step();
		}
		if (options.watch) {
			const moved = new Map(plan.moves.map((m) => [m.from, m.to] as const));
			for (const [path, text] of options.watch) {
				if (text === null || edited.has(path)) continue;
				const now = moved.get(path) ?? path;
				const current = await store.read(now);
				if (current !== text) log.edits.push({ path: now, before: text, after: current, links: [] });
			}
		}
	} catch (e) {
		await undo(store, log);
		if (e instanceof WorkflowError) throw new WorkflowError(e.code, `${e.message}; the migration was undone`, e.path);
		throw e;
	}
	return log;
}

/** Best-effort undo of a partly applied migration: texts back, then moves back in reverse. */
async function undo(store: FileStore, log: MigrationLog): Promise<void> {
	for (const e of [...log.edits].reverse()) {
		try {
			await store.process(e.path, () => e.before);
		} catch {
			// Keep undoing the rest; the error that stopped the migration is what gets reported.
		}
	}
	for (const m of [...log.moves].reverse()) {
		try {
			await store.rename(m.to, m.from);
		} catch {
			// As above.
		}
	}
}
