import fc from 'fast-check';
import { decodeUtf8, readUtf8 } from '../../src/node/utf8';

/** The answer for some bytes: the text, or the error's message. */
function answer(read: () => string): string {
	try {
		return `text:${read()}`;
	} catch (e) {
		return `error:${(e as Error).message}`;
	}
}

describe('readUtf8 answers as decodeUtf8 of the bytes does', () => {
	const bytes = fc.oneof(
		fc.uint8Array({ maxLength: 40 }),
		fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
		fc
			.tuple(fc.string({ maxLength: 10 }), fc.constantFrom([0xe9], [0xef, 0xbf, 0xbd], [0xef, 0xbb, 0xbf], [0xc3], [0xf0, 0x9f, 0x98]), fc.string({ maxLength: 10 }))
			.map(([a, mid, b]) => new Uint8Array([...Buffer.from(a, 'utf8'), ...mid, ...Buffer.from(b, 'utf8')])),
	);

	it('gives the same text, or refuses with the same message', () => {
		fc.assert(
			fc.property(bytes, (b) => {
				const fast = answer(() =>
					readUtf8(
						() => Buffer.from(b).toString('utf8'),
						() => b,
						'a.md',
					),
				);
				expect(fast).toBe(answer(() => decodeUtf8(b, 'a.md')));
			}),
			{ numRuns: 3000 },
		);
	});

	it('keeps a byte-order mark and a real U+FFFD, and names the first bad byte', () => {
		expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a.md')).toBe('\uFEFFA');
		expect(decodeUtf8(new Uint8Array([0x41, 0xef, 0xbf, 0xbd]), 'a.md')).toBe('A\uFFFD');
		expect(() => decodeUtf8(new Uint8Array([0x41, 0x42, 0xe9, 0x43]), 'a.md')).toThrow(
			'a.md: not UTF-8 text (0xe9 at byte 2); it is left untouched: save it as UTF-8 to work on it',
		);
	});
});
