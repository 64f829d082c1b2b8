import { WorkflowError } from '../workspace/workflow-error';

/** What one git run gave back. A non-zero code is not an error here: callers decide what it means. */
export interface GitResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * The few operating-system services the git features need. The CLI builds it from Node's modules at
 * start-up; the plugin builds it from modules required lazily on desktop (mobile has none of them).
 */
export interface GitHost {
	/** Runs `git` with these arguments, never through a shell. Rejects only when git cannot be started. */
	run(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<GitResult>;
	/** Deletes a file by absolute path; a missing file is not an error. */
	removeFile(path: string): Promise<void>;
	/** Whether a file or folder exists at this absolute path. */
	exists(path: string): Promise<boolean>;
}

interface ExecOptions {
	cwd: string;
	env: Record<string, string | undefined>;
	encoding: 'utf8';
	maxBuffer: number;
	windowsHide: boolean;
}

type ExecCallback = (error: (Error & { code?: string | number | null }) | null, stdout: string, stderr: string) => void;

/** The Node modules a GitHost is made of, passed in so the plugin can require them lazily. */
export interface GitHostModules {
	/** Node's child_process, or anything with its execFile (the core names only what it calls). */
	childProcess: { execFile(file: string, args: string[], options: ExecOptions, callback: ExecCallback): unknown };
	/** Node's fs, or anything with these two of its functions. */
	fs: { rmSync(path: string, options: { force: boolean }): void; existsSync(path: string): boolean };
	/** The environment git runs with (HOME, PATH, the user's git settings). */
	env: Record<string, string | undefined>;
}

/**
 * Variables every run gets: pathspecs are literal file names (a `*` or `:` in a note's name is not
 * a pattern), reads never take optional locks (so `git status` does not rewrite the user's index),
 * and git never waits for a password prompt.
 */
const FIXED_ENV = { GIT_LITERAL_PATHSPECS: '1', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };

export function createGitHost(modules: GitHostModules): GitHost {
	return {
		run(args, options) {
			const env = { ...modules.env, ...FIXED_ENV, ...options.env };
			return new Promise((resolve, reject) => {
				modules.childProcess.execFile('git', [...args], { cwd: options.cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
					if (error && typeof error.code !== 'number') {
						const why = error.code === 'ENOENT' ? 'git was not found on the PATH (is it installed?)' : `git could not be started: ${error.message}`;
						reject(new WorkflowError('no-git', why));
						return;
					}
					resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
				});
			});
		},
		removeFile(path) {
			modules.fs.rmSync(path, { force: true });
			return Promise.resolve();
		},
		exists(path) {
			return Promise.resolve(modules.fs.existsSync(path));
		},
	};
}
