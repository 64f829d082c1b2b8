import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import { createGitHost, GitHost } from '../../core/git/git-host';

/** The CLI's GitHost: Node's own child_process and fs, and this process's environment. */
export function nodeGitHost(env: Record<string, string | undefined> = process.env): GitHost {
	return createGitHost({ childProcess, fs, env });
}
