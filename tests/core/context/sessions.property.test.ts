import fc from 'fast-check';
import { notLogRanges, readContextFile } from '../../../src/core/context/context-file';
import { activeSession, parseSessions, plainSession, type Session } from '../../../src/core/context/session';
import { parseSessionsByRule } from '../../../src/core/context/sessions-by-rule';
import { parseSections } from '../../../src/core/markdown/sections';
import { commentedMarkdown, edgyMarkdown } from '../markdown/markdown-arbitraries';
import { journalText } from './journal-arbitraries';

/*
 * parseSessions finds sessions from the heading lines and reads each when asked; parseSessionsByRule
 * scans every line and reads every session. They must agree on everything, for any text and range.
 */

const anyText = fc.oneof({ weight: 4, arbitrary: journalText }, { weight: 1, arbitrary: edgyMarkdown }, { weight: 1, arbitrary: commentedMarkdown });

describe('parseSessions agrees with its plain rule', () => {
	it('over the whole text, read whole', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				expect(parseSessions(text).map(plainSession)).toEqual(parseSessionsByRule(text));
			}),
			{ numRuns: 2000 },
		);
	});

	it('in its head (fields, status, duration) read alone, as activeSession reads it', () => {
		const head = (x: Session) => [x.number, x.date, x.fields, x.fieldsEnd, x.durationMinutes, x.inProgress, x.status];
		fc.assert(
			fc.property(anyText, (text) => {
				expect(parseSessions(text).map(head)).toEqual(parseSessionsByRule(text).map(head));
			}),
			{ numRuns: 2000 },
		);
	});

	it('over any range, with headings passed over by offset', () => {
		fc.assert(
			fc.property(anyText, fc.nat(), fc.nat(), fc.integer({ min: 2, max: 5 }), (text, a, b, mod) => {
				const from = a % (text.length + 1);
				const to = from + (b % (text.length - from + 1));
				const accept = (offset: number): boolean => offset % mod !== 0;
				expect(parseSessions(text, from, to, accept).map(plainSession)).toEqual(parseSessionsByRule(text, from, to, accept));
			}),
			{ numRuns: 2000 },
		);
	});

	it('as a context file reads them, when only the active session is asked for', () => {
		fc.assert(
			fc.property(journalText, (text) => {
				const ranges = notLogRanges(parseSections(text));
				const rule = parseSessionsByRule(text, 0, text.length, (o) => !ranges.some(([f, t]) => f <= o && o < t));
				const active = activeSession(readContextFile(text).sessions);
				const expected = activeSession(rule);
				expect(active === null ? null : plainSession(active)).toEqual(expected);
				expect(readContextFile(text).sessions.map(plainSession)).toEqual(rule);
			}),
			{ numRuns: 2000 },
		);
	});
});
