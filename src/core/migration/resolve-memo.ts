import { dirname } from '../files/paths';
import type { LinkResolver } from '../links/link-resolver';

/**
 * A LinkResolver's answers remembered per source folder, for a resolver that does not change
 * while they are used (the migration's vault before and after the moves). A link path resolves
 * the same from every note of one folder, and notes of one folder link the same files (a
 * feature's tasks, a context's sessions), so most links are looked up once per folder.
 */
export class ResolveMemo {
	private readonly byFolder = new Map<string, Map<string, string | null>>();

	constructor(readonly resolver: LinkResolver) {}

	/** Resolves link paths from `sourcePath`, as `resolver.resolve(linkpath, sourcePath)` does. */
	from(sourcePath: string): (linkpath: string) => string | null {
		const folder = dirname(sourcePath);
		let memo = this.byFolder.get(folder);
		if (memo === undefined) {
			memo = new Map();
			this.byFolder.set(folder, memo);
		}
		const known = memo;
		const resolver = this.resolver;
		return (linkpath) => {
			// Empty before its `#` or `|`: the source itself, which is not the same for the whole folder.
			const c = linkpath.charCodeAt(0);
			if (linkpath === '' || c === 35 || c === 124) return resolver.resolve(linkpath, sourcePath);
			let hit = known.get(linkpath);
			if (hit === undefined) {
				hit = resolver.resolve(linkpath, sourcePath);
				known.set(linkpath, hit);
			}
			return hit;
		};
	}
}
