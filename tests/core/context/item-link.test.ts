import { linksToText, readLinkAt } from '../../../src/core/context/item-link';

describe('readLinkAt', () => {
	test.each<[string, ReturnType<typeof readLinkAt>]>([
		['[[deliverables/scripts/a.sh|A Script]] - x', { kind: 'wikilink', target: 'deliverables/scripts/a.sh', alias: 'A Script', start: 0, end: 38 }],
		['[[context]]', { kind: 'wikilink', target: 'context', alias: null, start: 0, end: 11 }],
		['[[note#Heading|Alias]]', { kind: 'wikilink', target: 'note#Heading', alias: 'Alias', start: 0, end: 22 }],
		['[Guide](docs/guide.md)', { kind: 'markdown', target: 'docs/guide.md', alias: 'Guide', start: 0, end: 22 }],
		['[Guide](<docs/my guide.md>)', { kind: 'markdown', target: 'docs/my guide.md', alias: 'Guide', start: 0, end: 27 }],
		['![[diagram.png]]', { kind: 'wikilink', target: 'diagram.png', alias: null, start: 0, end: 16 }],
		['plain', null],
		['[not a link]', null],
	])('%j', (s, expected) => {
		expect(readLinkAt(s)).toEqual(expected);
	});

	test('offsets are relative to the whole string', () => {
		expect(readLinkAt('see [[x|Y]]', 4)).toMatchObject({ start: 4, end: 11, target: 'x' });
	});
});

describe('linksToText', () => {
	test('aliases, file names without .md, markdown link labels', () => {
		expect(linksToText('Created [[deliverables/scripts/nas-health-check.sh|health monitoring script]]')).toBe('Created health monitoring script');
		expect(linksToText('Read [[notes/Design.md]] and [Guide](g.md)')).toBe('Read Design and Guide');
		expect(linksToText('Ran [[deliverables/scripts/bench.sh]]')).toBe('Ran bench.sh');
	});
});
