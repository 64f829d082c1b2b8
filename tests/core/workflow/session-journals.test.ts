import { readContextFile } from '../../../src/core/context/context-file';
import { finishSession } from '../../../src/core/workflow/finish-session';
import { resumeBrief } from '../../../src/core/reports/resume';
import { startSession } from '../../../src/core/workflow/start-session';
import { expectOnlyChanged, replaceOnce, workspace } from './session-fixtures';

/** Journals kept by hand: their sessions stay where they are, and new ones follow them. */

const EPIC = 'specs/5000/epic.md';
const JOURNAL = 'specs/5000/context.md';
const EPIC_TEXT = '---\ntype: epic\nstatus: implementing\ncontext: "[[context]]"\n---\n# Journal Epic\n\nSome prose.\n';
const HAND_KEPT = [
	'# Journal 5000',
	'**Spec**: [[epic]]',
	'## Plan',
	'- [ ] Thing one',
	'- [x] Thing two',
	'## Work Log',
	'### Session 1 - Setup',
	'- **Date**: 2025-08-18',
	'- **Duration**: 2 hours',
	'### 2025-08-20 - Dated heading',
	'**Duration**: 45 minutes',
	'### Session 2025-08-21: Second form',
	'**Duration**: 1h 30m',
	'## Session (2025-08-22)',
	'**Duration**: ~60 minutes (under estimate)',
	'',
].join('\n');

/** The h2 session block start writes after `## Session (2025-08-22)`. */
function h2Session(n: number, title: string): string {
	return `## Session ${n}: 2025-08-28 - ${title}\n**Duration**: In progress  \n**Participants**: User, Claude  \n**Status**: active  \n**Started**: 2025-08-28 14:30\n`;
}

async function handKept(journal = HAND_KEPT) {
	return workspace({ [EPIC]: EPIC_TEXT, [JOURNAL]: journal });
}

describe('start on a hand-kept journal', () => {
	it('reads the four sessions before anything is written', () => {
		const sessions = readContextFile(HAND_KEPT).sessions;
		expect(sessions.map((s) => [s.number, s.durationMinutes])).toEqual([
			[1, 120],
			[2, 45],
			[3, 90],
			[4, 60],
		]);
	});

	it('opens session 5 after the last session, at its level, and every session is still read', async () => {
		const ws = await handKept();
		const before = ws.store.snapshot();
		const result = await startSession(ws, { id: '5000', title: 'New' });
		expect(result.session.number).toBe(5);
		const edited = expectOnlyChanged(before, ws.store.snapshot(), [JOURNAL])[JOURNAL];
		// The journal had no status: start gives it one, as it does every journal it works in.
		const statused = replaceOnce(HAND_KEPT, '**Spec**: [[epic]]\n', '**Spec**: [[epic]]  \n**Status**: implementing\n');
		expect(edited).toBe(`${statused}\n${h2Session(5, 'New')}`);
		expect(edited).not.toContain('Implementation Timeline');
		expect(readContextFile(edited).sessions.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
		const brief = await resumeBrief(ws, '5000');
		expect(brief.sessions.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
	});

	it('finish counts every session in the metrics', async () => {
		const ws = await handKept();
		await startSession(ws, { id: '5000', title: 'New' });
		ws.setNow('2025-08-28T15:00:00');
		await finishSession(ws, { id: '5000' });
		const text = ws.store.snapshot()[JOURNAL];
		expect(text).toContain('- **Total Sessions**: 5\n');
		expect(text).toContain('- **Total Duration**: 5.75 hours\n');
		// A new section of the journal goes after its sessions, as after a timeline.
		expect(text.indexOf('## Metrics')).toBeGreaterThan(text.indexOf('## Session 5'));
		expect(text).toMatch(/\*\*Status\*\*: completed {2}\n\*\*Started\*\*: 2025-08-28 14:30\n\n## Metrics\n\n### Implementation\n/);
	});

	it('puts an h3 session after the last h3 session of the log, before the next section', async () => {
		const journal = '# J\n\n**Status**: implementing\n\n## Session Log\n\n### Session 1: 2025-08-20 - A\n**Duration**: 1 hour\n\nDid things.\n\n## Notes\n- keep\n';
		const ws = await handKept(journal);
		await startSession(ws, { id: '5000', title: 'B' });
		expect(ws.store.snapshot()[JOURNAL]).toBe(
			'# J\n\n**Status**: implementing\n\n## Session Log\n\n### Session 1: 2025-08-20 - A\n**Duration**: 1 hour\n\nDid things.\n\n' +
				h2Session(2, 'B').replace(/^## /, '### ') +
				'\n## Notes\n- keep\n',
		);
	});

	it('writes the first session into an empty log section the journal already has', async () => {
		const journal = '# J\n\n**Status**: implementing\n\n## Plan\n- [ ] A\n\n## Work Log\n\n## Notes\n- keep\n';
		const ws = await handKept(journal);
		await startSession(ws, { id: '5000', title: 'B' });
		expect(ws.store.snapshot()[JOURNAL]).toBe(
			'# J\n\n**Status**: implementing\n\n## Plan\n- [ ] A\n\n## Work Log\n\n' + h2Session(1, 'B').replace(/^## /, '### ') + '\n## Notes\n- keep\n',
		);
	});

	it('reads every session of a journal an older start split into a log and a timeline', () => {
		const split = replaceOnce(HAND_KEPT, '## Work Log\n', `## Implementation Timeline\n\n${h2Session(5, 'New').replace(/^## /, '### ')}\n## Work Log\n`);
		expect(
			readContextFile(split)
				.sessions.map((s) => s.number)
				.sort(),
		).toEqual([1, 2, 3, 4, 5]);
	});

	it('does not take headings under Plan, Notes or Deliverables for sessions', () => {
		const text =
			'# J\n\n## Plan\n### Session 1: 2025-08-20 - planned\n- [ ] A\n\n## Work Log\n### Session 1: 2025-08-21 - Real\n**Duration**: 1 hour\n\n## Notes & Learnings\n### Session 2 notes\n- x\n';
		expect(readContextFile(text).sessions.map((s) => [s.number, s.title])).toEqual([[1, 'Real']]);
	});
});
