import type { MigrationLogStore } from '../../../src/core/migration/migration-host';
import { CATALOGUE } from '../../../src/core/operations/catalogue';
import { callWrites, type AnyOperation } from '../../../src/core/operations/operation';
import { START } from '../../../src/core/operations/start';
import { VALIDATE } from '../../../src/core/operations/validate';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { failureLine } from '../../../src/core/text/call-text';
import { memoryWorkspace } from '../../helpers/workspace';

const LOG = 'specs/.spec-workflow/migrations/2025-08-28-100000.json';

/** The logs of a migration killed half-way: the newest log still says "applying". */
function interruptedLogs(finished = false): MigrationLogStore {
	const none = (): Promise<never> => Promise.reject(new Error('not used'));
	return {
		logNames: () => Promise.resolve(['2025-08-28-100000.json']),
		isApplying: () => Promise.resolve(!finished),
		read: () => Promise.resolve({ version: 2, finished, moves: [], edits: [] } as never),
		exists: () => Promise.resolve(true),
		locate: none,
		journal: () => {
			throw new Error('not used');
		},
		remove: none,
		removeIfEmpty: none,
	};
}

/** An input that makes the call write: every field given (a flag set, so validate fixes). */
function writingInput(op: AnyOperation): Record<string, unknown> {
	const input: Record<string, unknown> = {};
	for (const f of op.input) input[f.name] = f.kind === 'flag' ? true : f.kind === 'list' ? ['x'] : f.kind === 'choice' ? f.choices?.[0] : f.kind === 'number' ? 1 : '1014';
	return input;
}

describe('writes while a migration is unfinished', () => {
	const writers = CATALOGUE.filter((op) => op.name !== 'migrate' && op.name !== 'revert' && callWrites(op, writingInput(op) as never));

	it.each(writers.map((op) => [op.name, op]))('%s is refused in one line naming the log, and writes nothing', async (_name, op) => {
		const ws = await memoryWorkspace();
		ws.migrationLogs = interruptedLogs();
		const before = ws.store.snapshot();
		const error = await op.run(ws, writingInput(op) as never, undefined as never).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(WorkflowError);
		expect(failureLine(error)).toBe(
			`spec-work: An interrupted migration is unfinished (${LOG}), so nothing was written; finish it with: spec-work migrate --apply, or undo it with: spec-work migrate --revert last`,
		);
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('covers every writing operation but migrate and revert', () => {
		expect(writers.map((op) => op.name).sort()).toEqual(
			[
				'base',
				'commit',
				'contexts',
				'decide',
				'deliver',
				'deliverables',
				'finish',
				'init-agent',
				'log',
				'new',
				'propose',
				'record-commits',
				'review',
				'start',
				'task',
				'validate',
			].sort(),
		);
	});

	it('lets calls that only read run, and writes once the migration is finished', async () => {
		const ws = await memoryWorkspace();
		ws.migrationLogs = interruptedLogs();
		await expect(VALIDATE.run(ws, {}, undefined)).resolves.toHaveProperty('problems');
		ws.migrationLogs = interruptedLogs(true);
		await expect(VALIDATE.run(ws, { fix: true }, undefined)).resolves.toHaveProperty('problems');
		// A write goes through, and lands, once the migration is finished.
		await START.run(ws, { id: '1014', title: 'After the migration' }, undefined);
		expect(await ws.store.read('specs/1000/1001/1014.context.md')).toContain(' - After the migration\n');
	});
});
