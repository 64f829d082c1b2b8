import { appendJournal } from '../../../src/core/migration/journal-merge';

test('a journal without sessions becomes one session dated from its name, its headings pushed under it', () => {
	const context = '# Context: X\r\n\r\n## Summary\r\nS.\r\n';
	const journal = '---\r\ntags: [log]\r\n---\r\n# Warm storage\r\n\r\n## Findings\r\nThe shelf works.\r\n';
	expect(appendJournal(context, journal, 'specs/context/2025-08-25.1013-task-warm.context.md').text).toBe(
		'# Context: X\r\n\r\n## Summary\r\nS.\r\n\r\n## Implementation Timeline\r\n\r\n### Session 1: 2025-08-25 - Warm storage\r\n\r\n#### Findings\r\nThe shelf works.\r\n\r\n*Merged from `specs/context/2025-08-25.1013-task-warm.context.md` during the migration to the new layout.*\r\n',
	);
});

test("journal sessions are renumbered after the context's own and go at the end of its timeline", () => {
	const context = '# C\n\n## Implementation Timeline\n\n### Session 2: 2025-08-01 - A\nDone.\n\n## Notes & Learnings\nN.\n';
	const journal = '# J\n\n## Implementation Timeline\n\n### Session 1: 2025-08-02 - B\nB.\n\n### Session 2: 2025-08-03 - C\nC.\n';
	expect(appendJournal(context, journal, 'plan/x.context.md')).toEqual({
		text: '# C\n\n## Implementation Timeline\n\n### Session 2: 2025-08-01 - A\nDone.\n\n### Session 3: 2025-08-02 - B\nB.\n\n### Session 4: 2025-08-03 - C\nC.\n\n*Merged from `plan/x.context.md` during the migration to the new layout.*\n\n## Notes & Learnings\nN.\n',
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

test("each dated session of a journal becomes a session of its own, numbered after the context's and at its level; CRLF journal, LF context", () => {
	const context = '# C\n\n## Implementation Timeline\n\n### Session 1: 2025-08-21 - NAS mount\n- Mounted\n';
	const journal =
		'# Cold storage sessions\r\n- **Spec**: 1014\r\n## Session (2025-08-26)\r\nMounted NAS.\r\n#### Commits\r\n- 08e4cc5 mount nas\r\n## Session (2025-08-27)\r\nBenchmarked.\r\n';
	expect(appendJournal(context, journal, 'specs/context/2025-08-26-cold-sessions.md')).toEqual({
		text:
			'# C\n\n## Implementation Timeline\n\n### Session 1: 2025-08-21 - NAS mount\n- Mounted\n\n' +
			'### Session 2: 2025-08-26\nMounted NAS.\n#### Commits\n- 08e4cc5 mount nas\n### Session 3: 2025-08-27\nBenchmarked.\n\n' +
			'*Merged from `specs/context/2025-08-26-cold-sessions.md` during the migration to the new layout.*\n',
		sessions: [2, 3],
	});
});

test.each([
	// Dated headings without a number, titles kept; a heading inside a session stays below it.
	['## 2025-08-26 - Mount\n### Notes\nN.\n## Session 2025-08-27: Bench\nB.\n', '### Session 1: 2025-08-26 - Mount\n#### Notes\nN.\n### Session 2: 2025-08-27 - Bench\nB.\n'],
	// A heading between sessions that is no session goes inside the one before it, never ending the timeline.
	[
		'### Session 4: 2025-08-26 - A\nA.\n## Findings\nF.\n### Session 5: 2025-08-27 - B\nB.\n',
		'### Session 1: 2025-08-26 - A\nA.\n#### Findings\nF.\n### Session 2: 2025-08-27 - B\nB.\n',
	],
	// Headings in code are left alone.
	['## Session (2025-08-26)\n```\n## Session (2025-08-27)\n```\n', '### Session 1: 2025-08-26\n```\n## Session (2025-08-27)\n```\n'],
])('journal %j appended as %j', (journal, block) => {
	expect(appendJournal('# C\n', `# J\n\n${journal}`, 'plan/2025-08-26-j.md').text).toContain(`## Implementation Timeline\n\n${block}\n*Merged`);
});

test("a context whose sessions sit at ## gets the journal's sessions at ##", () => {
	const out = appendJournal('# C\n\n## Session 1: 2025-08-01 - A\nA.\n', '# J\n### 2025-08-02 - B\n#### Detail\nB.\n', 'plan/2025-08-02-j.md');
	expect(out.text).toContain('\n## Session 2: 2025-08-02 - B\n#### Detail\nB.\n');
	expect(out.sessions).toEqual([2]);
});
