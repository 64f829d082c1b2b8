import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { normalizeVaultPath } from '../core/files/paths';
import { isAlive, placeNew, syncFolder, tempOwner, tempPathFor, writeTemp } from './temp-files';

/**
 * The redo log that makes a write of several files all-or-nothing across a crash. Every new text is first written to its temporary file; then this journal, listing
 * each temporary file, its target and what the target must still hold, is written (the commit
 * point); then the temporary files are put in place and the journal removed. A run that finds a
 * journal of a process no longer alive finishes it; temporary files without a journal are from a
 * write that never reached the commit point, and are removed (see FsFileStore.recover).
 */
export const JOURNAL_NAME = '.spec-work.pending.json';

export interface JournalEntry {
	kind: 'create' | 'modify';
	/** Vault-relative paths, from the vault's real path. */
	target: string;
	temp: string;
	/** 'absent' for a creation; for a modification the sha256 of the bytes the target held when planned. */
	expect: string;
}

export interface Journal {
	pid: number;
	writes: JournalEntry[];
}

export function hashOf(bytes: Uint8Array): string {
	return 'sha256:' + createHash('sha256').update(bytes).digest('hex');
}

/** Writes the journal atomically (temporary file, sync, rename): it is there whole or not at all. */
export function writeJournal(realRoot: string, journal: Journal): void {
	const path = nodePath.join(realRoot, JOURNAL_NAME);
	const tmp = tempPathFor(path);
	writeTemp(tmp, JSON.stringify(journal, null, '\t') + '\n');
	try {
		renameSync(tmp, path);
	} catch (e) {
		rmSync(tmp, { force: true });
		throw e;
	}
	syncFolder(realRoot);
}

export function removeJournal(realRoot: string): void {
	rmSync(nodePath.join(realRoot, JOURNAL_NAME), { force: true });
}

/** The journal as found: none, one spec-work cannot read, or one to finish (unless its writer still runs). */
type Found = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'journal'; journal: Journal };

function readJournal(path: string): Found {
	let journal: Journal;
	try {
		journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'none' } : { kind: 'unreadable' };
	}
	if (typeof journal?.pid !== 'number' || !Array.isArray(journal.writes)) return { kind: 'unreadable' };
	return { kind: 'journal', journal };
}

/**
 * What a call that only reads says of a journal left behind, which it leaves to the next writing
 * call (a repair is a write, made under the vault's lock). A journal whose writer still runs is its own.
 */
export function pendingJournal(realRoot: string): string[] {
	const found = readJournal(nodePath.join(realRoot, JOURNAL_NAME));
	if (found.kind === 'unreadable') return [`${JOURNAL_NAME} in the vault is not a journal spec-work can read; the next writing command moves it aside`];
	if (found.kind === 'none' || isAlive(found.journal.pid)) return [];
	const targets = found.journal.writes.map((w) => (typeof w?.target === 'string' ? w.target : '?')).join(', ');
	return [`an interrupted write is pending (${targets}); this call only reads and shows the files as they are; the next writing command finishes it`];
}

/**
 * Finishes the journal a crashed run left behind: each target still as planned gets its new text,
 * a target someone changed meanwhile is left as it is. Returns one line per thing the user should
 * know. A journal whose writer still runs is left to it. Called under the vault's lock.
 */
export function finishJournal(realRoot: string): string[] {
	const path = nodePath.join(realRoot, JOURNAL_NAME);
	const found = readJournal(path);
	if (found.kind === 'none') return [];
	// Written whole or not at all, so this is not ours to repair; the next write's journal would replace it.
	if (found.kind === 'unreadable') return [setAside(path)];
	const journal = found.journal;
	if (journal.pid !== process.pid && isAlive(journal.pid)) return [];
	const lines: string[] = [];
	const finished: string[] = [];
	for (const entry of journal.writes) {
		const target = inVault(realRoot, entry.target);
		const temp = inVault(realRoot, entry.temp);
		if (target === null || temp === null || tempOwner(nodePath.basename(temp)) === null) continue;
		const tempStat = lstatSync(temp, { throwIfNoEntry: false });
		// No temporary file: this target was put in place before the crash.
		if (!tempStat) continue;
		const targetStat = lstatSync(target, { throwIfNoEntry: false });
		if (targetStat && targetStat.ino === tempStat.ino && targetStat.dev === tempStat.dev) {
			// Linked in place; only the temporary name was left to remove.
			rmSync(temp, { force: true });
			continue;
		}
		const asPlanned = entry.kind === 'create' ? !targetStat : targetStat?.isFile() === true && hashOf(readFileSync(target)) === entry.expect;
		if (!asPlanned) {
			rmSync(temp, { force: true });
			lines.push(`${entry.target} changed after an interrupted write; it is left as it is, without that write's change`);
			continue;
		}
		try {
			if (entry.kind === 'create') placeNew(temp, target);
			else renameSync(temp, target);
			finished.push(entry.target);
		} catch (e) {
			// Another run finishing the same journal got there first: its temporary file is gone.
			if (lstatSync(temp, { throwIfNoEntry: false })) {
				rmSync(temp, { force: true });
				lines.push(`${entry.target}: could not finish an interrupted write (${(e as Error).message}); it is left as it is`);
			}
		}
	}
	rmSync(path, { force: true });
	if (finished.length > 0) lines.unshift(`finished an interrupted write: ${finished.join(', ')}`);
	return lines;
}

/** Moves a journal spec-work cannot read aside under a name that says so, keeping it for whoever made it. */
function setAside(path: string): string {
	const aside = `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	try {
		renameSync(path, aside);
	} catch (e) {
		return `${JOURNAL_NAME} in the vault is not a journal spec-work can read, and could not be moved aside (${(e as Error).message}); it is left as it is`;
	}
	return `${JOURNAL_NAME} in the vault is not a journal spec-work can read; nothing of it was applied, and it was moved aside to ${nodePath.basename(aside)}`;
}

/** The absolute path of a journal's vault path, or null when it would leave the vault. */
function inVault(realRoot: string, path: unknown): string | null {
	if (typeof path !== 'string') return null;
	const normalized = normalizeVaultPath(path);
	if (normalized === null || normalized === '' || nodePath.isAbsolute(path)) return null;
	return nodePath.join(realRoot, normalized);
}

/**
 * Test hook: SPEC_WORK_CRASH_AFTER=<phase> kills this process (SIGKILL, no clean-up) right after
 * that phase of a write of several files, so tests can crash a real run between its steps.
 * Phases: temps, journal, first-target, targets.
 */
export function crashPoint(phase: 'temps' | 'journal' | 'first-target' | 'targets'): void {
	if (process.env.SPEC_WORK_CRASH_AFTER === phase) process.kill(process.pid, 'SIGKILL');
}
