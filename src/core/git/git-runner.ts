import { WorkflowError } from '../workspace/workflow-error';
import type { GitHost, GitResult } from './git-host';

/** Where HEAD stands: no commits yet (hash null), on a branch, or detached (branch null). */
export interface GitHead {
	hash: string | null;
	branch: string | null;
}

/**
 * The git repository that holds a vault. The vault may be the repository's root or any folder in
 * it; paths are converted between vault-relative (what the workflow speaks) and repository-relative
 * (what git prints). Every command runs from the repository's root through the host, so no shell
 * ever sees an argument.
 */
export class GitRepository {
	private constructor(
		private readonly host: GitHost,
		/** The repository's top-level folder, as git prints it. */
		readonly root: string,
		/** The vault's folder inside the repository with a trailing slash; '' when the vault is the root. */
		readonly prefix: string,
	) {}

	/** The repository containing `vaultPath`, or a WorkflowError saying there is none. */
	static async find(host: GitHost, vaultPath: string): Promise<GitRepository> {
		const r = await host.run(['rev-parse', '--show-toplevel', '--show-prefix'], { cwd: vaultPath });
		if (r.code !== 0) {
			// Other refusals (a repository owned by another user…) are worth quoting.
			const why = /not a git repository/i.test(r.stderr) ? '' : detail(r);
			throw new WorkflowError('no-repository', `${vaultPath} is not inside a git repository${why ? ` (${why})` : ''}`);
		}
		const [root, prefix] = r.stdout.replace(/\r?\n$/, '').split(/\r?\n/);
		if (!root) throw new WorkflowError('no-repository', `${vaultPath} is not inside a git work tree`);
		return new GitRepository(host, root, prefix ?? '');
	}

	/** `specs/1014.spec.md` in the vault → its path from the repository's root. */
	repoPath(vaultPath: string): string {
		return this.prefix + vaultPath;
	}

	/** A repository path → the vault path, or null when the file is outside the vault. */
	vaultPath(repoPath: string): string | null {
		return repoPath.startsWith(this.prefix) ? repoPath.slice(this.prefix.length) : null;
	}

	/** Runs git and gives back whatever happened. */
	run(args: readonly string[], env?: Record<string, string>): Promise<GitResult> {
		return this.host.run(args, { cwd: this.root, env });
	}

	/** Runs git and gives its output; a non-zero exit is a WorkflowError quoting git's message. */
	async git(args: readonly string[], env?: Record<string, string>): Promise<string> {
		const r = await this.run(args, env);
		if (r.code !== 0) throw new WorkflowError('git-failed', `git ${args[0]} failed: ${detail(r) || `exit code ${r.code}`}`);
		return r.stdout;
	}

	async head(): Promise<GitHead> {
		const hash = await this.run(['rev-parse', '--verify', '-q', 'HEAD']);
		const branch = await this.run(['symbolic-ref', '-q', '--short', 'HEAD']);
		return {
			hash: hash.code === 0 ? hash.stdout.trim() : null,
			branch: branch.code === 0 ? branch.stdout.trim() : null,
		};
	}

	/** The full hash of a commit named by a (possibly abbreviated) hash; null when git does not know it. */
	async resolveCommit(hash: string): Promise<string | null> {
		if (!/^[0-9a-f]{4,40}$/i.test(hash)) return null;
		const r = await this.run(['rev-parse', '--verify', '-q', `${hash}^{commit}`]);
		return r.code === 0 ? r.stdout.trim() : null;
	}

	/** The absolute path of the repository's git folder (for a temporary index beside the real one). */
	async gitDir(): Promise<string> {
		return (await this.git(['rev-parse', '--absolute-git-dir'])).trim();
	}

	/**
	 * Absolute paths of these names inside the git dir, as git resolves them: a linked work tree or a
	 * submodule has a .git file, and per-work-tree state (MERGE_HEAD…) lives apart from the shared refs.
	 */
	async gitPaths(names: readonly string[]): Promise<string[]> {
		const out = await this.git(['rev-parse', ...names.flatMap((n) => ['--git-path', n])]);
		// Printed relative to where git ran (the root) unless the git dir lies elsewhere.
		return out
			.split(/\r?\n/)
			.slice(0, names.length)
			.map((p) => (/^([A-Za-z]:)?[\\/]/.test(p) ? p : `${this.root}/${p}`));
	}

	exists(path: string): Promise<boolean> {
		return this.host.exists(path);
	}

	removeFile(path: string): Promise<void> {
		return this.host.removeFile(path);
	}
}

/** Git's own complaint, one line: the last `fatal:`/`error:` line, else the first line of stderr. */
function detail(r: GitResult): string {
	const lines = r.stderr
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '');
	const complaint = [...lines].reverse().find((l) => /^(fatal|error):/.test(l));
	return (complaint ?? lines[0] ?? '').replace(/^(fatal|error):\s*/, '');
}
