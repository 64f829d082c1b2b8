import { appendFileSync, readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { TempVault } from '../helpers/cli-process';
import { readVaultFiles } from '../helpers/vault-files';

/*
 * An agent reads a spec, a person edits its journal in Obsidian, the agent writes on what it read:
 * with --if-match the write is refused and the person's edit stands; read again, and it lands.
 */

const VAULT = join(__dirname, '..', 'fixtures', 'real-vaults', 'seed-walkthrough');
const CONTEXT = 'specs/1000/1001/1014.context.md';
const NOW = { now: '2025-08-28T10:00' };

/** Every file of the vault as bytes, by path. */
function bytes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		out[relative(dir, path)] = readFileSync(path).toString('base64');
	}
	return out;
}

describe('spec-work writes with --if-match', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault(readVaultFiles(VAULT));
		expect(vault.run(['start', '1014', '--title', 'Troubleshooting guide'], NOW).code).toBe(0);
	});
	afterEach(() => vault.cleanup());

	const revision = (verb: 'status' | 'resume'): string => (JSON.parse(vault.run([verb, '1014', '--json'], NOW).stdout) as { revision: string }).revision;

	it('refuses a write based on what was read before a person edited the journal, changing no byte; a fresh revision writes, keeping the edit', () => {
		const read = revision('status');
		expect(revision('resume')).toBe(read);
		appendFileSync(join(vault.dir, CONTEXT), 'A note typed in Obsidian while the agent worked.\r\n');
		const before = bytes(vault.dir);

		const refused = vault.run(['log', '1014', 'testing', 'Mounted the share', '--if-match', read], NOW);
		expect(refused).toEqual({
			code: 1,
			stdout: '',
			stderr: `spec-work: ${CONTEXT} changed since revision ${read} was read; read it again (spec-work status 1014) and retry\n`,
		});
		expect(bytes(vault.dir)).toEqual(before);

		const fresh = revision('status');
		expect(fresh.split('.')[0]).toBe(read.split('.')[0]);
		expect(fresh).not.toBe(read);
		const logged = vault.run(['log', '1014', 'testing', 'Mounted the share', '--if-match', fresh], NOW);
		expect([logged.code, logged.stderr]).toEqual([0, '']);
		const journal = vault.files()[CONTEXT];
		expect(journal).toContain('#### Testing\n- Mounted the share\n');
		expect(journal).toContain('A note typed in Obsidian while the agent worked.\r\n');
	});

	it('each write verb takes --if-match; an unchanged revision lets them all through in turn', () => {
		const steps = [
			['task', '1014', '6', 'in-progress'],
			['log', '1014', 'implementation', 'Wrote the stale file handle section'],
			['deliver', '1014', '--type', 'docs', '--file', 'stale-handles.md', '--title', 'Stale file handles', '--stdin'],
			['task', '1014', '6', 'done'],
			['finish', '1014', '--summary', 'Troubleshooting guide written'],
		];
		for (const step of steps) {
			const run = vault.run([...step, '--if-match', revision('status')], { ...NOW, input: '# Stale file handles\n' });
			expect([step[0], run.code, run.stderr]).toEqual([step[0], 0, '']);
		}
	});

	it('refuses what is not a revision, changing nothing', () => {
		const before = bytes(vault.dir);
		const run = vault.run(['task', '1014', '6', 'done', '--if-match', 'latest'], NOW);
		expect(run).toEqual({
			code: 1,
			stdout: '',
			stderr: 'spec-work: "latest" is not a revision: give the one status or resume printed (12 hex digits, a dot, 12 hex digits or "none")\n',
		});
		expect(bytes(vault.dir)).toEqual(before);
	});
});
