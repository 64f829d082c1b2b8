import { existsSync, readdirSync, rmdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import { dirname, isUnder } from '../core/files/paths';
import { applyMigration, resumeMigration } from '../core/migration/apply-migration';
import { formatMigrationPlan, planIsEmpty, planJson } from '../core/migration/format-migration';
import { readMigrationInput } from '../core/migration/migration-input';
import { latestLog, migrationLogPath, migrationsFolder, type MigrationLog } from '../core/migration/migration-log';
import { planMigration } from '../core/migration/migration-plan';
import { blockingProblems } from '../core/migration/migration-types';
import { revertMigration } from '../core/migration/revert-migration';
import { WorkflowError } from '../core/workspace/workflow-error';
import { UsageError } from './args';
import { crashHook, isApplying, MigrationLogFile, readLogFile, removeLog } from './migration-log-file';
import type { NodeWorkspace } from './open-workspace';
import { MIGRATE, MigrationHost, REVERT } from '../core/operations/migrate';
import { Verb, VerbResult, verbInput } from './verb-adapter';

/** The migration as the Node shell carries it out: the journal on disk, and the folders it empties removed. */
const NODE_MIGRATION: MigrationHost = {
	migrate: (ws, apply) => migrateVerb(ws as NodeWorkspace, apply),
	revert: (ws, log) => revertVerb(ws as NodeWorkspace, log),
};

/** `spec-work migrate`: the dry run, `--apply` and `--revert <log>` (docs/migration.md). */
export const MIGRATE_VERBS: Record<string, Verb> = {
	migrate: {
		usage: 'migrate [--apply] | migrate --revert <log|last>',
		help: 'Moves specs from older layouts ({id}-{type}-{slug}/ folders, flat {id}-{type}-{slug}.spec.md files, 1000/1000.spec.md, journals kept apart) to the new one (specs/{epic}/epic.md, {epic}/{feature}/spec.md, {feature}/{task}.spec.md, each with its context), rewriting every link to a moved file. Without --apply it is a dry run printing every move, link rewrite and problem (exit 1 when a problem blocks it). --apply carries it out, writing its log to <specs root>/.spec-workflow/migrations/ before the first change, and finishes a migration that was interrupted; --revert <log> (or "last") undoes it, finished or interrupted, byte for byte.',
		operations: [MIGRATE, REVERT],
		pick: (args) => (args.options.has('revert') ? REVERT : MIGRATE),
		positionals: [],
		cli: { rename: { log: 'revert' } },
		async run(ws, args) {
			if (args.options.has('revert')) {
				if (args.options.has('apply')) throw new UsageError('use either --apply or --revert, not both');
				return REVERT.run(ws, verbInput(this, REVERT, args), NODE_MIGRATION);
			}
			return MIGRATE.run(ws, verbInput(this, MIGRATE, args), NODE_MIGRATION);
		},
	},
};

async function migrateVerb(ws: NodeWorkspace, apply: boolean): Promise<VerbResult> {
	const specsRoot = ws.settings.specsRoot;
	const unfinished = unfinishedLog(ws);
	if (unfinished !== null) return apply ? resumeVerb(ws, unfinished.path, unfinished.log) : unfinishedNotice(unfinished.path);
	// Links the migration adds (a spec to its new context, a session to its kept journal) follow the vault's style.
	const plan = planMigration({ ...(await readMigrationInput(ws.store, specsRoot, (p) => ws.index.isIgnored(p))), linkStyle: ws.settings.linkStyle });
	const text = formatMigrationPlan(plan);
	const blocked = blockingProblems(plan).length > 0;
	if (!apply || blocked || planIsEmpty(plan)) {
		const tail = planIsEmpty(plan) && !blocked ? '' : blocked ? `\n\n${apply ? 'Not applied' : 'Dry run'}: fix the errors above first; nothing was changed.` : '\n\nDry run: nothing was changed. Apply with: spec-work migrate --apply';
		return { json: { ...(planJson(plan) as object), applied: false }, text: text + tail, exitCode: blocked ? 1 : 0 };
	}
	// The log is written ahead of the first change (docs/migration.md, "If a migration is interrupted").
	const logPath = await freeLogPath(ws);
	let log: MigrationLog;
	try {
		log = await applyMigration(ws.store, plan, { now: ws.now, journal: new MigrationLogFile(ws.vaultPath, logPath, crashHook(process.env)) });
	} catch (e) {
		// Undone (its log removed): the folders the moves and the log made go too, so the tree is as it was.
		if (!existsSync(nodePath.join(ws.vaultPath, logPath))) {
			removeEmptyFolders(ws.vaultPath, [...plan.moves.map((m) => dirname(m.to)), dirname(logPath)], specsRoot);
		}
		throw e;
	}
	removeEmptyFolders(ws.vaultPath, plan.moves.map((m) => dirname(m.from)), specsRoot);
	return {
		json: { ...(planJson(plan) as object), applied: true, log: logPath },
		text: `${text}\n\n${appliedLines(log, logPath)}`,
	};
}

function appliedLines(log: MigrationLog, logPath: string): string {
	return `Applied: moved ${log.moves.length} file${log.moves.length === 1 ? '' : 's'}, edited ${log.edits.length}.\nLog: ${logPath} (undo with: spec-work migrate --revert ${logPath})`;
}

/** The newest log, when it says its migration was interrupted; a log that cannot be read is left to --revert to report. */
function unfinishedLog(ws: NodeWorkspace): { path: string; log: MigrationLog } | null {
	const folder = migrationsFolder(ws.settings.specsRoot);
	const abs = nodePath.join(ws.vaultPath, folder);
	const latest = existsSync(abs) ? latestLog(readdirSync(abs)) : null;
	if (latest === null) return null;
	const path = `${folder}/${latest}`;
	try {
		if (!isApplying(ws.vaultPath, path)) return null;
		const log = readLogFile(ws.vaultPath, path);
		return log.finished ? null : { path, log };
	} catch {
		return null;
	}
}

function unfinishedNotice(logPath: string): VerbResult {
	return {
		json: { unfinished: logPath, applied: false },
		text: `An interrupted migration is unfinished (${logPath}): finish it with: spec-work migrate --apply, or undo it with: spec-work migrate --revert last`,
		exitCode: 1,
	};
}

/** `--apply` after an interruption: the steps not done yet, from the log, not a new plan (the vault is half moved). */
async function resumeVerb(ws: NodeWorkspace, logPath: string, log: MigrationLog): Promise<VerbResult> {
	const journal = new MigrationLogFile(ws.vaultPath, logPath, crashHook(process.env));
	journal.reopen();
	let done: MigrationLog;
	try {
		done = await resumeMigration(ws.store, log, { now: ws.now, journal });
	} catch (e) {
		if (!(e instanceof WorkflowError)) throw e;
		throw new WorkflowError(e.code, `Could not finish the interrupted migration ${logPath}: ${e.message}`, e.path, 'undo it with: spec-work migrate --revert last, or fix that and run spec-work migrate --apply again');
	}
	removeEmptyFolders(ws.vaultPath, log.moves.map((m) => dirname(m.from)), ws.settings.specsRoot);
	return {
		json: { resumed: logPath, applied: true, log: logPath },
		text: `Finishing the interrupted migration ${logPath}.\n${appliedLines(done, logPath)}`,
	};
}

async function revertVerb(ws: NodeWorkspace, which: string): Promise<VerbResult> {
	const specsRoot = ws.settings.specsRoot;
	const logPath = findLog(ws, which);
	let log: MigrationLog;
	try {
		log = readLogFile(ws.vaultPath, logPath);
	} catch (e) {
		if (e instanceof WorkflowError) throw e;
		throw new WorkflowError('no-log', `Cannot read the migration log ${logPath}`);
	}
	const r = await revertMigration(ws.store, log);
	// The migration made the new folders and the log: gone again, the tree is as it was.
	removeEmptyFolders(ws.vaultPath, log.moves.map((m) => dirname(m.to)), specsRoot);
	removeLog(ws.vaultPath, logPath);
	removeEmptyFolders(ws.vaultPath, [dirname(logPath)], specsRoot);
	return {
		json: { reverted: logPath, restored: r.restored, moved: r.moved },
		text: `Reverted ${log.finished ? '' : 'the interrupted migration '}${logPath}: moved ${r.moved} file${r.moved === 1 ? '' : 's'} back, restored ${r.restored.length}.`,
	};
}

/** `last`, a path from the working directory or the vault, or a log's file name in the migrations folder. */
function findLog(ws: NodeWorkspace, which: string): string {
	const folder = migrationsFolder(ws.settings.specsRoot);
	if (which === 'last') {
		const abs = nodePath.join(ws.vaultPath, folder);
		const names = existsSync(abs) ? readdirSync(abs) : [];
		const latest = latestLog(names);
		if (latest === null) throw new WorkflowError('no-log', `No migration log in ${folder}/ to revert`);
		return `${folder}/${latest}`;
	}
	const candidates = [nodePath.resolve(which), nodePath.join(ws.vaultPath, which), nodePath.join(ws.vaultPath, folder, which)];
	for (const c of candidates) {
		const rel = nodePath.relative(ws.vaultPath, c);
		if (existsSync(c) && !rel.startsWith('..') && !nodePath.isAbsolute(rel)) return rel.split(nodePath.sep).join('/');
	}
	throw new WorkflowError('no-log', `No migration log at ${which} (give a file in ${folder}/, or "last")`);
}

/** The log's path for now, not taken by an earlier log. */
async function freeLogPath(ws: NodeWorkspace): Promise<string> {
	const base = migrationLogPath(ws.settings.specsRoot, ws.now());
	let path = base;
	// A path that cannot be looked at (a file where the folder goes) is left for writing the log to report.
	const taken = (p: string): Promise<boolean> => ws.store.exists(p).catch(() => false);
	for (let n = 2; await taken(path); n++) path = base.replace(/\.json$/, `-${n}.json`);
	return path;
}

/** Removes the folders left empty, and their empty parents, up to (not including) the specs root. */
function removeEmptyFolders(vaultPath: string, folders: string[], specsRoot: string): void {
	const deepestFirst = [...new Set(folders)].sort((a, b) => b.split('/').length - a.split('/').length);
	for (const start of deepestFirst) {
		for (let folder = start; folder !== '' && folder !== specsRoot && isUnder(folder, specsRoot); folder = dirname(folder)) {
			const abs = nodePath.join(vaultPath, folder);
			try {
				if (readdirSync(abs).length > 0) break;
				rmdirSync(abs);
			} catch {
				break;
			}
		}
	}
}
