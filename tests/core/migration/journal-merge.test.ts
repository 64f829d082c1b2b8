import { appendJournal } from '../../../src/core/migration/journal-merge';

test('a journal without sessions becomes one session dated from its name, its headings pushed under it', () => {
	const context = '# Context: X\r\n\r\n## Summary\r\nS.\r\n';
	const journal = '---\r\ntags: [log]\r\n---\r\n# Warm storage\r\n\r\n## Findings\r\nThe shelf works.\r\n';
	expect(appendJournal(context, journal, 'specs/context/2025-08-25.1013-task-warm.context.md')).toBe(
		'# Context: X\r\n\r\n## Summary\r\nS.\r\n\r\n## Implementation Timeline\r\n\r\n### Session 1: 2025-08-25 - Warm storage\r\n\r\n#### Findings\r\nThe shelf works.\r\n\r\n*Merged from `specs/context/2025-08-25.1013-task-warm.context.md` during the migration to the new layout.*\r\n',
	);
});

test('journal sessions are renumbered after the context\'s own and go at the end of its timeline', () => {
	const context = '# C\n\n## Implementation Timeline\n\n### Session 2: 2025-08-01 - A\nDone.\n\n## Notes & Learnings\nN.\n';
	const journal = '# J\n\n## Implementation Timeline\n\n### Session 1: 2025-08-02 - B\nB.\n\n### Session 2: 2025-08-03 - C\nC.\n';
	expect(appendJournal(context, journal, 'plan/x.context.md')).toBe(
		'# C\n\n## Implementation Timeline\n\n### Session 2: 2025-08-01 - A\nDone.\n\n### Session 3: 2025-08-02 - B\nB.\n\n### Session 4: 2025-08-03 - C\nC.\n\n*Merged from `plan/x.context.md` during the migration to the new layout.*\n\n## Notes & Learnings\nN.\n',
	);
});

test('a journal whose title repeats the date of its name shows the date once', () => {
	const out = appendJournal('# C\n', '# Tuning - 2025-08-22\n\n- Tuned\n', 'specs/context/2025-08-22-hot-storage-tuning.md');
	expect(out).toContain('### Session 1: 2025-08-22 - Tuning\n\n- Tuned\n');
	expect(appendJournal('# C\n', '# 2025-08-22\n\nX\n', 'plan/2025-08-22.md')).toContain('### Session 1: 2025-08-22 - 2025-08-22\n');
});
