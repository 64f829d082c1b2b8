import { dirname } from '../files/paths';
import { linkpathFor, type LinkLookup, type LinkStyle } from './link-format';

/**
 * A link lookup's answers remembered per source folder, for a vault that does not change while
 * they are used (validate's pass, the migration's vault before and after the moves). A link path
 * resolves the same from every note of one folder (Obsidian's rule looks at the source's folder
 * only), and notes of one folder link the same files (a feature's tasks, a context's sessions), so
 * most links are looked up once per folder.
 * With `remember` false every lookup asks the resolver (the plain computation, for tests).
 */
export class ResolveMemo {
	private readonly byFolder = new Map<string, Map<string, string | null>>();

	constructor(
		readonly resolver: LinkLookup,
		private readonly remember = true,
	) {}

	/** Resolves link paths from `sourcePath`, as `resolver.resolve(linkpath, sourcePath)` does. */
	from(sourcePath: string): (linkpath: string) => string | null {
		const resolver = this.resolver;
		if (!this.remember) return (linkpath) => resolver.resolve(linkpath, sourcePath);
		const known = folderMemo(this.byFolder, dirname(sourcePath), () => new Map<string, string | null>());
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

/**
 * linkpathFor's answers remembered per source folder and link style, checked against one resolver
 * that does not change while they are used. From one folder a target gets the same link path
 * whichever note links it, except the note itself (a heading link to it is `[[#heading]]`), which
 * is never remembered. With `remember` false every call computes it.
 */
export class LinkpathMemo {
	private readonly byFolder = new Map<string, { wikilink: Map<string, string>; markdown: Map<string, string> }>();

	constructor(private readonly remember = true) {}

	/** The link path from `sourcePath` to a target, as linkpathFor with `resolver` gives it. */
	from(sourcePath: string, resolver: LinkLookup): (targetPath: string, style: LinkStyle, subpath: string) => string {
		const compute = (targetPath: string, style: LinkStyle, subpath: string): string => linkpathFor({ sourcePath, targetPath, style, subpath, resolver });
		if (!this.remember) return compute;
		const known = folderMemo(this.byFolder, dirname(sourcePath), () => ({ wikilink: new Map<string, string>(), markdown: new Map<string, string>() }));
		return (targetPath, style, subpath) => {
			if (targetPath === sourcePath) return compute(targetPath, style, subpath);
			const memo = known[style];
			let hit = memo.get(targetPath);
			if (hit === undefined) {
				hit = compute(targetPath, style, subpath);
				memo.set(targetPath, hit);
			}
			return hit;
		};
	}
}

function folderMemo<T>(byFolder: Map<string, T>, folder: string, create: () => T): T {
	let memo = byFolder.get(folder);
	if (memo === undefined) {
		memo = create();
		byFolder.set(folder, memo);
	}
	return memo;
}
