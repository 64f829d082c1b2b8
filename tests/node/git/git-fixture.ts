import { execFileSync, spawnSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, relative } from 'path';
import { CliRun, spawnCli } from '../../helpers/cli-process';
import { EXAMPLE_VAULT } from '../../helpers/vault-files';

/** When the fixture's first commit was made: before any session the tests start (2025-08-28 10:00). */
export const SETUP_DATE = '2025-08-27T12:00:00+00:00';

/**
 * Environment for git in tests: no system or global config (so the machine's settings cannot
 * interfere), never looking above the temporary folder for a repository, UTC.
 */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '',
		TZ: 'UTC',
		HOME: tmpdir(),
		GIT_CONFIG_NOSYSTEM: '1',
		GIT_CONFIG_GLOBAL: '/dev/null',
		GIT_CEILING_DIRECTORIES: tmpdir(),
		...extra,
	};
}

/** A temporary folder holding a copy of the example vault at `vaultDir` (relative), optionally in a git repository. */
export class GitFixture {
	readonly dir: string;
	readonly vault: string;

	constructor(options: { vaultDir?: string; git?: 'none' | 'empty' | 'committed' } = {}) {
		this.dir = mkdtempSync(join(tmpdir(), 'spec-work-git-'));
		this.vault = options.vaultDir ? join(this.dir, options.vaultDir) : this.dir;
		mkdirSync(this.vault, { recursive: true });
		cpSync(EXAMPLE_VAULT, this.vault, { recursive: true });
		const git = options.git ?? 'committed';
		if (git === 'none') return;
		this.git('init', '-q', '-b', 'main');
		this.git('config', 'user.name', 'Test User');
		this.git('config', 'user.email', 'test@example.com');
		if (git === 'committed') {
			this.git('add', '-A');
			this.git('commit', '-q', '-m', 'Set up the vault');
		}
	}

	/** Runs git in the repository (dates fixed to SETUP_DATE unless `env` says otherwise). */
	git(...args: string[]): string {
		return this.gitWith({}, ...args);
	}

	gitWith(env: Record<string, string>, ...args: string[]): string {
		return execFileSync('git', args, {
			cwd: this.dir,
			encoding: 'utf8',
			env: gitEnv({ GIT_AUTHOR_DATE: SETUP_DATE, GIT_COMMITTER_DATE: SETUP_DATE, ...env }),
		});
	}

	/** Runs git where it is expected to stop (a conflict): its exit code and output, never a throw. */
	gitStopping(env: Record<string, string>, ...args: string[]): CliRun {
		const r = spawnSync('git', args, {
			cwd: this.dir,
			encoding: 'utf8',
			env: gitEnv({ GIT_AUTHOR_DATE: SETUP_DATE, GIT_COMMITTER_DATE: SETUP_DATE, ...env }),
		});
		return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
	}

	/** `git status --porcelain` lines, by path. */
	status(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const line of this.git('status', '--porcelain', '--untracked-files=all').split('\n')) {
			if (line !== '') out[line.slice(3)] = line.slice(0, 2);
		}
		return out;
	}

	/** Runs the built spec-work in the vault with the given clock and extra environment. */
	run(args: string[], options: { now?: string; env?: Record<string, string> } = {}): CliRun {
		return spawnCli([...args, '--vault', this.vault], { cwd: this.dir, now: options.now, env: gitEnv(options.env) });
	}

	read(vaultPath: string): string {
		return readFileSync(join(this.vault, vaultPath), 'utf8');
	}

	write(path: string, text: string): void {
		mkdirSync(dirname(join(this.dir, path)), { recursive: true });
		writeFileSync(join(this.dir, path), text);
	}

	append(path: string, text: string): void {
		writeFileSync(join(this.dir, path), readFileSync(join(this.dir, path), 'utf8') + text);
	}

	/** Every file of the work tree below `dir` (the repository by default) but .git, as its bytes. */
	files(dir: string = this.dir): Record<string, Buffer> {
		const out: Record<string, Buffer> = {};
		const walk = (folder: string): void => {
			for (const entry of readdirSync(folder, { withFileTypes: true })) {
				if (entry.name === '.git') continue;
				const abs = join(folder, entry.name);
				if (entry.isDirectory()) walk(abs);
				else out[relative(dir, abs)] = readFileSync(abs);
			}
		};
		walk(dir);
		return out;
	}

	cleanup(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
