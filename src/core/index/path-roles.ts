import { dirname, isUnder } from '../files/paths';
import { classifyPath, PathRole } from './discovery';
import { ignoredFolders, IgnoredFolder } from './ignored-folders';

/** What each path is to the index: classifyPath's role, and 'other' inside an ignored folder. */
export class PathRoles {
	private readonly ignored: IgnoredFolder;
	/** Whether each folder is ignored: every file of a folder asks the same question. */
	private readonly ignoredFolders = new Map<string, boolean>();

	constructor(
		private readonly specsRoot: string,
		ignore: readonly string[],
	) {
		this.ignored = ignoredFolders(ignore, specsRoot);
	}

	roleOf(path: string): PathRole {
		const role = classifyPath(path, this.specsRoot);
		return role === 'other' || this.isIgnored(path) ? 'other' : role;
	}

	/** Whether the file is in a folder left out of discovery under the specs root (isIgnoredPath is the plain rule). */
	isIgnored(path: string): boolean {
		if (!isUnder(path, this.specsRoot)) return false;
		const folder = dirname(path);
		let ignored = this.ignoredFolders.get(folder);
		if (ignored === undefined) {
			ignored = this.ignored(path);
			this.ignoredFolders.set(folder, ignored);
		}
		return ignored;
	}
}
