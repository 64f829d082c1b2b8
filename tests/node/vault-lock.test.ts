import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, utimesSync } from 'fs';
import { hostname } from 'os';
import { join, relative } from 'path';
import { spawnCliAsync, TempVault } from '../helpers/cli-process';

/** The vault lock as real spec-work processes meet it (docs/cli.md, "When two writers meet"). */
const LOCK = '.spec-work.lock';
const CONTEXT = 'specs/1000/1001/1014.context.md';

/** Every file of the vault, .obsidian included, as its bytes. */
function bytesOf(dir: string): Record<string, Buffer> {
	const out: Record<string, Buffer> = {};
	const walk = (abs: string): void => {
		for (const e of readdirSync(abs, { withFileTypes: true })) {
			const child = join(abs, e.name);
			if (e.isDirectory()) walk(child);
			else out[relative(dir, child)] = readFileSync(child);
		}
	};
	walk(dir);
	return out;
}

/** The pid of a process that has exited. */
function deadPid(): number {
	const r = spawnSync(process.execPath, ['-e', '']);
	return r.pid ?? 0;
}

function lockText(holder: { pid: number; host?: string; verb?: string; since?: string }): string {
	return JSON.stringify({ host: hostname(), verb: 'deliver', since: '2025-08-28T09:59:00.000Z', ...holder }) + '\n';
}

describe('the vault lock', () => {
	let vault: TempVault;
	const run = (args: string[], env: Record<string, string> = {}) => spawnCliAsync(args, { cwd: vault.dir, env });
	beforeEach(() => {
		vault = new TempVault();
	});
	afterEach(() => vault.cleanup());

	it('a writer takes over a lock left by a process that has exited, and leaves no lock behind', async () => {
		vault.write({ [LOCK]: lockText({ pid: deadPid(), verb: 'log' }) });
		const r = await run(['start', '1014', '--title', 'After a crash'], { SPEC_WORK_LOCK_TIMEOUT: '20' });
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(vault.files()[CONTEXT]).toContain('### Session 3: 2025-08-28 - After a crash\n');
		expect(existsSync(join(vault.dir, LOCK))).toBe(false);
	});

	it('20 writers racing for the same dead lock: each takes its turn, every entry lands once', async () => {
		expect(vault.run(['start', '1014', '--title', 'Race']).code).toBe(0);
		vault.write({ [LOCK]: lockText({ pid: deadPid(), verb: 'log' }) });
		const entries = Array.from({ length: 20 }, (_, n) => `after the crash, entry ${n + 1};`);
		const runs = await Promise.all(entries.map((e) => run(['log', '1014', 'implementation', e])));
		expect(runs.map((r) => `${r.code} ${r.stderr}`)).toEqual(runs.map(() => '0 '));
		const context = vault.files()[CONTEXT];
		expect(entries.map((e) => context.split(`- ${e}\n`).length - 1)).toEqual(entries.map(() => 1));
		expect(existsSync(join(vault.dir, LOCK))).toBe(false);
	}, 120_000); // twenty Node processes in turn on a busy 2-core machine

	it('an empty lock a few seconds old (a crash between create and write) is taken over', async () => {
		vault.write({ [LOCK]: '' });
		const aMinuteAgo = new Date(Date.now() - 60_000);
		utimesSync(join(vault.dir, LOCK), aMinuteAgo, aMinuteAgo);
		const r = await run(['start', '1014', '--title', 'Half-made lock'], { SPEC_WORK_LOCK_TIMEOUT: '20' });
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(existsSync(join(vault.dir, LOCK))).toBe(false);
	});

	it('a writer waits for a live holder and, on timeout, says who holds it in one line and writes nothing', async () => {
		vault.write({ [LOCK]: lockText({ pid: process.pid }) });
		const before = bytesOf(vault.dir);
		const r = await run(['start', '1014', '--title', 'Blocked'], { SPEC_WORK_LOCK_TIMEOUT: '1' });
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toBe(
			`spec-work: The vault is busy: spec-work deliver (pid ${process.pid}, since 2025-08-28T09:59:00.000Z) holds ${join(vault.dir, LOCK)}; nothing was written. Run the command again once it has finished, or delete that file if no spec-work is running\n`,
		);
		expect(bytesOf(vault.dir)).toEqual(before);
	});

	it('a lock held on another host is never taken over, whatever its pid: that host is named', async () => {
		vault.write({ [LOCK]: lockText({ pid: deadPid(), host: 'nas-backup-host', verb: 'finish' }) });
		const before = bytesOf(vault.dir);
		const r = await run(['log', '1014', 'implementation', 'x'], { SPEC_WORK_LOCK_TIMEOUT: '0' });
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(
			/^spec-work: The vault is busy: spec-work finish \(pid \d+ on nas-backup-host, since 2025-08-28T09:59:00\.000Z\) holds .*; nothing was written\. .*\n$/,
		);
		expect(bytesOf(vault.dir)).toEqual(before);
	});

	it('a fresh lock naming no holder is waited for, not taken over', async () => {
		vault.write({ [LOCK]: '' });
		const before = bytesOf(vault.dir);
		const r = await run(['start', '1014'], { SPEC_WORK_LOCK_TIMEOUT: '0' });
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('spec-work: The vault is busy: another spec-work (its lock file names no holder) holds ');
		expect(r.stderr.split('\n')).toHaveLength(2);
		expect(bytesOf(vault.dir)).toEqual(before);
	});

	it('calls that only read run while the lock is held', async () => {
		vault.write({ [LOCK]: lockText({ pid: process.pid }) });
		const before = bytesOf(vault.dir);
		const reads = [
			['list'],
			['status', '1014'],
			['status', '--all'],
			['resume', '1014'],
			['next'],
			['new', 'task', '--parent', '1001', '--suggest'],
			['deliverables', '1014'],
			['validate'],
			['migrate'],
			['contexts'],
		];
		const runs = await Promise.all(reads.map((args) => run(args, { SPEC_WORK_LOCK_TIMEOUT: '0' })));
		expect(runs.map((r, i) => `${reads[i].join(' ')}: ${r.code} ${r.stderr}`)).toEqual(reads.map((args) => `${args.join(' ')}: 0 `));
		expect(bytesOf(vault.dir)).toEqual(before);
	});

	it('every call that may write waits for the lock, and writes nothing when it cannot have it', async () => {
		vault.write({ [LOCK]: lockText({ pid: process.pid }) });
		const before = bytesOf(vault.dir);
		const writes = [
			['start', '1014'],
			['log', '1014', 'testing', 'x'],
			['task', '1014', '6', 'done'],
			['deliver', '1014', '--type', 'docs', '--file', 'x.md', '--stdin'],
			['finish', '1014'],
			['new', 'task', '--parent', '1001', '--title', 'Archive'],
			['deliverables', '1014', '--write'],
			['validate', '--fix'],
			['migrate', '--apply'],
			['migrate', '--revert', 'last'],
			['contexts', '--apply'],
			['init-agent'],
			['commit', '1014', '-m', 'x'],
			['commits', '1014', '--all'],
			['commits', '1014', 'abc1234'],
		];
		const runs = await Promise.all(writes.map((args) => run(args, { SPEC_WORK_LOCK_TIMEOUT: '0' })));
		expect(runs.map((r, i) => `${writes[i].join(' ')}: ${r.code} ${r.stderr.startsWith('spec-work: The vault is busy: ')}`)).toEqual(
			writes.map((args) => `${args.join(' ')}: 1 true`),
		);
		expect(bytesOf(vault.dir)).toEqual(before);
	});

	it('a writer that fails releases the lock, so the next one is not kept waiting', async () => {
		const failed = await run(['log', '1014', 'testing', 'no session yet'], { SPEC_WORK_LOCK_TIMEOUT: '0' });
		expect(failed.code).toBe(1);
		expect(failed.stderr).toBe('spec-work: Spec 1014 has no active session; start one with: spec-work start 1014\n');
		expect(existsSync(join(vault.dir, LOCK))).toBe(false);
		expect((await run(['start', '1014'], { SPEC_WORK_LOCK_TIMEOUT: '0' })).code).toBe(0);
	});

	it('a SPEC_WORK_LOCK_TIMEOUT that is not a number of seconds is one line, and nothing is written', async () => {
		const before = bytesOf(vault.dir);
		const r = await run(['start', '1014'], { SPEC_WORK_LOCK_TIMEOUT: 'soon' });
		expect(r.code).toBe(1);
		expect(r.stderr).toBe('spec-work: SPEC_WORK_LOCK_TIMEOUT is not a number of seconds: soon\n');
		expect(bytesOf(vault.dir)).toEqual(before);
	});
});
