import fc from 'fast-check';

/**
 * Journals as people and agents write them, in pieces: session headings of every form and level,
 * field lines, subsections, items, commits and issues, code fences, comment blocks, other headings,
 * blank lines, LF or CRLF. For comparing the journal readers with their plain rules.
 */
const heading = fc
	.tuple(
		fc.constantFrom('#', '##', '###', '####', ' ##', '   ###', '    ##'),
		fc.constantFrom(
			'Session 1: 2025-08-26 - Setup',
			'Session 2: 2025-08-27 09:15 - Tuning',
			'Session 7',
			'session 3 – Lower',
			'2025-08-20 - Dated',
			'Session 2025-08-21: Form',
			'Session (2025-08-22)',
			'Implementation Timeline',
			'Plan',
			'Work Log',
			'Notes & Learnings',
			'Deliverables',
			'Implementation',
			'Testing',
			'Commits',
			'Issues & Resolutions',
			'Notes 2025-08-20',
			'Session 4: 2025-08-29 - Closed ###',
		),
	)
	.map(([marks, title]) => `${marks} ${title}`);

const body = fc.constantFrom(
	'**Duration**: 2.5 hours  ',
	'**Duration**: In progress',
	'**Duration:** 45 minutes',
	'- **Date**: 2025-08-18',
	'**Status**: active  ',
	'**Status**: completed',
	'**Status**: Done',
	'**Started**: 2025-08-26 14:30',
	'**Participants**: User, Claude',
	'- Created [[deliverables/scripts/a.sh|A]]',
	'  - nested step',
	'- [ ] a task',
	'- `a1b2c3d`: Add script',
	'- 08e4cc5 message',
	'- **Issue**: Permission denied',
	'- **Resolution**: Added group',
	'- **Commit**: `b2c3d4e`',
	'```bash',
	'```',
	'~~~',
	'<!--',
	'-->',
	'%%',
	'text',
	'',
	'',
	'\t',
);

export const journalText: fc.Arbitrary<string> = fc
	.tuple(fc.array(fc.oneof({ weight: 1, arbitrary: heading }, { weight: 3, arbitrary: body }), { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
	.map(([lines, eol, finalEol]) => lines.join(eol) + (finalEol && lines.length > 0 ? eol : ''));
