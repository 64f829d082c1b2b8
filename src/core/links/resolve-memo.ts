import { dirname } from '../files/paths';
import { linkpathFor, type LinkLookup, type LinkStyle } from './link-format';

/** Link paths resolved from one source note. */
export interface ResolvesFrom {
	from(sourcePath: string): (linkpath: string) => string | null;
}

/** Link paths written from one source note to targets, as one resolver reads them. */
export interface LinkpathsFrom {
	from(sourcePath: string, resolver: LinkLookup): (targetPath: string, style: LinkStyle, subpath: string) => string;
}

/** The plain rule ResolveMemo keeps: every lookup asks the resolver. */
export function resolveEach(resolver: LinkLookup): ResolvesFrom {
	return { from: (sourcePath) => (linkpath) => resolver.resolve(linkpath, sourcePath) };
}

/** The plain rule LinkpathMemo keeps: every link path worked out by linkpathFor. */
export const linkpathEach: LinkpathsFrom = {
	from: (sourcePath, resolver) => (targetPath, style, subpath) => linkpathFor({ sourcePath, targetPath, style, subpath, resolver }),
};

const HASH = 0x23; // `#`
const PIPE = 0x7c; // `|`

/**
 * A link lookup's answers remembered per source folder, for a vault that does not change while
 * they are used (validate's pass, the migration's vault before and after the moves). A link path
 * resolves the same from every note of one folder (Obsidian's rule looks at the source's folder
 * only), and notes of one folder link the same files (a feature's tasks, a context's sessions), so
 * most links are looked up once per folder. Answers as resolveEach does.
 */
export class ResolveMemo implements ResolvesFrom {
	private readonly byFolder = new Map<string, Map<string, string | null>>();

	constructor(readonly resolver: LinkLookup) {}

	/** Resolves link paths from `sourcePath`, as `resolver.resolve(linkpath, sourcePath)` does. */
	from(sourcePath: string): (linkpath: string) => string | null {
		const resolver = this.resolver;
		const known = folderMemo(this.byFolder, dirname(sourcePath), () => new Map<string, string | null>());
		return (linkpath) => {
			// Empty before its `#` or `|`: the source itself, which is not the same for the whole folder.
			const c = linkpath.charCodeAt(0);
			if (linkpath === '' || c === HASH || c === PIPE) return resolver.resolve(linkpath, sourcePath);
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
 * is never remembered. Answers as linkpathEach does.
 */
export class LinkpathMemo implements LinkpathsFrom {
	private readonly byFolder = new Map<string, { wikilink: Map<string, string>; markdown: Map<string, string> }>();

	/** The link path from `sourcePath` to a target, as linkpathFor with `resolver` gives it. */
	from(sourcePath: string, resolver: LinkLookup): (targetPath: string, style: LinkStyle, subpath: string) => string {
		const compute = linkpathEach.from(sourcePath, resolver);
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
