import type { GitStats } from '../workflow/finish-session';
import { GitRepository } from './git-runner';

/**
 * What the given commits changed, for the context's metrics: lines added and removed (binary files
 * count no lines), and distinct files created and modified across them (a file created in one
 * commit and changed in a later one counts as created; deletions count as neither). Merge commits
 * are measured against their first parent. Hashes git does not know are skipped, a commit listed
 * twice counts once; null when git knows none of them.
 */
export async function commitStats(repo: GitRepository, hashes: readonly string[]): Promise<GitStats | null> {
	const commits: string[] = [];
	for (const hash of hashes) {
		const full = await repo.resolveCommit(hash);
		if (full !== null && !commits.includes(full)) commits.push(full);
	}
	if (commits.length === 0) return null;
	let added = 0;
	let removed = 0;
	const created = new Set<string>();
	const modified = new Set<string>();
	for (const hash of commits) {
		const base = ['show', '--format=', '--no-renames', '--diff-merges=first-parent', '-z'];
		const numstat = (await repo.git([...base, '--numstat', hash, '--'])).split('\0');
		for (const entry of numstat) {
			const m = /^(\d+|-)\t(\d+|-)\t/.exec(entry.replace(/^\n/, ''));
			if (!m) continue;
			added += m[1] === '-' ? 0 : Number(m[1]);
			removed += m[2] === '-' ? 0 : Number(m[2]);
		}
		// -z name-status: status and path alternate as separate entries.
		const status = (await repo.git([...base, '--name-status', hash, '--'])).split('\0').map((s) => s.replace(/^\n/, ''));
		for (let i = 0; i + 1 < status.length; i += 2) {
			const [code, path] = [status[i], status[i + 1]];
			if (code === 'A') created.add(path);
			else if ((code === 'M' || code === 'T') && !created.has(path)) modified.add(path);
		}
	}
	for (const path of created) modified.delete(path);
	return { added, removed, filesCreated: created.size, filesModified: modified.size };
}
