import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { DEFAULT_IGNORED_FOLDERS, isIgnoredPath } from '../../../src/core/index/ignored-folders';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { planMigration } from '../../../src/core/migration/migration-plan';
import type { MigrationPlan } from '../../../src/core/migration/migration-types';

const now = (): Date => new Date('2025-08-28T10:00:00');
const ignored = (path: string): boolean => isIgnoredPath(DEFAULT_IGNORED_FOLDERS, 'specs', path);

/** A spec folder and its backup copy beside it, which Obsidian sees as any other folder. */
const VAULT: Record<string, string> = {
	'specs/1000-epic-lab/1000-epic-lab.spec.md': '---\ntype: epic\ntitle: Lab\n---\n# Lab\n',
	'specs/1000-epic-lab/mount.sh': '#!/bin/bash\necho real\n',
	'specs/1000-epic-lab copy/1000-epic-lab.spec.md': '---\ntype: epic\ntitle: Lab\n---\n# Lab\n',
	'specs/1000-epic-lab copy/mount.sh': '#!/bin/bash\necho OLD COPY\n',
	'notes/runbook.md': '# Runbook\nRun [[mount.sh]] first.\n',
};

async function planFor(store: MemoryFileStore): Promise<MigrationPlan> {
	return planMigration(await readMigrationInput(store, 'specs', ignored));
}

describe('a backup copy in an ignored folder', () => {
	test('stays as it is, and the plan says so', async () => {
		const p = await planFor(new MemoryFileStore(VAULT));
		expect(p.moves.map((m) => `${m.from} → ${m.to}`)).toEqual([
			'specs/1000-epic-lab/1000-epic-lab.spec.md → specs/1000/epic.md',
			'specs/1000-epic-lab/mount.sh → specs/1000/deliverables/scripts/mount.sh',
		]);
		expect(p.problems.map((x) => `${x.severity}: ${x.message}`)).toEqual(['warning: specs/1000-epic-lab copy/: ignored folder (a backup or archive copy); left as it is']);
	});

	test("a bare link that would open the copy's file once the original has moved is rewritten to the original", async () => {
		const store = new MemoryFileStore(VAULT);
		await applyMigration(store, await planFor(store), { now });
		const after = store.snapshot();
		// The copy's path is now the shorter: Obsidian would open it for a bare [[mount.sh]].
		expect(after['notes/runbook.md']).toBe('# Runbook\nRun [[../specs/1000/deliverables/scripts/mount.sh]] first.\n');
		expect(after['specs/1000-epic-lab copy/mount.sh']).toBe('#!/bin/bash\necho OLD COPY\n');
		expect(after['specs/1000-epic-lab copy/1000-epic-lab.spec.md']).toBe(VAULT['specs/1000-epic-lab copy/1000-epic-lab.spec.md']);
	});

	test("a link that opened the copy's file, as the shorter path, finds the vault's own file after; one that names the copy stays", async () => {
		const store = new MemoryFileStore({
			'specs/E01-epic-homelab/E01-epic-homelab.spec.md': '---\ntype: epic\n---\n# Homelab\n',
			'specs/E01-epic-homelab/diagram.png': 'png',
			'specs/E01 copy/diagram.png': 'old png',
			'notes/n.md': '![[diagram.png]]\n[[specs/E01 copy/diagram.png]]\n',
		});
		await applyMigration(store, await planFor(store), { now });
		expect(store.snapshot()['notes/n.md']).toBe('![[../specs/E01/deliverables/docs/diagram.png]]\n[[specs/E01 copy/diagram.png]]\n');
	});

	test('nothing to migrate says nothing of it', async () => {
		const store = new MemoryFileStore(VAULT);
		await applyMigration(store, await planFor(store), { now });
		const again = await planFor(store);
		expect(again.moves).toEqual([]);
		expect(again.problems).toEqual([]);
	});
});
