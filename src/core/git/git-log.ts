import { GitRepository } from './git-runner';

export interface GitCommit {
	hash: string;
	shortHash: string;
	/** Committer date, strict ISO 8601 with the committer's offset. */
	date: string;
	/** The message's first line (what a session's Commits lists). */
	subject: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const FORMAT = `--format=%H${FIELD}%h${FIELD}%cI${FIELD}%B${RECORD}`;

function parseLog(out: string): GitCommit[] {
	return out
		.split(RECORD)
		.map((r) => r.replace(/^\n/, ''))
		.filter((r) => r !== '')
		.map((r) => {
			const [hash, shortHash, date, message] = r.split(FIELD);
			return { hash, shortHash, date, subject: firstLine(message ?? '') };
		});
}

/** The first line of a commit message, as a session's Commits entry shows it. */
export function firstLine(message: string): string {
	return message
		.replace(/^\s*\n/, '')
		.split(/\r?\n/)[0]
		.trim();
}

/**
 * Commits reachable from HEAD whose committer date is at or after `since`, oldest first. A
 * repository without commits has none.
 */
export async function commitsSince(repo: GitRepository, since: Date): Promise<GitCommit[]> {
	if ((await repo.head()).hash === null) return [];
	const iso = since.toISOString().replace(/\.\d{3}Z$/, 'Z');
	return parseLog(await repo.git(['log', '--reverse', `--since=${iso}`, FORMAT, 'HEAD', '--']));
}

/** One commit by (possibly abbreviated) hash, or null when git does not know it. */
export async function commitInfo(repo: GitRepository, hash: string): Promise<GitCommit | null> {
	const full = await repo.resolveCommit(hash);
	if (full === null) return null;
	return parseLog(await repo.git(['log', '-1', '--no-walk', FORMAT, full, '--']))[0] ?? null;
}
