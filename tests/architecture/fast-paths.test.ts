import fc from 'fast-check';
import { DEFAULT_IGNORED_FOLDERS, isIgnoredPath } from '../../src/core/index/ignored-folders';
import { SpecIndex } from '../../src/core/index/spec-index';
import { LinkResolver } from '../../src/core/links/link-resolver';
import { linkpathEach, LinkpathMemo } from '../../src/core/links/resolve-memo';

/*
 * Each fast path in src answers as the plain rule named beside it; these properties hold them to it.
 */

describe('LinkpathMemo writes the link paths linkpathEach writes', () => {
	// Few folders and names, so sources share folders (the memo's hits) and names collide across folders.
	const folder = fc.constantFrom('specs', 'specs/a', 'specs/a/b', 'A', 'x.y', 'notes');
	const name = fc.constantFrom('context.md', 'Context.md', 'spec.md', 'n.md', 'setup.sh', 'Makefile', '1001.spec.md');
	const path = fc.tuple(fc.array(folder, { maxLength: 2 }), name).map(([dirs, base]) => [...dirs, base].join('/'));
	const query = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('wikilink' as const, 'markdown' as const), fc.constantFrom('', '#Goals', '#^b1', '#'));

	test('from every source of a folder, to files in and out of the vault, the source itself included', () => {
		fc.assert(
			fc.property(fc.array(path, { minLength: 1, maxLength: 20 }), fc.array(query, { minLength: 1, maxLength: 40 }), (paths, queries) => {
				const resolver = new LinkResolver(paths);
				const memo = new LinkpathMemo();
				const places = [...paths, 'specs/new.md', 'specs/a/other.md', 'top.md'];
				for (const [s, t, style, subpath] of queries) {
					const source = places[s % places.length];
					const target = t % 4 === 0 ? source : places[t % places.length];
					expect(memo.from(source, resolver)(target, style, subpath)).toBe(linkpathEach.from(source, resolver)(target, style, subpath));
				}
			}),
			{ numRuns: 500 },
		);
	});
});

describe('SpecIndex.isIgnored, remembered per folder, answers as isIgnoredPath', () => {
	const segment = fc.constantFrom('specs', 'backup', 'Backup', 'E01 copy', '1005-backup-rotation', 'old-1', 'a', 'x.bak', '2024');
	const path = fc.tuple(fc.array(segment, { maxLength: 3 }), fc.constantFrom('spec.md', 'n.md')).map(([dirs, name]) => [...dirs, name].join('/'));
	const globs = fc.oneof(fc.constant(undefined), fc.subarray(['backup', '*.bak', '* copy', '2024/old-*', 'a', '  ', '/specs/'], { minLength: 0 }));

	test('for files in and out of the specs root, asked in any order', () => {
		fc.assert(
			fc.property(fc.constantFrom('specs', '', 'specs/a'), globs, fc.array(path, { minLength: 1, maxLength: 30 }), (specsRoot, ignore, paths) => {
				const index = new SpecIndex({ specsRoot, resolveLink: () => null, ignore });
				for (const p of paths) expect(index.isIgnored(p)).toBe(isIgnoredPath(ignore ?? DEFAULT_IGNORED_FOLDERS, specsRoot, p));
			}),
			{ numRuns: 500 },
		);
	});
});
