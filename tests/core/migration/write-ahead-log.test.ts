import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration, resumeMigration } from '../../../src/core/migration/apply-migration';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import {
	parseMigrationLog,
	serializeMigrationLog,
	serializeStep,
	withSteps,
	type MigrationJournal,
	type MigrationLog,
	type StepMark,
} from '../../../src/core/migration/migration-log';
import { planMigration } from '../../../src/core/migration/migration-plan';
import { revertMigration } from '../../../src/core/migration/revert-migration';
import { OLD_VAULT } from './old-vault-fixture';

const now = (): Date => new Date('2025-08-28T10:00:00');

/** A journal that keeps what it was given, and the vault as it was when the plan was written. */
class Recorder implements MigrationJournal {
	plan: string | null = null;
	vaultAtPlan: Record<string, string> | null = null;
	steps = '';
	closed: string | null = null;
	constructor(private readonly store: MemoryFileStore) {}
	begin(log: MigrationLog): Promise<void> {
		this.plan = serializeMigrationLog(log);
		this.vaultAtPlan = this.store.snapshot();
		return Promise.resolve();
	}
	step(mark: StepMark): Promise<void> {
		this.steps += serializeStep(mark);
		return Promise.resolve();
	}
	finish(log: MigrationLog): Promise<void> {
		this.closed = serializeMigrationLog(log);
		return Promise.resolve();
	}
	discard(): Promise<void> {
		this.plan = null;
		return Promise.resolve();
	}
}

/**
 * The vault as a crash after `n` steps leaves it (those steps done, nothing undone), with the log
 * written ahead, and the vault and closed log of the same migration uninterrupted.
 */
async function crashedAfter(n: number): Promise<{ store: MemoryFileStore; log: MigrationLog; full: Record<string, string>; closed: string }> {
	const whole = new MemoryFileStore(OLD_VAULT);
	const journal = new Recorder(whole);
	await applyMigration(whole, planMigration(await readMigrationInput(whole, 'specs')), { now, journal });
	const log = parseMigrationLog(journal.plan ?? '', 'log.json');
	const store = new MemoryFileStore(OLD_VAULT);
	for (const m of log.moves.slice(0, n)) await store.rename(m.from, m.to);
	for (const e of log.edits.slice(0, Math.max(0, n - log.moves.length))) await store.process(e.path, () => e.after);
	return { store, log, full: whole.snapshot(), closed: journal.closed ?? '' };
}

describe('the migration log written ahead', () => {
	test('the whole plan is written, unfinished, before the vault changes at all; closed at the end with every step recorded', async () => {
		const store = new MemoryFileStore(OLD_VAULT);
		const journal = new Recorder(store);
		const log = await applyMigration(store, planMigration(await readMigrationInput(store, 'specs')), { now, journal });
		expect(journal.vaultAtPlan).toEqual(new MemoryFileStore(OLD_VAULT).snapshot());
		const plan = parseMigrationLog(journal.plan ?? '', 'log.json');
		expect(plan.finished).toBe(false);
		expect(journal.plan).toContain('\t"state": "applying",\n');
		expect(plan.moves).toEqual(log.moves);
		expect(plan.edits).toEqual(log.edits);
		expect(journal.steps.split('\n').filter(Boolean)).toHaveLength(log.moves.length + log.edits.length);
		expect(parseMigrationLog(journal.closed ?? '', 'log.json').finished).toBe(true);
	});

	test.each([0, 1, 10, 21, 30, 37])('after %i steps, a revert gives back every byte and a resume makes the uninterrupted vault and log', async (n) => {
		const { store, log, full, closed } = await crashedAfter(n);
		const crashed = store.snapshot();
		await revertMigration(store, log);
		expect(store.snapshot()).toEqual(new MemoryFileStore(OLD_VAULT).snapshot());

		const again = new MemoryFileStore(crashed);
		const finished = await resumeMigration(again, log, { now });
		expect(again.snapshot()).toEqual(full);
		expect(serializeMigrationLog(finished)).toBe(closed);
	});

	test('a revert refuses, changing nothing, a file an interrupted migration never reached that was edited since', async () => {
		const { store, log } = await crashedAfter(3);
		const untouched = log.edits.find((e) => !log.moves.some((m) => m.to === e.path));
		if (!untouched) throw new Error('no edit in place');
		store.put(untouched.path, 'Someone wrote here.\n');
		const snapshot = store.snapshot();
		await expect(revertMigration(store, log)).rejects.toThrow(`${untouched.path} was edited after the migration; reverting would lose that edit, so nothing was reverted`);
		expect(store.snapshot()).toEqual(snapshot);
	});

	test('the steps file: texts an edit wrote instead of the planned one, and files changed on their own; a line cut short by a crash is ignored', () => {
		const log: MigrationLog = {
			version: 2,
			applied: '2025-08-28T10:00:00',
			specsRoot: 'specs',
			finished: false,
			moves: [],
			edits: [{ path: 'a.md', before: 'A', after: 'B', links: [] }],
		};
		const steps =
			serializeStep({ edit: 0, after: 'C' }) +
			serializeStep({ edit: 0 }) +
			serializeStep({ watched: { path: 'b.md', before: 'x', after: 'y', links: [] } }) +
			'{"watched":{"path":"c.md","bef';
		expect(withSteps(log, steps).edits).toEqual([
			{ path: 'a.md', before: 'A', after: 'C', links: [] },
			{ path: 'b.md', before: 'x', after: 'y', links: [] },
		]);
	});

	test('a version 1 log (written once done) reads as finished', () => {
		const v1 = JSON.stringify({ version: 1, applied: '2025-08-28T10:00:00', specsRoot: 'specs', moves: [{ from: 'a.md', to: 'b.md' }], edits: [] });
		expect(parseMigrationLog(v1, 'old.json')).toMatchObject({ version: 1, finished: true, moves: [{ from: 'a.md', to: 'b.md' }] });
	});
});
