import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { parseMigrationLog, serializeMigrationLog } from '../../../src/core/migration/migration-log';
import { planMigration } from '../../../src/core/migration/migration-plan';
import type { MigrationPlan } from '../../../src/core/migration/migration-types';
import { revertMigration } from '../../../src/core/migration/revert-migration';
import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';
import { expectMigrationHolds, expectOnlyLinesAdded, withoutLinkTargets } from './migration-checks';
import { OLD_JOURNALS } from './old-journals-fixture';

const now = (): Date => new Date('2025-08-28T10:00:00');

async function planFor(store: MemoryFileStore): Promise<MigrationPlan> {
	return planMigration(await readMigrationInput(store, 'specs'));
}

const moveOf = (p: MigrationPlan, from: string): string | undefined => p.moves.find((m) => m.from === from)?.to;
const afterOf = (p: MigrationPlan, path: string): string | undefined => p.edits.find((e) => e.path === path)?.after;

const FEATURE = 'specs/1000-epic-foundation/1001-feature-storage';

/** The wikilink path from a note to a markdown file in its folder or below. */
const relativeTo = (note: string, target: string): string => target.slice(note.slice(0, note.lastIndexOf('/') + 1).length).replace(/\.md$/, '');

describe('journals kept apart that name their spec in their text', () => {
	const store = new MemoryFileStore(OLD_JOURNALS);
	let p: MigrationPlan;
	beforeAll(async () => {
		p = await planFor(store);
	});

	test('nothing blocks', () => {
		expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
	});

	test.each([
		// **ID** and **Spec File** lines: the task's context (it had none).
		['specs/context/2025-08-20-hot-storage-session.md', 'specs/1000/1001/1011.context.md'],
		// A dated planning journal naming a feature by a link: the feature's context.
		['plan/2025-08-18-storage-planning.md', 'specs/1000/1001/context.md'],
		// The feature whose epic is missing, named by a plain path.
		['specs/context/2025-08-25-market-data.md', 'specs/3000/3001/context.md'],
		// Appended to a context: the journal itself kept in the spec folder's deliverables/docs.
		['specs/context/2025-08-22-hot-storage-tuning.md', 'specs/1000/1001/deliverables/docs/2025-08-22-hot-storage-tuning.md'],
		['plan/2025-08-19-cold-storage-plan.md', 'specs/1000/1001/deliverables/docs/2025-08-19-cold-storage-plan.md'],
		['specs/plan/2025-08-17-foundation-kickoff.md', 'specs/1000/deliverables/docs/2025-08-17-foundation-kickoff.md'],
	])('%s → %s', (from, to) => {
		expect(moveOf(p, from)).toBe(to);
	});

	test('journals appended as sessions, each to the spec it names', () => {
		expect(p.merges).toEqual(
			expect.arrayContaining([
				{
					journal: 'specs/context/2025-08-22-hot-storage-tuning.md',
					into: 'specs/context/2025-08-20-hot-storage-session.md',
					kept: 'specs/1000/1001/deliverables/docs/2025-08-22-hot-storage-tuning.md',
					sessions: [2],
				},
				{
					journal: 'plan/2025-08-19-cold-storage-plan.md',
					into: `${FEATURE}/1014-task-cold-storage.context.md`,
					kept: 'specs/1000/1001/deliverables/docs/2025-08-19-cold-storage-plan.md',
					sessions: [2],
				},
				{
					journal: 'specs/plan/2025-08-17-foundation-kickoff.md',
					into: 'specs/1000-epic-foundation/1000-epic-foundation.context.md',
					kept: 'specs/1000/deliverables/docs/2025-08-17-foundation-kickoff.md',
					sessions: [2],
				},
			]),
		);
		expect(p.merges).toHaveLength(3);
		expect(afterOf(p, `${FEATURE}/1014-task-cold-storage.context.md`)).toContain(
			'### Session 2: 2025-08-19 - Cold storage plan\n\n**Spec File**: specs/1000/1001/1014.spec.md\n\n- Pick the NAS',
		);
	});

	test('a journal naming several specs, or none, stays and is reported', () => {
		expect(moveOf(p, 'specs/plan/2025-08-26-roadmap.md')).toBeUndefined();
		expect(moveOf(p, 'specs/context/2025-08-27-retro.md')).toBeUndefined();
		expect(p.problems.filter((x) => x.severity === 'warning').map((x) => [x.code, x.path])).toEqual([
			['missing-epic', 'specs/3001-feature-market-data/3001-feature-market-data.spec.md'],
			['unmatched-journal', 'specs/context/2025-08-27-retro.md'],
			['ambiguous-journal', 'specs/plan/2025-08-26-roadmap.md'],
		]);
		expect(p.problems.find((x) => x.code === 'ambiguous-journal')?.message).toBe('specs/plan/2025-08-26-roadmap.md: journal could belong to 1011 or 3001; left where it is');
	});

	test('a daily note outside the specs folder is never taken for a journal, though it names a spec; its link follows the spec', () => {
		expect(moveOf(p, 'journal/2025-08-21.md')).toBeUndefined();
		expect(afterOf(p, 'journal/2025-08-21.md')).toBe('# Thursday\n\n**Spec**: [[../specs/1000/1001/1011.spec|Hot storage]]\n');
	});

	test('a feature whose epic is missing goes where its number puts it, with a warning saying how to create the epic', () => {
		expect(moveOf(p, 'specs/3001-feature-market-data/3001-feature-market-data.spec.md')).toBe('specs/3000/3001/spec.md');
		expect(p.problems.find((x) => x.code === 'missing-epic')?.message).toBe(
			'specs/3001-feature-market-data/3001-feature-market-data.spec.md: feature 3001 has no epic 3000; placed in specs/3000/3001/ as its number says. Create the epic with: spec-work new epic --id 3000 --title "…"',
		);
		expect(p.specs.find((s) => s.id === '3001')).toMatchObject({ type: 'feature', to: 'specs/3000/3001/spec.md', parent: null });
	});

	test('plain paths in header lines follow the files they name', () => {
		expect(afterOf(p, 'specs/context/2025-08-20-hot-storage-session.md')).toContain('**Spec File**: specs/1000/1001/1011.spec.md\n');
		expect(afterOf(p, `${FEATURE}/1014-task-cold-storage.spec.md`)).toContain('**Context**: specs/1000/1001/1014.context.md\n');
		expect(afterOf(p, `${FEATURE}/1014-task-cold-storage.context.md`)).toContain('**Spec File**: specs/1000/1001/1014.spec.md\n');
		expect(afterOf(p, 'specs/context/2025-08-25-market-data.md')).toContain('**Spec**: specs/3000/3001/spec.md\n');
		const links = p.edits.find((e) => e.path === `${FEATURE}/1014-task-cold-storage.spec.md`)?.links ?? [];
		expect(links).toContainEqual({ line: 4, from: 'specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.context.md', to: 'specs/1000/1001/1014.context.md' });
	});

	test("YAML comments in a spec's frontmatter are kept byte for byte", () => {
		const epic = afterOf(p, 'specs/1000-epic-foundation/1000-epic-foundation.spec.md') ?? '';
		expect(epic.slice(0, epic.indexOf('# Epic'))).toBe(OLD_JOURNALS['specs/1000-epic-foundation/1000-epic-foundation.spec.md'].slice(0, epic.indexOf('# Epic')));
	});
});

describe('applied and reverted', () => {
	// Files whose text changes beyond link targets and header paths: contexts given journals' sessions, a journal whose work became a session.
	const MERGED = [
		'specs/context/2025-08-20-hot-storage-session.md',
		'specs/context/2025-08-25-market-data.md',
		`${FEATURE}/1014-task-cold-storage.context.md`,
		'specs/1000-epic-foundation/1000-epic-foundation.context.md',
	];
	// Files given lines only: specs listing a kept original or linking the journal that became their context, and the kept originals with their traceback.
	const ADDED = [
		'specs/1000-epic-foundation/1000-epic-foundation.spec.md',
		`${FEATURE}/1001-feature-storage.spec.md`,
		`${FEATURE}/1011-task-hot-storage-nvme.spec.md`,
		`${FEATURE}/1014-task-cold-storage.spec.md`,
		'specs/3001-feature-market-data/3001-feature-market-data.spec.md',
		'specs/context/2025-08-22-hot-storage-tuning.md',
		'plan/2025-08-19-cold-storage-plan.md',
		'specs/plan/2025-08-17-foundation-kickoff.md',
	];

	test('applies; places every journal naming its spec; loses no file or byte; breaks no link; reverts byte for byte', async () => {
		const store = new MemoryFileStore(OLD_JOURNALS);
		const plan = await planFor(store);
		const log = await applyMigration(store, plan, { now });
		const after = store.snapshot();
		const moves = new Map(log.moves.map((m) => [m.from, m.to] as const));
		expectMigrationHolds(OLD_JOURNALS, after, moves, [...MERGED, ...ADDED]);
		for (const path of ADDED) expectOnlyLinesAdded(path, OLD_JOURNALS[path], after[moves.get(path) ?? path]);
		// Every journal that names one spec left the journal folders; a merged context holds every line it had, then the journal's.
		for (const path of Object.keys(OLD_JOURNALS).filter((p) => /(^|\/)(context|plan)\//.test(p))) {
			const stays = path.endsWith('-roadmap.md') || path.endsWith('-retro.md');
			expect({ path, moved: moves.has(path) }).toEqual({ path, moved: !stays });
		}
		for (const merge of plan.merges) {
			const into = after[moves.get(merge.into) ?? merge.into];
			expect(into).toContain(`*Merged from [[${relativeTo(moves.get(merge.into) ?? merge.into, merge.kept)}|${merge.journal}]] during the migration to the new layout.*`);
			for (const line of OLD_JOURNALS[merge.journal].split('\n').filter((l) => /^[-A-Za-z]/.test(l) && !l.includes('**Spec'))) expect(into).toContain(line);
		}
		const ws = await memoryWorkspace(after);
		const report = await validate(ws);
		expect(report.problems.filter((x) => x.code === 'broken-link')).toEqual([]);
		expect(ws.index.contextPathOf(ws.index.lookup('1011')[0])).toBe('specs/1000/1001/1011.context.md');
		expect(ws.index.hasContext(ws.index.lookup('1011')[0])).toBe(true);
		expect(ws.index.hasContext(ws.index.lookup('3001')[0])).toBe(true);

		await revertMigration(store, parseMigrationLog(serializeMigrationLog(log), 'log.json'));
		expect(store.snapshot()).toEqual(new MemoryFileStore(OLD_JOURNALS).snapshot());
	});

	test('validate afterwards reports nothing the migration caused: the vault had no problem validate knows of', async () => {
		const store = new MemoryFileStore(OLD_JOURNALS);
		await applyMigration(store, await planFor(store), { now });
		const report = await validate(await memoryWorkspace(store.snapshot()));
		expect(report.problems.map((x) => `${x.code} ${x.path}`)).toEqual([]);
	});

	test('a kept original is registered in its spec and context, traces back to them, and is one tap from its session; its text is all there', async () => {
		const store = new MemoryFileStore(OLD_JOURNALS);
		const plan = await planFor(store);
		await applyMigration(store, plan, { now });
		const after = store.snapshot();
		const kept = 'specs/1000/1001/deliverables/docs/2025-08-22-hot-storage-tuning.md';
		expect(after[kept]).toBe(
			'---\nspec: "[[../../1011.spec|1011 - Hot Storage NVMe]]"\ncontext: "[[../../1011.context|Implementation Journal]]"\npurpose: Original journal, merged as Session 2\n---\n' +
				'# Tuning - 2025-08-22\n\n- **ID**: 1011\n- **Spec**: [[../../1011.spec|Hot storage]]\n\n## Work\n- Tuned the queue depth\n',
		);
		const context = after['specs/1000/1001/1011.context.md'];
		expect(context).toContain(
			'\n*Merged from [[deliverables/docs/2025-08-22-hot-storage-tuning|specs/context/2025-08-22-hot-storage-tuning.md]] during the migration to the new layout.*\n',
		);
		expect(context).toContain(
			'\n## Deliverables\n\n### Documentation\n- [[deliverables/docs/2025-08-22-hot-storage-tuning|Tuning - 2025-08-22]] - Original journal, merged as Session 2\n',
		);
		const spec = after['specs/1000/1001/1011.spec.md'];
		expect(spec).toContain('\n## Deliverables\n\n### Documentation\n- [[deliverables/docs/2025-08-22-hot-storage-tuning|Tuning - 2025-08-22]]\n');
		// Every journal that became a context is linked from its spec, in the vault's link style.
		expect(spec).toContain('**Context**: [[1011.context|Implementation Journal]]');
		expect(after['specs/1000/1001/spec.md']).toContain('**Context**: [[context|Implementation Journal]]');
		expect(after['specs/3000/3001/spec.md']).toContain('**Context**: [[context|Implementation Journal]]');
		// Each kept original holds every line its journal had, links rewritten.
		for (const merge of plan.merges) {
			const path = plan.moves.find((m) => m.from === merge.journal)?.to ?? '';
			expect(withoutLinkTargets(after[path]).endsWith(withoutLinkTargets(OLD_JOURNALS[merge.journal]))).toBe(true);
		}
	});

	test('markdown links in a vault that writes them', async () => {
		const store = new MemoryFileStore(OLD_JOURNALS);
		const plan = planMigration({ ...(await readMigrationInput(store, 'specs')), linkStyle: 'markdown' });
		await applyMigration(store, plan, { now });
		const after = store.snapshot();
		expect(after['specs/1000/1001/1011.spec.md']).toContain('**Context**: [Implementation Journal](1011.context.md)');
		expect(after['specs/1000/1001/1011.context.md']).toContain(
			'*Merged from [specs/context/2025-08-22-hot-storage-tuning.md](deliverables/docs/2025-08-22-hot-storage-tuning.md) during',
		);
	});

	test('migrating again finds nothing to do', async () => {
		const store = new MemoryFileStore(OLD_JOURNALS);
		await applyMigration(store, await planFor(store), { now });
		const again = await planFor(store);
		expect({ moves: again.moves, edits: again.edits, errors: again.problems.filter((x) => x.severity === 'error') }).toEqual({ moves: [], edits: [], errors: [] });
	});
});
