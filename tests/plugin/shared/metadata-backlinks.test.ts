import type { MetadataCache } from 'obsidian';
import { createFakeApp } from '../../__mocks__/obsidian';
import { scanBacklinks } from '../../../src/core/reports/backlinks';
import { metadataBacklinks } from '../../../src/plugin/shared/metadata-backlinks';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

/** A metadata cache that holds only resolvedLinks and counts how often they are read. */
function cacheOf(resolvedLinks: Record<string, Record<string, number>>): { cache: MetadataCache; reads: () => number } {
	let reads = 0;
	const cache = {
		get resolvedLinks() {
			reads++;
			return resolvedLinks;
		},
	};
	return { cache: cache as unknown as MetadataCache, reads: () => reads };
}

describe('backlinks from Obsidian’s link index', () => {
	it('inverts resolvedLinks: the sources of each target, in path order, without self-links or zero counts', () => {
		const { cache } = cacheOf({
			'notes/b.md': { 'specs/1/epic.md': 2, 'notes/b.md': 1 },
			'notes/a.md': { 'specs/1/epic.md': 1, 'specs/1/deliverables/scripts/x.sh': 1, 'gone.md': 0 },
		});
		const backlinks = metadataBacklinks(cache);
		expect(backlinks.linksTo('specs/1/epic.md')).toEqual([
			{ source: 'notes/a.md', link: null },
			{ source: 'notes/b.md', link: null },
		]);
		expect(backlinks.linksTo('specs/1/deliverables/scripts/x.sh')).toEqual([{ source: 'notes/a.md', link: null }]);
		expect(backlinks.linksTo('notes/b.md')).toEqual([]);
		expect(backlinks.linksTo('gone.md')).toEqual([]);
		expect(backlinks.linksTo('nowhere.md')).toEqual([]);
	});

	it('reads the index once, on the first question, and never before', () => {
		const { cache, reads } = cacheOf({ 'a.md': { 'b.md': 1 } });
		const backlinks = metadataBacklinks(cache);
		expect(reads()).toBe(0);
		backlinks.linksTo('b.md');
		backlinks.linksTo('a.md');
		backlinks.linksTo('b.md');
		expect(reads()).toBe(1);
	});

	// Obsidian does not index links inside HTML comments (the seed's `<!-- Spec: [[…]] -->` lines);
	// the CLI's scan reads them. Only deliverables carry those, and the report skips deliverables as users.
	it('names the same sources as the CLI’s scan on the example vault, links in HTML comments aside', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		const app = createFakeApp(files);
		await app.flush();
		const ws = await memoryWorkspace(files);
		const scan = await scanBacklinks(ws);
		const fromIndex = metadataBacklinks(app.metadataCache as unknown as MetadataCache);
		for (const target of Object.keys(files)) {
			const inComment = (source: string, at: number): boolean => files[source].lastIndexOf('<!--', at) > files[source].lastIndexOf('-->', at);
			const scanned = [
				...new Set(
					scan
						.linksTo(target)
						.filter((b) => !inComment(b.source, b.link?.start ?? 0))
						.map((b) => b.source),
				),
			];
			expect({ target, sources: fromIndex.linksTo(target).map((b) => b.source) }).toEqual({ target, sources: scanned });
		}
	});
});
