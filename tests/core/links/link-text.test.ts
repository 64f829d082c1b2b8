import { parseLinks } from '../../../src/core/links/link-parser';
import { linksToText, plainText } from '../../../src/core/links/link-text';

describe('links in list items (the registry and session readers use parseLinks)', () => {
	const first = (s: string): Record<string, unknown> | null => {
		const link = parseLinks(s, { includeFrontmatter: true })[0];
		return link ? { kind: link.kind, target: link.target, alias: link.alias, start: link.start, end: link.end } : null;
	};
	test.each<[string, Record<string, unknown> | null]>([
		['[[deliverables/scripts/a.sh|A Script]] - x', { kind: 'wikilink', target: 'deliverables/scripts/a.sh', alias: 'A Script', start: 0, end: 38 }],
		['[[context]]', { kind: 'wikilink', target: 'context', alias: null, start: 0, end: 11 }],
		// The #heading is the link's subpath, not part of its target.
		['[[note#Heading|Alias]]', { kind: 'wikilink', target: 'note', alias: 'Alias', start: 0, end: 22 }],
		['[Guide](docs/guide.md)', { kind: 'markdown', target: 'docs/guide.md', alias: 'Guide', start: 0, end: 22 }],
		['[Guide](<docs/my guide.md>)', { kind: 'markdown', target: 'docs/my guide.md', alias: 'Guide', start: 0, end: 27 }],
		// Markdown targets are %-decoded: the path a resolver looks up.
		['[Guide](docs/my%20guide.md)', { kind: 'markdown', target: 'docs/my guide.md', alias: 'Guide', start: 0, end: 27 }],
		['![[diagram.png]]', { kind: 'wikilink', target: 'diagram.png', alias: null, start: 0, end: 16 }],
		['plain', null],
		['[not a link]', null],
	])('%j', (s, expected) => {
		expect(first(s)).toEqual(expected);
	});

	test('offsets are relative to the whole string', () => {
		expect(parseLinks('see [[x|Y]]')[0]).toMatchObject({ start: 4, end: 11, target: 'x' });
	});
});

describe('linksToText', () => {
	test('aliases, file names without .md, markdown link labels', () => {
		expect(linksToText('Created [[deliverables/scripts/nas-health-check.sh|health monitoring script]]')).toBe('Created health monitoring script');
		expect(linksToText('Read [[notes/Design.md]] and [Guide](g.md)')).toBe('Read Design and Guide');
		expect(linksToText('Ran [[deliverables/scripts/bench.sh]]')).toBe('Ran bench.sh');
	});

	test('external links show their label; a same-note heading link shows the heading', () => {
		expect(linksToText('See [the docs](https://example.com/a#b) and [[#Setup]]')).toBe('See the docs and #Setup');
	});

	test("an image inside a link shows once, as the outer link's label", () => {
		expect(linksToText('[![alt](img.png)](doc.md) done')).toBe('![alt](img.png) done');
	});
});

describe('plainText', () => {
	test('drops bold markers and collapses whitespace around the link text', () => {
		expect(plainText('  **Fixed**  the [[deliverables/scripts/a.sh|mount script]]\n  again ')).toBe('Fixed the mount script again');
	});
});
