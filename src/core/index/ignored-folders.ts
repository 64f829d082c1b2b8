import { isUnder } from '../files/paths';

/**
 * Folders left out of discovery: copies of specs (backups, archives, the trash) hold the same ids
 * and journals as the real ones, and a write must never land in them; templates (`{{id}} - {{title}}`)
 * are the shape of specs to come, not specs. The defaults name copies
 * (`backup`, `specs_backup`, `backup-2025-08-01`, `E01 copy`, `E01 (copy)`, `2001 (1)`, a sync
 * tool's `2001 (Ana's conflicted copy 2025-08-01)`), not specs about backups
 * (`1005-backup-rotation`, `E07-backups`), which must never vanish without a word. Globs are matched, ignoring
 * case, against each folder name below the specs root (`*backup*`, `*.bak`); a glob with a `/`
 * is matched against the folder path from the specs root (`2024/old-*`).
 */
export const DEFAULT_IGNORED_FOLDERS: readonly string[] = [
	'backup',
	'backups',
	'* backup',
	'*-backup',
	'*_backup',
	'backup-2*',
	'backup_2*',
	'backup 2*',
	'*.bak',
	'* copy',
	'*-copy',
	'copy of *',
	'* (copy)',
	'* (copy *)',
	'* (?)',
	'*conflicted copy*',
	'.trash',
	'archive',
	'archived',
	'templates',
	'_templates',
];

export type IgnoredFolder = (path: string) => boolean;

/** A test of a file path (vault-relative) against the globs, for files under `specsRoot`. */
export function ignoredFolders(globs: readonly string[], specsRoot: string): IgnoredFolder {
	const names: RegExp[] = [];
	const paths: RegExp[] = [];
	for (const raw of globs) {
		const glob = raw.trim().replace(/^\/+|\/+$/g, '');
		if (glob === '') continue;
		(glob.includes('/') ? paths : names).push(globToRegExp(glob));
	}
	if (names.length === 0 && paths.length === 0) return () => false;
	const start = specsRoot === '' ? 0 : specsRoot.length + 1;
	return (path: string): boolean => {
		const folders = path.slice(start, Math.max(start, path.lastIndexOf('/'))).split('/');
		for (let i = 0; i < folders.length; i++) {
			if (folders[i] === '') continue;
			if (names.some((r) => r.test(folders[i]))) return true;
			if (paths.length > 0) {
				const prefix = folders.slice(0, i + 1).join('/');
				if (paths.some((r) => r.test(prefix))) return true;
			}
		}
		return false;
	};
}

/** The plain rule SpecIndex.isIgnored remembers per folder: a file under `specsRoot` in a folder the globs name. */
export function isIgnoredPath(globs: readonly string[], specsRoot: string, path: string): boolean {
	return isUnder(path, specsRoot) && ignoredFolders(globs, specsRoot)(path);
}

/** `*` any run of characters but `/`, `?` one of them; everything else literal; whole name, any case. */
function globToRegExp(glob: string): RegExp {
	let source = '';
	for (const ch of glob) {
		if (ch === '*') source += '[^/]*';
		else if (ch === '?') source += '[^/]';
		else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, 'i');
}

/** Globs as a user types them in a setting or flag: one per line or comma-separated. */
export function parseGlobList(text: string): string[] {
	return text
		.split(/[\n,]/)
		.map((g) => g.trim())
		.filter((g) => g !== '');
}
