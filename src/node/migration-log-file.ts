import {
	closeSync,
	existsSync,
	fdatasyncSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	readSync,
	renameSync,
	rmdirSync,
	rmSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import * as nodePath from 'node:path';
import type { MigrationLogStore } from '../core/migration/migration-host';
import { WorkflowError } from '../core/workspace/workflow-error';
import { syncFolder } from './temp-files';
import {
	FINISHED_STATE,
	LOG_STATE_AT,
	parseMigrationLog,
	serializeMigrationLog,
	serializeStep,
	stepsPath,
	withSteps,
	type MigrationJournal,
	type MigrationLog,
	type StepMark,
} from '../core/migration/migration-log';

/**
 * Steps kept in memory between two appends to the steps file. The marks prove nothing (a revert or
 * resume judges each file by its state, docs/migration.md), so they are not synced either: each
 * sync would wait for the disk, amid thousands of file writes.
 */
const FLUSH_EVERY = 250;

/**
 * The migration log on disk, written ahead: the plan atomically (temporary file, fsync, rename)
 * before the first change, the steps appended to `<log>.steps` (synced only when one holds a text
 * the plan does not), and at the end the log closed by
 * overwriting its state in place ("applying" → "finished", one write) — or rewritten whole when the
 * steps recorded texts the plan does not hold. `crashAfter` is the test hook (see crashHook).
 */
export class MigrationLogFile implements MigrationJournal {
	private steps: number | null = null;
	private pending = '';
	private unflushed = 0;
	private count = 0;
	/** A step recorded a text the written plan does not hold: closing rewrites the log. */
	private amended = false;

	constructor(
		private readonly vaultPath: string,
		/** Vault-relative path of the log. */
		readonly path: string,
		private readonly crashAfter: number | null = null,
	) {}

	private abs(path: string): string {
		return nodePath.join(this.vaultPath, path);
	}

	begin(log: MigrationLog): Promise<void> {
		let made: string | undefined;
		try {
			made = mkdirSync(nodePath.dirname(this.abs(this.path)), { recursive: true });
			this.steps = openSync(this.abs(stepsPath(this.path)), 'a');
			writeAtomic(this.abs(this.path), serializeMigrationLog(log));
		} catch (e) {
			this.close();
			try {
				rmSync(this.abs(stepsPath(this.path)), { force: true });
				// The folders made for the log go too: the vault is as it was.
				if (made !== undefined) rmSync(made, { recursive: true, force: true });
			} catch {
				// Nothing was made where the folder could not be.
			}
			throw new WorkflowError('no-log', `Could not write the migration log ${this.path} (${reason(e)}); nothing was changed`, this.path);
		}
		if (this.crashAfter === 0) crash();
		return Promise.resolve();
	}

	/** Carries on with the steps file of an interrupted run. */
	reopen(): void {
		const steps = this.abs(stepsPath(this.path));
		this.amended = existsSync(steps) && /^\{"(edit":\d+,"after|watched)":/m.test(readFileSync(steps, 'utf8'));
		this.steps = openSync(steps, 'a');
	}

	step(mark: StepMark): Promise<void> {
		if (this.steps === null) return Promise.resolve();
		this.pending += serializeStep(mark);
		// A text about to be written that the plan does not hold must be on disk before the file changes.
		const urgent = 'after' in mark || 'watched' in mark;
		if (urgent) this.amended = true;
		if (urgent || ++this.unflushed >= FLUSH_EVERY) {
			try {
				this.flush(urgent);
			} catch (e) {
				return Promise.reject(new WorkflowError('no-log', `Could not write to the migration log ${stepsPath(this.path)} (${reason(e)})`, this.path));
			}
		}
		if ('move' in mark || ('edit' in mark && !('after' in mark))) {
			if (++this.count === this.crashAfter) {
				this.flush();
				crash();
			}
		}
		return Promise.resolve();
	}

	private flush(sync = false): void {
		if (this.steps === null || this.pending === '') return;
		// writeFileSync on a descriptor writes it all or throws (a full disk), never a silent part.
		writeFileSync(this.steps, this.pending);
		if (sync) fdatasyncSync(this.steps);
		this.pending = '';
		this.unflushed = 0;
	}

	finish(log: MigrationLog): Promise<void> {
		try {
			if (this.amended) writeAtomic(this.abs(this.path), serializeMigrationLog(log));
			else closeInPlace(this.abs(this.path));
		} catch (e) {
			return Promise.reject(new WorkflowError('no-log', `Could not close the migration log ${this.path} (${reason(e)})`, this.path));
		}
		this.close();
		rmSync(this.abs(stepsPath(this.path)), { force: true });
		return Promise.resolve();
	}

	discard(): Promise<void> {
		this.close();
		removeLog(this.vaultPath, this.path);
		return Promise.resolve();
	}

	private close(): void {
		if (this.steps === null) return;
		closeSync(this.steps);
		this.steps = null;
		this.pending = '';
	}
}

/** "applying" → "finished" where the state's bytes are: one write of a few bytes, whole or not at all. */
function closeInPlace(abs: string): void {
	const fd = openSync(abs, 'r+');
	try {
		const state = Buffer.alloc(FINISHED_STATE.length);
		readSync(fd, state, 0, state.length, LOG_STATE_AT);
		if (state.toString('utf8') !== 'applying') throw new Error(`${abs} is not a log being applied`);
		// Not synced: a log still saying "applying" after a power cut reverts and resumes all the same.
		writeSync(fd, FINISHED_STATE, LOG_STATE_AT, 'utf8');
	} finally {
		closeSync(fd);
	}
}

/** Whether a log says its migration is still being applied: its first bytes tell, without reading megabytes. */
export function isApplying(vaultPath: string, path: string): boolean {
	const fd = openSync(nodePath.join(vaultPath, path), 'r');
	try {
		const head = Buffer.alloc(LOG_STATE_AT + FINISHED_STATE.length);
		const n = readSync(fd, head, 0, head.length, 0);
		return head.subarray(0, n).toString('utf8') === serializeMigrationLog({ version: 2, finished: false, applied: '', specsRoot: '', moves: [], edits: [] }).slice(0, head.length);
	} finally {
		closeSync(fd);
	}
}

/** A log and, while it is unfinished, the steps recorded beside it. */
export function readLogFile(vaultPath: string, path: string): MigrationLog {
	const log = parseMigrationLog(readFileSync(nodePath.join(vaultPath, path), 'utf8'), path);
	if (log.finished) return log;
	const steps = nodePath.join(vaultPath, stepsPath(path));
	return existsSync(steps) ? withSteps(log, readFileSync(steps, 'utf8')) : log;
}

/** The migration logs on disk, for the migrate and revert operations; `env` holds the crash hook. */
export function nodeMigrationLogs(vaultPath: string, env: NodeJS.ProcessEnv): MigrationLogStore {
	const abs = (path: string): string => nodePath.join(vaultPath, path);
	return {
		logNames: (folder) => Promise.resolve(existsSync(abs(folder)) ? readdirSync(abs(folder)) : []),
		isApplying: (path) => Promise.resolve(isApplying(vaultPath, path)),
		read: (path) => Promise.resolve(readLogFile(vaultPath, path)),
		// A path that cannot be looked at (a file where the folder goes) is left for writing the log to report.
		exists: (path) => Promise.resolve(existsSync(abs(path))),
		locate: (which, folder) => Promise.resolve(locateLog(vaultPath, which, folder)),
		journal(path, resume) {
			const journal = new MigrationLogFile(vaultPath, path, crashHook(env));
			if (resume) journal.reopen();
			return journal;
		},
		remove: (path) => Promise.resolve(removeLog(vaultPath, path)),
		removeIfEmpty: (folder) => Promise.resolve(removeIfEmpty(abs(folder))),
	};
}

/** A path from the working directory or the vault, or a log's file name in the migrations folder; only inside the vault. */
function locateLog(vaultPath: string, which: string, folder: string): string | null {
	const candidates = [nodePath.resolve(which), nodePath.join(vaultPath, which), nodePath.join(vaultPath, folder, which)];
	for (const c of candidates) {
		const rel = nodePath.relative(vaultPath, c);
		if (existsSync(c) && !rel.startsWith('..') && !nodePath.isAbsolute(rel)) return rel.split(nodePath.sep).join('/');
	}
	return null;
}

/** An empty folder removed; one that holds something, is not there or cannot be read is left. */
function removeIfEmpty(abs: string): boolean {
	try {
		if (readdirSync(abs).length > 0) return false;
		rmdirSync(abs);
		return true;
	} catch {
		return false;
	}
}

export function removeLog(vaultPath: string, path: string): void {
	rmSync(nodePath.join(vaultPath, path), { force: true });
	rmSync(nodePath.join(vaultPath, stepsPath(path)), { force: true });
}

/**
 * Test hook, documented in docs/migration.md: SPEC_WORK_CRASH_AFTER_STEPS=N kills the process
 * (SIGKILL, no clean-up) after N steps of `migrate --apply` — 0 once the plan is written, the
 * number of steps once all are done and the log is not yet closed.
 */
export function crashHook(env: NodeJS.ProcessEnv): number | null {
	const n = env.SPEC_WORK_CRASH_AFTER_STEPS;
	return n !== undefined && /^\d+$/.test(n) ? Number(n) : null;
}

/** The system's words without the call and path Node adds ("ENOSPC: no space left on device, write" → "no space left on device"). */
function reason(e: unknown): string {
	const text = e instanceof Error ? e.message : String(e);
	return /^E[A-Z]+: ([^,]+)/.exec(text)?.[1] ?? text;
}

function crash(): void {
	process.kill(process.pid, 'SIGKILL');
}

/** Temporary file beside the target, synced, renamed over it, folder synced: the file is whole, old or new. */
function writeAtomic(abs: string, text: string): void {
	const tmp = `${abs}.tmp`;
	try {
		const fd = openSync(tmp, 'w');
		try {
			writeFileSync(fd, text);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(tmp, abs);
	} catch (e) {
		rmSync(tmp, { force: true });
		throw e;
	}
	syncFolder(nodePath.dirname(abs));
}
