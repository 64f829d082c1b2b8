import fc from 'fast-check';
import { parseSessions } from '../../../src/core/context/session';
import { sessionBounds } from '../../../src/core/migration/session-bounds';

/** Journals built from the lines that decide where sessions start and end: session headings of two levels, other headings, fences, CRLF. */
const line = fc.constantFrom(
	'### Session 1: 2025-08-01 - A',
	'## Session 2',
	'### session #3 (2025-08-02 10:00) – B',
	'#### Session 4',
	'# Title',
	'## Implementation Timeline',
	'## Notes',
	'#### Planning',
	'**Duration**: 2 hours',
	'- item [[x]]',
	'```bash',
	'```',
	'~~~',
	'    ### Session 9 indented code',
	'   ### Session 5',
	'#tag',
	'',
	'text',
	'#### Commits',
	'- `abc1234`: fix',
	// Journals kept by hand: sessions dated but not numbered, and headings that only mention a date.
	'### 2025-08-20 - Quoted fields',
	'### Session 2025-08-21',
	'## Session (2025-08-22)',
	'### Notes 2025-08-20',
	'### 2025 plans',
);
const journal = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, end]) => lines.join(eol) + (end ? eol : ''));

test('sessionBounds finds the sessions parseSessions finds: numbers, heading starts, ends', () => {
	fc.assert(
		fc.property(journal, (text) => {
			expect(sessionBounds(text)).toEqual(parseSessions(text).map((s) => ({ number: s.number, headingStart: s.headingStart, end: s.end })));
		}),
		{ numRuns: 2000 },
	);
});
