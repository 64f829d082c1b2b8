import { readContextFile } from '../../../src/core/context/context-file';
import { progress } from '../../../src/core/context/plan-task';
import { logEntry } from '../../../src/core/workflow/log-entry';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { startSession } from '../../../src/core/workflow/start-session';
import { memoryWorkspace } from '../../helpers/workspace';

/**
 * A journal's sections are found by their titles at whatever level it writes them, and one written
 * under another (`# Implementation Timeline` above `## Deliverables`) is its sibling all the same.
 */

const EPIC = 'specs/5000/epic.md';
const JOURNAL = 'specs/5000/context.md';
const EPIC_TEXT = '---\ntype: epic\nstatus: implementing\ncontext: "[[context]]"\n---\n# Journal Epic\n\nSome prose.\n';

const lines = (...l: string[]): string => l.join('\n') + '\n';

const HEAD = lines('# Context: Journal', '', '**Spec**: [[epic]]  ', '**Status**: implementing', '**Updated**: 2025-08-20 10:00', '');
const TAIL = lines('## Deliverables', '', '### Scripts', '', '## Notes & Learnings', '- [ ] A reminder, not a task');
const UPDATED = (text: string): string => text.replace('2025-08-20 10:00', '2025-08-28 14:30');

const SESSION_2 = (marks: string): string =>
	lines(
		`${marks} Session 2: 2025-08-28 - New`,
		'**Duration**: In progress  ',
		'**Participants**: User, Claude  ',
		'**Status**: active  ',
		'**Started**: 2025-08-28 14:30',
		'',
		`${marks}# Implementation`,
		'- Did it',
		'',
	);

async function journal(text: string) {
	return memoryWorkspace({ [EPIC]: EPIC_TEXT, [JOURNAL]: text }, { now: '2025-08-28T14:30:00' });
}

async function startLogTick(text: string): Promise<string> {
	const ws = await journal(text);
	await startSession(ws, { id: '5000', title: 'New', plan: ['New task'] });
	await logEntry(ws, { id: '5000', section: 'implementation', text: 'Did it' });
	await setTaskState(ws, { id: '5000', task: 'New task', state: 'in-progress' });
	return ws.store.snapshot()[JOURNAL];
}

describe('an empty # Implementation Timeline (H1) above the ## sections', () => {
	const text = HEAD + lines('## Plan', '- [x] First', '', '# Implementation Timeline', '') + TAIL;

	it('gets its first session as a ## heading at the end of the timeline, before ## Deliverables', async () => {
		const expected =
			UPDATED(HEAD) + lines('## Plan', '- [x] First', '- [/] New task', '', '# Implementation Timeline', '') + SESSION_2('##').replace('Session 2', 'Session 1') + TAIL;
		expect(await startLogTick(text)).toBe(expected);
	});
});

describe('a # Implementation Timeline (H1) holding ### sessions', () => {
	const session1 = lines('### Session 1: 2025-08-20 - Setup', '**Duration**: 1 hour  ', '**Status**: completed', '', '#### Testing', '- [x] ran the checks', '');
	const text = HEAD + lines('## Plan', '- [x] First', '', '# Implementation Timeline', '') + session1 + TAIL;

	it('gets the new session after the last one, at its level', async () => {
		const expected = UPDATED(HEAD) + lines('## Plan', '- [x] First', '- [/] New task', '', '# Implementation Timeline', '') + session1 + SESSION_2('###') + TAIL;
		expect(await startLogTick(text)).toBe(expected);
	});
});

describe('a # Plan (H1) with the ## sections written under it', () => {
	const session1 = lines('### Session 1: 2025-08-20 - Setup', '**Duration**: 1 hour  ', '**Status**: completed', '', '#### Testing', '- [x] ran the checks', '');
	const text = HEAD.replace('# Context: Journal\n', '') + lines('# Plan', '- [x] First', '- [ ] Second', '', '## Implementation Timeline', '') + session1 + TAIL;

	it('counts only the plan’s own tasks, and reads the sessions under the timeline', () => {
		const context = readContextFile(text);
		expect(context.tasks.map((t) => t.text)).toEqual(['First', 'Second']);
		expect(progress(context.tasks)).toMatchObject({ done: 1, total: 2 });
		expect(context.sessions.map((s) => s.number)).toEqual([1]);
	});

	it('gets new plan items at the end of the plan, and the new session after session 1', async () => {
		const expected =
			UPDATED(HEAD.replace('# Context: Journal\n', '')) +
			lines('# Plan', '- [x] First', '- [ ] Second', '- [/] New task', '', '## Implementation Timeline', '') +
			session1 +
			SESSION_2('###') +
			TAIL;
		expect(await startLogTick(text)).toBe(expected);
	});
});

describe('an H3 ### Plan and an H1 # Deliverables', () => {
	const text = HEAD + lines('### Plan', '- [ ] Only', '', '## Implementation Timeline', '', '# Deliverables', '', '## Notes & Learnings', '- [ ] not a task');

	it('are the plan and the registry: the plan ends at the next section, the notes are the notes', () => {
		const context = readContextFile(text);
		expect(context.tasks.map((t) => t.text)).toEqual(['Only']);
		expect(context.deliverablesSection?.end).toBe(text.indexOf('## Notes & Learnings'));
	});
});
