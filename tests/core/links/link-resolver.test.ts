import fc from 'fast-check';
import { parseLinks } from '../../../src/core/links/link-parser';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { normalizeVaultPath } from '../../../src/core/files/paths';

/** A vault in the seed's layout, with the names that repeat in real ones. */
const VAULT = [
	'specs/1000/epic.md',
	'specs/1000/context.md',
	'specs/1000/1001/spec.md',
	'specs/1000/1001/context.md',
	'specs/1000/1001/1014.spec.md',
	'specs/1000/1001/1014.context.md',
	'specs/1000/1001/deliverables/scripts/setup.sh',
	'specs/1000/1001/deliverables/scripts/optimize-network.sh',
	'specs/1000/1001/deliverables/config/fstab.nas',
	'specs/1000/1001/deliverables/config/sysctl.nas.conf',
	'specs/1000/1001/deliverables/config/settings.json',
	'specs/1000/1001/deliverables/docs/nas-setup-guide.md',
	'specs/1000/1002/spec.md',
	'specs/1000/1002/context.md',
	'specs/1000/1002/deliverables/scripts/setup.sh',
	'specs/3000/epic.md',
	'specs/3000/context.md',
	'specs/3000/3001/spec.md',
	'specs/3000/3001/context.md',
	'notes/Unique Note.md',
];

const F1001 = 'specs/1000/1001';

describe('LinkResolver.resolve (DESIGN.md §5)', () => {
	const resolver = new LinkResolver(VAULT);

	test.each<[string, string, string, string | null]>([
		// Same-folder preference among many context.md / spec.md.
		['same folder', 'context', `${F1001}/spec.md`, `${F1001}/context.md`],
		['same folder from a task spec', 'context', `${F1001}/1014.spec.md`, `${F1001}/context.md`],
		['same folder, other feature', 'context', 'specs/1000/1002/spec.md', 'specs/1000/1002/context.md'],
		['under the source folder, shortest first', 'context', 'specs/1000/epic.md', 'specs/1000/context.md'],
		['nothing under the source folder: shortest then alphabetical', 'context', 'notes/Unique Note.md', 'specs/1000/context.md'],
		['spec beside context', 'spec', `${F1001}/context.md`, `${F1001}/spec.md`],
		['dotted name gets .md', '1014.spec', `${F1001}/1014.context.md`, `${F1001}/1014.spec.md`],
		['dotted context name', '1014.context', `${F1001}/1014.spec.md`, `${F1001}/1014.context.md`],
		['name with .md written', 'context.md', `${F1001}/spec.md`, `${F1001}/context.md`],
		// ../ and ./
		['parent epic', '../epic', `${F1001}/spec.md`, 'specs/1000/epic.md'],
		['up two and down', '../../1000/epic', `${F1001}/context.md`, 'specs/1000/epic.md'],
		['to another epic', '../../3000/3001/spec', `${F1001}/context.md`, 'specs/3000/3001/spec.md'],
		['./ same folder', './context', `${F1001}/spec.md`, `${F1001}/context.md`],
		['traceback from a deliverable', '../../spec', `${F1001}/deliverables/docs/nas-setup-guide.md`, `${F1001}/spec.md`],
		['../ into a sibling feature deliverable', '../1002/deliverables/scripts/setup.sh', `${F1001}/spec.md`, 'specs/1000/1002/deliverables/scripts/setup.sh'],
		['../ above the vault root', '../../../../epic', `${F1001}/spec.md`, null],
		['../ to a missing file', '../missing', `${F1001}/spec.md`, null],
		// Sub-paths.
		['child feature from the epic', '1001/spec', 'specs/1000/epic.md', `${F1001}/spec.md`],
		['child feature from another epic (outside the folder)', '1001/spec', 'specs/3000/epic.md', `${F1001}/spec.md`],
		['deliverable from its feature', 'deliverables/scripts/setup.sh', `${F1001}/spec.md`, `${F1001}/deliverables/scripts/setup.sh`],
		['deliverable from the other feature', 'deliverables/scripts/setup.sh', 'specs/1000/1002/context.md', 'specs/1000/1002/deliverables/scripts/setup.sh'],
		['deliverable from the epic: equal length, alphabetical', 'deliverables/scripts/setup.sh', 'specs/1000/epic.md', `${F1001}/deliverables/scripts/setup.sh`],
		['bare setup.sh from the other feature', 'setup.sh', 'specs/1000/1002/spec.md', 'specs/1000/1002/deliverables/scripts/setup.sh'],
		['full path from the vault root', 'specs/1000/1002/spec', `${F1001}/context.md`, 'specs/1000/1002/spec.md'],
		// Non-markdown targets.
		['.sh', 'deliverables/scripts/optimize-network.sh', `${F1001}/spec.md`, `${F1001}/deliverables/scripts/optimize-network.sh`],
		['.conf', 'deliverables/config/sysctl.nas.conf', `${F1001}/context.md`, `${F1001}/deliverables/config/sysctl.nas.conf`],
		['.json', 'deliverables/config/settings.json', `${F1001}/context.md`, `${F1001}/deliverables/config/settings.json`],
		['fstab.nas', 'deliverables/config/fstab.nas', `${F1001}/1014.context.md`, `${F1001}/deliverables/config/fstab.nas`],
		['a .md doc written with its extension', 'deliverables/docs/nas-setup-guide.md', `${F1001}/spec.md`, `${F1001}/deliverables/docs/nas-setup-guide.md`],
		['a .md doc without it', 'deliverables/docs/nas-setup-guide', `${F1001}/spec.md`, `${F1001}/deliverables/docs/nas-setup-guide.md`],
		// Subpaths and aliases are not part of the path.
		['#heading', 'context#Implementation Timeline', `${F1001}/spec.md`, `${F1001}/context.md`],
		['#^block', 'context#^a1b2c3', `${F1001}/spec.md`, `${F1001}/context.md`],
		['|alias', '../epic|Parent Epic', `${F1001}/spec.md`, 'specs/1000/epic.md'],
		['same file #heading', '#Plan', `${F1001}/spec.md`, `${F1001}/spec.md`],
		['same file, empty', '', `${F1001}/spec.md`, `${F1001}/spec.md`],
		// Case differences.
		['Context', 'Context', `${F1001}/spec.md`, `${F1001}/context.md`],
		['DELIVERABLES/Scripts/Setup.SH', 'DELIVERABLES/Scripts/Setup.SH', `${F1001}/spec.md`, `${F1001}/deliverables/scripts/setup.sh`],
		['../EPIC', '../EPIC', `${F1001}/spec.md`, 'specs/1000/epic.md'],
		['FSTAB.NAS', 'FSTAB.NAS', 'specs/3000/epic.md', `${F1001}/deliverables/config/fstab.nas`],
		// Bare names unique in the vault, from anywhere.
		['unique note from a spec', 'Unique Note', `${F1001}/spec.md`, 'notes/Unique Note.md'],
		['unique note, other case', 'unique note', 'specs/3000/epic.md', 'notes/Unique Note.md'],
		['unique deliverable from another epic', 'nas-setup-guide', 'specs/3000/3001/spec.md', `${F1001}/deliverables/docs/nas-setup-guide.md`],
		['unique script by name', 'optimize-network.sh', 'specs/3000/epic.md', `${F1001}/deliverables/scripts/optimize-network.sh`],
		// Leading slash: vault root only.
		['/ full path', '/specs/1000/epic', `${F1001}/spec.md`, 'specs/1000/epic.md'],
		['/ name not at the root', '/epic', 'specs/1000/context.md', null],
		['/ name not at the root, even beside the source', '/context', `${F1001}/spec.md`, null],
		// Unresolved.
		['missing name', 'missing', `${F1001}/spec.md`, null],
		['missing deliverable', 'deliverables/scripts/nope.sh', `${F1001}/spec.md`, null],
		['a path that only ends inside a name', 'ec/context', `${F1001}/spec.md`, null],
		['an extension-less guess of a script', 'setup', `${F1001}/spec.md`, null],
	])('%s: %j from %s', (_label, link, source, expected) => {
		expect(resolver.resolve(link, source)).toBe(expected);
	});
});

describe('LinkResolver special cases', () => {
	test('an exact path from the vault root wins over a same-folder file (the shadowing formatLink avoids)', () => {
		const r = new LinkResolver(['context.md', 'a/context.md', 'a/spec.md']);
		expect(r.resolve('context', 'a/spec.md')).toBe('context.md');
		expect(r.resolve('./context', 'a/spec.md')).toBe('a/context.md');
	});

	test('a dotted name is looked up as written first, then with .md', () => {
		const r = new LinkResolver(['x/data.v2', 'y/data.v2.md', 'y/1014.spec.md']);
		expect(r.resolve('data.v2', 'y/1014.spec.md')).toBe('x/data.v2');
		expect(r.resolve('y/data.v2', 'x/data.v2')).toBe('y/data.v2.md');
		expect(r.resolve('1014.spec', 'x/data.v2')).toBe('y/1014.spec.md');
	});

	test('a relative link is joined to the source folder, never searched for by name', () => {
		const r = new LinkResolver(['a/b/c.md', 'a/x/note.md']);
		expect(r.resolve('./b/c', 'a/x/note.md')).toBeNull();
		expect(r.resolve('../b/c', 'a/x/note.md')).toBe('a/b/c.md');
	});

	test('an extension-less file is reached when no .md file has its name', () => {
		const r = new LinkResolver(['tools/Makefile', 'notes/a.md']);
		expect(r.resolve('Makefile', 'notes/a.md')).toBe('tools/Makefile');
		r.add('notes/Makefile.md');
		expect(r.resolve('Makefile', 'notes/a.md')).toBe('notes/Makefile.md');
	});

	test('links read by the parser resolve with subpath and alias ignored', () => {
		const text = '[[../epic#Goals|Parent]] ![[deliverables/config/fstab.nas]] [Guide](deliverables/docs/nas-setup-guide.md#^b1) [[#Plan]]';
		const r = new LinkResolver(VAULT);
		const source = `${F1001}/spec.md`;
		expect(parseLinks(text).map((l) => r.resolve(l.target, source))).toEqual([
			'specs/1000/epic.md',
			`${F1001}/deliverables/config/fstab.nas`,
			`${F1001}/deliverables/docs/nas-setup-guide.md`,
			source,
		]);
	});
});

describe('LinkResolver maintenance', () => {
	test('add, remove and rename change answers one file at a time', () => {
		const r = new LinkResolver(VAULT);
		const source = `${F1001}/spec.md`;
		expect(r.size).toBe(VAULT.length);

		r.remove(`${F1001}/context.md`);
		expect(r.has(`${F1001}/context.md`)).toBe(false);
		expect(r.resolve('context', source)).toBe('specs/1000/context.md');

		r.add(`${F1001}/context.md`);
		expect(r.resolve('context', source)).toBe(`${F1001}/context.md`);

		r.rename(`${F1001}/1014.spec.md`, `${F1001}/1015.spec.md`);
		expect(r.resolve('1014.spec', source)).toBeNull();
		expect(r.resolve('1015.spec', source)).toBe(`${F1001}/1015.spec.md`);
		expect(r.has(`${F1001}/1015.spec.md`)).toBe(true);
		expect(r.size).toBe(VAULT.length);

		// Renaming across folders: the link now resolves outside the source's folder.
		r.rename('notes/Unique Note.md', 'archive/old/Unique Note.md');
		expect(r.resolve('Unique Note', source)).toBe('archive/old/Unique Note.md');
	});

	test('a second file of a once-unique name makes the nearest one win', () => {
		const r = new LinkResolver(VAULT);
		expect(r.resolve('nas-setup-guide', 'specs/3000/3001/spec.md')).toBe(`${F1001}/deliverables/docs/nas-setup-guide.md`);
		r.add('specs/3000/3001/nas-setup-guide.md');
		expect(r.resolve('nas-setup-guide', 'specs/3000/3001/spec.md')).toBe('specs/3000/3001/nas-setup-guide.md');
	});

	test('among thousands of same-named notes the one beside the source wins, else the nearest', () => {
		const paths = Array.from({ length: 3000 }, (_, i) => `specs/${i}/context.md`);
		const r = new LinkResolver([...paths, 'specs/2999/sub/context.md', 'specs/x/deep/er/context.md']);
		expect(r.resolve('context', 'specs/1500/spec.md')).toBe('specs/1500/context.md');
		expect(r.resolve('context', 'specs/2999/sub/spec.md')).toBe('specs/2999/sub/context.md');
		// Nothing beside: the shortest below the source's folder, then the shortest anywhere.
		expect(r.resolve('context', 'specs/x/spec.md')).toBe('specs/x/deep/er/context.md');
		expect(r.resolve('context', 'notes/n.md')).toBe('specs/0/context.md');
		expect(r.resolve('CONTEXT', 'specs/7/spec.md')).toBe('specs/7/context.md');
	});

	test('adding twice and removing an unknown path change nothing', () => {
		const r = new LinkResolver(['a.md']);
		r.add('a.md');
		r.remove('b.md');
		expect(r.size).toBe(1);
		r.remove('a.md');
		expect(r.resolve('a', 'x.md')).toBeNull();
		expect(r.size).toBe(0);
	});

	test('after any adds and removes it answers as a resolver built from the files left', () => {
		// Same names in several folders and case variants: the lookups keep one path or several per key.
		const path = fc.constantFrom('a.md', 'A.md', 'x/a.md', 'x/A.md', 'y/a.md', 'x/b.md', 'y/B.md', 'b', 'x/c.sh');
		const step = fc.tuple(fc.boolean(), path);
		const link = fc.constantFrom('a', 'A', 'x/a', 'b', 'B', 'c.sh', 'x/b', 'a.md', 'y/b');
		const source = fc.constantFrom('n.md', 'x/n.md', 'y/n.md', 'z/n.md');
		fc.assert(
			fc.property(fc.array(step, { maxLength: 20 }), fc.array(fc.tuple(link, source), { minLength: 1, maxLength: 6 }), (steps, queries) => {
				const r = new LinkResolver();
				const left = new Set<string>();
				for (const [add, p] of steps) {
					if (add) {
						r.add(p);
						left.add(p);
					} else {
						r.remove(p);
						left.delete(p);
					}
				}
				const fresh = new LinkResolver([...left].sort());
				expect(r.size).toBe(left.size);
				for (const [l, s] of queries) expect(r.resolve(l, s)).toBe(fresh.resolve(l, s));
			}),
			{ numRuns: 500 },
		);
	});

	/**
	 * The resolution rule done the plain way, on a list of paths with no indexes (as LinkResolver did
	 * before its shortcuts): the indexed resolver must answer exactly as this does.
	 */
	function plainResolve(paths: string[], linkpath: string, sourcePath: string): string | null {
		const cut = (s: string, ch: string): string => (s.indexOf(ch) < 0 ? s : s.slice(0, s.indexOf(ch)));
		const name = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
		const dir = (p: string): string => (p.lastIndexOf('/') < 0 ? '' : p.slice(0, p.lastIndexOf('/')));
		const pick = (lower: string): string | null => paths.filter((p) => p.toLowerCase() === lower).sort()[0] ?? null;
		const forms = (p: string): string[] => (name(p).includes('.') ? [p, `${p}.md`] : [`${p}.md`, p]);
		const exact = (p: string): string | null =>
			forms(p)
				.map((f) => pick(f.toLowerCase()))
				.find((hit) => hit !== null) ?? null;
		const resolveForm = (form: string): string | null => {
			const lower = form.toLowerCase();
			const named = paths.filter((p) => name(p).toLowerCase() === name(lower));
			if (named.length === 0) return null;
			if (!lower.includes('/') && named.length === 1) return named[0];
			const hit = pick(lower);
			if (hit) return hit;
			const folder = dir(sourcePath).toLowerCase();
			const matches = named.filter((p) => p.toLowerCase().endsWith('/' + lower));
			if (matches.length === 0) return null;
			const near = matches.filter((p) => folder === '' || p.toLowerCase() === folder || p.toLowerCase().startsWith(folder + '/'));
			return [...(near.length > 0 ? near : matches)].sort(
				(a, b) => a.length - b.length || (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : a < b ? -1 : a > b ? 1 : 0),
			)[0];
		};
		let link = cut(cut(linkpath, '|'), '#').replace(/\\/g, '/');
		if (link === '') return paths.includes(sourcePath) ? sourcePath : null;
		if (link.startsWith('/')) {
			const rooted = normalizeVaultPath(link);
			return rooted ? exact(rooted) : null;
		}
		if (link === '.' || link === '..' || link.startsWith('./') || link.startsWith('../')) {
			const joined = normalizeVaultPath(`${dir(sourcePath)}/${link}`);
			if (!joined) return null;
			const hit = exact(joined);
			if (hit) return hit;
			link = joined;
		} else {
			const normalized = normalizeVaultPath(link);
			if (!normalized) return null;
			link = normalized;
		}
		if (link === '') return null;
		for (const form of forms(link)) {
			const hit = resolveForm(form);
			if (hit) return hit;
		}
		return null;
	}

	test('it answers as the plain rule does, lone names, shared names and case variants alike', () => {
		// Few folders and names: names shared across folders, case variants (two paths one lower-case
		// path apart, as a case-sensitive disk allows), names unique in the vault.
		const folder = fc.constantFrom('specs', 'Specs', 'a', 'a/b', 'x.y', 'deliverables/docs');
		const name = fc.constantFrom('context.md', 'Context.md', 'spec.md', 'n.md', 'N.md', 'setup.sh', 'Makefile', 'makefile.md', '1001.spec.md', 'note.v2', 'İx.md', 'ΑΣ.md');
		const path = fc.tuple(fc.array(folder, { maxLength: 2 }), name).map(([dirs, base]) => [...dirs, base].join('/'));
		const link = fc.oneof(
			fc.constantFrom(
				'',
				'#h',
				'context',
				'Context.md',
				'spec',
				'n',
				'N',
				'setup.sh',
				'Makefile',
				'makefile',
				'1001.spec',
				'note.v2',
				'note',
				'a/n',
				'A/N.md',
				'b/spec',
				'docs/context',
				'../n',
				'./context',
				'../a/spec',
				'../../spec',
				'../../../a/n',
				'../../../../n',
				'.././n',
				'./../n',
				'../',
				'./',
				'../.',
				'..//n',
				'../a/../n',
				'.//n',
				'/specs/n',
				'/a',
				'..',
				'a\\n',
				'..\\n',
				'x.y/n#h',
				'n|alias',
				'i̇x',
				'ας',
				'ασ.md',
			),
			fc.string({ maxLength: 5 }),
		);
		const source = fc.oneof(path, fc.constantFrom('top.md', 'specs/new.md', 'a/b/c/new.md', 'q/z.md', 'a//b/n.md', './a/n.md', 'a/../b/n.md', '/a/n.md', 'a/./n.md'));
		fc.assert(
			fc.property(fc.uniqueArray(path, { maxLength: 20 }), fc.array(fc.tuple(link, source), { minLength: 1, maxLength: 10 }), (paths, queries) => {
				const r = new LinkResolver(paths);
				for (const [l, s] of queries) expect(r.resolve(l, s)).toBe(plainResolve(paths, l, s));
			}),
			{ numRuns: 2000 },
		);
	});

	test('has() is exact; resolve() is case-insensitive', () => {
		const r = new LinkResolver(['Specs/Epic.md']);
		expect(r.has('Specs/Epic.md')).toBe(true);
		expect(r.has('specs/epic.md')).toBe(false);
		expect(r.resolve('specs/epic', 'x.md')).toBe('Specs/Epic.md');
	});
});
