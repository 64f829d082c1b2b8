import { firstTitleHeading } from '../../../src/core/migration/spec-title';

test('the title is the first heading, never a comment banner or a heading in code', () => {
	const text = '---\ntitle: x\n# yaml comment\n---\n<!--\n# Generated, do not edit\n-->\n```\n# not a heading\n```\n# Cold Storage\n';
	expect(firstTitleHeading(text)).toBe('Cold Storage');
});

test('a note without a heading has no title', () => {
	expect(firstTitleHeading('Just text\n<!-- # hidden -->\n')).toBeUndefined();
});
