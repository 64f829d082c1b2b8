import { planMigration } from '../../../src/core/migration/migration-plan';
import type { MigrationPlan } from '../../../src/core/migration/migration-types';

function plan(files: Record<string, string>): MigrationPlan {
	return planMigration({ specsRoot: 'specs', files: new Map(Object.entries(files)) });
}

const moveOf = (p: MigrationPlan, from: string): string | undefined => p.moves.find((m) => m.from === from)?.to;
const warnings = (p: MigrationPlan): string[] => p.problems.map((x) => `${x.severity}: ${x.message}`);

const F = 'specs/E01-epic-lab/E01-F01-feature-storage';
/** Compound ids, as vaults numbered E01 / E01-F01 / E01-F01-T05 have them. */
const COMPOUND: Record<string, string> = {
	'specs/E01-epic-lab/E01-epic-lab.spec.md': '---\ntype: epic\n---\n# Lab\n',
	[`${F}/E01-F01-feature-storage.spec.md`]: '---\ntype: feature\n---\n# Storage\n',
	[`${F}/E01-F01-T05-task-cold.spec.md`]: '---\ntype: task\n---\n# Cold\n',
	[`${F}/E01-F01-T06-task-warm.spec.md`]: '---\ntype: task\n---\n# Warm\n',
};

describe('a journal named by a compound id belongs to that spec, not to its epic', () => {
	const TASK = 'specs/E01/E01-F01/E01-F01-T05';
	test.each([
		['specs/journal/2025-08-20-E01-F01-T05.md', `${TASK}.context.md`, `${TASK}.spec.md`],
		['specs/journal/2025-08-20-E01-F01.md', 'specs/E01/E01-F01/context.md', 'specs/E01/E01-F01/spec.md'],
		['specs/journal/2025-08-20-E01.md', 'specs/E01/context.md', 'specs/E01/epic.md'],
		// A counter after the id is not part of it.
		['specs/journal/2025-08-20-E01-F01-T05-2.md', `${TASK}.context.md`, `${TASK}.spec.md`],
	])('%s → %s', (journal, context, spec) => {
		const p = plan({ ...COMPOUND, [journal]: '# Notes\n\nWorked on it.\n' });
		expect(moveOf(p, journal)).toBe(context);
		expect(p.contextLinks).toEqual([{ spec, context }]);
		expect(warnings(p)).toEqual([]);
	});

	test('a name whose id no spec has is left where it is, not given to the parent that begins it', () => {
		const journal = 'specs/journal/2025-08-20-E01-F01-T09.md';
		const p = plan({ ...COMPOUND, [journal]: '# Notes\n' });
		expect(moveOf(p, journal)).toBeUndefined();
		expect(warnings(p)).toEqual([`warning: ${journal}: journal names no spec; left where it is`]);
	});
});

describe('a journal whose **ID** line lists two specs is left where it is, with one warning naming both', () => {
	test.each([
		['**ID**: E01-F01-T05, E01-F01-T06', COMPOUND, 'E01-F01-T05 or E01-F01-T06'],
		['- **ID**: E01-F01-T05 E01-F01-T06', COMPOUND, 'E01-F01-T05 or E01-F01-T06'],
		[
			'**ID**: 1014, 1015',
			{
				'specs/1000-epic-lab/1000-epic-lab.spec.md': '---\ntype: epic\n---\n# Lab\n',
				'specs/1000-epic-lab/1001-feature-storage/1001-feature-storage.spec.md': '---\ntype: feature\n---\n# Storage\n',
				'specs/1000-epic-lab/1001-feature-storage/1014-task-a.spec.md': '---\ntype: task\n---\n# A\n',
				'specs/1000-epic-lab/1001-feature-storage/1015-task-b.spec.md': '---\ntype: task\n---\n# B\n',
			},
			'1014 or 1015',
		],
	])('%s', (line, vault, both) => {
		const journal = 'specs/journal/2025-08-22-both.md';
		const p = plan({ ...vault, [journal]: `# Both tasks\n\n${line}\n\nWorked on both.\n` });
		expect(moveOf(p, journal)).toBeUndefined();
		expect(p.contextLinks).toEqual([]);
		expect(warnings(p)).toEqual([`warning: ${journal}: journal could belong to ${both}; left where it is`]);
	});

	test('one id on the line still names its spec', () => {
		const journal = 'specs/journal/2025-08-22-cold.md';
		const p = plan({ ...COMPOUND, [journal]: '# Cold\n\n**ID**: E01-F01-T05.\n' });
		expect(moveOf(p, journal)).toBe('specs/E01/E01-F01/E01-F01-T05.context.md');
	});
});
