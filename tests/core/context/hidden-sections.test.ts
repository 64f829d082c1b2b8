import { readContextFile } from '../../../src/core/context/context-file';
import { progress } from '../../../src/core/context/plan-task';
import { logEntry } from '../../../src/core/workflow/log-entry';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { startSession } from '../../../src/core/workflow/start-session';
import { memoryWorkspace } from '../../helpers/workspace';

/** Headings, tasks and sessions inside comments and code are not the journal's: not read, not written to. */

const EPIC = 'specs/5000/epic.md';
const JOURNAL = 'specs/5000/context.md';
const EPIC_TEXT = '---\ntype: epic\nstatus: implementing\ncontext: "[[context]]"\n---\n# Journal Epic\n\nSome prose.\n';

const lines = (...l: string[]): string => l.join('\n') + '\n';

const HEAD = lines('# Context: Journal', '', '**Spec**: [[epic]]  ', '**Status**: implementing', '**Updated**: 2025-08-20 10:00', '');
const COMMENTED_PLAN = lines('<!--', '## Plan', '- [ ] Old idea one', '- [ ] Old idea two', '-->', '');
const TIMELINE = lines('## Implementation Timeline', '');
const COMMENTED_SESSION = lines('<!-- A session kept for reference:', '### Session 9: 2025-01-01 - Draft', '**Status**: active', '-->', '');
const SESSION_1 = lines('### Session 1: 2025-08-20 - Setup', '**Duration**: 1 hour  ', '**Status**: completed', '', '```text', '## Plan', '- [ ] fenced', '```', '');
const NOTES = lines('## Notes & Learnings', '- A note');

const JOURNAL_TEXT = HEAD + COMMENTED_PLAN + lines('## Plan', '- [x] Real task', '') + TIMELINE + COMMENTED_SESSION + SESSION_1 + NOTES;

async function journal(text: string) {
	return memoryWorkspace({ [EPIC]: EPIC_TEXT, [JOURNAL]: text }, { now: '2025-08-28T14:30:00' });
}

describe('a journal with a ## Plan and a session inside HTML comments', () => {
	it('reads the real plan and the real sessions only', () => {
		const context = readContextFile(JOURNAL_TEXT);
		expect(context.tasks.map((t) => [t.text, t.state])).toEqual([['Real task', 'done']]);
		expect(progress(context.tasks)).toMatchObject({ done: 1, total: 1 });
		expect(context.sessions.map((s) => [s.number, s.status])).toEqual([[1, 'completed']]);
	});

	it('start, log and task write into the real plan and after the real session', async () => {
		const ws = await journal(JOURNAL_TEXT);
		const started = await startSession(ws, { id: '5000', title: 'New', plan: ['New task'] });
		expect(started.continued).toBe(false);
		expect(started.session.number).toBe(2);
		await logEntry(ws, { id: '5000', section: 'implementation', text: 'Did it' });
		await setTaskState(ws, { id: '5000', task: 'New task', state: 'done' });
		const expected =
			HEAD.replace('2025-08-20 10:00', '2025-08-28 14:30') +
			COMMENTED_PLAN +
			lines('## Plan', '- [x] Real task', '- [x] New task', '') +
			TIMELINE +
			COMMENTED_SESSION +
			SESSION_1 +
			lines(
				'### Session 2: 2025-08-28 - New',
				'**Duration**: In progress  ',
				'**Participants**: User, Claude  ',
				'**Status**: active  ',
				'**Started**: 2025-08-28 14:30',
				'',
				'#### Implementation',
				'- Did it',
				'',
			) +
			NOTES;
		expect(ws.store.snapshot()[JOURNAL]).toBe(expected);
	});
});

describe('a %% comment block', () => {
	const text = HEAD + lines('%% old layout:', '## Plan', '- [ ] Hidden', '%%', '') + lines('## Plan', '- [ ] Shown', '') + TIMELINE + SESSION_1 + NOTES;

	it('holds no plan', () => {
		expect(readContextFile(text).tasks.map((t) => t.text)).toEqual(['Shown']);
	});

	it('gets no task state written into it', async () => {
		const ws = await journal(text);
		await setTaskState(ws, { id: '5000', task: '1', state: 'done' });
		expect(ws.store.snapshot()[JOURNAL]).toBe(text.replace('- [ ] Shown', '- [x] Shown').replace('2025-08-20 10:00', '2025-08-28 14:30'));
	});

	it.each(['%% not closed', '<!-- not closed'])('unclosed (%s), is text: its heading counts', (opener) => {
		const open = HEAD + lines(opener, '## Plan', '- [ ] Visible');
		expect(readContextFile(open).tasks.map((t) => t.text)).toEqual(['Visible']);
	});
});

describe('headings inside fenced code', () => {
	it('are not the plan, for reading or writing', async () => {
		const text = HEAD + lines('```markdown', '## Plan', '- [ ] In code', '```', '') + TIMELINE + SESSION_1 + NOTES;
		expect(readContextFile(text).plan).toBeNull();
		const ws = await journal(text);
		await startSession(ws, { id: '5000', plan: ['Fresh'] });
		const out = ws.store.snapshot()[JOURNAL];
		expect(out.indexOf('## Plan\n- [ ] Fresh\n')).toBeGreaterThan(out.indexOf('```\n'));
		expect(out).toContain('```markdown\n## Plan\n- [ ] In code\n```\n');
	});
});
