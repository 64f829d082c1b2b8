import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { parseMigrationLog, serializeMigrationLog } from '../../../src/core/migration/migration-log';
import { planMigration } from '../../../src/core/migration/migration-plan';
import type { MigrationPlan } from '../../../src/core/migration/migration-types';
import { revertMigration } from '../../../src/core/migration/revert-migration';
import { resumeBrief } from '../../../src/core/reports/resume';
import { specStatus } from '../../../src/core/reports/spec-status';
import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';
import { expectOnlyLinesAdded } from './migration-checks';

/*
 * Journals as a tester's old-layout vault keeps them: several dated sessions in one journal (CRLF),
 * a dated journal whose work has no session heading, a journal naming its spec in its frontmatter,
 * journals naming their spec only by `**ID**:` or an elided path, and loose files in a spec folder.
 * The vault is clean before: validate reports nothing.
 */
const F = 'specs/1000-epic-foundation/1001-feature-storage';
const VAULT: Record<string, string> = {
	'specs/1000-epic-foundation/1000-epic-foundation.spec.md': '# Epic 1000: Foundation\n\n## Features\n- [[1001-feature-storage/1001-feature-storage.spec|Storage]]\n',
	[`${F}/1001-feature-storage.spec.md`]:
		'# Feature 1001: Storage\n\n**Parent**: [[../1000-epic-foundation.spec|Foundation]]\n\n## Tasks\n- [[1011-task-hot-storage-nvme.spec|Hot]]\n- [[1013-task-warm-storage-sata.spec|Warm]]\n- [[1014-task-cold-storage.spec|Cold]]\n',
	[`${F}/1011-task-hot-storage-nvme.spec.md`]: '# Task 1011: Hot Storage NVMe\n\n**Parent**: [[1001-feature-storage.spec|Storage]]\n**Status**: completed\n',
	[`${F}/1013-task-warm-storage-sata.spec.md`]: '# Task 1013: Warm Storage\n\n**Parent**: [[1001-feature-storage.spec|Storage]]\n',
	[`${F}/1014-task-cold-storage.spec.md`]:
		'# Task 1014: Cold Storage\n\n**Parent**: [[1001-feature-storage.spec|Storage]]\n**Context**: [[1014-task-cold-storage.context|Journal]]\n',
	[`${F}/1014-task-cold-storage.context.md`]:
		'# Context: Cold Storage\n\n**Spec**: [[1014-task-cold-storage.spec|Cold]]\n\n## Implementation Timeline\n\n### Session 1: 2025-08-21 - NAS mount\n- Mounted the share\n',
	[`${F}/fstab.nas`]: '//nas/share /mnt/nas cifs defaults 0 0\n',
	[`${F}/raid-notes.txt`]: 'RAID 5 over four disks\n',
	[`${F}/design notes.md`]: '# Design\n\nTiers.\n',
	'specs/context/2025-08-26-cold-sessions.md':
		'# Cold storage sessions\r\n- **Spec**: 1014\r\n## Session (2025-08-26)\r\nMounted NAS.\r\n#### Commits\r\n- 08e4cc5 mount nas\r\n## Session (2025-08-27)\r\nBenchmarked.\r\n',
	'specs/context/2025-08-20-hot-storage-session.md': '# 2025-08-20 Hot storage session\n**ID**: 1011-hot-storage-nvme\n**Date**: 2025-08-20\nFormatted the NVMe.\n',
	'specs/context/2025-08-22-hot-storage-tuning.md': '# Tuning - 2025-08-22\n\n- **ID**: 1011\n\n- Tuned the queue depth\n',
	'specs/context/2025-08-25-warm.md': '# Warm shelf\n**Spec File**: specs/1000-epic-foundation/.../1013-task-warm-storage-sata.spec.md\n\n## Work\nRacked the shelf.\n',
	'specs/plan/2025-08-18-storage-planning.md': '---\n# planning notes\nspec: "[[1001-feature-storage.spec]]"  # the feature\ntags: [plan]\n---\n# 2025-08-18\n- [ ] decide tiers\n',
};

const now = (): Date => new Date('2025-08-28T10:00:00');

async function migrated(linkStyle?: 'markdown'): Promise<{ plan: MigrationPlan; after: Record<string, string>; moved: (path: string) => string }> {
	const store = new MemoryFileStore(VAULT);
	const plan = planMigration({ ...(await readMigrationInput(store, 'specs')), ...(linkStyle ? { linkStyle } : {}) });
	const log = await applyMigration(store, plan, { now });
	const after = store.snapshot();
	await revertMigration(store, parseMigrationLog(serializeMigrationLog(log), 'log.json'));
	expect(store.snapshot()).toEqual(new MemoryFileStore(VAULT).snapshot());
	return { plan, after, moved: (path) => plan.moves.find((m) => m.from === path)?.to ?? path };
}

test('the vault is clean before', async () => {
	expect((await validate(await memoryWorkspace(VAULT))).problems.map((x) => `${x.code} ${x.path}`)).toEqual([]);
});

test("a journal's every dated session becomes a session of its own: resume shows three", async () => {
	const { plan, after } = await migrated();
	expect(plan.merges.find((m) => m.journal === 'specs/context/2025-08-26-cold-sessions.md')?.sessions).toEqual([2, 3]);
	expect(after['specs/1000/1001/1014.context.md']).toContain(
		'\n### Session 2: 2025-08-26\nMounted NAS.\n#### Commits\n- 08e4cc5 mount nas\n### Session 3: 2025-08-27\nBenchmarked.\n',
	);
	const brief = await resumeBrief(await memoryWorkspace(after), '1014');
	expect(brief.sessions.map((s) => [s.number, s.date])).toEqual([
		[1, '2025-08-21'],
		[2, '2025-08-26'],
		[3, '2025-08-27'],
	]);
});

test('the work of a dated journal that becomes a context is its first session; a later journal follows it', async () => {
	const { plan, after } = await migrated();
	expect(after['specs/1000/1001/1011.context.md']).toMatch(
		/^# 2025-08-20 Hot storage session\n\*\*ID\*\*: 1011-hot-storage-nvme\n\*\*Date\*\*: 2025-08-20\n\*\*Spec\*\*: \[\[1011\.spec\|1011 - Hot Storage NVMe\]\]\n\n## Implementation Timeline\n\n### Session 1: 2025-08-20 - Hot storage session\n\nFormatted the NVMe\.\n\n### Session 2: 2025-08-22 - Tuning\n/,
	);
	expect(plan.merges.find((m) => m.journal === 'specs/context/2025-08-22-hot-storage-tuning.md')?.sessions).toEqual([2]);
	const status = await specStatus(await memoryWorkspace(after), '1011');
	expect(status.sessions.map((s) => s.number)).toEqual([1, 2]);
	// Its `## Work` section is the session's work.
	expect(after['specs/1000/1001/1013.context.md']).toContain('\n## Implementation Timeline\n\n### Session 1: 2025-08-25 - Warm shelf\n\n#### Work\nRacked the shelf.\n');
});

test('a journal naming its spec in its frontmatter becomes its context, the link in it rewritten', async () => {
	const { plan, after } = await migrated();
	expect(plan.problems).toEqual([]);
	expect(plan.moves.find((m) => m.from === 'specs/plan/2025-08-18-storage-planning.md')?.to).toBe('specs/1000/1001/context.md');
	expect(after['specs/1000/1001/context.md']).toContain('spec: "[[spec]]"  # the feature\n');
});

test('contexts made from journals link back to their spec; loose files are registered; validate reports only their missing tracebacks', async () => {
	const { after, moved } = await migrated();
	expect(after['specs/1000/1001/1013.context.md']).toContain(
		'**Spec File**: specs/1000-epic-foundation/.../1013-task-warm-storage-sata.spec.md  \n**Spec**: [[1013.spec|1013 - Warm Storage]]\n',
	);
	const spec = after['specs/1000/1001/spec.md'];
	expect(spec).toContain('\n## Deliverables\n');
	for (const link of ['[[deliverables/config/fstab.nas|fstab.nas]]', '[[deliverables/docs/raid-notes.txt|raid-notes.txt]]', '[[deliverables/docs/design notes|Design]]']) {
		expect(spec).toContain(link);
		expect(after['specs/1000/1001/context.md']).toContain(link);
	}
	// Specs, and journals made contexts or kept whose headings need no pushing down, only gain lines.
	for (const path of Object.keys(VAULT).filter((p) => p.endsWith('.spec.md') || p.includes('hot-storage') || p.includes('cold-sessions')))
		expectOnlyLinesAdded(path, VAULT[path].replace(/\r/g, ''), after[moved(path)].replace(/\r/g, ''));
	// The moved files are listed; a traceback is theirs to add (the migration does not write into scripts and config).
	expect((await validate(await memoryWorkspace(after))).problems.map((x) => `${x.code} ${x.path}`)).toEqual([
		'no-traceback specs/1000/1001/deliverables/config/fstab.nas',
		'no-traceback specs/1000/1001/deliverables/docs/design notes.md',
		'no-traceback specs/1000/1001/deliverables/docs/raid-notes.txt',
	]);
});

test('in a vault that writes markdown links, the links it adds are markdown links', async () => {
	const { after } = await migrated('markdown');
	expect(after['specs/1000/1001/1013.context.md']).toContain('**Spec**: [1013 - Warm Storage](1013.spec.md)\n');
	expect(after['specs/1000/1001/spec.md']).toContain('[fstab.nas](deliverables/config/fstab.nas)');
});
