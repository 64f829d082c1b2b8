import { dirname } from '../files/paths';
import type { Workspace } from '../workspace/workspace';
import { WorkflowError } from '../workspace/workflow-error';
import { applyMigration, resumeMigration } from './apply-migration';
import { newestLogPath, removeEmptyFolders, type MigrationHost, type MigrationLogStore } from './migration-host';
import { readMigrationInput } from './migration-input';
import { migrationLogPath, type MigrationLog } from './migration-log';
import { planMigration } from './migration-plan';
import { blockingProblems, planIsEmpty, type MigrationPlan, type VaultTexts } from './migration-types';

/** A plan and the texts it was made from (old paths), which the plugin watches for Obsidian's own changes. */
export interface PlannedMigration {
	plan: MigrationPlan;
	files: VaultTexts;
}

export interface MigrateInput {
	/** Carry it out (or finish an interrupted one); otherwise only plan. */
	apply?: boolean;
	/** A plan already shown (the plugin's modal): applied as shown, refused if a file changed since. Without it the vault is planned now. */
	planned?: PlannedMigration;
}

/** A migration by its log: the log's path, and the log as read (with its steps while unfinished). */
export interface LoggedMigration {
	logPath: string;
	log: MigrationLog;
}

export type MigrateResult =
	/** An interrupted migration waits to be finished or undone; nothing was planned. */
	| ({ outcome: 'unfinished' } & LoggedMigration)
	/** Only planned, nothing changed: a dry run, a plan with nothing to do, or one an error blocks. */
	| ({ outcome: 'planned'; blocked: boolean; apply: boolean } & PlannedMigration)
	| { outcome: 'applied'; plan: MigrationPlan; logPath: string; log: MigrationLog }
	| ({ outcome: 'resumed' } & LoggedMigration);

/** A resume that failed: the log is kept, to revert or resume again. `reason` is what stopped it. */
export class ResumeFailed extends WorkflowError {
	constructor(
		readonly logPath: string,
		readonly reason: WorkflowError,
	) {
		super(
			reason.code,
			`Could not finish the interrupted migration ${logPath}: ${reason.message}`,
			reason.path,
			'undo it with: spec-work migrate --revert last, or fix that and run spec-work migrate --apply again',
		);
		this.name = 'ResumeFailed';
	}
}

/**
 * The migrate operation: an interrupted migration is finished (apply) or reported before any new
 * plan, since the vault is half moved; otherwise the vault is planned, and with apply carried out,
 * its log written ahead of the first change (docs/migration.md).
 */
export async function runMigrate(ws: Workspace, input: MigrateInput, host: MigrationHost): Promise<MigrateResult> {
	const apply = input.apply === true;
	// A plan given was made after this check, by the same call that showed it.
	const unfinished = input.planned ? null : await unfinishedMigration(host.logs, ws.settings.specsRoot);
	if (unfinished !== null) return apply ? resume(ws, unfinished, host) : { outcome: 'unfinished', ...unfinished };
	const planned = input.planned ?? (await planNow(ws));
	const blocked = blockingProblems(planned.plan).length > 0;
	if (!apply || blocked || planIsEmpty(planned.plan)) return { outcome: 'planned', ...planned, blocked, apply };
	return applyPlan(ws, planned, host);
}

async function planNow(ws: Workspace): Promise<PlannedMigration> {
	const input = await readMigrationInput(ws.store, ws.settings.specsRoot, (p) => ws.index.isIgnored(p));
	// Links the migration adds (a spec to its new context, a session to its kept journal) follow the vault's style.
	return { plan: planMigration({ ...input, linkStyle: ws.settings.linkStyle }), files: input.files };
}

async function applyPlan(ws: Workspace, { plan, files }: PlannedMigration, host: MigrationHost): Promise<MigrateResult> {
	const specsRoot = ws.settings.specsRoot;
	const logPath = await freeLogPath(host.logs, specsRoot, ws.now());
	let log: MigrationLog;
	try {
		log = await applyMigration(ws.store, plan, {
			now: ws.now,
			journal: host.logs.journal(logPath, false),
			onProgress: host.onProgress,
			reconcile: host.reconcile,
			...(host.watchChanges ? { watch: files } : {}),
		});
	} catch (e) {
		// Undone (its log removed): the folders the moves and the log made go too, so the tree is as it was.
		if (!(await host.logs.exists(logPath))) await tidy(host, [...plan.moves.map((m) => dirname(m.to)), dirname(logPath)], specsRoot);
		throw e;
	}
	await tidy(
		host,
		plan.moves.map((m) => dirname(m.from)),
		specsRoot,
	);
	return { outcome: 'applied', plan, logPath, log };
}

/** After an interruption: the steps not done yet, from the log, not a new plan (the vault is half moved). */
async function resume(ws: Workspace, { logPath, log }: LoggedMigration, host: MigrationHost): Promise<MigrateResult> {
	let done: MigrationLog;
	try {
		done = await resumeMigration(ws.store, log, { now: ws.now, journal: host.logs.journal(logPath, true), onProgress: host.onProgress, reconcile: host.reconcile });
	} catch (e) {
		if (!(e instanceof WorkflowError)) throw e;
		throw new ResumeFailed(logPath, e);
	}
	await tidy(
		host,
		log.moves.map((m) => dirname(m.from)),
		ws.settings.specsRoot,
	);
	return { outcome: 'resumed', logPath, log: done };
}

/** Empty folders left behind are harmless: the migration itself is complete (or undone) whatever removing them does. */
async function tidy(host: MigrationHost, folders: string[], specsRoot: string): Promise<void> {
	try {
		await removeEmptyFolders(host.logs, folders, specsRoot);
	} catch {
		// Left as they are.
	}
}

/** The newest log, or null when there is none; a log that cannot be read is an error. */
export async function latestMigration(logs: MigrationLogStore, specsRoot: string): Promise<LoggedMigration | null> {
	const logPath = await newestLogPath(logs, specsRoot);
	return logPath === null ? null : { logPath, log: await logs.read(logPath) };
}

/** The newest log, when it says its migration was interrupted; a log that cannot be read is left to revert to report. */
export async function unfinishedMigration(logs: MigrationLogStore, specsRoot: string): Promise<LoggedMigration | null> {
	const logPath = await newestLogPath(logs, specsRoot);
	if (logPath === null) return null;
	try {
		if (!(await logs.isApplying(logPath))) return null;
		const log = await logs.read(logPath);
		return log.finished ? null : { logPath, log };
	} catch {
		return null;
	}
}

/** The log's path for now, not taken by an earlier log. */
async function freeLogPath(logs: MigrationLogStore, specsRoot: string, when: Date): Promise<string> {
	const base = migrationLogPath(specsRoot, when);
	let path = base;
	for (let n = 2; await logs.exists(path); n++) path = base.replace(/\.json$/, `-${n}.json`);
	return path;
}
