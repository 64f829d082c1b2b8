import { columns, contentEndOf, parseHeading, parseListItem, scanLines } from '../../../src/core/context/lines';

describe('parseHeading', () => {
	test.each<[string, { level: number; text: string } | null]>([
		['## Plan', { level: 2, text: 'Plan' }],
		['### Documentation  ', { level: 3, text: 'Documentation' }],
		['   #### Commits', { level: 4, text: 'Commits' }],
		['## Plan ##', { level: 2, text: 'Plan' }],
		['##', { level: 2, text: '' }],
		['    ## indented code', null],
		['#tag', null],
		['####### seven', null],
		['text ## not', null],
	])('%j', (line, expected) => {
		expect(parseHeading(line)).toEqual(expected);
	});
});

describe('parseListItem', () => {
	test('bullets, ordered markers, indentation in columns', () => {
		expect(parseListItem('- item')).toEqual({ indent: 0, bullet: '-', bulletAt: 0, contentAt: 2, content: 'item' });
		expect(parseListItem('  12) item')).toEqual({ indent: 2, bullet: '12)', bulletAt: 2, contentAt: 6, content: 'item' });
		expect(parseListItem('\t* item')?.indent).toBe(4);
		expect(parseListItem('-')).toEqual({ indent: 0, bullet: '-', bulletAt: 0, contentAt: 1, content: '' });
		expect(parseListItem('-item')).toBeNull();
		expect(parseListItem('1.5 hours')).toBeNull();
	});

	test('columns', () => {
		expect(columns('  \t')).toBe(4);
		expect(columns(' \t ')).toBe(5);
	});
});

describe('scanLines', () => {
	test('marks lines inside fences, only within the range, with file offsets', () => {
		const text = 'before\n## S\n- a\n```\n- b\n```\n- c\n';
		const from = text.indexOf('## S');
		const lines = scanLines(text, from);
		expect(lines.map((l) => [l.text, l.inFence])).toEqual([
			['## S', false],
			['- a', false],
			['```', true],
			['- b', true],
			['```', true],
			['- c', false],
		]);
		expect(lines[1].start).toBe(text.indexOf('- a'));
		expect(contentEndOf(lines, from)).toBe(text.length);
	});

	test('an unclosed fence runs to the range end; out-of-bounds ranges are clamped', () => {
		expect(scanLines('```\n- a\n').map((l) => l.inFence)).toEqual([true, true]);
		expect(scanLines('x\n', -5, 99).map((l) => l.text)).toEqual(['x']);
		expect(scanLines('x\n', 5, 2)).toEqual([]);
	});
});
