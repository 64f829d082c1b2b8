import type { MigrationHost } from '../core/migration/migration-host';
import { MIGRATE, REVERT } from '../core/operations/migrate';
import { migrationOutput, revertOutput } from '../core/text/migration-text';
import { UsageError } from './args';
import { nodeMigrationLogs } from './migration-log-file';
import type { NodeWorkspace } from './open-workspace';
import { Verb, verbInput } from './verb-adapter';

/** The logs on disk beside the vault; SPEC_WORK_CRASH_AFTER_STEPS is the fault tests' hook. */
const nodeHost = (ws: NodeWorkspace): MigrationHost => ({ logs: nodeMigrationLogs(ws.vaultPath, process.env) });

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
				return revertOutput(await REVERT.run(ws, verbInput(this, REVERT, args), nodeHost(ws)));
			}
			return migrationOutput(await MIGRATE.run(ws, verbInput(this, MIGRATE, args), nodeHost(ws)));
		},
	},
};
