import { joinPath } from '../files/paths';
import { WorkflowError } from '../workspace/workflow-error';
import type { LinkChange } from './migration-types';

export interface LoggedEdit {
	path: string;
	before: string;
	after: string;
	links: LinkChange[];
	merged?: string[];
}

/**
 * What a migration does, enough to undo it byte for byte: every move in the order made, and every
 * edited file's whole text before and after (paths after the moves). Written as JSON to
 * `<specs root>/.spec-workflow/migrations/<time>.json`, a hidden folder no spec is looked for in —
 * ahead of the first change (`"state": "applying"`), and closed (`"finished"`) once every step is done
 * (docs/migration.md, "If a migration is interrupted").
 */
export interface MigrationLog {
	/** 2 since the log is written ahead; version 1 logs (written at the end, always finished) still revert. */
	version: 1 | 2;
	/** Local time the migration was applied, `YYYY-MM-DDTHH:MM:SS`. */
	applied: string;
	specsRoot: string;
	/** False while the migration runs (`"state": "applying"` in the file): some steps may not have happened, and a revert or resume checks each file. */
	finished: boolean;
	moves: { from: string; to: string }[];
	edits: LoggedEdit[];
}

export const LOG_VERSION = 2;

/**
 * One line of the steps file kept beside an unfinished log: a move or edit done (its index in the
 * log), the text an edit is about to write when it is not the planned one (the plugin keeping
 * Obsidian's own link updates), or a file Obsidian changed on its own that a revert must restore.
 */
export type StepMark = { move: number } | { edit: number; after?: string } | { watched: LoggedEdit };

/**
 * Where a running migration keeps its log. Each shell writes it its own way (the CLI with fsync,
 * the plugin through the vault adapter); the core only says when.
 */
export interface MigrationJournal {
	/** Writes the whole plan, atomically, before the first change; when it fails nothing has changed. */
	begin(log: MigrationLog): Promise<void>;
	/** Records a step; an edit's unplanned text is recorded before the file is written. */
	step(mark: StepMark): Promise<void>;
	/** Closes the log, atomically: `finished`, with the texts the steps recorded. */
	finish(log: MigrationLog): Promise<void>;
	/** Removes the log: the migration was undone. */
	discard(): Promise<void>;
}

export const MIGRATIONS_FOLDER = '.spec-workflow/migrations';

export function migrationsFolder(specsRoot: string): string {
	return joinPath(specsRoot, MIGRATIONS_FOLDER);
}

/** `<specs root>/.spec-workflow/migrations/2025-08-28-100000.json` for the given local time (no `:`, which Obsidian forbids in names). */
export function migrationLogPath(specsRoot: string, when: Date): string {
	return joinPath(migrationsFolder(specsRoot), `${stamp(when).replace('T', '-').replace(/:/g, '')}.json`);
}

/** The steps file beside a log: `2025-08-28-100000.steps` (not `.json`, so never taken for a log). */
export function stepsPath(logPath: string): string {
	return logPath.replace(/\.json$/, '') + '.steps';
}

export function localStamp(when: Date): string {
	return stamp(when);
}

function stamp(d: Date): string {
	const p = (n: number): string => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * As JSON, `state` near the top: "applying" and "finished" are of one length, so a shell can close
 * a log by overwriting those bytes in place instead of writing megabytes again (LOG_STATE_AT).
 */
export function serializeMigrationLog(log: MigrationLog): string {
	const { version: _version, finished, ...rest } = log;
	return JSON.stringify({ version: LOG_VERSION, state: finished ? 'finished' : 'applying', ...rest }, null, '\t') + '\n';
}

/** Where the state's value starts in a serialized log, and the bytes that close it. */
export const LOG_STATE_AT = '{\n\t"version": 2,\n\t"state": "'.length;
export const FINISHED_STATE = 'finished';

export function serializeStep(mark: StepMark): string {
	return JSON.stringify(mark) + '\n';
}

/** Reads a log back, checking its shape; a damaged or foreign file is a clear error, never a partial revert. */
export function parseMigrationLog(text: string, path: string): MigrationLog {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new WorkflowError('bad-log', `${path} is not a migration log (not valid JSON)`, path);
	}
	const log = data as (Partial<Omit<MigrationLog, 'version' | 'finished'>> & { version?: unknown; state?: unknown }) | null;
	const isPair = (m: unknown): boolean =>
		typeof m === 'object' && m !== null && typeof (m as { from?: unknown }).from === 'string' && typeof (m as { to?: unknown }).to === 'string';
	if (!log || (log.version !== 1 && log.version !== 2) || !Array.isArray(log.moves) || !Array.isArray(log.edits) || !log.moves.every(isPair) || !log.edits.every(isEdit)) {
		throw new WorkflowError('bad-log', `${path} is not a migration log this version can revert`, path);
	}
	return {
		version: log.version,
		applied: String(log.applied ?? ''),
		specsRoot: String(log.specsRoot ?? ''),
		// A version 1 log was written once the migration was done.
		finished: log.version === 1 || log.state === 'finished',
		moves: log.moves,
		edits: log.edits.map(withLinks),
	};
}

function isEdit(e: unknown): e is LoggedEdit {
	const x = e as { path?: unknown; before?: unknown; after?: unknown } | null;
	return typeof x === 'object' && x !== null && typeof x.path === 'string' && typeof x.before === 'string' && typeof x.after === 'string';
}

function withLinks(e: LoggedEdit): LoggedEdit {
	return { ...e, links: Array.isArray(e.links) ? e.links : [] };
}

/**
 * An unfinished log with its steps file read in: the texts recorded for edits that do not write the
 * planned one, and the files changed on their own. A last line cut short by a crash is ignored
 * (it recorded nothing the files do not show).
 */
export function withSteps(log: MigrationLog, stepsText: string): MigrationLog {
	const edits = log.edits.map((e) => ({ ...e }));
	for (const line of stepsText.split('\n')) {
		if (line.trim() === '') continue;
		let mark: unknown;
		try {
			mark = JSON.parse(line);
		} catch {
			continue;
		}
		const m = mark as { edit?: unknown; after?: unknown; watched?: unknown };
		if (typeof m.edit === 'number' && typeof m.after === 'string' && edits[m.edit]) edits[m.edit].after = m.after;
		else if (isEdit(m.watched)) edits.push(withLinks(m.watched));
	}
	return { ...log, edits };
}

/** The newest log among file names in the migrations folder (names sort by time), or null. */
export function latestLog(paths: string[]): string | null {
	const logs = paths.filter((p) => p.endsWith('.json')).sort();
	return logs.length === 0 ? null : logs[logs.length - 1];
}
