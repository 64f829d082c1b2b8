import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { removeEmptyFolders, type MigrationHost, type MigrationLogStore } from '../../../src/core/migration/migration-host';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { parseMigrationLog, serializeMigrationLog, serializeStep, stepsPath, withSteps, type MigrationJournal, type MigrationLog } from '../../../src/core/migration/migration-log';
import { planMigration } from '../../../src/core/migration/migration-plan';
import { ResumeFailed } from '../../../src/core/migration/run-migration';
import { MIGRATE, REVERT } from '../../../src/core/operations/migrate';
import { migrationOutput, revertOutput } from '../../../src/core/text/migration-text';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { memoryWorkspace } from '../../helpers/workspace';
import { OLD_VAULT } from './old-vault-fixture';

const FOLDER = 'specs/.spec-workflow/migrations';
const LOG = `${FOLDER}/2025-08-28-100000.json`;
const now = (): Date => new Date('2025-08-28T10:00:00');

/** The logs kept in memory, as a shell keeps them on its disk: the log, its steps beside it. */
class MemoryLogs implements MigrationLogStore {
	readonly files = new Map<string, string>();
	readonly asked: string[] = [];

	logNames(folder: string): Promise<string[]> {
		return Promise.resolve([...this.files.keys()].filter((p) => p.startsWith(`${folder}/`)).map((p) => p.slice(folder.length + 1)));
	}
	isApplying(path: string): Promise<boolean> {
		return Promise.resolve(this.files.get(path)?.includes('"state": "applying"') ?? false);
	}
	read(path: string): Promise<MigrationLog> {
		const text = this.files.get(path);
		if (text === undefined) return Promise.reject(new Error(`no ${path}`));
		const log = parseMigrationLog(text, path);
		return Promise.resolve(log.finished ? log : withSteps(log, this.files.get(stepsPath(path)) ?? ''));
	}
	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.files.has(path));
	}
	locate(which: string, folder: string): Promise<string | null> {
		return Promise.resolve([which, `${folder}/${which}`].find((p) => this.files.has(p)) ?? null);
	}
	journal(path: string): MigrationJournal {
		const files = this.files;
		return {
			begin: (log) => Promise.resolve(void files.set(path, serializeMigrationLog(log))),
			step: (mark) => Promise.resolve(void files.set(stepsPath(path), (files.get(stepsPath(path)) ?? '') + serializeStep(mark))),
			finish: (log) => {
				files.set(path, serializeMigrationLog(log));
				files.delete(stepsPath(path));
				return Promise.resolve();
			},
			discard: () => this.remove(path),
		};
	}
	remove(path: string): Promise<void> {
		this.files.delete(path);
		this.files.delete(stepsPath(path));
		return Promise.resolve();
	}
	removeIfEmpty(folder: string): Promise<boolean> {
		this.asked.push(folder);
		return Promise.resolve(false);
	}
}

/** The vault and log an uninterrupted migration of OLD_VAULT leaves. */
async function uninterrupted(): Promise<{ vault: Record<string, string>; log: MigrationLog }> {
	const store = new MemoryFileStore(OLD_VAULT);
	const log = await applyMigration(store, planMigration(await readMigrationInput(store, 'specs')), { now });
	return { vault: store.snapshot(), log };
}

/** OLD_VAULT with the first `n` moves of its migration done and its log still "applying", as a kill leaves them. */
async function interrupted(n: number): Promise<{ files: Record<string, string>; logs: MemoryLogs }> {
	const { log } = await uninterrupted();
	const store = new MemoryFileStore(OLD_VAULT);
	for (const m of log.moves.slice(0, n)) await store.rename(m.from, m.to);
	const logs = new MemoryLogs();
	const planned = { ...log, finished: false, edits: log.edits.map((e) => ({ ...e })) };
	logs.files.set(LOG, serializeMigrationLog(planned));
	logs.files.set(
		stepsPath(LOG),
		log.moves
			.slice(0, n)
			.map((_, i) => serializeStep({ move: i }))
			.join(''),
	);
	return { files: store.snapshot(), logs };
}

describe('the migrate operation over a log store', () => {
	it('plans without writing: the dry run the CLI prints', async () => {
		const ws = await memoryWorkspace(OLD_VAULT);
		const logs = new MemoryLogs();
		const r = await MIGRATE.run(ws, {}, { logs });
		expect(r).toMatchObject({ outcome: 'planned', apply: false, blocked: false });
		const out = migrationOutput(r);
		expect(out.text.split('\n')[0]).toBe('Migration of specs/ to the new layout: 12 specs, 21 files to move, 29 links to rewrite in 15 files.');
		expect(out.text.endsWith('\n\nDry run: nothing was changed. Apply with: spec-work migrate --apply')).toBe(true);
		expect(out.exitCode).toBe(0);
		expect(ws.store.snapshot()).toEqual(new MemoryFileStore(OLD_VAULT).snapshot());
		expect(logs.files.size).toBe(0);
	});

	it('applies, logging it finished, and the folders it emptied are offered for removal; revert "last" gives every byte back', async () => {
		const ws = await memoryWorkspace(OLD_VAULT);
		const logs = new MemoryLogs();
		const r = await MIGRATE.run(ws, { apply: true }, { logs });
		const expected = await uninterrupted();
		expect(ws.store.snapshot()).toEqual(expected.vault);
		expect(r).toMatchObject({ outcome: 'applied', logPath: LOG });
		expect(logs.files.get(LOG)).toBe(serializeMigrationLog(expected.log));
		expect(migrationOutput(r).text.split('\n').slice(-2)).toEqual(['Applied: moved 21 files, edited 16.', `Log: ${LOG} (undo with: spec-work migrate --revert ${LOG})`]);
		expect(logs.asked).toContain('specs/1000-epic-foundation/1001-feature-storage');

		const back = await REVERT.run(ws, { log: 'last' }, { logs });
		expect(revertOutput(back).text).toBe(`Reverted ${LOG}: moved 21 files back, restored 16.`);
		expect(ws.store.snapshot()).toEqual(new MemoryFileStore(OLD_VAULT).snapshot());
		expect(logs.files.size).toBe(0);
	});

	it('names the next log after one taken at the same second', async () => {
		const ws = await memoryWorkspace(OLD_VAULT);
		const logs = new MemoryLogs();
		logs.files.set(LOG, serializeMigrationLog({ version: 2, finished: true, applied: '2025-08-28T10:00:00', specsRoot: 'specs', moves: [], edits: [] }));
		const r = await MIGRATE.run(ws, { apply: true }, { logs });
		expect(r).toMatchObject({ outcome: 'applied', logPath: `${FOLDER}/2025-08-28-100000-2.json` });
	});

	it('applies a plan already shown as shown: a file changed since is refused, nothing written, no log kept', async () => {
		const ws = await memoryWorkspace(OLD_VAULT);
		const logs = new MemoryLogs();
		const shown = await MIGRATE.run(ws, {}, { logs });
		if (shown.outcome !== 'planned') throw new Error('no plan');
		await ws.store.process('notes/overview.md', () => 'Edited meanwhile.\n');
		const edited = ws.store.snapshot();
		await expect(MIGRATE.run(ws, { apply: true, planned: shown }, { logs })).rejects.toThrow('notes/overview.md changed since the migration was planned; nothing was changed');
		expect(ws.store.snapshot()).toEqual(edited);
		expect(logs.files.size).toBe(0);
	});

	it('an interrupted migration is reported before any plan, finished by apply as an uninterrupted run, or reverted', async () => {
		const { files, logs } = await interrupted(10);
		const ws = await memoryWorkspace(files);
		const waiting = await MIGRATE.run(ws, {}, { logs });
		expect(migrationOutput(waiting)).toEqual({
			json: { unfinished: LOG, applied: false },
			text: `An interrupted migration is unfinished (${LOG}): finish it with: spec-work migrate --apply, or undo it with: spec-work migrate --revert last`,
			exitCode: 1,
		});
		expect(ws.store.snapshot()).toEqual(files);

		const host: MigrationHost = { logs };
		const done = await MIGRATE.run(ws, { apply: true }, host);
		expect(migrationOutput(done).text).toBe(
			`Finishing the interrupted migration ${LOG}.\nApplied: moved 21 files, edited 16.\nLog: ${LOG} (undo with: spec-work migrate --revert ${LOG})`,
		);
		const expected = await uninterrupted();
		expect(ws.store.snapshot()).toEqual(expected.vault);
		expect(logs.files.get(LOG)).toBe(serializeMigrationLog(expected.log));
		expect(logs.files.has(stepsPath(LOG))).toBe(false);

		const again = await interrupted(10);
		const other = await memoryWorkspace(again.files);
		const undone = await REVERT.run(other, { log: '2025-08-28-100000.json' }, { logs: again.logs });
		expect(revertOutput(undone).text).toBe(`Reverted the interrupted migration ${LOG}: moved 10 files back, restored 0.`);
		expect(other.store.snapshot()).toEqual(new MemoryFileStore(OLD_VAULT).snapshot());
	});

	it('a resume that fails says which log, keeps it, and carries what stopped it', async () => {
		const { files, logs } = await interrupted(10);
		const ws = await memoryWorkspace(files);
		const { log } = await uninterrupted();
		// A file the migration had still to move is gone.
		await ws.store.remove(log.moves[15].from);
		const failure = await MIGRATE.run(ws, { apply: true }, { logs }).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(ResumeFailed);
		const { reason, message, cliHint } = failure as ResumeFailed;
		expect(reason.message).toBe(`${log.moves[15].from} is gone while the migration ran`);
		expect(message).toBe(`Could not finish the interrupted migration ${LOG}: ${reason.message}`);
		expect(cliHint).toBe('undo it with: spec-work migrate --revert last, or fix that and run spec-work migrate --apply again');
		expect(logs.files.has(LOG)).toBe(true);
	});

	it('a revert names what it cannot find', async () => {
		const ws = await memoryWorkspace(OLD_VAULT);
		const logs = new MemoryLogs();
		await expect(REVERT.run(ws, { log: 'last' }, { logs })).rejects.toThrow(new WorkflowError('no-log', `No migration log in ${FOLDER}/ to revert`));
		await expect(REVERT.run(ws, { log: 'old.json' }, { logs })).rejects.toThrow(`No migration log at old.json (give a file in ${FOLDER}/, or "last")`);
		logs.files.set(`${FOLDER}/old.json`, 'not json');
		await expect(REVERT.run(ws, { log: 'old.json' }, { logs })).rejects.toThrow(`${FOLDER}/old.json is not a migration log (not valid JSON)`);
		expect(ws.store.snapshot()).toEqual(new MemoryFileStore(OLD_VAULT).snapshot());
	});
});

describe('removing the folders a migration emptied', () => {
	it('walks up from the deepest, stops at a folder that holds something and at the specs root', async () => {
		const holding = new Set(['specs/a']);
		const removed: string[] = [];
		const logs = new MemoryLogs();
		logs.removeIfEmpty = (folder) => {
			// A folder already removed is not there any more.
			if (holding.has(folder) || removed.includes(folder)) return Promise.resolve(false);
			removed.push(folder);
			return Promise.resolve(true);
		};
		await removeEmptyFolders(logs, ['specs/a/b', 'specs/a/b/c', 'specs/d', 'notes/x', 'specs/a/b'], 'specs');
		expect(removed).toEqual(['specs/a/b/c', 'specs/a/b', 'specs/d']);
	});
});
