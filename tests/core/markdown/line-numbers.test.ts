import fc from 'fast-check';
import { lineCounter } from '../../../src/core/markdown/line-numbers';

/** The plain rule: 1 + the line ends before the offset. */
function naiveLine(text: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < Math.min(offset, text.length); i++) if (text[i] === '\n') line++;
	return line;
}

describe('lineCounter', () => {
	test('counts lines as the plain rule does, whatever order the offsets come in', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '[[x]]'), { maxLength: 60 }).map((parts) => parts.join('')),
				fc.array(fc.integer({ min: -2, max: 200 }), { maxLength: 20 }),
				(text, offsets) => {
					const lineAt = lineCounter(text);
					for (const offset of offsets) expect(lineAt(offset)).toBe(naiveLine(text, offset));
				},
			),
		);
	});
});
