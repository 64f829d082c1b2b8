import { parseLinks, parseLinkText, type LinkRef } from '../../../src/core/links/link-parser';

/** What a reader sees of a link: kind, target (with subpath) and alias. */
function seen(text: string): string[] {
	return parseLinks(text).map((l: LinkRef) => `${l.kind} ${l.target}${l.subpath} | ${l.alias ?? ''}`);
}

/** A journal as coding agents write it: a numbered list whose item 14 holds an indented bash fence with a blank line. */
function journal(indent: string): string {
	const i = indent;
	return [
		'## Implementation Steps',
		'',
		'13. Format the disk with [`mkfs.ext4`](deliverables/scripts/format.sh).',
		'14. Check the device exists before mounting:',
		'',
		`${i}\`\`\`bash`,
		`${i}DEVICE=/dev/disk/by-label/cold`,
		'',
		`${i}if [[ ! -b "$DEVICE" ]]; then`,
		`${i}    echo "missing $DEVICE" >&2`,
		`${i}    exit 1`,
		`${i}fi`,
		`${i}\`\`\``,
		'',
		'15. Mount it with [[deliverables/scripts/mount.sh|Mount Script]].',
		'',
		'See [Storage Feature](../spec.md) for the layout.',
		'',
	].join('\n');
}

const JOURNAL_LINKS = ['markdown deliverables/scripts/format.sh | `mkfs.ext4`', 'wikilink deliverables/scripts/mount.sh | Mount Script', 'markdown ../spec.md | Storage Feature'];

describe('parseLinks on real vault notes: code fences inside list items', () => {
	test.each([
		['three spaces', '   '],
		['four spaces', '    '],
		['six spaces', '      '],
		['eight spaces', '        '],
		['a tab', '\t'],
	])('bash [[ ! -b "$DEVICE" ]] in a fence indented %s under item 14 is no link; the links around it are', (_name, indent) => {
		expect(seen(journal(indent))).toEqual(JOURNAL_LINKS);
	});

	test('CRLF line ends change nothing', () => {
		expect(seen(journal('    ').replace(/\n/g, '\r\n'))).toEqual(JOURNAL_LINKS);
	});

	test('a ~~~ fence inside a blockquote is code, the link after the quote is not', () => {
		const text = '> Tip:\n>\n> ~~~bash\n> [[ -d "$X" ]] || mkdir "$X"\n>\n> ~~~\n\nSee [[context|Journal]].\n';
		expect(seen(text)).toEqual(['wikilink context | Journal']);
	});

	test('a line back at the margin ends the list item and its fence: a link there is found', () => {
		const text = '14. Step\n\n    ```bash\n    [[ -b "$D" ]]\nSee [[context]] (the fence was never closed).\n';
		expect(seen(text)).toEqual(['wikilink context | ']);
	});

	test('an indented ``` outside a list opens no fence: it is indented code, hiding its own lines only', () => {
		const text = 'Intro [[a]]\n\n    ```\n    [[b]]\n\n[[c]]\n';
		expect(seen(text)).toEqual(['wikilink a | ', 'wikilink c | ']);
	});
});

describe('parseLinks on real vault notes: markdown link labels with brackets', () => {
	test('a task list of links whose labels start with a bracketed id', () => {
		const text = ['## Tasks', '', '- [[E01-F01-T01] Hot Storage](./E01-F01-T01.spec.md)', '- [[E01-F01-T02] Cold Storage](./E01-F01-T02.spec.md) and [[context]]', ''].join('\n');
		expect(seen(text)).toEqual([
			'markdown ./E01-F01-T01.spec.md | [E01-F01-T01] Hot Storage',
			'markdown ./E01-F01-T02.spec.md | [E01-F01-T02] Cold Storage',
			'wikilink context | ',
		]);
	});

	test('the link keeps exact offsets for rewriting', () => {
		const text = '- [[E01-F01-T01] Hot Storage](./E01-F01-T01.spec.md)';
		const [link] = parseLinks(text);
		expect([link.start, link.end]).toEqual([2, text.length]);
		expect(text.slice(link.targetStart, link.targetEnd)).toBe('./E01-F01-T01.spec.md');
		expect(link.raw).toBe(text.slice(2));
	});

	test.each<[string, string]>([
		['[a [b] c](x.md)', 'markdown x.md | a [b] c'],
		['[[a] [b]](x.md)', 'markdown x.md | [a] [b]'],
		['[a \\] b](x.md)', 'markdown x.md | a ] b'],
		['[\\[E01\\] Hot](x.md)', 'markdown x.md | [E01] Hot'],
		['[Guide](<docs/nas setup guide.md>)', 'markdown docs/nas setup guide.md | Guide'],
		['[Guide](<docs/nas setup guide.md> "The guide")', 'markdown docs/nas setup guide.md | Guide'],
		["[a](b.md 'title')", 'markdown b.md | a'],
		['[a](b.md (title))', 'markdown b.md | a'],
	])('%s', (text, expected) => {
		expect(seen(text)).toEqual([expected]);
		expect(parseLinks(text)[0].end).toBe(text.length);
	});

	test('a wikilink target holds no brackets, so a bracket then a link is a bracket then the link', () => {
		expect(seen('[[a] b]] and [[c]]')).toEqual(['wikilink c | ']);
		expect(seen('[[a](x.md)')).toEqual(['markdown x.md | a']);
	});

	test('parseLinkText reads a property holding such a link', () => {
		expect(parseLinkText('"[[E01-F01] Storage](../spec.md)"')).toEqual({
			kind: 'markdown',
			embed: false,
			target: '../spec.md',
			subpath: '',
			alias: '[E01-F01] Storage',
		});
	});
});
