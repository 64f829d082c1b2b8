/**
 * Calls of `spec-work` as whole processes, as an agent makes them: `status` with a cold index
 * cache (none on disk; the call writes it) and a warm one (left by the call before), the
 * deliverables report the same way, a `log` (a write) with a warm cache, and `node -e 0` as the
 * floor of starting Node at all. Wall-clock time of the process, from spawn to exit. Also the
 * cache's size on disk and the peak memory of a warm status call.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface CliCallTimes {
	nodeFloor: number[];
	cold: number[];
	warm: number[];
	reportCold: number[];
	reportWarm: number[];
	logWarm: number[];
	validateWarm: number[];
	/** Bytes of the cache files after the calls: spec facts, and the link graph the report adds. */
	cacheBytes: { specs: number; links: number };
	/** Peak resident memory of one warm status call, from /usr/bin/time; null where it is missing. */
	warmPeakRssMb: number | null;
}

/** Runs a call; with `findings`, exit 1 (validate found errors, as in the bench's vaults) is a success too. */
function run(args: string[], env: NodeJS.ProcessEnv, findings = false): string {
	const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 64 * 1048576 });
	if (r.status !== 0 && !(findings && r.status === 1)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	return r.stdout;
}

function timed(args: string[], env: NodeJS.ProcessEnv, findings = false): number {
	const t0 = performance.now();
	run(args, env, findings);
	return performance.now() - t0;
}

/** Every file under `folder` with its bytes, to put back after the writing calls. */
function snapshot(folder: string): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) out.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)));
	}
	return out;
}

function restore(folder: string, saved: Map<string, Buffer>): void {
	for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
		const path = join(entry.parentPath, entry.name);
		if (entry.isFile() && !saved.has(path)) rmSync(path);
	}
	for (const [path, bytes] of saved) writeFileSync(path, bytes);
}

function peakRssMb(args: string[], env: NodeJS.ProcessEnv): number | null {
	if (!existsSync('/usr/bin/time')) return null;
	const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env, encoding: 'utf8' });
	const kb = Number(r.stderr.trim().split('\n').pop());
	return r.status === 0 && Number.isFinite(kb) ? kb / 1024 : null;
}

export function measureCliCalls(cli: string, vault: string, ids: { feature: string; task: string }, runs: number): CliCallTimes {
	const cache = mkdtempSync(join(os.tmpdir(), 'spec-work-bench-cache-'));
	const env = { ...process.env, SPEC_WORK_CACHE_DIR: cache, SPEC_WORK_NOW: '2025-08-28T10:00' };
	const status = [cli, 'status', ids.feature, '--vault', vault];
	const report = [cli, 'deliverables', ids.task, '--vault', vault];
	const validate = [cli, 'validate', '--vault', vault];
	const out: CliCallTimes = {
		nodeFloor: [],
		cold: [],
		warm: [],
		reportCold: [],
		reportWarm: [],
		logWarm: [],
		validateWarm: [],
		cacheBytes: { specs: 0, links: 0 },
		warmPeakRssMb: null,
	};
	try {
		for (let i = 0; i < runs; i++) {
			out.nodeFloor.push(timed(['-e', '0'], env));
			rmSync(cache, { recursive: true, force: true });
			out.cold.push(timed(status, env));
			out.warm.push(timed(status, env));
			out.reportCold.push(timed(report, env));
			out.reportWarm.push(timed(report, env));
			run(validate, env, true);
			out.validateWarm.push(timed(validate, env, true));
		}
		out.warmPeakRssMb = peakRssMb(status, env);
		const bytesOf = (kind: string) => readdirSync(cache).reduce((n, f) => (f.endsWith(`.${kind}.json`) ? n + statSync(join(cache, f)).size : n), 0);
		out.cacheBytes = { specs: bytesOf('specs'), links: bytesOf('links') };
		// A log into an open session: the task's session is started once, untimed, and its folder put back afterwards.
		const specPath = (JSON.parse(run([cli, 'status', ids.task, '--vault', vault, '--json'], env)) as { path: string }).path;
		const folder = join(vault, dirname(specPath));
		const saved = snapshot(folder);
		try {
			const started = JSON.parse(run([cli, 'start', ids.task, '--vault', vault, '--json'], env)) as { written: string[] };
			const outside = started.written.filter((p) => !join(vault, p).startsWith(folder + '/'));
			if (outside.length > 0) throw new Error(`start wrote outside ${folder}, which the bench cannot put back: ${outside.join(', ')}`);
			run([cli, 'status', ids.feature, '--vault', vault], env);
			for (let i = 0; i < runs; i++) out.logWarm.push(timed([cli, 'log', ids.task, 'implementation', `Bench entry ${i}`, '--vault', vault], env));
		} finally {
			restore(folder, saved);
		}
	} finally {
		rmSync(cache, { recursive: true, force: true });
	}
	return out;
}
