import { basename, extension } from '../files/paths';
import { parseLinks, type LinkRef } from '../links/link-parser';
import { Workspace } from '../workspace/workspace';

/** A note that links to a file: its path, and the link itself when the source of backlinks knows it. */
export interface Backlink {
	source: string;
	/** The link in the source's text, or null when only the fact of the link is known (Obsidian's resolvedLinks). */
	link: LinkRef | null;
}

/**
 * Which notes link to a file. The plugin builds one from `metadataCache.resolvedLinks`; the CLI,
 * having no metadata cache, uses scanBacklinks. Callers re-read the sources they need.
 */
export interface Backlinks {
	linksTo(path: string): Backlink[];
}

/**
 * Backlinks from one pass over every markdown note of the store (hidden folders skipped): each
 * link, body and properties alike, resolved with the workspace's link rules.
 */
export async function scanBacklinks(ws: Workspace): Promise<Backlinks> {
	const byTarget = new Map<string, Backlink[]>();
	const entries = await ws.store.list('');
	entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const entry of entries) {
		if (!isLinkSource(entry.path)) continue;
		let text: string;
		try {
			text = await ws.store.read(entry.path);
		} catch {
			continue;
		}
		for (const link of parseLinks(text, { includeFrontmatter: true })) {
			if (link.target === '') continue;
			const target = ws.links.resolve(link.target, entry.path);
			if (!target || target === entry.path) continue;
			const list = byTarget.get(target);
			if (list) list.push({ source: entry.path, link });
			else byTarget.set(target, [{ source: entry.path, link }]);
		}
	}
	return { linksTo: (path) => byTarget.get(path) ?? [] };
}

/** The notes backlinks come from: markdown, outside hidden folders (`.obsidian/`, `.trash/`). */
export function isLinkSource(path: string): boolean {
	return extension(path) === 'md' && !path.split('/').some((p) => p.startsWith('.'));
}

/** Where a note links to, as written: each link's target once, in order (what the link graph keeps of a note). */
export function outgoingTargets(text: string): string[] {
	const out = new Set<string>();
	for (const link of parseLinks(text, { includeFrontmatter: true })) if (link.target !== '') out.add(link.target);
	return [...out];
}

/**
 * Backlinks from each note's link targets as written (outgoingTargets), kept from an earlier read
 * of the notes: the same sources as scanBacklinks, without the links themselves. A link is
 * resolved only when asked about a file it can reach by name, so a question costs the few links
 * sharing the file's name, not every link of the vault.
 */
export function linkGraphBacklinks(notes: Iterable<readonly [string, readonly string[]]>, resolve: (linkpath: string, source: string) => string | null): Backlinks {
	const byName = new Map<string, [string, string][]>();
	/** Links whose last part is not a file name (`..`, `./`): they are resolved for every question. */
	const unnamed: [string, string][] = [];
	for (const [source, targets] of notes) {
		for (const target of targets) {
			const names = linkNamesFast(target);
			if (names === null) unnamed.push([source, target]);
			else for (const name of names) push(byName, name, [source, target]);
		}
	}
	return {
		linksTo(path) {
			const sources = new Set<string>();
			for (const [source, target] of [...(byName.get(fileName(path)) ?? []), ...unnamed]) {
				if (source !== path && !sources.has(source) && resolve(target, source) === path) sources.add(source);
			}
			return [...sources].sort().map((source) => ({ source, link: null }));
		},
	};
}

/**
 * The names of files a link can reach, as fileName gives them: the link's last part in lower
 * case, with and without one `.md` (the resolver tries the link as written and with `.md`). null
 * when the last part is `..` or there is none. The plain rule of linkNamesFast.
 */
export function linkNames(linkpath: string): string[] | null {
	const path = linkpath.split('|')[0].split('#')[0].replace(/\\/g, '/');
	const parts = path.split('/').filter((p) => p !== '' && p !== '.');
	const last = parts[parts.length - 1];
	if (last === undefined || last === '..') return null;
	const name = last.toLowerCase();
	const bare = withoutMd(name);
	return bare === name ? [name] : [name, bare];
}

/**
 * linkNames for the common link, its last part found by the slash before it instead of splitting
 * the whole path (it runs for every link of the vault); a backslash, a trailing slash or a `.`
 * or `..` part goes to the plain rule.
 */
export function linkNamesFast(linkpath: string): string[] | null {
	let end = linkpath.length;
	const bar = linkpath.indexOf('|');
	if (bar >= 0) end = bar;
	const hash = linkpath.indexOf('#');
	if (hash >= 0 && hash < end) end = hash;
	const start = linkpath.lastIndexOf('/', end - 1) + 1;
	if (start >= end || linkpath.includes('\\')) return linkNames(linkpath);
	const name = linkpath.slice(start, end).toLowerCase();
	if (name === '.' || name === '..') return linkNames(linkpath);
	const bare = withoutMd(name);
	return bare === name ? [name] : [name, bare];
}

/** A file's name in lower case, less one `.md`: what linkNames gives for every link that may reach it. */
function fileName(path: string): string {
	return withoutMd(basename(path).toLowerCase());
}

const withoutMd = (name: string): string => (name.endsWith('.md') ? name.slice(0, -3) : name);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
