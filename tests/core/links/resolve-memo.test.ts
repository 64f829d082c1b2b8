import fc from 'fast-check';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { resolveEach, ResolveMemo } from '../../../src/core/links/resolve-memo';

// Few folders and names, so sources share folders (the memo's hits) and names collide across folders.
const folder = fc.constantFrom('specs', 'a', 'A', 'b', 'x.y', 'deliverables');
const name = fc.constantFrom('context.md', 'Context.md', 'spec.md', 'n.md', 'setup.sh', 'Makefile', 'epic.md', '1001.spec.md');
const path = fc.tuple(fc.array(folder, { maxLength: 3 }), name).map(([dirs, base]) => [...dirs, base].join('/'));
const linkpath = fc.oneof(
	fc.constantFrom(
		'',
		'#h',
		'|a',
		'#',
		'context',
		'Context',
		'spec',
		'n',
		'setup.sh',
		'Makefile',
		'1001.spec',
		'a/n',
		'A/N.md',
		'../n',
		'./context',
		'../a/spec',
		'/specs/n',
		'..',
		'.',
		'a\\n',
		'x.y/n#h',
		'n|alias',
		'spec#^b',
	),
	fc.string({ maxLength: 6 }),
);

test('a memo answers as the resolver does, for every source of a folder and links naming the source itself', () => {
	fc.assert(
		fc.property(fc.array(path, { minLength: 1, maxLength: 25 }), fc.array(fc.tuple(fc.nat(), linkpath), { minLength: 1, maxLength: 40 }), (paths, queries) => {
			const resolver = new LinkResolver(paths);
			const memo = new ResolveMemo(resolver);
			const plain = resolveEach(resolver);
			// Sources: the vault's files and notes that are not in it, queried in turns so folders are revisited.
			const sources = [...paths, 'specs/new.md', 'a/other.md', 'top.md'];
			for (const [i, link] of queries) {
				const source = sources[i % sources.length];
				expect(memo.from(source)(link)).toBe(plain.from(source)(link));
			}
		}),
		{ numRuns: 1000 },
	);
});
