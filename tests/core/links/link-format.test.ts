import fc from 'fast-check';
import { formatLink, linkpathFor, rewriteLinkTarget, rewriteLinkTargets } from '../../../src/core/links/link-format';
import { parseLinks, parseLinkText } from '../../../src/core/links/link-parser';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { dirname, extension, relativePath } from '../../../src/core/files/paths';

const F = 'specs/1000/1001';

describe('formatLink writes links as the seed does', () => {
	test.each<[string, Parameters<typeof formatLink>[0], string]>([
		['spec → context', { sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, alias: 'Implementation Journal', style: 'wikilink' }, '[[context|Implementation Journal]]'],
		['feature → epic', { sourcePath: `${F}/spec.md`, targetPath: 'specs/1000/epic.md', alias: 'Parent Epic', style: 'wikilink' }, '[[../epic|Parent Epic]]'],
		[
			'spec → script',
			{ sourcePath: `${F}/spec.md`, targetPath: `${F}/deliverables/scripts/setup.sh`, alias: 'Setup Script', style: 'wikilink' },
			'[[deliverables/scripts/setup.sh|Setup Script]]',
		],
		[
			'task context → task spec',
			{ sourcePath: `${F}/1014.context.md`, targetPath: `${F}/1014.spec.md`, alias: '1014 - Cold Storage NAS', style: 'wikilink' },
			'[[1014.spec|1014 - Cold Storage NAS]]',
		],
		[
			'epic → feature',
			{ sourcePath: 'specs/1000/epic.md', targetPath: `${F}/spec.md`, alias: 'Storage Infrastructure', style: 'wikilink' },
			'[[1001/spec|Storage Infrastructure]]',
		],
		[
			'deliverable doc → spec',
			{ sourcePath: `${F}/deliverables/docs/guide.md`, targetPath: `${F}/spec.md`, alias: 'Storage Infrastructure Spec', style: 'wikilink' },
			'[[../../spec|Storage Infrastructure Spec]]',
		],
		[
			'dependency in another epic',
			{ sourcePath: `${F}/context.md`, targetPath: 'specs/3000/3001/spec.md', alias: '3001 - Market Data Collection', style: 'wikilink' },
			'[[../../3000/3001/spec|3001 - Market Data Collection]]',
		],
		['config file', { sourcePath: `${F}/context.md`, targetPath: `${F}/deliverables/config/fstab.nas`, alias: null, style: 'wikilink' }, '[[deliverables/config/fstab.nas]]'],
		[
			'markdown script',
			{ sourcePath: `${F}/spec.md`, targetPath: `${F}/deliverables/scripts/setup.sh`, alias: 'Setup Script', style: 'markdown' },
			'[Setup Script](deliverables/scripts/setup.sh)',
		],
		['markdown parent', { sourcePath: `${F}/spec.md`, targetPath: 'specs/1000/epic.md', alias: 'Parent', style: 'markdown' }, '[Parent](../epic.md)'],
		[
			'markdown, spaces as %20',
			{ sourcePath: `${F}/spec.md`, targetPath: 'notes/Storage Notes (old).md', alias: 'Notes', style: 'markdown' },
			'[Notes](../../../notes/Storage%20Notes%20%28old%29.md)',
		],
		['wikilink, spaces kept', { sourcePath: `${F}/spec.md`, targetPath: 'notes/Storage Notes.md', alias: null, style: 'wikilink' }, '[[../../../notes/Storage Notes]]'],
		['markdown without alias uses the name', { sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, style: 'markdown' }, '[context](context.md)'],
		[
			'heading subpath',
			{ sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, subpath: '#Implementation Timeline', alias: 'Timeline', style: 'wikilink' },
			'[[context#Implementation Timeline|Timeline]]',
		],
		['block subpath without #', { sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, subpath: '^a1b2c3', style: 'wikilink' }, '[[context#^a1b2c3]]'],
		[
			'markdown heading subpath',
			{ sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, subpath: '#Implementation Timeline', alias: 'Timeline', style: 'markdown' },
			'[Timeline](context.md#Implementation%20Timeline)',
		],
		['same file heading', { sourcePath: `${F}/context.md`, targetPath: `${F}/context.md`, subpath: '#Plan', alias: 'Plan', style: 'wikilink' }, '[[#Plan|Plan]]'],
		['wikilink embed', { sourcePath: `${F}/deliverables/docs/guide.md`, targetPath: `${F}/deliverables/docs/topology.png`, embed: true, style: 'wikilink' }, '![[topology.png]]'],
		[
			'markdown embed',
			{ sourcePath: `${F}/deliverables/docs/guide.md`, targetPath: `${F}/deliverables/docs/topology v2.png`, alias: 'Topology', embed: true, style: 'markdown' },
			'![Topology](topology%20v2.png)',
		],
		['root note to root note', { sourcePath: 'Home.md', targetPath: 'Inbox.md', style: 'wikilink' }, '[[Inbox]]'],
	])('%s', (_label, opts, expected) => {
		expect(formatLink(opts)).toBe(expected);
	});

	test('an alias holding | ] [ or a line break stays one link', () => {
		const wiki = formatLink({ sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, alias: 'Ops | [draft]]\nv2', style: 'wikilink' });
		expect(wiki).toBe('[[context|Ops - (draft)) v2]]');
		expect(parseLinks(`x ${wiki} y`).map((l) => l.raw)).toEqual([wiki]);

		const md = formatLink({ sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, alias: 'Ops | [draft]]', style: 'markdown' });
		expect(md).toBe('[Ops \\| \\[draft\\]\\]](context.md)');
		expect(parseLinkText(md)).toEqual({ kind: 'markdown', embed: false, target: 'context.md', subpath: '', alias: 'Ops | [draft]]' });
	});

	test('a path a wikilink cannot hold is written as a markdown link', () => {
		expect(formatLink({ sourcePath: 'a.md', targetPath: 'notes/C# tips [v2].md', alias: 'Tips', style: 'wikilink' })).toBe('[Tips](notes/C%23%20tips%20%5Bv2%5D.md)');
	});
});

describe('formatLink with a resolver checks the link resolves back', () => {
	test('a root file of the same name shadows the relative link: ./ is used', () => {
		const resolver = new LinkResolver(['context.md', 'a/context.md', 'a/spec.md']);
		const opts = { sourcePath: 'a/spec.md', targetPath: 'a/context.md', alias: 'Journal', style: 'wikilink' } as const;
		expect(formatLink(opts)).toBe('[[context|Journal]]');
		expect(formatLink({ ...opts, resolver })).toBe('[[./context|Journal]]');
		expect(formatLink({ ...opts, style: 'markdown', resolver })).toBe('[Journal](./context.md)');
	});

	test('a deliverable shadowed from the vault root gets ./', () => {
		const resolver = new LinkResolver(['deliverables/scripts/setup.sh', `${F}/spec.md`, `${F}/deliverables/scripts/setup.sh`]);
		expect(formatLink({ sourcePath: `${F}/spec.md`, targetPath: `${F}/deliverables/scripts/setup.sh`, alias: 'Setup', style: 'wikilink', resolver })).toBe(
			'[[./deliverables/scripts/setup.sh|Setup]]',
		);
	});

	test('when dropping .md makes the name another file, .md is kept', () => {
		const resolver = new LinkResolver(['x/1014.spec', 'x/1014.spec.md', 'x/context.md']);
		expect(formatLink({ sourcePath: 'x/context.md', targetPath: 'x/1014.spec.md', style: 'wikilink', resolver })).toBe('[[1014.spec.md]]');
		expect(formatLink({ sourcePath: 'x/context.md', targetPath: 'x/1014.spec', style: 'wikilink', resolver })).toBe('[[1014.spec]]');
	});

	test('an unshadowed link is left short', () => {
		const resolver = new LinkResolver([`${F}/spec.md`, `${F}/context.md`, 'specs/1000/context.md']);
		expect(linkpathFor({ sourcePath: `${F}/spec.md`, targetPath: `${F}/context.md`, style: 'wikilink', resolver })).toBe('context');
	});
});

describe('rewriteLinkTarget', () => {
	test('wikilink: only the path changes, subpath, alias, embed and the rest of the text stay', () => {
		const text = 'See [[../epic#Goals|Parent]] and ![[../diagram.png|300]].\n';
		const [a, b] = parseLinks(text);
		expect(rewriteLinkTarget(text, a, '../../2000/epic')).toBe('See [[../../2000/epic#Goals|Parent]] and ![[../diagram.png|300]].\n');
		expect(rewriteLinkTarget(text, b, 'img/diagram v2.png')).toBe('See [[../epic#Goals|Parent]] and ![[img/diagram v2.png|300]].\n');
	});

	test('markdown: the new path is %-encoded, a <...> target stays angled', () => {
		const text = '[P](../epic.md#Goals "t") [Q](<old name.md>) ![i](a.png)';
		const [p, q, i] = parseLinks(text);
		expect(rewriteLinkTarget(text, p, '../new epic.md')).toBe('[P](../new%20epic.md#Goals "t") [Q](<old name.md>) ![i](a.png)');
		expect(rewriteLinkTarget(text, q, 'new <name>.md')).toBe('[P](../epic.md#Goals "t") [Q](<new \\<name\\>.md>) ![i](a.png)');
		expect(rewriteLinkTarget(text, i, 'img/b c.png')).toBe('[P](../epic.md#Goals "t") [Q](<old name.md>) ![i](img/b%20c.png)');
	});

	test('a same-file link gains a path in front of its heading', () => {
		const text = '[[#Plan|plan]] [x](#Plan)';
		const [w, m] = parseLinks(text);
		expect(
			rewriteLinkTargets(text, [
				{ link: w, newTarget: 'context' },
				{ link: m, newTarget: 'context.md' },
			]),
		).toBe('[[context#Plan|plan]] [x](context.md#Plan)');
	});

	test('several rewrites in one text, CRLF and table pipes kept byte for byte', () => {
		const text = '| [[setup.sh\\|Setup]] | x |\r\n[[context]] and [C](context.md)\r\n```\r\n[[context]]\r\n```\r\n';
		const edits = parseLinks(text).map((link) => ({ link, newTarget: link.kind === 'wikilink' ? `../${link.target}` : `../${link.target}` }));
		expect(rewriteLinkTargets(text, edits)).toBe('| [[../setup.sh\\|Setup]] | x |\r\n[[../context]] and [C](../context.md)\r\n```\r\n[[context]]\r\n```\r\n');
	});

	test('a wikilink whose new path has # becomes a markdown link that keeps alias and subpath', () => {
		const text = 'x ![[old#Sec|Alias]] y';
		const [link] = parseLinks(text);
		const out = rewriteLinkTarget(text, link, 'C# notes.md');
		expect(out).toBe('x ![Alias](C%23%20notes.md#Sec) y');
		expect(parseLinks(out).map((l) => [l.target, l.subpath, l.alias, l.embed])).toEqual([['C# notes.md', '#Sec', 'Alias', true]]);
	});
});

describe('formatLink round trip (fast-check)', () => {
	// Few names, so collisions across folders (the hard part of resolution) are common.
	const folder = fc.constantFrom('specs', '1000', '1001', 'deliverables', 'scripts', 'Notes', 'a b', 'x.y');
	const name = fc.tuple(
		fc.constantFrom('context', 'spec', 'epic', '1014.spec', 'Context', 'setup', 'My Note', '100%', 'a(1)', 'café', 'fstab', 'data.v2'),
		fc.constantFrom('.md', '.md', '.md', '.sh', '.conf', '.json', '.nas', '.png'),
	);
	const path = fc.tuple(fc.array(folder, { maxLength: 4 }), name).map(([dirs, [base, ext]]) => [...dirs, base + ext].join('/'));
	/** A vault that could exist on disk: no two paths equal ignoring case, no file where a folder is. */
	const vault = fc.uniqueArray(path, { minLength: 1, maxLength: 30, selector: (p) => p.toLowerCase() }).map((paths) => {
		const lower = new Set(paths.map((p) => p.toLowerCase()));
		return paths.filter((p) => ![...lower].some((q) => q.startsWith(p.toLowerCase() + '/')));
	});
	const alias = fc.option(fc.string({ maxLength: 12 }), { nil: null });
	const subpath = fc.constantFrom('', '#Plan', '#^b1', '#Implementation Timeline');

	/** linkpathFor as it was: every candidate built, then the first that resolves back (the fast path must agree). */
	const eagerLinkpathFor = (sourcePath: string, targetPath: string, style: 'wikilink' | 'markdown', sub: string, resolver: LinkResolver | undefined): string => {
		const selfHeading = targetPath === sourcePath && sub.trim() !== '';
		const rel = relativePath(dirname(sourcePath), targetPath);
		const dropMd = (p: string): string => (style === 'wikilink' && extension(targetPath) === 'md' ? p.slice(0, -3) : p);
		const forms = (p: string): string[] => [dropMd(p), ...(dropMd(p) !== p ? [p] : [])];
		const dotted = rel.startsWith('../') ? rel : `./${rel}`;
		const out: string[] = [];
		if (selfHeading) out.push('');
		for (const p of [rel, dotted, targetPath]) out.push(dropMd(p));
		for (const p of [rel, dotted, targetPath, `/${targetPath}`]) out.push(...forms(p));
		const candidates = [...new Set(out)];
		if (!resolver || !resolver.has(targetPath)) return candidates[0];
		for (const c of candidates) if (resolver.resolve(c, sourcePath) === targetPath) return c;
		return candidates[0];
	};

	test('linkpathFor gives what trying every candidate in order gives (also for files the resolver lacks)', () => {
		fc.assert(
			fc.property(vault, fc.nat(), fc.nat(), fc.constantFrom('wikilink', 'markdown'), subpath, fc.nat(3), (paths, si, ti, style, sub, mode) => {
				const sourcePath = paths[si % paths.length];
				// Now and then the source itself (a heading link) or a target the resolver does not know.
				const targetPath = mode === 0 ? sourcePath : mode === 1 ? `gone/${paths[ti % paths.length]}` : paths[ti % paths.length];
				const resolver = mode === 3 && ti % 4 === 0 ? undefined : new LinkResolver(paths);
				expect(linkpathFor({ sourcePath, targetPath, style, subpath: sub, resolver })).toBe(eagerLinkpathFor(sourcePath, targetPath, style, sub, resolver));
			}),
			{ numRuns: 2000 },
		);
	});

	test('the formatted link parses to one link that resolves back to its target', () => {
		fc.assert(
			fc.property(vault, fc.nat(), fc.nat(), fc.constantFrom('wikilink', 'markdown'), alias, subpath, fc.boolean(), (paths, si, ti, style, al, sub, embed) => {
				const sources = paths.filter((p) => p.endsWith('.md'));
				fc.pre(sources.length > 0);
				const sourcePath = sources[si % sources.length];
				const targetPath = paths[ti % paths.length];
				const resolver = new LinkResolver(paths);
				const link = formatLink({ sourcePath, targetPath, alias: al, subpath: sub, style, embed, resolver });
				const parsed = parseLinks(`Before ${link} after`);
				expect(parsed).toHaveLength(1);
				expect(parsed[0].raw).toBe(link);
				expect(parsed[0].embed).toBe(embed);
				expect(parsed[0].subpath).toBe(sub);
				expect(resolver.resolve(parsed[0].target, sourcePath)).toBe(targetPath);
			}),
			{ numRuns: 500 },
		);
	});
});
