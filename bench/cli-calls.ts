/**
 * One `spec-work status <id>` call as a whole process, as an agent makes it: with a cold index
 * cache (none on disk), with a warm one (left by the call before), and `node -e 0` as the floor
 * of starting Node at all. Wall-clock time of the process, from spawn to exit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface CliCallTimes {
	nodeFloor: number[];
	cold: number[];
	warm: number[];
}

function timed(args: string[], env: NodeJS.ProcessEnv): number {
	const t0 = performance.now();
	const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
	const ms = performance.now() - t0;
	if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	return ms;
}

export function measureCliCalls(cli: string, vault: string, id: string, runs: number): CliCallTimes {
	const cache = mkdtempSync(join(os.tmpdir(), 'spec-work-bench-cache-'));
	const env = { ...process.env, SPEC_WORK_CACHE_DIR: cache, SPEC_WORK_NOW: '2025-08-28T10:00' };
	const status = [cli, 'status', id, '--vault', vault];
	const out: CliCallTimes = { nodeFloor: [], cold: [], warm: [] };
	try {
		for (let i = 0; i < runs; i++) {
			out.nodeFloor.push(timed(['-e', '0'], env));
			rmSync(cache, { recursive: true, force: true });
			out.cold.push(timed(status, env));
			out.warm.push(timed(status, env));
		}
	} finally {
		rmSync(cache, { recursive: true, force: true });
	}
	return out;
}
