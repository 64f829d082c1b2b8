import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { migrationLogPath, parseMigrationLog, serializeMigrationLog } from '../../../src/core/migration/migration-log';
import { planMigration } from '../../../src/core/migration/migration-plan';
import { revertMigration } from '../../../src/core/migration/revert-migration';
import { validate } from '../../../src/core/validate/validate';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { expectMigrationHolds, expectOnlyLinesAdded } from './migration-checks';
import { ADDED, EXCEPT } from './old-vault-fixture';
import { OLD_VAULT } from './old-vault-fixture';

const now = (): Date => new Date('2025-08-28T10:00:00');

async function planFor(store: MemoryFileStore) {
	return planMigration(await readMigrationInput(store, 'specs'));
}

async function errorsIn(files: Record<string, string>): Promise<string[]> {
	const ws = await memoryWorkspace(files);
	return (await validate(ws)).problems.filter((p) => p.severity === 'error').map((p) => p.message);
}

describe('apply', () => {
	test('same files, same texts but for link targets, every link still finds its file; validate stays clean', async () => {
		const store = new MemoryFileStore(OLD_VAULT);
		const plan = await planFor(store);
		const log = await applyMigration(store, plan, { now });
		const after = store.snapshot();
		const moves = new Map(log.moves.map((m) => [m.from, m.to] as const));
		expectMigrationHolds(OLD_VAULT, after, moves, [...EXCEPT, ...ADDED]);
		for (const path of ADDED) expectOnlyLinesAdded(path, OLD_VAULT[path], after[moves.get(path) ?? path]);
		expect(await errorsIn(OLD_VAULT)).toEqual([]);
		expect(await errorsIn(after)).toEqual([]);
		// The merged context keeps all it had, then the journal's session.
		const merged = after['specs/1000/1001/1014.context.md'];
		expect(merged).toContain('### Session 2: 2025-08-27 - Benchmarks');
		// The workflow reads the migrated specs: parents and contexts by the new layout.
		const ws = await memoryWorkspace(after);
		const task = ws.index.lookup('1014')[0];
		expect(ws.index.parentOf(task)?.path).toBe('specs/1000/1001/spec.md');
		expect(ws.index.contextPathOf(task)).toBe('specs/1000/1001/1014.context.md');
		expect(ws.index.parentOf(ws.index.lookup('12011')[0])?.path).toBe('specs/12000/12001/spec.md');
	});

	test('migrating again finds nothing to do', async () => {
		const store = new MemoryFileStore(OLD_VAULT);
		await applyMigration(store, await planFor(store), { now });
		const again = await planFor(store);
		expect({ moves: again.moves, edits: again.edits }).toEqual({ moves: [], edits: [] });
	});

	test('the example vault (new layout) is left as it is', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		const plan = await planFor(new MemoryFileStore(files));
		expect({ moves: plan.moves, edits: plan.edits, errors: plan.problems.filter((p) => p.severity === 'error') }).toEqual({ moves: [], edits: [], errors: [] });
	});

	test('a blocking problem refuses to apply and changes nothing', async () => {
		const files = { ...OLD_VAULT, 'specs/misc/2101-task-orphan.spec.md': '# Orphan\n' };
		const store = new MemoryFileStore(files);
		await expect(applyMigration(store, await planFor(store), { now })).rejects.toThrow(/cannot be applied: 1 problem/);
		expect(store.snapshot()).toEqual(new MemoryFileStore(files).snapshot());
	});

	test('a file edited after planning refuses to apply and changes nothing', async () => {
		const store = new MemoryFileStore(OLD_VAULT);
		const plan = await planFor(store);
		store.put('notes/overview.md', 'changed meanwhile\n');
		const snapshot = store.snapshot();
		await expect(applyMigration(store, plan, { now })).rejects.toThrow('notes/overview.md changed since the migration was planned; nothing was changed');
		expect(store.snapshot()).toEqual(snapshot);
	});

	test('a failure half way undoes what was done', async () => {
		const store = new MemoryFileStore(OLD_VAULT);
		const plan = await planFor(store);
		const original = store.snapshot();
		const process = store.process.bind(store);
		let calls = 0;
		store.process = (path, fn) => (++calls === 3 ? Promise.reject(new WorkflowError('io', `${path}: disk full`)) : process(path, fn));
		await expect(applyMigration(store, plan, { now })).rejects.toThrow(/disk full; the migration was undone/);
		store.process = process;
		expect(store.snapshot()).toEqual(original);
	});
});

describe('revert', () => {
	test('gives back the original tree byte for byte, through the JSON log', async () => {
		const store = new MemoryFileStore(OLD_VAULT);
		const log = await applyMigration(store, await planFor(store), { now });
		const text = serializeMigrationLog(log);
		expect(migrationLogPath('specs', now())).toBe('specs/.spec-workflow/migrations/2025-08-28-100000.json');
		const r = await revertMigration(store, parseMigrationLog(text, 'log.json'));
		expect(r.moved).toBe(log.moves.length);
		expect(store.snapshot()).toEqual(new MemoryFileStore(OLD_VAULT).snapshot());
	});

	test('refuses, changing nothing, when a file was edited after the migration', async () => {
		const store = new MemoryFileStore(OLD_VAULT);
		const log = await applyMigration(store, await planFor(store), { now });
		store.put('specs/1000/epic.md', (await store.read('specs/1000/epic.md')) + 'More.\n');
		const snapshot = store.snapshot();
		await expect(revertMigration(store, log)).rejects.toThrow('specs/1000/epic.md was edited after the migration; reverting would lose that edit, so nothing was reverted');
		expect(store.snapshot()).toEqual(snapshot);
	});

	test('refuses a file that is not a migration log', () => {
		expect(() => parseMigrationLog('{"hello": 1}', 'x.json')).toThrow('x.json is not a migration log this version can revert');
		expect(() => parseMigrationLog('nope', 'x.json')).toThrow('x.json is not a migration log (not valid JSON)');
	});
});
