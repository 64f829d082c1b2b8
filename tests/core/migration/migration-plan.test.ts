import { planMigration } from '../../../src/core/migration/migration-plan';
import type { MigrationPlan } from '../../../src/core/migration/migration-types';
import { OLD_VAULT, PNG } from './old-vault-fixture';

function plan(files: Record<string, string>, specsRoot = 'specs'): MigrationPlan {
	// Binary files are listed, never read.
	return planMigration({ specsRoot, files: new Map(Object.entries(files).map(([p, t]) => [p, t === PNG ? null : t])) });
}

const moveOf = (p: MigrationPlan, from: string): string | undefined => p.moves.find((m) => m.from === from)?.to;

describe('targets per the seed', () => {
	const p = plan(OLD_VAULT);

	test.each([
		// Folder layout, nested: epic → feature → task folder.
		['specs/1000-epic-foundation/1000-epic-foundation.spec.md', 'specs/1000/epic.md'],
		['specs/1000-epic-foundation/1000-epic-foundation.context.md', 'specs/1000/context.md'],
		['specs/1000-epic-foundation/1001-feature-storage/1001-feature-storage.spec.md', 'specs/1000/1001/spec.md'],
		['specs/1000-epic-foundation/1001-feature-storage/1011-task-nfs-mount/1011-task-nfs-mount.spec.md', 'specs/1000/1001/1011.spec.md'],
		// Flat task files inside their feature's folder.
		['specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md', 'specs/1000/1001/1014.spec.md'],
		['specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.context.md', 'specs/1000/1001/1014.context.md'],
		// The numeric layout, `2011.md` tasks.
		['specs/2000/2000.spec.md', 'specs/2000/epic.md'],
		['specs/2000/2000.context.md', 'specs/2000/context.md'],
		['specs/2000/2001/2001.spec.md', 'specs/2000/2001/spec.md'],
		['specs/2000/2001/2011.md', 'specs/2000/2001/2011.spec.md'],
		// Five-digit ids; a flat feature file inside its epic's folder; a parent given as a bare id.
		['specs/12000-epic-platform/12000-epic-platform.spec.md', 'specs/12000/epic.md'],
		['specs/12000-epic-platform/12001-feature-api.spec.md', 'specs/12000/12001/spec.md'],
		['specs/12000-epic-platform/12011-task-auth.spec.md', 'specs/12000/12001/12011.spec.md'],
		// A journal kept apart becomes the context of the spec its name names.
		['specs/context/2025-08-25.1013-task-warm-storage-sata.context.md', 'specs/1000/1001/1013.context.md'],
	])('%s → %s', (from, to) => {
		expect(moveOf(p, from)).toBe(to);
	});

	test('other files of an old spec folder go to deliverables/<kind>/, names kept', () => {
		const base = 'specs/1000-epic-foundation/1001-feature-storage';
		expect(moveOf(p, `${base}/setup.sh`)).toBe('specs/1000/1001/deliverables/scripts/setup.sh');
		expect(moveOf(p, `${base}/notes.md`)).toBe('specs/1000/1001/deliverables/docs/notes.md');
		expect(moveOf(p, `${base}/fstab.example`)).toBe('specs/1000/1001/deliverables/config/fstab.example');
		expect(moveOf(p, `${base}/diagram.png`)).toBe('specs/1000/1001/deliverables/docs/diagram.png');
		// A task folder's files join its feature's deliverables (the task has no folder of its own).
		expect(moveOf(p, `${base}/1011-task-nfs-mount/mount.sh`)).toBe('specs/1000/1001/deliverables/scripts/mount.sh');
	});

	test('specs already in the new layout, and notes outside the specs folder, stay', () => {
		for (const path of ['specs/9000/epic.md', 'specs/9000/context.md', 'notes/overview.md', 'README.md']) expect(moveOf(p, path)).toBeUndefined();
	});

	test('types, parents and titles as read: properties first, then the name, folders, numbering', () => {
		const byId = new Map(p.specs.map((s) => [s.id, s] as const));
		expect(byId.get('1000')).toMatchObject({ type: 'epic', title: 'Foundation', parent: null });
		expect(byId.get('1001')).toMatchObject({ type: 'feature', parent: '1000', parentFrom: 'property', title: 'Feature 1001: Storage' });
		expect(byId.get('1011')).toMatchObject({ type: 'task', parent: '1001', parentFrom: 'property' });
		expect(byId.get('2001')).toMatchObject({ type: 'feature', parent: '2000', parentFrom: 'folder', title: 'VLANs' });
		expect(byId.get('12011')).toMatchObject({ type: 'task', parent: '12001', parentFrom: 'property' });
		expect(byId.get('12001')).toMatchObject({ type: 'feature', parent: '12000', parentFrom: 'folder' });
		// Ids in natural order: 2000 before 12000.
		expect(p.specs.map((s) => s.id)).toEqual(['1000', '1001', '1011', '1013', '1014', '2000', '2001', '2011', '9000', '12000', '12001', '12011']);
	});

	test('a journal for a spec that has a context is appended to it as sessions; the journal is kept in deliverables/docs', () => {
		expect(p.merges).toEqual([
			{
				journal: 'specs/plan/1014.context.md',
				into: 'specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.context.md',
				kept: 'specs/1000/1001/deliverables/docs/1014.context.md',
				sessions: [2],
			},
		]);
		expect(moveOf(p, 'specs/plan/1014.context.md')).toBe('specs/1000/1001/deliverables/docs/1014.context.md');
		const edit = p.edits.find((e) => e.merged.length > 0);
		expect(edit?.after).toBe(`# Context: Cold storage

**Spec**: [[1014.spec|Cold storage]]
**Status**: implementing

## Implementation Timeline

### Session 1: 2025-08-26 - Planning
**Duration**: 1 hour

#### Planning
- Read [[1014.spec#Steps|the steps]]

### Session 2: 2025-08-27 - Benchmarks
**Duration**: 30 minutes

#### Testing
- Ran [[setup.sh]] again

*Merged from [[deliverables/docs/1014.context|specs/plan/1014.context.md]] during the migration to the new layout.*

## Deliverables

### Documentation
- [[deliverables/docs/1014.context|1014 later work]] - Original journal, merged as Session 2
`);
	});

	test('a journal that names no spec is listed, not guessed, and stays', () => {
		expect(moveOf(p, 'specs/plan/ideas.context.md')).toBeUndefined();
		expect(p.problems).toEqual([
			{ severity: 'warning', code: 'unmatched-journal', path: 'specs/plan/ideas.context.md', message: 'specs/plan/ideas.context.md: journal names no spec; left where it is' },
		]);
	});

	test('links are rewritten keeping subpath, alias, embed and style; links inside code are untouched', () => {
		const overview = p.edits.find((e) => e.path === 'notes/overview.md');
		expect(overview?.after).toBe(`# Overview

- [[../specs/1000/1001/1014.spec|Cold storage]]
- [[../specs/1000/epic#Goals|Foundation goals]]
- [Storage](../specs/1000/1001/spec.md)
- [[../specs/1000/1001/1014.spec#^block1]]
- ![[../specs/1000/1001/1014.spec#Block]]
- [[../specs/9000/epic|The migrated epic]]
- [[../specs/2000/2001/2011.spec|Trunk ports]]
`);
		const task = p.edits.find((e) => e.path.endsWith('1014-task-cold-storage.spec.md'));
		expect(task?.after).toContain('if [[ -d "$MOUNT" ]]; then\n  echo "[[not a link]]"');
		expect(task?.after).toContain('Inline `[[also not]]` code.');
		expect(task?.links.map((l) => `${l.from} → ${l.to}`)).toEqual([
			'[[1014-task-cold-storage.context|Journal]] → [[1014.context|Journal]]',
			'[[1001-feature-storage.spec|Storage]] → [[spec|Storage]]',
		]);
		const nfs = p.edits.find((e) => e.path.endsWith('1011-task-nfs-mount.spec.md'));
		// The script its folder held, now a deliverable, is listed.
		expect(nfs?.after).toBe(
			'---\ntype: task\nparent: "[[spec|Storage]]"\n---\n# Task 1011: NFS mount\n\nMount it. See [the epic](../epic.md#Goals).\n\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/mount.sh|mount.sh]]\n',
		);
	});

	test('a traceback line in a script follows the spec; bash in the script is left alone', () => {
		const script = p.edits.find((e) => e.path.endsWith('/setup.sh'));
		expect(script?.after).toBe('#!/bin/bash\n# Spec: [[../../spec|Storage]]\n# Purpose: prepare the disks\nif [[ -d "$X" ]]; then echo ok; fi\n');
	});

	test("a parent written as the old file stem becomes the parent's id", () => {
		const auth = p.edits.find((e) => e.path.endsWith('12011-task-auth.spec.md'));
		expect(auth?.after).toBe('---\nparent: 12001\n---\n# Auth\n\n**Parent**: 12001\n');
	});
});

describe('problems that block', () => {
	test('a task with no parent anywhere', () => {
		const p = plan({ 'specs/misc/2101-task-orphan.spec.md': '# Orphan\n' });
		expect(p.problems).toEqual([
			{ severity: 'error', code: 'missing-parent', path: 'specs/misc/2101-task-orphan.spec.md', message: expect.stringContaining('task 2101 has no parent') as string },
		]);
	});

	test('an id with two specs', () => {
		const p = plan({ 'specs/1000-epic-a/1000-epic-a.spec.md': '# A\n', 'specs/1000-epic-b.spec.md': '# B\n' });
		expect(p.problems.map((x) => [x.severity, x.code])).toContainEqual(['error', 'duplicate-id']);
	});

	test('two files landing on one path', () => {
		const p = plan({
			'specs/1000/1000.spec.md': '---\ntype: epic\n---\n# E\n',
			'specs/1000/1001-feature-a/1001-feature-a.spec.md': '# A\n',
			'specs/1000/1001-feature-a/setup.sh': '#!/bin/sh\n',
			'specs/1000/1001-feature-a/scripts/setup.sh': '#!/bin/sh\n',
		});
		expect(p.problems).toEqual([
			{
				severity: 'error',
				code: 'path-clash',
				path: 'specs/1000/1001/deliverables/scripts/setup.sh',
				message: 'specs/1000/1001-feature-a/setup.sh and specs/1000/1001-feature-a/scripts/setup.sh would both move to specs/1000/1001/deliverables/scripts/setup.sh',
			},
		]);
	});

	test('a file moving onto one that stays', () => {
		const p = plan({
			'specs/1000-epic-a/1000-epic-a.spec.md': '# A\n',
			'specs/1000-epic-a/guide.md': '# Mine\n',
			'specs/1000/deliverables/docs/guide.md': '# Already there\n',
		});
		expect(p.problems).toEqual([
			{
				severity: 'error',
				code: 'path-clash',
				path: 'specs/1000/deliverables/docs/guide.md',
				message: 'specs/1000-epic-a/guide.md would move to specs/1000/deliverables/docs/guide.md, where specs/1000/deliverables/docs/guide.md already is',
			},
		]);
	});
});

test('a vault already in the new layout has nothing to migrate', () => {
	const p = plan({
		'specs/1000/epic.md': '# E\n',
		'specs/1000/context.md': '# C\n',
		'specs/1000/1001/spec.md': '# F\n\n**Parent**: [[../epic|E]]\n',
		'specs/1000/1001/1011.spec.md': '# T\n',
		'specs/1000/1001/1011.context.md': '# TC\n',
		'specs/1000/1001/deliverables/scripts/a.sh': '#!/bin/sh\n',
		'specs/1000/1001/notes.md': '# A note of the user\n',
	});
	expect({ moves: p.moves, edits: p.edits, problems: p.problems }).toEqual({ moves: [], edits: [], problems: [] });
});

test('a task in a folder named like the epic its number gives is not its own epic: placed by its number, not a crash', () => {
	// `specs/1000/spec.md` goes by 1000 (its folder) and has id 1021: its feature 1002 does not exist,
	// and the epic 1000 that feature would sit in is no other spec.
	const p = plan({ 'specs/1000/spec.md': '---\nid: 1021\n---\n# Renumbered task\n' });
	expect(p.moves).toEqual([{ from: 'specs/1000/spec.md', to: 'specs/1000/1002/1021.spec.md', reason: 'spec' }]);
	expect(p.problems).toEqual([
		{
			severity: 'warning',
			code: 'missing-feature',
			path: 'specs/1000/spec.md',
			message:
				'specs/1000/spec.md: task 1021 has no feature 1002; placed in specs/1000/1002/ as its number says. Create the epic, then the feature, with: spec-work new epic --id 1000 --title "…" and spec-work new feature --id 1002 --parent 1000 --title "…"',
		},
	]);
});
