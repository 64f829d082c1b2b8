import { baseName, collapseDots, parentPath } from './paths';

/**
 * Obsidian's getFirstLinkpathDest as DESIGN.md §5 states it, written independently of src/core so
 * the two resolvers check each other. Case-insensitive throughout; an exact-case match wins a tie.
 *
 * 1. a bare name with exactly one file of that name in the vault is that file;
 * 2. `./` and `../` are joined to the source's folder; an exact match wins, otherwise the joined
 *    path goes on to the next steps;
 * 3. an exact path from the vault root wins (a leading `/` means vault root only);
 * 4. otherwise files whose path ends with the link: those under the source's folder first, each
 *    group shortest path (fewest characters) first, then alphabetical.
 * A name with a dot in its last segment is looked up as written first; when nothing matches (or
 * there is no dot) `.md` is appended. An empty linkpath is the source file itself.
 */
export function resolveLinkpath(paths: readonly string[], linkpath: string, sourcePath: string): string | null {
	if (linkpath === '') return paths.includes(sourcePath) ? sourcePath : null;
	const last = baseName(linkpath);
	const variants = last.includes('.') ? [linkpath, `${linkpath}.md`] : [`${linkpath}.md`];
	for (const variant of variants) {
		const hit = resolveVariant(paths, variant, sourcePath);
		if (hit !== null) return hit;
	}
	return null;
}

function exact(paths: readonly string[], target: string): string | null {
	const lower = target.toLowerCase();
	let found: string | null = null;
	for (const p of paths) {
		if (p === target) return p;
		if (found === null && p.toLowerCase() === lower) found = p;
	}
	return found;
}

function byLengthThenName(a: string, b: string): number {
	return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function resolveVariant(paths: readonly string[], variant: string, sourcePath: string): string | null {
	const sourceFolder = parentPath(sourcePath);
	let link = variant;
	if (link.startsWith('/')) {
		return exact(paths, link.replace(/^\/+/, ''));
	}
	if (link.startsWith('./') || link.startsWith('../')) {
		const joined = collapseDots(sourceFolder === '' ? link : `${sourceFolder}/${link}`);
		if (joined === null) return null;
		const hit = exact(paths, joined);
		if (hit !== null) return hit;
		link = joined;
	}
	const lower = link.toLowerCase();
	if (!link.includes('/')) {
		const named = paths.filter((p) => baseName(p).toLowerCase() === lower);
		if (named.length === 1) return named[0];
	}
	const root = exact(paths, link);
	if (root !== null) return root;
	const suffix = `/${lower}`;
	const matches = paths.filter((p) => p.toLowerCase().endsWith(suffix));
	if (matches.length === 0) return null;
	const under = sourceFolder === '' ? '' : `${sourceFolder.toLowerCase()}/`;
	const near = matches.filter((p) => p.toLowerCase().startsWith(under)).sort(byLengthThenName);
	if (near.length) return near[0];
	return matches.sort(byLengthThenName)[0];
}
