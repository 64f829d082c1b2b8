import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { spawnCli, TempVault } from '../helpers/cli-process';

/** The old-layout vault of a small migration: an epic, a feature with its journal, two tasks. */
const OLD: Record<string, string> = {
	'.obsidian/app.json': '{}\n',
	'specs/1000-epic-storage/1000-epic-storage.spec.md': '# 1000 - Storage\n\n## Features\n- [[1001-feature-nas/1001-feature-nas.spec|1001]]\n',
	'specs/1000-epic-storage/1001-feature-nas/1001-feature-nas.spec.md':
		'# 1001 - NAS\n\n**Parent**: [[../1000-epic-storage.spec]]\n**Context**: [[1001-feature-nas.context]]\n\n## Plan\n- [ ] mount\n- [x] order disks\n',
	'specs/1000-epic-storage/1001-feature-nas/1001-feature-nas.context.md':
		'# Context 1001\n\n## Implementation Timeline\n\n### Session 1: 2025-08-01 - kickoff\n#### Implementation\n- ordered disks, see [[1001-feature-nas.spec]]\n',
	'specs/1000-epic-storage/1001-feature-nas/1011-task-t1.spec.md': '---\ntype: task\n---\n# 1011 - Task 1\n\n**Parent**: [[1001-feature-nas.spec]]\n',
	'specs/1000-epic-storage/1001-feature-nas/1012-task-t2.spec.md': '---\ntype: task\n---\n# 1012 - Task 2\n\n**Parent**: [[1001-feature-nas.spec]]\n',
};
const LOG = 'specs/.spec-workflow/migrations/2025-08-28-100000.json';
const HINT = 'finish it with: spec-work migrate --apply, or undo it with: spec-work migrate --revert last';

describe('a vault whose migration was killed half-way', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault(OLD);
		const killed = spawnCli(['migrate', '--apply'], { cwd: vault.dir, env: { SPEC_WORK_CRASH_AFTER_STEPS: '3' } });
		expect(killed.code).toBe(-1);
	});
	afterEach(() => vault.cleanup());

	it('refuses every writing call in one line, changing nothing, so the migration can still be finished or undone', () => {
		// The killed run's lock is taken over by the next call: not content.
		const halfMoved = vault.files();
		delete halfMoved['.spec-work.lock'];
		for (const args of [
			['start', '1001'],
			['log', '1001', 'testing', 'x'],
			['validate', '--fix'],
			['new', 'task', '--title', 'T', '--parent', '1001'],
		]) {
			expect(vault.run(args)).toEqual({ code: 1, stdout: '', stderr: `spec-work: An interrupted migration is unfinished (${LOG}), so nothing was written; ${HINT}\n` });
		}
		expect(vault.files()).toEqual(halfMoved);
		expect(vault.run(['migrate', '--revert', 'last']).code).toBe(0);
		// Byte for byte (the files read leave .obsidian/ out).
		expect(vault.files()).toEqual(Object.fromEntries(Object.entries(OLD).filter(([p]) => !p.startsWith('.obsidian/'))));
	});

	it('answers reading calls, saying in one line that they read a half-moved vault', () => {
		const warning = `spec-work: an interrupted migration is unfinished (${LOG}), so this reads a half-moved vault; ${HINT}\n`;
		for (const args of [['status', '1011'], ['validate'], ['list']]) expect(vault.run(args).stderr).toBe(warning);
		expect(vault.run(['migrate', '--apply']).code).toBe(0);
		expect(vault.run(['list'])).toMatchObject({ code: 0, stderr: '' });
		expect(vault.run(['start', '1001'])).toMatchObject({ code: 0, stderr: '' });
	});
});

describe('odd things where the vault keeps its state', () => {
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it('a lock that is a folder: names it and says what to do', () => {
		mkdirSync(join(vault.dir, '.spec-work.lock'));
		const before = vault.files();
		expect(vault.run(['log', '1014', 'testing', 'x'])).toEqual({
			code: 1,
			stdout: '',
			stderr: `spec-work: ${join(vault.dir, '.spec-work.lock')} is a folder, not spec-work's lock file, so nothing was written; remove it and run the command again\n`,
		});
		expect(vault.files()).toEqual(before);
	});

	it('a specs folder that is a file: says it is a file', () => {
		rmSync(join(vault.dir, 'specs'), { recursive: true });
		writeFileSync(join(vault.dir, 'specs'), 'notes\n');
		expect(vault.run(['list'])).toEqual({
			code: 1,
			stdout: '',
			stderr: `spec-work: ${join(vault.dir, 'specs')} is a file, not the specs folder; rename that file and create the folder, or set --specs-root\n`,
		});
	});

	it('a specs folder outside the vault, given or in the plugin settings: refused, saying it must be inside', () => {
		mkdirSync(join(vault.dir, '..', 'outside-specs'), { recursive: true });
		const refusal = `spec-work: The specs folder must be inside the vault: ../outside-specs is outside ${vault.dir} (set --specs-root, or the plugin's specs folder, to a folder in it)\n`;
		expect(vault.run(['status', '1014', '--specs-root', '../outside-specs'])).toEqual({ code: 1, stdout: '', stderr: refusal });
		vault.write({ '.obsidian/plugins/spec-workflow/data.json': '{"specsRoot": "../outside-specs"}\n' });
		expect(vault.run(['log', '1014', 'testing', 'x'])).toEqual({ code: 1, stdout: '', stderr: refusal });
		rmSync(join(vault.dir, '..', 'outside-specs'), { recursive: true });
	});
});
