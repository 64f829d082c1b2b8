import type { GitRepository } from '../git/git-runner';

/**
 * Git as a shell provides it: the vault's repository, or null where there is none (a vault outside
 * git, a phone). Operations that only gain from git (status's commit date, finish's line counts)
 * take it optionally; commit and commits need it.
 */
export interface GitAccess {
	repository(): Promise<GitRepository | null>;
}

/** Git required: the shell's repository, or its own refusal saying why there is none. */
export interface RequiredGit {
	repository(): Promise<GitRepository>;
}
