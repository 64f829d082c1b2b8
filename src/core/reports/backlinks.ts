import { extension } from '../files/paths';
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
		if (extension(entry.path) !== 'md' || entry.path.split('/').some((p) => p.startsWith('.'))) continue;
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
