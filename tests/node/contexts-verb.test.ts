import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { generateContextFiles } from '../../src/core/migration/context-generation';
import { TempVault } from '../helpers/cli-process';
import { memoryWorkspace } from '../helpers/workspace';

const NOW = '2025-08-28T10:00';
const DELETED = ['specs/1000/1001/1014.context.md', 'specs/1000/1001/1011.context.md'];

/** What the core writes for the same files and clock: the bytes the CLI must write. */
async function coreFiles(files: Record<string, string>, linkStyle: 'wikilink' | 'markdown' = 'wikilink'): Promise<Record<string, string>> {
	const ws = await memoryWorkspace(files, { now: NOW, linkStyle });
	await generateContextFiles(ws, { apply: true });
	return ws.store.snapshot();
}

/** spec-work contexts as a real process, on temporary copies of the example vault. */
describe('spec-work contexts', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
		for (const path of DELETED) rmSync(join(vault.dir, path));
	});
	afterEach(() => vault.cleanup());

	it('is a dry run by default: lists what it would create, exits 0, writes nothing', () => {
		const before = vault.files();
		const r = vault.run(['contexts']);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe(
			[
				'Would create 8 context files (dry run; run again with --apply to write them):',
				'  specs/1000/1001/1011.context.md (1011 Hot Storage NVMe Setup, completed)',
				'  specs/1000/1001/1014.context.md (1014 Cold Storage NAS Integration, implementing, 8 deliverables)',
				'  specs/3000/context.md (3000 Market Data, planning; links specs/3000/epic.md to it)',
				'  specs/3000/3001/context.md (3001 Market Data Collection, planning; links specs/3000/3001/spec.md to it)',
				'  specs/4000/context.md (4000 Strategy Engine, planning; links specs/4000/epic.md to it)',
				'  specs/4000/4005/context.md (4005 Strategy State Persistence, planning; links specs/4000/4005/spec.md to it)',
				'  specs/9000/context.md (9000 Research & Backtesting, planning; links specs/9000/epic.md to it)',
				'  specs/9000/9001/context.md (9001 Backtesting Framework, planning; links specs/9000/9001/spec.md to it)',
				'2 specs already have a context file, left untouched.',
				'',
			].join('\n'),
		);
		expect(vault.files()).toEqual(before);
	});

	it('--apply writes the core’s bytes for the same clock, and validate then finds nothing', async () => {
		const before = vault.files();
		const r = vault.run(['contexts', '--apply'], { now: NOW });
		expect(r.code).toBe(0);
		expect(r.stdout.split('\n')[0]).toBe('Created 8 context files:');
		expect(r.stdout).toContain('\nWrote specs/1000/1001/1011.context.md, specs/1000/1001/1014.context.md, specs/3000/context.md, specs/3000/epic.md, ');
		expect(vault.files()).toEqual(await coreFiles(before));
		const check = vault.run(['validate']);
		expect(check.stdout).toBe('No problems found in 10 specs.\n');
		expect(check.code).toBe(0);
		// Nothing left to do: a second run says so and changes nothing.
		const after = vault.files();
		const again = vault.run(['contexts', '--apply']);
		expect(again.stdout).toBe('Every spec has a context file (10 specs); nothing to do.\n');
		expect(vault.files()).toEqual(after);
	});

	it('--json gives the plan; with --apply also what was written', () => {
		const dry = JSON.parse(vault.run(['contexts', '--json']).stdout) as Record<string, unknown>;
		expect(dry).toMatchObject({ problems: [], existing: 2, applied: false, written: [] });
		expect((dry.contexts as unknown[])[0]).toEqual({
			id: '1011',
			title: 'Hot Storage NVMe Setup',
			specPath: 'specs/1000/1001/1011.spec.md',
			contextPath: 'specs/1000/1001/1011.context.md',
			status: 'completed',
			deliverables: 0,
			linksSpec: false,
		});
		const applied = JSON.parse(vault.run(['contexts', '--apply', '--json']).stdout) as { applied: boolean; written: string[]; contexts: unknown[] };
		expect(applied.applied).toBe(true);
		expect(applied.contexts).toEqual(dry.contexts);
		expect(applied.written).toHaveLength(14);
		for (const path of applied.written) expect(existsSync(join(vault.dir, path))).toBe(true);
	});

	it('follows the vault’s markdown link setting', async () => {
		vault.write({ '.obsidian/app.json': '{ "useMarkdownLinks": true }\n' });
		const before = vault.files();
		expect(vault.run(['contexts', '--apply'], { now: NOW }).code).toBe(0);
		const after = vault.files();
		expect(after).toEqual(await coreFiles(before, 'markdown'));
		expect(after['specs/1000/1001/1014.context.md']).toContain('**Spec**: [1014 - Cold Storage NAS Integration](1014.spec.md)  \n');
		expect(after['specs/1000/1001/1014.context.md']).toContain('### Documentation\n- [Setup Guide](deliverables/docs/nas-setup-guide.md)\n');
		expect(after['specs/3000/epic.md']).toContain('\ncontext: "[Implementation Journal](context.md)"\n');
	});

	it('--apply makes no empty context for a spec whose history sits in a journal kept apart; it names the journal, and migrate places it', () => {
		const journal = 'specs/context/2025-08-20-hot-storage-session.md';
		vault.write({ [journal]: '# Hot Storage Session\n\n**ID**: 1011-hot-storage-nvme\n\n## Work\n- Partitioned the drives\n' });
		const r = vault.run(['contexts', '--apply']);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(
			`Skipped 1 spec:\n  specs/1000/1001/1011.spec.md: its history is in ${journal}, a journal that names it; no empty context made. Migrate to make that journal its context (spec-work migrate)\n`,
		);
		expect(existsSync(join(vault.dir, 'specs/1000/1001/1011.context.md'))).toBe(false);
		const migrate = vault.run(['migrate', '--apply']);
		expect(migrate.stdout).toContain(`  ${journal} → specs/1000/1001/1011.context.md\n`);
		expect(vault.files()['specs/1000/1001/1011.context.md']).toContain('- Partitioned the drives\n');
		expect(vault.run(['contexts']).stdout).toBe('Every spec has a context file (10 specs); nothing to do.\n');
	});

	it('takes no id', () => {
		const r = vault.run(['contexts', '1014']);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('spec-work contexts: unexpected argument "1014"\nUsage: spec-work contexts [--apply]\n');
	});
});
