import { appendJournal } from '../../../src/core/migration/journal-merge';

test('a journal without sessions becomes one session dated from its name, its headings pushed under it', () => {
	const context = '# Context: X\r\n\r\n## Summary\r\nS.\r\n';
	const journal = '---\r\ntags: [log]\r\n---\r\n# Warm storage\r\n\r\n## Findings\r\nThe shelf works.\r\n';
	expect(appendJournal(context, journal, 'specs/context/2025-08-25.1013-task-warm.context.md').text).toBe(
		'# Context: X\r\n\r\n## Summary\r\nS.\r\n\r\n## Implementation Timeline\r\n\r\n### Session 1: 2025-08-25 - Warm storage\r\n\r\n#### Findings\r\nThe shelf works.\r\n\r\n*Merged from `specs/context/2025-08-25.1013-task-warm.context.md` during the migration to the new layout.*\r\n',
	);
});

test('journal sessions are renumbered after the context\'s own and go at the end of its timeline', () => {
	const context = '# C\n\n## Implementation Timeline\n\n### Session 2: 2025-08-01 - A\nDone.\n\n## Notes & Learnings\nN.\n';
	const journal = '# J\n\n## Implementation Timeline\n\n### Session 1: 2025-08-02 - B\nB.\n\n### Session 2: 2025-08-03 - C\nC.\n';
	expect(appendJournal(context, journal, 'plan/x.context.md')).toEqual({
		text: 
		'# C\n\n## Implementation Timeline\n\n### Session 2: 2025-08-01 - A\nDone.\n\n### Session 3: 2025-08-02 - B\nB.\n\n### Session 4: 2025-08-03 - C\nC.\n\n*Merged from `plan/x.context.md` during the migration to the new layout.*\n\n## Notes & Learnings\nN.\n',
		sessions: [3, 4],
	});
});

test('a journal whose title repeats the date of its name shows the date once', () => {
	const out = appendJournal('# C\n', '# Tuning - 2025-08-22\n\n- Tuned\n', 'specs/context/2025-08-22-hot-storage-tuning.md');
	expect(out).toEqual({ text: expect.stringContaining('### Session 1: 2025-08-22 - Tuning\n\n- Tuned\n') as string, sessions: [1] });
});

test.each([
	// A title that is only the date: the name without it, else "Merged journal".
	['# 2025-08-22\n\nX\n', 'plan/2025-08-22-standup.md', '### Session 1: 2025-08-22 - standup\n'],
	['# 2025-08-22\n\nX\n', 'plan/2025-08-22.md', '### Session 1: 2025-08-22 - Merged journal\n'],
	// No title: the name, without the date and the extension.
	['X\n', 'plan/2025-08-22.1013-task-warm.context.md', '### Session 1: 2025-08-22 - 1013-task-warm\n'],
	['X\n', 'plan/2025-08-22_standup.md', '### Session 1: 2025-08-22 - standup\n'],
])('%j in %s → %j', (journal, path, heading) => {
	expect(appendJournal('# C\n', journal, path).text).toContain(heading);
});

test('the note under a merged journal links its kept original, showing where it was', () => {
	const out = appendJournal('# C\n', '# J\n\nX\n', 'plan/2025-08-22-j.md', '[[deliverables/docs/2025-08-22-j|plan/2025-08-22-j.md]]').text;
	expect(out).toContain('\n*Merged from [[deliverables/docs/2025-08-22-j|plan/2025-08-22-j.md]] during the migration to the new layout.*\n');
});
