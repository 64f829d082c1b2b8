import { spawnSync } from 'child_process';
import { readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CLI, TempVault } from '../helpers/cli-process';

/**
 * A spec-work killed part-way through a write of several files (deliver creates the deliverable
 * and edits the spec and its context): the next run must find the vault with the whole operation
 * or none of it, and nothing a retry trips on. SPEC_WORK_CRASH_AFTER is the CLI's test hook that
 * SIGKILLs it right after a phase of the write (see src/node/write-journal.ts).
 */

const DELIVER = ['deliver', '1014', '--type', 'docs', '--file', 'faq.md', '--title', 'FAQ', '--purpose', 'Common questions', '--stdin'];
const FAQ = '# FAQ\n\nQ: Why?\nA: Because.\n';
const NOW = '2025-08-28T10:00';

function run(vault: TempVault, args: string[], env: Record<string, string> = {}, input = ''): { status: number | null; signal: string | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: vault.dir,
		input,
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '', TZ: 'UTC', SPEC_WORK_NOW: NOW, ...env },
	});
	return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The vault's notes; the vault lock a killed process leaves behind is not content. */
function content(vault: TempVault): Record<string, string> {
	const files = vault.files();
	delete files['.spec-work.lock'];
	return files;
}

/** Hidden files spec-work writes on the way (temporary files, the journal) still in the vault. */
function leftovers(vault: TempVault): string[] {
	return Object.keys(vault.files()).filter((p) => /\.spec-work-\d+\.tmp$|\.spec-work\.pending\.json$/.test(p));
}

describe('a write of several files killed part-way', () => {
	let before: Record<string, string>;
	let after: Record<string, string>;
	beforeAll(() => {
		const clean = new TempVault();
		before = content(clean);
		expect(run(clean, DELIVER, {}, FAQ).status).toBe(0);
		after = content(clean);
		clean.cleanup();
		// The operation under test really touches three files.
		const changed = Object.keys(after).filter((p) => after[p] !== before[p]);
		expect(changed.sort()).toEqual(['specs/1000/1001/1014.context.md', 'specs/1000/1001/1014.spec.md', 'specs/1000/1001/deliverables/docs/faq.md']);
	});

	let vault: TempVault;
	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it('before its commit point leaves nothing: the next write removes the temporary files, and the retry succeeds', () => {
		const crashed = run(vault, DELIVER, { SPEC_WORK_CRASH_AFTER: 'temps' }, FAQ);
		expect(crashed.signal).toBe('SIGKILL');
		expect(leftovers(vault)).toHaveLength(3);

		const retry = run(vault, DELIVER, {}, FAQ);
		expect(retry).toMatchObject({ status: 0, stderr: '' });
		expect(content(vault)).toEqual(after);
		expect(leftovers(vault)).toEqual([]);
	});

	it.each(['journal', 'first-target', 'targets'])('after its commit point (killed after %s) is finished by the next run, whatever it is', (phase) => {
		const crashed = run(vault, DELIVER, { SPEC_WORK_CRASH_AFTER: phase }, FAQ);
		expect(crashed.signal).toBe('SIGKILL');

		const next = run(vault, ['status', '1014']);
		expect(next.status).toBe(0);
		const finished = {
			journal: 'spec-work: finished an interrupted write: specs/1000/1001/deliverables/docs/faq.md, specs/1000/1001/1014.spec.md, specs/1000/1001/1014.context.md\n',
			'first-target': 'spec-work: finished an interrupted write: specs/1000/1001/1014.spec.md, specs/1000/1001/1014.context.md\n',
			// Every file was in place; only the journal was left, and it goes quietly.
			targets: '',
		}[phase];
		expect(next.stderr).toBe(finished);
		expect(content(vault)).toEqual(after);
		expect(leftovers(vault)).toEqual([]);
		// The deliverable is there, registered, so a second deliver is rightly refused.
		expect(run(vault, DELIVER, {}, FAQ)).toMatchObject({ status: 1 });
		expect(content(vault)).toEqual(after);
	});

	it('leaves a note edited after the crash as it is, says so in one line, and finishes the rest', () => {
		expect(run(vault, DELIVER, { SPEC_WORK_CRASH_AFTER: 'journal' }, FAQ).signal).toBe('SIGKILL');
		const spec = 'specs/1000/1001/1014.spec.md';
		const edited = before[spec] + '\nEdited in Obsidian after the crash.\n';
		writeFileSync(join(vault.dir, spec), edited);

		const next = run(vault, ['status', '1014']);
		expect(next.stderr.split('\n')).toEqual([
			'spec-work: finished an interrupted write: specs/1000/1001/deliverables/docs/faq.md, specs/1000/1001/1014.context.md',
			`spec-work: ${spec} changed after an interrupted write; it is left as it is, without that write's change`,
			'',
		]);
		expect(content(vault)).toEqual({ ...after, [spec]: edited });
		expect(leftovers(vault)).toEqual([]);
	});

	it('leaves the journal of a run still going to that run', () => {
		expect(run(vault, DELIVER, { SPEC_WORK_CRASH_AFTER: 'journal' }, FAQ).signal).toBe('SIGKILL');
		const journal = join(vault.dir, '.spec-work.pending.json');
		const planned = vault.files()['.spec-work.pending.json'];
		// As if the writer were this (live) test process.
		writeFileSync(journal, planned.replace(/"pid": \d+/, `"pid": ${process.pid}`));

		expect(run(vault, ['status', '1014'])).toMatchObject({ status: 0, stderr: '' });
		expect(readdirSync(vault.dir)).toContain('.spec-work.pending.json');
		expect(content(vault)['specs/1000/1001/1014.spec.md']).toBe(before['specs/1000/1001/1014.spec.md']);
	});
});
