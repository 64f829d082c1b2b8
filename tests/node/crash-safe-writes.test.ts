import { spawnSync } from 'child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { hostname } from 'os';
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
/** A writing call that finds nothing to write in the example vault. */
const FIX = ['validate', '--fix'];

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

	it.each(['journal', 'first-target', 'targets'])('after its commit point (killed after %s) is finished by the next writing run, whatever it is', (phase) => {
		const crashed = run(vault, DELIVER, { SPEC_WORK_CRASH_AFTER: phase }, FAQ);
		expect(crashed.signal).toBe('SIGKILL');

		// A writing call (here one with nothing of its own to write) takes the lock and repairs first.
		const next = run(vault, FIX);
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

		// validate --fix would register the deliverable in the edited spec: a writer that writes elsewhere.
		const next = run(vault, ['base', '--file', 'Crash.base']);
		rmSync(join(vault.dir, 'specs/Crash.base'));
		expect(next.stderr.split('\n')).toEqual([
			'spec-work: finished an interrupted write: specs/1000/1001/deliverables/docs/faq.md, specs/1000/1001/1014.context.md',
			`spec-work: ${spec} changed after an interrupted write; it is left as it is, without that write's change`,
			'',
		]);
		expect(content(vault)).toEqual({ ...after, [spec]: edited });
		expect(leftovers(vault)).toEqual([]);
	});

	it('is left to the next writing run by a call that only reads: it says so, writes nothing and takes no lock', () => {
		expect(run(vault, DELIVER, { SPEC_WORK_CRASH_AFTER: 'journal' }, FAQ).signal).toBe('SIGKILL');
		const crashed = vault.files();
		// A live holder of the lock (this test process): a reader neither waits for it nor repairs.
		writeFileSync(join(vault.dir, '.spec-work.lock'), JSON.stringify({ pid: process.pid, host: hostname(), verb: 'log', since: NOW }) + '\n');
		for (const args of [['status', '1014'], ['list'], ['validate']]) {
			const r = run(vault, args);
			expect(r.stderr).toBe(
				'spec-work: an interrupted write is pending (specs/1000/1001/deliverables/docs/faq.md, specs/1000/1001/1014.spec.md, specs/1000/1001/1014.context.md); this call only reads and shows the files as they are; the next writing command finishes it\n',
			);
			expect(vault.files()).toEqual({ ...crashed, '.spec-work.lock': vault.files()['.spec-work.lock'] });
		}
		// A writer waits for the lock, so while it is held the journal stays.
		expect(run(vault, FIX, { SPEC_WORK_LOCK_TIMEOUT: '0' })).toMatchObject({ status: 1 });
		expect(readdirSync(vault.dir)).toContain('.spec-work.pending.json');

		rmSync(join(vault.dir, '.spec-work.lock'));
		expect(run(vault, FIX).stderr).toMatch(/^spec-work: finished an interrupted write: /);
		expect(content(vault)).toEqual(after);
		expect(leftovers(vault)).toEqual([]);
	});

	it('moves a journal it cannot read aside, keeping its bytes, instead of replacing it with the next write', () => {
		writeFileSync(join(vault.dir, '.spec-work.pending.json'), '{"pid": 12');
		expect(run(vault, ['status', '1014']).stderr).toBe(
			'spec-work: .spec-work.pending.json in the vault is not a journal spec-work can read; the next writing command moves it aside\n',
		);
		expect(readFileSync(join(vault.dir, '.spec-work.pending.json'), 'utf8')).toBe('{"pid": 12');

		const r = run(vault, DELIVER, {}, FAQ);
		expect(r.status).toBe(0);
		const aside = readdirSync(vault.dir).filter((n) => n.startsWith('.spec-work.pending.json'));
		expect(aside).toEqual([expect.stringMatching(/^\.spec-work\.pending\.json\.unreadable-[0-9TZ-]+$/)]);
		expect(r.stderr).toBe(
			`spec-work: .spec-work.pending.json in the vault is not a journal spec-work can read; nothing of it was applied, and it was moved aside to ${aside[0]}\n`,
		);
		expect(readFileSync(join(vault.dir, aside[0]), 'utf8')).toBe('{"pid": 12');
		expect(content(vault)).toEqual({ ...after, [aside[0]]: '{"pid": 12' });
	});

	it('leaves the journal of a run still going to that run', () => {
		expect(run(vault, DELIVER, { SPEC_WORK_CRASH_AFTER: 'journal' }, FAQ).signal).toBe('SIGKILL');
		const journal = join(vault.dir, '.spec-work.pending.json');
		const planned = vault.files()['.spec-work.pending.json'];
		// As if the writer were this (live) test process.
		writeFileSync(journal, planned.replace(/"pid": \d+/, `"pid": ${process.pid}`));

		expect(run(vault, ['status', '1014'])).toMatchObject({ status: 0, stderr: '' });
		expect(run(vault, FIX)).toMatchObject({ status: 0, stderr: '' });
		expect(readdirSync(vault.dir)).toContain('.spec-work.pending.json');
		expect(content(vault)['specs/1000/1001/1014.spec.md']).toBe(before['specs/1000/1001/1014.spec.md']);
	});
});
