import type { FileStore } from '../files/file-store';
import { WorkflowError } from '../workspace/workflow-error';
import { localStamp, type LoggedEdit, type MigrationJournal, type MigrationLog } from './migration-log';
import { blockingProblems, type MigrationPlan } from './migration-types';
import { revertMigration } from './revert-migration';

export interface ApplyOptions {
	now: () => Date;
	/** Called after each step (a move or an edit); awaited, so the plugin can update a progress bar and let the UI breathe. */
	onProgress?: (done: number, total: number) => void | Promise<void>;
	/**
	 * For a file whose text is no longer the planned `before` when its edit comes (Obsidian
	 * updated its links while the files moved): the text to write. Without it such a file stops
	 * the migration, and everything done so far is undone.
	 */
	reconcile?: (edit: LoggedEdit, current: string) => string;
	/**
	 * Texts before the migration (old paths) of files to compare afterwards: any of them that
	 * changed without a planned edit (Obsidian updating links itself) is recorded in the log too,
	 * so a revert restores it.
	 */
	watch?: ReadonlyMap<string, string | null>;
	/** Where the log is written ahead of the first change and as the steps are done; without one the log is only returned. */
	journal?: MigrationJournal;
}

/**
 * Carries out a plan: first checks that every file to move or edit is as planned (nothing written
 * otherwise), writes the whole plan to the journal, then moves the files, then writes the edited
 * texts, recording each step. Returns the complete log. If a step fails, the steps already done
 * are undone and the error is raised: the vault is as before.
 */
export async function applyMigration(store: FileStore, plan: MigrationPlan, options: ApplyOptions): Promise<MigrationLog> {
	const blocking = blockingProblems(plan);
	if (blocking.length > 0) {
		throw new WorkflowError(
			'migration-blocked',
			`The migration cannot be applied: ${blocking.length} problem${blocking.length === 1 ? '' : 's'} to fix first (${blocking[0].message})`,
		);
	}
	for (const m of plan.moves) {
		if (!(await store.exists(m.from))) throw new WorkflowError('changed', `${m.from} is gone since the migration was planned; nothing was changed`, m.from);
		if (await store.exists(m.to)) throw new WorkflowError('exists', `${m.to} already exists; nothing was changed`, m.to);
	}
	for (const e of plan.edits) {
		if ((await store.read(e.path)) !== e.before) throw new WorkflowError('changed', `${e.path} changed since the migration was planned; nothing was changed`, e.path);
	}
	const log: MigrationLog = {
		version: 2,
		applied: localStamp(options.now()),
		specsRoot: plan.specsRoot,
		finished: false,
		moves: plan.moves.map((m) => ({ from: m.from, to: m.to })),
		edits: plan.edits.map((e) => ({ path: e.newPath, before: e.before, after: e.after, links: e.links, ...(e.merged.length > 0 ? { merged: e.merged } : {}) })),
	};
	await options.journal?.begin(log);
	try {
		return await carryOut(store, log, options);
	} catch (e) {
		// Every step is judged by the files, so the undo is the revert itself, and it is exact.
		try {
			await revertMigration(store, log);
			await options.journal?.discard();
		} catch (undoError) {
			throw new WorkflowError(
				'interrupted',
				`${message(e)}; undoing it failed too (${message(undoError)}), so the migration is unfinished and its log kept`,
				undefined,
				'undo it with: spec-work migrate --revert last, or finish it with: spec-work migrate --apply',
			);
		}
		if (e instanceof WorkflowError) throw new WorkflowError(e.code, `${e.message}; the migration was undone`, e.path);
		throw new WorkflowError('io', `${message(e)}; the migration was undone`);
	}
}

/**
 * Finishes a migration its log says was interrupted: the steps not done yet are done (a file at its
 * old place is moved, a text still as before gets its edit), and the log is closed. The vault is
 * then as an uninterrupted migration leaves it. A failure leaves the log as it is, to revert or
 * resume again.
 */
export async function resumeMigration(store: FileStore, log: MigrationLog, options: Omit<ApplyOptions, 'watch'>): Promise<MigrationLog> {
	return carryOut(store, { ...log, edits: log.edits.map((e) => ({ ...e })) }, options);
}

/** The steps of the log not done yet, each judged by the file's state, then the log closed. */
async function carryOut(store: FileStore, log: MigrationLog, options: ApplyOptions): Promise<MigrationLog> {
	const { journal } = options;
	const total = log.moves.length + log.edits.length;
	let done = 0;
	const step = async (mark: Parameters<MigrationJournal['step']>[0]): Promise<void> => {
		await journal?.step(mark);
		done++;
		await options.onProgress?.(done, total);
	};
	for (const [i, m] of log.moves.entries()) {
		const there = await store.exists(m.to);
		const here = await store.exists(m.from);
		if (here && !there) await store.rename(m.from, m.to);
		else if (here || !there) throw new WorkflowError('changed', here ? `${m.to} already exists` : `${m.from} is gone while the migration ran`, here ? m.to : m.from);
		await step({ move: i });
	}
	for (const [i, e] of log.edits.entries()) {
		const current = await store.read(e.path);
		if (current !== e.after) {
			let after = e.after;
			if (current !== e.before) {
				if (!options.reconcile) throw new WorkflowError('changed', `${e.path} changed while the migration ran`, e.path);
				after = options.reconcile(e, current);
				// Written ahead, so a revert after a crash knows this text as the migration's.
				await journal?.step({ edit: i, after });
			}
			await store.process(e.path, (text) => {
				if (text !== current) throw new WorkflowError('changed', `${e.path} changed while the migration ran`, e.path);
				return after;
			});
			// A revert restores the text from before the migration, whatever Obsidian wrote in between.
			e.after = after;
		}
		await step({ edit: i });
	}
	if (options.watch) {
		const moved = new Map(log.moves.map((m) => [m.from, m.to] as const));
		const edited = new Set(log.edits.map((e) => e.path));
		for (const [path, text] of options.watch) {
			const now = moved.get(path) ?? path;
			if (text === null || edited.has(now)) continue;
			const current = await store.read(now);
			if (current === text) continue;
			const watched = { path: now, before: text, after: current, links: [] };
			await journal?.step({ watched });
			log.edits.push(watched);
		}
	}
	const finished = { ...log, version: 2 as const, finished: true };
	await journal?.finish(finished);
	return finished;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
