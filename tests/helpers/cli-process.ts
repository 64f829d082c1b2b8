import { spawn, spawnSync } from 'child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { EXAMPLE_VAULT, readVaultFiles } from './vault-files';

export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs the built `spec-work` as a real process. */
export function spawnCli(args: string[], options: { cwd: string; now?: string; input?: string; env?: Record<string, string> }): CliRun {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: options.cwd,
		input: options.input ?? '',
		encoding: 'utf8',
		env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? 'UTC', SPEC_WORK_NOW: options.now ?? '2025-08-28T10:00', ...options.env },
	});
	return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Starts the built `spec-work` as a real process without waiting for it, so several run at once;
 * resolves when it has exited.
 */
export function spawnCliAsync(args: string[], options: { cwd: string; now?: string; input?: string; env?: Record<string, string> }): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			cwd: options.cwd,
			env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? 'UTC', SPEC_WORK_NOW: options.now ?? '2025-08-28T10:00', ...options.env },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
		child.stdin.end(options.input ?? '');
	});
}

/** A temporary vault: a copy of examples/vault, or the given files. Remove with `cleanup()`. */
export class TempVault {
	readonly dir: string;

	constructor(files?: Record<string, string>) {
		this.dir = mkdtempSync(join(tmpdir(), 'spec-work-'));
		if (files === undefined) cpSync(EXAMPLE_VAULT, this.dir, { recursive: true });
		else this.write(files);
	}

	write(files: Record<string, string>): void {
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(dirname(join(this.dir, path)), { recursive: true });
			writeFileSync(join(this.dir, path), text);
		}
	}

	files(): Record<string, string> {
		return readVaultFiles(this.dir);
	}

	run(args: string[], options: { now?: string; input?: string; cwd?: string } = {}): CliRun {
		return spawnCli(args, { cwd: options.cwd ?? this.dir, now: options.now, input: options.input });
	}

	cleanup(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
