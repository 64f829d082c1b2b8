import type { MigrationHost } from '../migration/migration-host';
import { runMigrate, type MigrateInput, type MigrateResult } from '../migration/run-migration';
import { runRevert, type RevertInput, type RevertOutcome } from '../migration/run-revert';
import { Operation } from './operation';

export const MIGRATE: Operation<MigrateInput, MigrateResult, MigrationHost> = {
	name: 'migrate',
	summary: 'Move specs from older layouts to the new one, rewriting links (a dry run unless apply)',
	writes: (input) => input.apply === true,
	input: [{ name: 'apply', kind: 'flag', summary: 'Carry it out (or finish an interrupted one), logging each step first' }],
	run: (ws, input, host) => runMigrate(ws, input, host),
};

export const REVERT: Operation<RevertInput, RevertOutcome, MigrationHost> = {
	name: 'revert',
	summary: 'Undo a migration, finished or interrupted, byte for byte',
	writes: true,
	input: [{ name: 'log', kind: 'text', required: true, summary: 'The migration log, or "last"' }],
	run: (ws, input, host) => runRevert(ws, input, host),
};
