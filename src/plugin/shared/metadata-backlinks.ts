import type { MetadataCache } from 'obsidian';
import type { Backlink, Backlinks } from '../../core/reports/backlinks';

/**
 * Backlinks from Obsidian's own link index (`resolvedLinks`: source → target → count), so the
 * deliverables report never rescans the vault. The index is inverted on the first question and
 * kept for the rest of this object's life: build one per report, not one per plugin, so it is
 * never stale. A note's links to itself are not backlinks (as in the CLI's scan).
 */
export function metadataBacklinks(metadataCache: MetadataCache): Backlinks {
	let byTarget: Map<string, Backlink[]> | null = null;
	return {
		linksTo(path: string): Backlink[] {
			byTarget ??= invert(metadataCache.resolvedLinks);
			return byTarget.get(path) ?? [];
		},
	};
}

function invert(resolved: Record<string, Record<string, number>>): Map<string, Backlink[]> {
	const byTarget = new Map<string, Backlink[]>();
	// Sources in path order, as the CLI's scan lists them.
	for (const source of Object.keys(resolved).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
		const targets = resolved[source];
		for (const target of Object.keys(targets)) {
			if (target === source || !(targets[target] > 0)) continue;
			// Obsidian knows that the note links, not where: the report re-reads the source for that.
			const backlink: Backlink = { source, link: null };
			const list = byTarget.get(target);
			if (list) list.push(backlink);
			else byTarget.set(target, [backlink]);
		}
	}
	return byTarget;
}
