import { joinPath } from '../files/paths';
import { WorkflowError } from '../workflow/workflow-error';
import type { LinkChange } from './migration-types';

/**
 * What a migration did, enough to undo it byte for byte: every move in the order made, and every
 * edited file's whole text before and after (paths after the moves). Written as JSON to
 * `<specs root>/.spec-workflow/migrations/<time>.json`, a hidden folder no spec is looked for in.
 */
export interface MigrationLog {
	version: 1;
	/** Local time the migration was applied, `YYYY-MM-DDTHH:MM:SS`. */
	applied: string;
	specsRoot: string;
	moves: { from: string; to: string }[];
	edits: { path: string; before: string; after: string; links: LinkChange[]; merged?: string[] }[];
}

export const MIGRATIONS_FOLDER = '.spec-workflow/migrations';

export function migrationsFolder(specsRoot: string): string {
	return joinPath(specsRoot, MIGRATIONS_FOLDER);
}

/** `<specs root>/.spec-workflow/migrations/2025-08-28-100000.json` for the given local time (no `:`, which Obsidian forbids in names). */
export function migrationLogPath(specsRoot: string, when: Date): string {
	return joinPath(migrationsFolder(specsRoot), `${stamp(when).replace('T', '-').replace(/:/g, '')}.json`);
}

export function localStamp(when: Date): string {
	return stamp(when);
}

function stamp(d: Date): string {
	const p = (n: number): string => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function serializeMigrationLog(log: MigrationLog): string {
	return JSON.stringify(log, null, '\t') + '\n';
}

/** Reads a log back, checking its shape; a damaged or foreign file is a clear error, never a partial revert. */
export function parseMigrationLog(text: string, path: string): MigrationLog {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new WorkflowError('bad-log', `${path} is not a migration log (not valid JSON)`, path);
	}
	const log = data as Partial<MigrationLog> | null;
	const isPair = (m: unknown): boolean => typeof m === 'object' && m !== null && typeof (m as { from?: unknown }).from === 'string' && typeof (m as { to?: unknown }).to === 'string';
	const isEdit = (e: unknown): boolean => {
		const x = e as { path?: unknown; before?: unknown; after?: unknown } | null;
		return typeof x === 'object' && x !== null && typeof x.path === 'string' && typeof x.before === 'string' && typeof x.after === 'string';
	};
	if (!log || log.version !== 1 || !Array.isArray(log.moves) || !Array.isArray(log.edits) || !log.moves.every(isPair) || !log.edits.every(isEdit)) {
		throw new WorkflowError('bad-log', `${path} is not a migration log this version can revert`, path);
	}
	return { version: 1, applied: String(log.applied ?? ''), specsRoot: String(log.specsRoot ?? ''), moves: log.moves, edits: log.edits.map((e) => ({ ...e, links: Array.isArray(e.links) ? e.links : [] })) };
}

/** The newest log among file names in the migrations folder (names sort by time), or null. */
export function latestLog(paths: string[]): string | null {
	const logs = paths.filter((p) => p.endsWith('.json')).sort();
	return logs.length === 0 ? null : logs[logs.length - 1];
}
