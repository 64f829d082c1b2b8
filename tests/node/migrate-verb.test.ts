import { readdirSync } from 'fs';
import { join, relative } from 'path';
import { TempVault } from '../helpers/cli-process';
import { expectMigrationHolds, expectOnlyLinesAdded } from '../core/migration/migration-checks';
import { OLD_JOURNALS } from '../core/migration/old-journals-fixture';
import { OLD_VAULT } from '../core/migration/old-vault-fixture';

/** `spec-work migrate` as a real process on a temporary old-layout vault. */
describe('spec-work migrate', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault(OLD_VAULT);
	});
	afterEach(() => vault.cleanup());

	/** Every folder of the vault, so a revert is checked to leave no folder behind either. */
	const folders = (): string[] => {
		const out: string[] = [];
		const walk = (dir: string): void => {
			for (const e of readdirSync(dir, { withFileTypes: true })) {
				if (!e.isDirectory()) continue;
				out.push(relative(vault.dir, join(dir, e.name)));
				walk(join(dir, e.name));
			}
		};
		walk(vault.dir);
		return out.sort();
	};

	it('is a dry run by default: prints every move, link rewrite and problem, changes nothing', () => {
		const r = vault.run(['migrate']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Migration of specs/ to the new layout: 12 specs, 21 files to move, 29 links to rewrite in 15 files.\n');
		expect(r.stdout).toContain('  specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md → specs/1000/1001/1014.spec.md\n');
		expect(r.stdout).toContain('  notes/overview.md\n    line 3: [[1014-task-cold-storage.spec|Cold storage]] → [[../specs/1000/1001/1014.spec|Cold storage]]\n');
		expect(r.stdout).toContain('Problems:\n  warning: specs/plan/ideas.context.md: journal names no spec; left where it is\n');
		expect(r.stdout).toContain('Dry run: nothing was changed. Apply with: spec-work migrate --apply\n');
		expect(vault.files()).toEqual(OLD_VAULT);
	});

	it('--json gives the plan', () => {
		const r = vault.run(['migrate', '--json']);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout) as { applied: boolean; blocked: boolean; moves: unknown[]; edits: { path: string; links: unknown[] }[]; problems: unknown[] };
		expect(json).toMatchObject({ applied: false, blocked: false });
		expect(json.moves).toHaveLength(21);
		expect(json.edits.find((e) => e.path === 'README.md')?.links).toEqual([
			{ line: 1, from: '[the platform](specs/12000-epic-platform/12000-epic-platform.spec.md)', to: '[the platform](specs/12000/epic.md)' },
		]);
	});

	it('exits 1 when a problem blocks, with or without --apply, and changes nothing', () => {
		vault.write({ 'specs/1000-epic-a.spec.md': '# Another 1000\n' });
		const before = vault.files();
		for (const args of [['migrate'], ['migrate', '--apply']]) {
			const r = vault.run(args);
			expect(r.code).toBe(1);
			expect(r.stdout).toContain(
				'  error: Id "1000" has 2 specs: specs/1000-epic-a.spec.md, specs/1000-epic-foundation/1000-epic-foundation.spec.md; give one of them another id\n',
			);
			expect(r.stdout).toContain('fix the errors above first; nothing was changed.');
		}
		expect(vault.files()).toEqual(before);
	});

	it('--apply migrates (links still resolve, validate clean), --revert gives the tree back byte for byte', () => {
		const foldersBefore = folders();
		expect(vault.run(['validate']).code).toBe(0);
		const r = vault.run(['migrate', '--apply']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const logPath = 'specs/.spec-workflow/migrations/2025-08-28-100000.json';
		expect(r.stdout).toContain(`Applied: moved 21 files, edited 16.\nLog: ${logPath} (undo with: spec-work migrate --revert ${logPath})\n`);
		const after = vault.files();
		const log = JSON.parse(after[logPath]) as { moves: { from: string; to: string }[] };
		delete after[logPath];
		const moves = new Map(log.moves.map((m) => [m.from, m.to] as const));
		// Given lines only: a spec linking the journal that became its context, a spec listing a kept journal, the kept journal's traceback,
		// specs listing the files their folders held, the dated journal made a context with its work as Session 1.
		const added = [
			'specs/context/2025-08-25.1013-task-warm-storage-sata.context.md',
			'specs/1000-epic-foundation/1001-feature-storage/1001-feature-storage.spec.md',
			'specs/1000-epic-foundation/1001-feature-storage/1011-task-nfs-mount/1011-task-nfs-mount.spec.md',
			'specs/1000-epic-foundation/1001-feature-storage/1013-task-warm-storage-sata.spec.md',
			'specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md',
			'specs/plan/1014.context.md',
		];
		expectMigrationHolds(OLD_VAULT, after, moves, [
			'specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.context.md',
			'specs/12000-epic-platform/12011-task-auth.spec.md',
			...added,
		]);
		for (const path of added) expectOnlyLinesAdded(path, OLD_VAULT[path], after[moves.get(path) ?? path]);
		// The old folders are gone; the workflow works on the new layout.
		expect(folders()).not.toContain('specs/1000-epic-foundation');
		const v = vault.run(['validate']);
		expect(v.stdout).toContain('0 errors');
		expect(v.code).toBe(0);
		const status = vault.run(['status', '1014']).stdout;
		expect(status).toContain('### Parent: 1001 - Storage');
		// The journal kept apart now counts as the task's second session.
		expect(status).toContain('- Session 1: 1 hour (2025-08-26)\n- Session 2: 30 minutes (2025-08-27)\n');

		const back = vault.run(['migrate', '--revert', 'last']);
		expect(back.stderr).toBe('');
		expect(back.stdout).toBe(`Reverted ${logPath}: moved 21 files back, restored 16.\n`);
		expect(vault.files()).toEqual(OLD_VAULT);
		expect(folders()).toEqual(foldersBefore);
	});

	it('changes nothing when its log cannot be written, and says so in one line', () => {
		// A file where the log folder must go makes writing the log fail; the log is written before any file moves.
		vault.write({ 'specs/.spec-workflow': 'in the way\n' });
		const before = vault.files();
		const foldersBefore = folders();
		const r = vault.run(['migrate', '--apply']);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe('spec-work: Could not write the migration log specs/.spec-workflow/migrations/2025-08-28-100000.json (not a directory); nothing was changed\n');
		expect(vault.files()).toEqual(before);
		expect(folders()).toEqual(foldersBefore);
	});

	it('--revert refuses an unknown log and a vault edited since', () => {
		expect(vault.run(['migrate', '--revert', 'last']).stderr).toBe('spec-work: No migration log in specs/.spec-workflow/migrations/ to revert\n');
		expect(vault.run(['migrate', '--apply']).code).toBe(0);
		vault.write({ 'specs/1000/epic.md': 'rewritten\n' });
		const r = vault.run(['migrate', '--revert', 'specs/.spec-workflow/migrations/2025-08-28-100000.json']);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe('spec-work: specs/1000/epic.md was edited after the migration; reverting would lose that edit, so nothing was reverted\n');
		expect(vault.run(['migrate', '--apply', '--revert', 'last']).code).toBe(2);
	});
});

/** A vault whose journals live apart and name their specs only inside, with a feature lacking its epic. */
describe('spec-work migrate on journals kept apart', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault(OLD_JOURNALS);
	});
	afterEach(() => vault.cleanup());

	it('applies despite the missing epic, places every journal that names its spec, breaks no link; --revert restores it byte for byte', () => {
		const dry = vault.run(['migrate']);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain(
			"Journals appended as sessions:\n  specs/plan/2025-08-17-foundation-kickoff.md → session 2 of specs/1000/context.md; the journal kept as specs/1000/deliverables/docs/2025-08-17-foundation-kickoff.md, listed in the spec's and the context's Deliverables\n",
		);
		expect(dry.stdout).toContain(
			"Context links added (a journal becomes the spec's context):\n  specs/1000/1001/spec.md → specs/1000/1001/context.md\n  specs/1000/1001/1011.spec.md → specs/1000/1001/1011.context.md\n  specs/3000/3001/spec.md → specs/3000/3001/context.md\n",
		);
		expect(dry.stdout).toContain(
			'  warning: specs/3001-feature-market-data/3001-feature-market-data.spec.md: feature 3001 has no epic 3000; placed in specs/3000/3001/ as its number says. Create the epic with: spec-work new epic --id 3000 --title "…"\n',
		);
		const r = vault.run(['migrate', '--apply']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const after = vault.files();
		for (const path of ['specs/1000/1001/1011.context.md', 'specs/1000/1001/context.md', 'specs/3000/3001/context.md', 'specs/3000/3001/spec.md'])
			expect(Object.keys(after)).toContain(path);
		// Validate finds nothing the migration made: kept journals listed and tracing back, every context linked both ways.
		const v = vault.run(['validate']);
		expect(v.stdout).toBe('No problems found in 5 specs.\n');
		expect(v.code).toBe(0);
		// The epic can then be created as the warning says.
		expect(vault.run(['new', 'epic', '--id', '3000', '--title', 'Market Data']).code).toBe(0);
		expect(vault.run(['list']).stdout).toContain('3000  Market Data  [planning]  no tasks\n  3001  Market Data  [planning]  no tasks\n');
		vault.cleanup();

		vault = new TempVault(OLD_JOURNALS);
		expect(vault.run(['migrate', '--apply']).code).toBe(0);
		const back = vault.run(['migrate', '--revert', 'last']);
		expect(back.code).toBe(0);
		expect(vault.files()).toEqual(OLD_JOURNALS);
	});
});
