import fc from 'fast-check';
import { rewriteLinkTarget } from '../../../src/core/links/link-format';
import { parseLinks, parseLinkText, type LinkRef } from '../../../src/core/links/link-parser';

/** The fields a reader cares about, without offsets. */
function brief(link: LinkRef): Pick<LinkRef, 'kind' | 'embed' | 'target' | 'subpath' | 'alias'> {
	return { kind: link.kind, embed: link.embed, target: link.target, subpath: link.subpath, alias: link.alias };
}

function targets(text: string): string[] {
	return parseLinks(text).map((l) => l.target);
}

describe('parseLinks: wikilinks', () => {
	test.each<[string, Partial<LinkRef>]>([
		['[[context|Implementation Journal]]', { kind: 'wikilink', embed: false, target: 'context', subpath: '', alias: 'Implementation Journal' }],
		['[[../epic|Parent Epic]]', { target: '../epic', alias: 'Parent Epic' }],
		['[[deliverables/scripts/setup.sh|Setup Script]]', { target: 'deliverables/scripts/setup.sh', alias: 'Setup Script' }],
		['[[1014.spec|1014 - Cold Storage NAS]]', { target: '1014.spec', alias: '1014 - Cold Storage NAS' }],
		['[[context#Implementation Timeline]]', { target: 'context', subpath: '#Implementation Timeline', alias: null }],
		['[[context#^a1b2c3|see block]]', { target: 'context', subpath: '#^a1b2c3', alias: 'see block' }],
		['[[#Plan]]', { target: '', subpath: '#Plan', alias: null }],
		['[[#^block]]', { target: '', subpath: '#^block' }],
		['![[diagram.png|300]]', { embed: true, target: 'diagram.png', alias: '300' }],
		['[[ context | Journal ]]', { target: 'context', alias: ' Journal ' }],
		['[[a|b|c]]', { target: 'a', alias: 'b|c' }],
	])('%s', (text, expected) => {
		const links = parseLinks(text);
		expect(links).toHaveLength(1);
		expect(links[0]).toMatchObject(expected);
		expect(links[0].start).toBe(0);
		expect(links[0].end).toBe(text.length);
		expect(links[0].raw).toBe(text);
	});

	test('a pipe escaped for a table splits target and alias without the backslash', () => {
		const text = '| [[deliverables/config/fstab.nas\\|fstab]] | mount |';
		const [link] = parseLinks(text);
		expect(brief(link)).toEqual({ kind: 'wikilink', embed: false, target: 'deliverables/config/fstab.nas', subpath: '', alias: 'fstab' });
		expect(text.slice(link.targetStart, link.targetEnd)).toBe('deliverables/config/fstab.nas');
	});

	test('empty brackets and links broken over lines are not links', () => {
		expect(parseLinks('[[]] and [[a\nb]] and [[|x]]')).toEqual([]);
	});

	test('extra opening brackets belong to the text, the link is the innermost', () => {
		const text = '[[[[context|Journal]] and [[[x]]]';
		expect(parseLinks(text).map((l) => [l.target, l.start])).toEqual([
			['context', 2],
			['x', 27],
		]);
	});

	test('a heading in a wikilink may hold brackets, a file name may not', () => {
		const links = parseLinks('See [[1000-epic-lab.spec#Step [2] mount|step two]] and ![[x#A [b]]] but [[E01] Hot Storage](E01.md) ]].');
		expect(links.map((l) => [l.kind, l.target, l.subpath, l.alias])).toEqual([
			['wikilink', '1000-epic-lab.spec', '#Step [2] mount', 'step two'],
			['wikilink', 'x', '#A [b', null],
			['markdown', 'E01.md', '', '[E01] Hot Storage'],
		]);
	});

	test('wikilinks are not %-decoded', () => {
		expect(targets('[[My%20Note]]')).toEqual(['My%20Note']);
	});

	test('inline code inside an alias does not break the link', () => {
		expect(parseLinks('[[deliverables/scripts/setup.sh|`setup.sh`]]').map(brief)).toEqual([
			{ kind: 'wikilink', embed: false, target: 'deliverables/scripts/setup.sh', subpath: '', alias: '`setup.sh`' },
		]);
	});
});

describe('parseLinks: markdown links', () => {
	test.each<[string, Partial<LinkRef>]>([
		['[Parent](../epic.md)', { kind: 'markdown', embed: false, target: '../epic.md', subpath: '', alias: 'Parent' }],
		['[Setup Script](deliverables/scripts/setup.sh)', { target: 'deliverables/scripts/setup.sh', alias: 'Setup Script' }],
		['[Up two](../../1000/epic.md#Goals)', { target: '../../1000/epic.md', subpath: '#Goals' }],
		['[Guide](<deliverables/docs/nas setup guide.md>)', { target: 'deliverables/docs/nas setup guide.md', alias: 'Guide' }],
		['[Guide](deliverables/docs/nas%20setup%20guide.md#Mount%20Options)', { target: 'deliverables/docs/nas setup guide.md', subpath: '#Mount Options' }],
		['[Same file](#Plan)', { target: '', subpath: '#Plan' }],
		['[Block](context.md#^a1b2c3)', { target: 'context.md', subpath: '#^a1b2c3' }],
		['![Topology](diagrams/topology%20v2.png)', { embed: true, target: 'diagrams/topology v2.png', alias: 'Topology' }],
		['[With title](../epic.md "The epic")', { target: '../epic.md', alias: 'With title' }],
		['[Escaped \\[1\\]](notes/a\\(1\\).md)', { target: 'notes/a(1).md', alias: 'Escaped [1]' }],
		['[Balanced](notes/a(1).md)', { target: 'notes/a(1).md' }],
		['[Bad escape](notes/100%.md)', { target: 'notes/100%.md' }],
	])('%s', (text, expected) => {
		const links = parseLinks(text);
		expect(links).toHaveLength(1);
		expect(links[0]).toMatchObject(expected);
		expect([links[0].start, links[0].end]).toEqual([0, text.length]);
	});

	test('external URLs are omitted, vault links beside them are kept', () => {
		const text = [
			'[NFS tuning](https://www.kernel.org/doc/nfs.html)',
			'[mail](mailto:ops@example.com) [open](obsidian://open?vault=x&file=y)',
			'[local file](file:///etc/fstab) [cdn](//cdn.example.com/x.js) [ftp](FTP://host/x)',
			'[Parent](../epic.md)',
		].join('\n');
		expect(targets(text)).toEqual(['../epic.md']);
	});

	test('a link around an image yields both links', () => {
		const links = parseLinks('[![Badge](img/badge.png)](deliverables/docs/guide.md)');
		expect(links.map(brief)).toEqual([
			{ kind: 'markdown', embed: false, target: 'deliverables/docs/guide.md', subpath: '', alias: '![Badge](img/badge.png)' },
			{ kind: 'markdown', embed: true, target: 'img/badge.png', subpath: '', alias: 'Badge' },
		]);
	});

	test('inline code in the link text is allowed', () => {
		expect(parseLinks('Created [`setup.sh`](deliverables/scripts/setup.sh).').map(brief)).toEqual([
			{ kind: 'markdown', embed: false, target: 'deliverables/scripts/setup.sh', subpath: '', alias: '`setup.sh`' },
		]);
	});

	test('brackets that are not followed by a destination are plain text', () => {
		expect(parseLinks('- [x] done\n- [ ] todo (later)\n[not a link] (space before paren)\n[a](b c)')).toEqual([]);
	});
});

describe('parseLinks: code is not markdown', () => {
	test('bash [[ -d "$X" ]] inside a ```bash fence is not a link', () => {
		const text = 'Before [[spec]]\n\n```bash\nif [[ -d "$X" ]]; then\n  echo "[[x]] [y](z.md)"\nfi\n```\n\nAfter [[context]]\n';
		expect(targets(text)).toEqual(['spec', 'context']);
	});

	test('inline code spans, single and double backticks', () => {
		expect(targets('Use `[[x]]` or ``[[y]] `z` [w](v.md)`` but [[real]]')).toEqual(['real']);
	});

	test('~~~ fences and longer backtick fences holding ``` lines', () => {
		const text = '~~~\n[[tilde]]\n~~~\n````md\n```\n[[inner]]\n```\n[[still code]]\n````\n[[outside]]';
		expect(targets(text)).toEqual(['outside']);
	});

	test('an unclosed fence runs to the end of the note', () => {
		expect(targets('[[before]]\n```sh\n[[ -f "$F" ]] && echo [[x]]\n')).toEqual(['before']);
	});

	test('indented fence (up to three spaces) and CRLF line ends', () => {
		const text = '[[a]]\r\n   ```\r\n[[b]]\r\n   ```\r\n[[c]]\r\n';
		expect(targets(text)).toEqual(['a', 'c']);
	});

	test('a fence indented four spaces is not a fence; escapes and embeds amid plain text', () => {
		expect(targets('[[a]]\n    ```\n\n[[b]]\n')).toEqual(['a', 'b']);
		expect(targets('x \\[[no]] y \\\\[[yes]] z ![[pic.png]] w!v [[last]]')).toEqual(['yes', 'pic.png', 'last']);
	});

	test('a link whose closing brackets fall inside code is not a link', () => {
		expect(targets('[[a `]]` b]]')).toEqual([]);
	});
});

describe('parseLinks: what Obsidian does not read as a link', () => {
	test('%% comments, inline and over several lines, hide their links; a fence inside one is comment too', () => {
		const text = [
			'# 1014 - Cold Storage NAS',
			'',
			'**Context**: [[1014.context|Implementation Journal]]',
			'',
			'%% [[hidden-comment]] %%',
			'',
			'Owner notes %%later: [[draft-idea]]%% stay visible, as does [[visible]].',
			'',
			'%%',
			'Old plan, kept for reference:',
			'',
			'- [[old-plan]]',
			'```bash',
			'echo "[[x]]"',
			'%%',
			'',
			'## Deliverables',
			'- [[deliverables/scripts/setup.sh|Setup Script]]',
			'',
		].join('\n');
		expect(targets(text)).toEqual(['1014.context', 'visible', 'deliverables/scripts/setup.sh']);
	});

	test('%% inside code opens no comment, an unclosed %% hides nothing, a comment may hold backticks', () => {
		expect(targets('Use `%%` to hide text: [[real]]\n```\n%%\n```\n[[after]] %% `x` [[gone]] %% [[last]]')).toEqual(['real', 'after', 'last']);
		expect(targets('Done 100%% with [[report]]\n\nMore [[notes]]\n')).toEqual(['report', 'notes']);
	});

	test('inside an autolink nothing is a link but the autolink itself', () => {
		expect(targets('See <https://x.y/[[z]]> and <obsidian://open?file=[[a]]> then [[real]]\n')).toEqual(['real']);
		// A destination written in angle brackets is the link's, not an autolink.
		const links = parseLinks('[site](<https://x.y/a b>) and [Guide](<docs/nas guide.md>)', { includeExternal: true });
		expect(links.map((l) => l.target)).toEqual(['https://x.y/a b', 'docs/nas guide.md']);
		// Not autolinks: no scheme, or a space inside.
		expect(targets('<[[a]]> <x:[[b]] c> <1a:[[c]]>')).toEqual(['a', 'b', 'c']);
	});

	test("indented code: four columns past the margin or past a list item's text, after a blank line", () => {
		const text = [
			'## Steps',
			'',
			'1. Step [[one]]',
			'',
			'       indented code [[nope]]',
			'       more [[nope-too]]',
			'',
			'   continuation of step one [[continued]]',
			'',
			'2. Next',
			'   - nested [[nested]]',
			'',
			'         deep code [[deep]]',
			'',
			'     text of the nested item [[nested-text]]',
			'',
			'Paragraph.',
			'',
			'    top-level code [[top-code]]',
			'\tand a tab [[tab-code]]',
			'',
			'Paragraph',
			'    continued lazily [[lazy]]',
			'',
		].join('\n');
		expect(targets(text)).toEqual(['one', 'continued', 'nested', 'nested-text', 'lazy']);
	});

	test('math is MathJax, not links: $[[e]]$, an interval $i \\in [[0, n]]$, a $$ block', () => {
		const text = [
			'# Semantics',
			'',
			'The meaning $[[e]]$ of an expression, indices $i \\in [[0, n]]$, see [[notation]].',
			'',
			'$$',
			'[[e_1 + e_2]] = [[e_1]] + [[e_2]]',
			'$$',
			'',
			'## Tasks',
			'- [ ] Prove $[[x]] \\le 1$ as in [[lemma]]',
			'',
		].join('\n');
		expect(targets(text)).toEqual(['notation', 'lemma']);
	});

	test('dollars that are not math leave the links beside them links', () => {
		// Prices: a `$` after a space or before a digit closes nothing.
		expect(targets('It costs $5 and $10 in [[budget]], or US$5 to US$10 [[quotes]]\n')).toEqual(['budget', 'quotes']);
		// `$ x$` opens nothing, `\$` is a dollar sign, a blank line ends a paragraph and its math.
		expect(targets('$ [[a]]$ and \\$[[b]]$ then $[[c]]\n\n[[d]]$\n')).toEqual(['a', 'b', 'c', 'd']);
		// A `$` in inline code opens no math; an unclosed `$$` is text.
		expect(targets('Run `echo $HOME` then [[setup]] and $[[x]]$\n\n$$ [[open]]\n')).toEqual(['setup', 'open']);
	});

	test('a code span after two prices stays code: inline math holds no backtick', () => {
		expect(targets('Costs $5 per seat and $10 for admins.\nInline `$x$ [[in-code]]` ok, and [[out]].\n')).toEqual(['out']);
	});

	test('items nested by four spaces or a tab stay items, and their links stay links', () => {
		expect(targets('- a [[a]]\n\n    - b [[b]]\n\n\t- c [[c]]\n\n        - d [[d]]\n')).toEqual(['a', 'b', 'c', 'd']);
		expect(targets('14. Step\n\n    ```bash\n    [[ -d x ]]\n    ```\n\n    See [[log]]\n')).toEqual(['log']);
	});
});

describe('parseLinks: comments, frontmatter and ranges', () => {
	test('links inside HTML comments are found (the seed traceback header)', () => {
		const text = '<!-- Spec: [[../../spec|Storage Infrastructure Spec]] -->\n<!-- Context: [[../../context|Implementation Journal]] -->\n# Guide\n';
		expect(parseLinks(text).map(brief)).toEqual([
			{ kind: 'wikilink', embed: false, target: '../../spec', subpath: '', alias: 'Storage Infrastructure Spec' },
			{ kind: 'wikilink', embed: false, target: '../../context', subpath: '', alias: 'Implementation Journal' },
		]);
	});

	test('the YAML frontmatter is skipped unless asked for', () => {
		const text = '---\nparent: "[[../epic|Parent]]"\ncontext: "[Journal](context.md)"\n---\n**Spec**: [[1014.spec]]\n';
		expect(targets(text)).toEqual(['1014.spec']);
		expect(parseLinks(text, { includeFrontmatter: true }).map((l) => l.target)).toEqual(['../epic', 'context.md', '1014.spec']);
	});

	test('a backtick in the frontmatter does not hide body links', () => {
		const text = '---\ncmd: "`ls"\n---\n[[context]] and `code`\n';
		expect(targets(text)).toEqual(['context']);
	});

	test('from/to return only links lying wholly inside the window, code context still known', () => {
		const text = '[[a]]\n```\n[[b]]\n```\n[[c]] [[d]]';
		const fenceInside = text.indexOf('[[b]]');
		const cStart = text.indexOf('[[c]]');
		expect(parseLinks(text, { from: fenceInside }).map((l) => l.target)).toEqual(['c', 'd']);
		expect(parseLinks(text, { from: 1, to: cStart + 5 }).map((l) => l.target)).toEqual(['c']);
		expect(parseLinks(text, { to: cStart + 4 }).map((l) => l.target)).toEqual(['a']);
	});

	test('offsets locate the whole link and the target as written, for rewriting', () => {
		const text = '---\nid: 1014\n---\n**Spec**: [[ 1014.spec |1014]] then ![alt](<img/a b.png>) and [P](../epic%20one.md#Goals "t") and [[#Plan]]\n';
		const links = parseLinks(text);
		expect(links.map((l) => text.slice(l.start, l.end))).toEqual(links.map((l) => l.raw));
		expect(links.map((l) => l.raw)).toEqual(['[[ 1014.spec |1014]]', '![alt](<img/a b.png>)', '[P](../epic%20one.md#Goals "t")', '[[#Plan]]']);
		expect(links.map((l) => text.slice(l.targetStart, l.targetEnd))).toEqual(['1014.spec', 'img/a b.png', '../epic%20one.md', '']);
		expect(text.slice(links[3].targetStart, links[3].targetStart + 5)).toBe('#Plan');
	});
});

describe('parseLinkText', () => {
	test.each<[string, ReturnType<typeof parseLinkText>]>([
		['[[../epic|Parent]]', { kind: 'wikilink', embed: false, target: '../epic', subpath: '', alias: 'Parent' }],
		['"[[../epic|Parent]]"', { kind: 'wikilink', embed: false, target: '../epic', subpath: '', alias: 'Parent' }],
		["  '[[context]]'  ", { kind: 'wikilink', embed: false, target: 'context', subpath: '', alias: null }],
		['[Parent](../epic.md)', { kind: 'markdown', embed: false, target: '../epic.md', subpath: '', alias: 'Parent' }],
		['"[Parent](../my%20epic.md#Goals)"', { kind: 'markdown', embed: false, target: '../my epic.md', subpath: '#Goals', alias: 'Parent' }],
		['![[cover.png]]', { kind: 'wikilink', embed: true, target: 'cover.png', subpath: '', alias: null }],
	])('%s is one link', (input, expected) => {
		expect(parseLinkText(input)).toEqual(expected);
	});

	test.each(['', '1001', 'context.md', '[[a]] and more', 'see [[a]]', '[[a]][[b]]', '[site](https://example.com)', '`[[a]]`', '"[[a]]'])(
		'%j is not a single vault link',
		(input) => {
			expect(parseLinkText(input)).toBeNull();
		},
	);
});

describe('parseLinks on generated notes (fast-check)', () => {
	const fragment = fc.constantFrom(
		'[[context|Journal]]',
		'![[diagram.png|300]]',
		'[[../epic#Goals]]',
		'[Parent](../epic.md)',
		'[Guide](<docs/nas guide.md>)',
		'![img](a%20b.png)',
		'[site](https://example.com)',
		'<!-- Spec: [[../../spec|Spec]] -->',
		'```bash\nif [[ -d "$X" ]]; then echo; fi\n```\n',
		'~~~\n[[fenced]]\n~~~\n',
		'`[[inline]]`',
		'some prose ',
		'\n',
		'\r\n',
		'\n\n',
		'[',
		']',
		'`',
		'!',
		'(',
		')',
		'|',
		'- [ ] task\n',
		'%% [[hidden]] %%',
		'<https://x.y/[[z]]>',
		'\n\n    indented [[code]]\n',
	);
	const note = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(''));

	test('offsets are exact: rewriting one target changes only that span and re-parses in place', () => {
		fc.assert(
			fc.property(note, (text) => {
				for (const link of parseLinks(text)) {
					expect(text.slice(link.start, link.end)).toBe(link.raw);
					expect(link.start <= link.targetStart && link.targetEnd <= link.end).toBe(true);
					const out = rewriteLinkTarget(text, link, 'new/Target');
					expect(out.slice(0, link.targetStart)).toBe(text.slice(0, link.targetStart));
					expect(out.slice(link.targetStart + 'new/Target'.length)).toBe(text.slice(link.targetEnd));
					const again = parseLinks(out).find((l) => l.start === link.start);
					expect(again && [again.target, again.subpath, again.alias, again.embed, again.kind]).toEqual(['new/Target', link.subpath, link.alias, link.embed, link.kind]);
				}
			}),
			{ numRuns: 300 },
		);
	});

	test('nothing inside a %% comment is ever a link', () => {
		fc.assert(
			fc.property(note, (inner) => {
				expect(parseLinks('%%\n' + inner.replace(/%/g, 'pct') + '\n%%\n')).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});

	test('nothing inside a fence is ever a link', () => {
		fc.assert(
			fc.property(note, (inner) => {
				const body = inner.replace(/^(```|~~~)/gm, '   x');
				expect(parseLinks('```\n' + body + '\n```\n')).toEqual([]);
			}),
			{ numRuns: 300 },
		);
	});
});
