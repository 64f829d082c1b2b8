import { applyEdits, isBlankLine, lastContentEnd, lineAt } from '../../../src/core/markdown/text-edit';

describe('applyEdits', () => {
	const text = 'alpha\nbeta\ngamma\n';

	it('applies non-overlapping edits given in any order against the original offsets', () => {
		const out = applyEdits(text, [
			{ start: 11, end: 16, text: 'GAMMA' },
			{ start: 0, end: 5, text: 'A' },
			{ start: 6, end: 6, text: 'inserted\n' },
		]);
		expect(out).toBe('A\ninserted\nbeta\nGAMMA\n');
	});

	it('keeps the given order for insertions at the same offset', () => {
		const out = applyEdits(text, [
			{ start: 6, end: 6, text: 'one\n' },
			{ start: 6, end: 6, text: 'two\n' },
		]);
		expect(out).toBe('alpha\none\ntwo\nbeta\ngamma\n');
	});

	it('allows an edit to start where the previous one ends', () => {
		expect(
			applyEdits(text, [
				{ start: 0, end: 5, text: 'x' },
				{ start: 5, end: 6, text: '|' },
			]),
		).toBe('x|beta\ngamma\n');
	});

	it('returns the text unchanged for no edits', () => {
		expect(applyEdits(text, [])).toBe(text);
	});

	it('throws a clear error on overlapping edits', () => {
		expect(() =>
			applyEdits(text, [
				{ start: 0, end: 7, text: '' },
				{ start: 6, end: 8, text: '' },
			]),
		).toThrow('Text edits overlap: [0, 7) and [6, 8).');
	});

	it('throws on an edit outside the text', () => {
		expect(() => applyEdits(text, [{ start: 10, end: 99, text: '' }])).toThrow('outside the text (length 17)');
		expect(() => applyEdits(text, [{ start: 5, end: 4, text: '' }])).toThrow('[5, 4) is outside the text');
	});
});

describe('lineAt', () => {
	const crlf = 'one\r\ntwo\r\nthree';

	it('returns the line holding an offset without its CRLF line end', () => {
		expect(lineAt(crlf, 6)).toEqual({ text: 'two', start: 5, end: 10 });
	});

	it('gives an offset just past a line end to the next line', () => {
		expect(lineAt(crlf, 5)).toEqual({ text: 'two', start: 5, end: 10 });
		expect(lineAt(crlf, 4)).toEqual({ text: 'one', start: 0, end: 5 });
	});

	it('handles the last line without a line end and the text end', () => {
		expect(lineAt(crlf, crlf.length)).toEqual({ text: 'three', start: 10, end: 15 });
		expect(lineAt('a\n', 2)).toEqual({ text: '', start: 2, end: 2 });
	});
});

describe('isBlankLine', () => {
	it('treats spaces and tabs as blank, anything else as content', () => {
		expect(isBlankLine(' \t ')).toBe(true);
		expect(isBlankLine('')).toBe(true);
		expect(isBlankLine('\u00a0')).toBe(false);
		expect(isBlankLine(' x')).toBe(false);
	});
});

describe('lastContentEnd', () => {
	it('ends after the last non-blank line, before trailing blank lines', () => {
		const t = 'head\nbody\n  \n\t\nnext';
		expect(lastContentEnd(t, 5, 15)).toBe(10);
	});

	it('handles CRLF and a last line without a line end', () => {
		const t = 'head\r\nbody\r\n\r\n';
		expect(lastContentEnd(t, 6, t.length)).toBe(12);
		expect(lastContentEnd('head\nbody', 5, 9)).toBe(9);
	});

	it('returns the range start when the range is blank', () => {
		expect(lastContentEnd('head\n\n \nnext', 5, 8)).toBe(5);
	});
});
