import type { Workspace } from '../workspace/workspace';
import { Operation } from './operation';

/** What a migration call did, in the shell's words (it moves folders and keeps the journal, which the core cannot). */
export interface MigrationOutcome {
	json: unknown;
	text: string;
	/** 1 when a problem blocked it or an interrupted migration waits. */
	exitCode?: number;
}

/** The shell's migration: planning is the core's; the journal on disk and emptied folders are the shell's. */
export interface MigrationHost {
	migrate(ws: Workspace, apply: boolean): Promise<MigrationOutcome>;
	revert(ws: Workspace, log: string): Promise<MigrationOutcome>;
}

export const MIGRATE: Operation<{ apply?: boolean }, MigrationOutcome, MigrationHost> = {
	name: 'migrate',
	summary: 'Move specs from older layouts to the new one, rewriting links (a dry run unless apply)',
	writes: (input) => input.apply === true,
	input: [{ name: 'apply', kind: 'flag', summary: 'Carry it out (or finish an interrupted one), logging each step first' }],
	run: (ws, input, host) => host.migrate(ws, input.apply === true),
};

export const REVERT: Operation<{ log: string }, MigrationOutcome, MigrationHost> = {
	name: 'revert',
	summary: 'Undo a migration, finished or interrupted, byte for byte',
	writes: true,
	input: [{ name: 'log', kind: 'text', required: true, summary: 'The migration log, or "last"' }],
	run: (ws, input, host) => host.revert(ws, input.log),
};
