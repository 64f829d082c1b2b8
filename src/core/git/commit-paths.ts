import type { GitHead } from './git-runner';
import { GitRepository } from './git-runner';
import { refuseUnfinishedOperation } from './unfinished-operation';

export interface PathsCommit {
	/** Full and abbreviated hash of the new commit. */
	hash: string;
	shortHash: string;
	/** The branch committed on; null on a detached HEAD. */
	branch: string | null;
	/** Whether this was the repository's first commit. */
	first: boolean;
	/** Vault paths the commit contains changes to (added, modified or deleted). */
	files: string[];
}

/** Splits `git … -z` output into its entries. */
function nulSeparated(out: string): string[] {
	return out.split('\0').filter((p) => p !== '');
}

/**
 * Commits the given vault files, and only them, with `message` stored verbatim (no comment
 * stripping, no template, no editor). Everything else in the repository is left exactly as it was:
 * other staged changes stay staged and out of the commit, dirty files stay dirty.
 *
 * How: the commit is built in a temporary index (HEAD plus these files) so the user's index is not
 * touched while hooks run or if the commit fails; afterwards the user's index entries for these
 * files, and only those, are set to what was committed — what `git commit --only <paths>` does.
 * Paths that neither exist nor are tracked are left out; ignored untracked files are left out.
 * Returns null, having changed nothing, when none of the files has a change to commit. Refuses first,
 * having changed nothing, while a merge, rebase, cherry-pick, revert or bisect is unfinished.
 */
export async function commitPaths(repo: GitRepository, vaultPaths: readonly string[], message: string): Promise<PathsCommit | null> {
	await refuseUnfinishedOperation(repo);
	const wanted = vaultPaths.map((p) => repo.repoPath(p));
	if (wanted.length === 0) return null;
	const changed = nulSeparated(await repo.git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...wanted]));
	if (changed.length === 0) return null;
	// Tracked files (also deleted ones) and untracked ones that are not ignored.
	const tracked = nulSeparated(await repo.git(['ls-files', '-z', '--', ...wanted]));
	const untracked = nulSeparated(await repo.git(['ls-files', '-z', '--others', '--exclude-standard', '--', ...wanted]));
	const paths = [...new Set([...tracked, ...untracked])];
	if (paths.length === 0) return null;

	const before: GitHead = await repo.head();
	const index = `${await repo.gitDir()}/spec-work-index-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
	const env = { GIT_INDEX_FILE: index };
	try {
		// Start from HEAD. --reset reads it whatever the user has staged (a plain -m would refuse), and
		// keeps the user's index's stat data where it still matches, so nothing is rehashed needlessly.
		if (before.hash !== null) await repo.git(['read-tree', '--reset', `--index-output=${index}`, 'HEAD']);
		await repo.git(['add', '-A', '--', ...paths], env);
		// Against HEAD, or against nothing in a repository without commits.
		const staged = nulSeparated(await repo.git(['diff', '--cached', '--name-only', '--no-renames', '-z'], env));
		if (staged.length === 0) return null;
		await repo.git(['commit', '-q', '--cleanup=verbatim', '-m', message], env);
		const head = await repo.head();
		// The user's index now agrees with the commit for these files; their other entries are untouched.
		await repo.git(['reset', '-q', '--', ...paths]);
		const shortHash = (await repo.git(['rev-parse', '--short', 'HEAD'])).trim();
		const files = staged.map((p) => repo.vaultPath(p)).filter((p): p is string => p !== null);
		return { hash: head.hash ?? '', shortHash, branch: head.branch, first: before.hash === null, files };
	} finally {
		await repo.removeFile(index);
	}
}
