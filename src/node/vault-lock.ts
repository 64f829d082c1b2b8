import { closeSync, fchmodSync, fstatSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import * as nodePath from 'node:path';
import { WorkflowError } from '../core/workspace/workflow-error';

/**
 * One spec-work writer at a time per vault (docs/cli.md, "When two writers meet"). The lock is a
 * file in the vault root that exists only while held, so it never lingers in sync or git; the
 * leading dot keeps Obsidian from indexing it.
 */
export const LOCK_FILE = '.spec-work.lock';

export const DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

/** What the lock file holds: enough for a waiter to judge the holder and for a person to find it. */
export interface LockHolder {
	pid: number;
	host: string;
	verb: string;
	since: string;
}

/** A lock file as one look saw it; `text` is null when it could not be read. */
interface Seen {
	text: string | null;
	ino: number;
	mtimeMs: number;
	holder: LockHolder | null;
}

/** A lock with no readable holder is a crash between create and write once it is this old. */
const UNWRITTEN_STALE_MS = 5_000;
/** Breaking a stale lock takes milliseconds; a break marker this old was left by a crash. */
const BREAK_STALE_MS = 10_000;

export class VaultLock {
	private released = false;

	private constructor(
		readonly path: string,
		private readonly text: string,
	) {}

	/**
	 * Waits (short jittered sleeps) until the vault's lock is free, takes it and returns it. A lock
	 * left by a process that is gone is taken over. Throws a WorkflowError naming the holder when
	 * `timeoutMs` passes first.
	 */
	static async acquire(vaultPath: string, verb: string, timeoutMs: number): Promise<VaultLock> {
		const path = nodePath.join(vaultPath, LOCK_FILE);
		const text = JSON.stringify({ pid: process.pid, host: hostname(), verb, since: new Date().toISOString() } satisfies LockHolder) + '\n';
		const deadline = Date.now() + timeoutMs;
		for (let attempt = 0; ; attempt++) {
			if (tryCreate(path, text)) return new VaultLock(path, text);
			const seen = look(path);
			if (seen === null) continue; // released between our two looks: try again at once
			if (isAbandoned(seen, UNWRITTEN_STALE_MS) && breakStale(path, seen, text)) continue;
			if (Date.now() >= deadline) throw busy(path, seen);
			await sleep(Math.min(100, 10 + attempt * 5) * (0.5 + Math.random()));
		}
	}

	/** Removes the lock file if it is still this lock's; safe to call more than once. */
	release(): void {
		if (this.released) return;
		this.released = true;
		if (look(this.path)?.text === this.text) unlinkQuietly(this.path);
	}
}

/** SPEC_WORK_LOCK_TIMEOUT (seconds) in milliseconds; unset means the default. */
export function lockTimeoutMs(value: string | undefined): number {
	if (value === undefined || value.trim() === '') return DEFAULT_LOCK_TIMEOUT_SECONDS * 1000;
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds < 0) throw new WorkflowError('bad-lock-timeout', `SPEC_WORK_LOCK_TIMEOUT is not a number of seconds: ${value}`);
	return seconds * 1000;
}

/** Creates the file only if there is none ('wx' is O_EXCL), with the holder written in; false when it exists. */
function tryCreate(path: string, text: string): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'wx', 0o644);
	} catch (e) {
		if (errorCode(e) === 'EEXIST') return false;
		throw cannotLock(path, e);
	}
	try {
		// Readable by every user who may write the vault, whatever the umask, so they can judge it.
		fchmodSync(fd, 0o644);
		writeSync(fd, text);
		closeSync(fd);
		return true;
	} catch (e) {
		closeSync(fd);
		unlinkQuietly(path);
		throw cannotLock(path, e);
	}
}

function look(path: string): Seen | null {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (e) {
		if (errorCode(e) === 'ENOENT') return null;
		try {
			const st = statSync(path);
			return { text: null, ino: st.ino, mtimeMs: st.mtimeMs, holder: null };
		} catch {
			return null;
		}
	}
	try {
		const st = fstatSync(fd);
		if (!st.isFile()) throw notALock(path, st.isDirectory() ? 'a folder' : 'not a regular file');
		const text = readFileSync(fd, 'utf8');
		return { text, ino: st.ino, mtimeMs: st.mtimeMs, holder: parseHolder(text) };
	} finally {
		closeSync(fd);
	}
}

function parseHolder(text: string): LockHolder | null {
	try {
		const v = JSON.parse(text) as Partial<LockHolder> | null;
		if (v && Number.isInteger(v.pid) && (v.pid as number) > 0 && typeof v.host === 'string') {
			return { pid: v.pid as number, host: v.host, verb: typeof v.verb === 'string' ? v.verb : '?', since: typeof v.since === 'string' ? v.since : '?' };
		}
	} catch {
		// Empty or cut short: judged by its age instead.
	}
	return null;
}

/**
 * Whether the lock's holder is certainly gone: a process on this host that no longer exists, or
 * (readable but holding no holder) older than `unwrittenMs`. A lock we cannot read, or one held
 * on another host, is never judged gone: we cannot tell.
 */
function isAbandoned(seen: Seen, unwrittenMs: number): boolean {
	if (seen.holder) return seen.holder.host === hostname() && !processExists(seen.holder.pid);
	return seen.text !== null && Date.now() - seen.mtimeMs > unwrittenMs;
}

function processExists(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: it exists, under another user.
		return errorCode(e) !== 'ESRCH';
	}
}

/**
 * Removes the stale lock `seen`, unless it has changed since. Breakers take turns through a
 * second marker file, so two waiters that judged the same lock stale cannot both remove a lock
 * (the second would remove the first one's fresh lock). Returns whether it is worth trying to
 * create the lock again at once.
 */
function breakStale(path: string, seen: Seen, text: string): boolean {
	const marker = `${path}.break`;
	if (!tryCreate(marker, text)) {
		const other = look(marker);
		if (other !== null && (isAbandoned(other, UNWRITTEN_STALE_MS) || Date.now() - other.mtimeMs > BREAK_STALE_MS)) removeIfUnchanged(marker, other);
		return false;
	}
	try {
		const now = look(path);
		// Gone or changed meanwhile: look again rather than remove what we did not judge.
		if (now === null || !same(now, seen)) return true;
		return removeIfUnchanged(path, now);
	} finally {
		unlinkQuietly(marker);
	}
}

/**
 * Moves the file aside under a unique name, checks it is still the one judged, and only then
 * deletes it; a file that turns out to be another one goes back with link(), which never
 * replaces a file that took its place meanwhile.
 */
function removeIfUnchanged(path: string, seen: Seen): boolean {
	const aside = `${path}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
	try {
		renameSync(path, aside);
	} catch {
		return false;
	}
	const moved = look(aside);
	if (moved !== null && same(moved, seen)) {
		unlinkQuietly(aside);
		return true;
	}
	try {
		linkSync(aside, path);
	} catch {
		// Taken meanwhile by a new holder: the one set aside is dropped.
	}
	unlinkQuietly(aside);
	return false;
}

function same(a: Seen, b: Seen): boolean {
	return a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.text === b.text;
}

function busy(path: string, seen: Seen): WorkflowError {
	const h = seen.holder;
	const who = h ? `spec-work ${h.verb} (pid ${h.pid}${h.host === hostname() ? '' : ` on ${h.host}`}, since ${h.since})` : 'another spec-work (its lock file names no holder)';
	return new WorkflowError(
		'vault-busy',
		`The vault is busy: ${who} holds ${path}; nothing was written. Run the command again once it has finished, or delete that file if no spec-work is running`,
		LOCK_FILE,
	);
}

/** Something else where the lock goes (a folder a sync tool made, say): no spec-work holds it, and none can take it. */
function notALock(path: string, what: string): WorkflowError {
	return new WorkflowError('not-a-lock', `${path} is ${what}, not spec-work's lock file, so nothing was written; remove it and run the command again`, LOCK_FILE);
}

function cannotLock(path: string, e: unknown): WorkflowError {
	const reason = errorCode(e) === 'ENOSPC' ? 'the disk is full' : e instanceof Error ? e.message : String(e);
	return new WorkflowError('no-lock', `Cannot create the lock file ${path} (${reason}), so nothing was written`, LOCK_FILE);
}

function unlinkQuietly(path: string): void {
	try {
		unlinkSync(path);
	} catch {
		// Already gone: nothing to undo.
	}
}

function errorCode(e: unknown): string | undefined {
	return (e as NodeJS.ErrnoException | null)?.code;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
