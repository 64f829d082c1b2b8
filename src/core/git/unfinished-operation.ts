import { WorkflowError } from '../workspace/workflow-error';
import type { GitRepository } from './git-runner';

/** An operation git can stop in the middle of, known by what it leaves in the git dir. */
interface Operation {
	/** The file or folder in the git dir that marks it (also named in the refusal). */
	marker: string;
	/** A second file that tells this operation apart from another with the same marker. */
	only?: string;
	what: string;
	how: string;
}

/**
 * Rebases first: a rebase can itself stop in a merge or a pick, and the rebase is what the user must
 * finish. `git am` keeps its state in rebase-apply too, with an `applying` file beside it.
 */
const OPERATIONS: readonly Operation[] = [
	{ marker: 'rebase-merge', what: 'a rebase', how: 'finish or abort it first (git rebase --continue / --abort)' },
	{ marker: 'rebase-apply', only: 'rebase-apply/applying', what: 'a git am session', how: 'finish or abort it first (git am --continue / --abort)' },
	{ marker: 'rebase-apply', what: 'a rebase', how: 'finish or abort it first (git rebase --continue / --abort)' },
	{ marker: 'MERGE_HEAD', what: 'a merge', how: 'finish or abort it first (git merge --continue / --abort)' },
	{ marker: 'CHERRY_PICK_HEAD', what: 'a cherry-pick', how: 'finish or abort it first (git cherry-pick --continue / --abort)' },
	{ marker: 'REVERT_HEAD', what: 'a revert', how: 'finish or abort it first (git revert --continue / --abort)' },
	{ marker: 'BISECT_LOG', what: 'a bisect', how: 'end it first (git bisect reset)' },
];

/**
 * Refuses, before anything is written, while a merge, rebase, cherry-pick, revert, `git am` or bisect
 * is unfinished: a commit then would conclude it (a merge commit without the other side's changes, a
 * commit carrying the picked commit's author) or land in the middle of it. See docs/git.md.
 */
export async function refuseUnfinishedOperation(repo: GitRepository): Promise<void> {
	const names = [...new Set(OPERATIONS.flatMap((o) => (o.only ? [o.marker, o.only] : [o.marker])))];
	const paths = await repo.gitPaths(names);
	const present = new Set<string>();
	for (const [i, name] of names.entries()) if (await repo.exists(paths[i])) present.add(name);
	const found = OPERATIONS.find((o) => present.has(o.marker) && (!o.only || present.has(o.only)));
	if (!found) return;
	throw new WorkflowError('operation-in-progress', `${found.what} is in progress in ${repo.root} (${found.marker}); ${found.how}; nothing was committed`);
}
