import fc from 'fast-check';
import { findTask, formatPlanTask, parseChecklist, parsePlanTasks, progress, setTaskStateEdit, type PlanTask, type TaskState } from '../../../src/core/context/plan-task';
import { SEED_PLANNED_TASKS, SEED_STATUS_LIST } from './seed-snippets';

function apply(text: string, edit: { start: number; end: number; text: string }): string {
	return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

function summary(tasks: PlanTask[]): [number, string, TaskState, string][] {
	return tasks.map((t) => [t.number, t.text, t.state, t.form]);
}

describe('parsePlanTasks', () => {
	test('reads every checkbox state', () => {
		const text = ['## Plan', '- [ ] Pending one', '- [/] Half way', '- [x] Finished', '- [X] Finished loudly', '- [!] Stuck', '- [-] Dropped', ''].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Pending one', 'pending', 'checkbox'],
			[2, 'Half way', 'in-progress', 'checkbox'],
			[3, 'Finished', 'done', 'checkbox'],
			[4, 'Finished loudly', 'done', 'checkbox'],
			[5, 'Stuck', 'blocked', 'checkbox'],
			[6, 'Dropped', 'cancelled', 'checkbox'],
		]);
	});

	test('reads *, + and numbered checkbox items', () => {
		const text = '* [ ] star\n+ [x] plus\n1. [/] numbered\n2) [!] paren\n';
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'star', 'pending', 'checkbox'],
			[2, 'plus', 'done', 'checkbox'],
			[3, 'numbered', 'in-progress', 'checkbox'],
			[4, 'paren', 'blocked', 'checkbox'],
		]);
	});

	test("reads the seed's numbered emoji plan", () => {
		const tasks = parsePlanTasks(SEED_PLANNED_TASKS);
		expect(tasks).toHaveLength(7);
		expect(summary(tasks).slice(0, 2)).toEqual([
			[1, 'Analyze current NFS mount configuration', 'done', 'emoji'],
			[2, 'Optimize network buffers via sysctl', 'pending', 'emoji'],
		]);
		expect(tasks[6].text).toBe('Document setup process');
		expect(progress(tasks)).toMatchObject({ done: 1, total: 7, percent: 14 });
	});

	test("reads the seed's bare emoji status lines, keeping text as written", () => {
		expect(summary(parsePlanTasks(SEED_STATUS_LIST))).toEqual([
			[1, 'Network buffer optimization', 'done', 'emoji'],
			[2, 'NFS mount configuration', 'done', 'emoji'],
			[3, 'Directory structure creation', 'done', 'emoji'],
			[4, 'Health monitoring script', 'done', 'emoji'],
			[5, 'Performance benchmarking', 'done', 'emoji'],
			// ⏳ with a figure above 0% written after it: begun, so in progress (the seed lists it so).
			[6, 'Documentation (50% complete)', 'in-progress', 'emoji'],
			[7, 'None', 'blocked', 'emoji'],
		]);
	});

	test('🔄 and 🚧 are in progress; an emoji with U+FE0F is read too', () => {
		const text = '- 🔄 Rolling\n- 🚧 Building\n- ✅\uFE0F Shipped\n';
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Rolling', 'in-progress', 'emoji'],
			[2, 'Building', 'in-progress', 'emoji'],
			[3, 'Shipped', 'done', 'emoji'],
		]);
	});

	test('an emoji that does not lead the item is not a marker', () => {
		expect(parsePlanTasks('- Ran unit tests: ✅ All passing\n- plain item\nSome ✅ prose\n')).toEqual([]);
	});

	test('tasks inside code fences are not tasks', () => {
		const text = ['- [ ] real one', '```markdown', '- [ ] example only', '✅ example', '```', '~~~', '- [x] also example', '~~~', '- [x] real two', ''].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'real one', 'pending', 'checkbox'],
			[2, 'real two', 'done', 'checkbox'],
		]);
	});

	test('sub-items of a task are not tasks; items grouped under a plain bullet are', () => {
		const text = [
			'- [x] Benchmark',
			'  - [ ] run dd',
			'  - [x] record results',
			'- Phase 2',
			'  - [ ] Write docs',
			'    - [ ] proofread',
			'  - [/] Review',
			'',
			'Notes:',
			'  - [ ] indented after a paragraph',
		].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Benchmark', 'done', 'checkbox'],
			[2, 'Write docs', 'pending', 'checkbox'],
			[3, 'Review', 'in-progress', 'checkbox'],
			[4, 'indented after a paragraph', 'pending', 'checkbox'],
		]);
	});

	test('not checkboxes: links, empty brackets, wikilinks', () => {
		expect(parsePlanTasks('- [x](http://e.com) link\n- [] empty\n- [[note]] link\n- [ab] two chars\n')).toEqual([]);
	});

	test('only the given range is read, numbered from 1 within it', () => {
		const text = '## Plan\n- [x] a\n- [ ] b\n\n## Acceptance Criteria\n- [x] c\n- [ ] d\n- [ ] e\n';
		const from = text.indexOf('## Acceptance');
		const criteria = parseChecklist(text, from);
		expect(summary(criteria)).toEqual([
			[1, 'c', 'done', 'checkbox'],
			[2, 'd', 'pending', 'checkbox'],
			[3, 'e', 'pending', 'checkbox'],
		]);
		expect(summary(parsePlanTasks(text, 0, from))).toEqual([
			[1, 'a', 'done', 'checkbox'],
			[2, 'b', 'pending', 'checkbox'],
		]);
	});

	test('offsets point at the line and the marker, CRLF included', () => {
		const text = '## Plan\r\n  - [x] First\r\n3. ⏳ Second\r\n';
		const [a, b] = parsePlanTasks(text);
		expect(text.slice(a.lineStart, a.lineEnd)).toBe('  - [x] First');
		expect(text.slice(a.lineStart, a.end)).toBe('  - [x] First\r\n');
		expect(text.slice(a.markerStart, a.markerEnd)).toBe('[x]');
		expect(a.indent).toBe(2);
		expect(text.slice(b.lineStart, b.lineEnd)).toBe('3. ⏳ Second');
		expect(text.slice(b.markerStart, b.markerEnd)).toBe('⏳');
		expect(a.text).toBe('First');
		expect(b.text).toBe('Second');
	});

	test('an empty checkbox item is a task with empty text; an unknown status char reads as pending', () => {
		expect(summary(parsePlanTasks('- [ ]\n- [>] deferred\n'))).toEqual([
			[1, '', 'pending', 'checkbox'],
			[2, 'deferred', 'pending', 'checkbox'],
		]);
	});
});

describe('setTaskStateEdit', () => {
	const states: TaskState[] = ['pending', 'in-progress', 'done', 'blocked', 'cancelled'];

	test('changes only the checkbox character, keeping CRLF and the rest of the file', () => {
		const text = 'intro\r\n- [ ] Alpha\r\n- [ ] Beta\r\n';
		const beta = parsePlanTasks(text)[1];
		const out = apply(text, setTaskStateEdit(text, beta, 'done'));
		expect(out).toBe('intro\r\n- [ ] Alpha\r\n- [x] Beta\r\n');
	});

	test.each(states)('a checkbox set to %s reads back as %s', (state) => {
		const text = '1. [ ] Task\n';
		const out = apply(text, setTaskStateEdit(text, parsePlanTasks(text)[0], state));
		expect(parsePlanTasks(out)[0]).toMatchObject({ state, text: 'Task', number: 1 });
	});

	test.each(states)('an emoji item set to %s reads back as %s, keeping its number and text', (state) => {
		const text = '3. ⏳ Benchmark performance\n';
		const out = apply(text, setTaskStateEdit(text, parsePlanTasks(text)[0], state));
		expect(parsePlanTasks(out)[0]).toMatchObject({ state, text: 'Benchmark performance' });
		expect(out.startsWith('3. ')).toBe(true);
	});

	test('emoji items get the emoji of their new state', () => {
		const text = '2. ⏳ Optimize network buffers via sysctl\n';
		const task = parsePlanTasks(text)[0];
		expect(apply(text, setTaskStateEdit(text, task, 'done'))).toBe('2. ✅ Optimize network buffers via sysctl\n');
		expect(apply(text, setTaskStateEdit(text, task, 'in-progress'))).toBe('2. 🔄 Optimize network buffers via sysctl\n');
		expect(apply(text, setTaskStateEdit(text, task, 'blocked'))).toBe('2. ❌ Optimize network buffers via sysctl\n');
	});

	test('cancelling an emoji item turns that line into a cancelled checkbox', () => {
		const numbered = '4. ⏳ Docs\n';
		expect(apply(numbered, setTaskStateEdit(numbered, parsePlanTasks(numbered)[0], 'cancelled'))).toBe('4. [-] Docs\n');
		const bare = '  ⏳ Docs\n';
		expect(apply(bare, setTaskStateEdit(bare, parsePlanTasks(bare)[0], 'cancelled'))).toBe('  - [-] Docs\n');
		const tight = '⏳Docs\n';
		expect(apply(tight, setTaskStateEdit(tight, parsePlanTasks(tight)[0], 'cancelled'))).toBe('- [-] Docs\n');
	});

	test('the same state leaves the line as written (🚧 stays 🚧, [X] stays [X])', () => {
		for (const text of ['- 🚧 Building\n', '- [X] Loud\n']) {
			const task = parsePlanTasks(text)[0];
			expect(apply(text, setTaskStateEdit(text, task, task.state))).toBe(text);
		}
	});

	test('an unknown status character is replaced by the canonical one', () => {
		const text = '- [>] deferred\n';
		expect(apply(text, setTaskStateEdit(text, parsePlanTasks(text)[0], 'pending'))).toBe('- [ ] deferred\n');
	});
});

describe('formatPlanTask', () => {
	test('writes canonical checkboxes', () => {
		expect(formatPlanTask('Benchmark performance')).toBe('- [ ] Benchmark performance');
		expect(formatPlanTask('  Docs  ', 'in-progress')).toBe('- [/] Docs');
		expect(formatPlanTask('Ship', 'done')).toBe('- [x] Ship');
		expect(formatPlanTask('Wait', 'blocked')).toBe('- [!] Wait');
		expect(formatPlanTask('Drop', 'cancelled')).toBe('- [-] Drop');
	});
});

describe('findTask', () => {
	const tasks = parsePlanTasks(SEED_PLANNED_TASKS);

	test('by number, also with #', () => {
		expect(findTask(tasks, '4')).toMatchObject({ kind: 'found', task: { number: 4, text: 'Create directory structure for data organization' } });
		expect(findTask(tasks, ' #2 ')).toMatchObject({ kind: 'found', task: { number: 2 } });
	});

	test('a number past the end is not found, saying how many tasks exist', () => {
		expect(findTask(tasks, '9')).toEqual({ kind: 'not-found', message: 'No task 9: the plan has 7 tasks.' });
	});

	test('by exact text, case-insensitive and whitespace-tolerant', () => {
		expect(findTask(tasks, 'benchmark   PERFORMANCE')).toMatchObject({ kind: 'found', task: { number: 5 } });
	});

	test('by unique substring', () => {
		expect(findTask(tasks, 'health')).toMatchObject({ kind: 'found', task: { number: 6 } });
	});

	test('an ambiguous substring names the matching tasks', () => {
		const result = findTask(tasks, 'nfs mount');
		expect(result.kind).toBe('ambiguous');
		if (result.kind !== 'ambiguous') return;
		expect(result.matches.map((t) => t.number)).toEqual([1, 3]);
		expect(result.message).toBe('"nfs mount" matches 2 tasks: 1. Analyze current NFS mount configuration; 3. Configure enhanced NFS mount options. Give the task number.');
	});

	test('an exact match wins over longer texts containing it', () => {
		const list = parsePlanTasks('- [ ] Docs\n- [ ] Docs review\n');
		expect(findTask(list, 'docs')).toMatchObject({ kind: 'found', task: { number: 1 } });
	});

	test('two identical texts are ambiguous', () => {
		const list = parsePlanTasks('- [ ] Docs\n- [x] Docs\n');
		expect(findTask(list, 'Docs')).toMatchObject({ kind: 'ambiguous' });
	});

	test('no match and empty query', () => {
		expect(findTask(tasks, 'kubernetes')).toEqual({ kind: 'not-found', message: 'No task matches "kubernetes".' });
		expect(findTask(tasks, '  ').kind).toBe('not-found');
	});
});

describe('progress', () => {
	test('5 of 7 done is 71%', () => {
		const text = '- [x] a\n- [x] b\n- [x] c\n- [x] d\n- [x] e\n- [/] f\n- [ ] g\n';
		expect(progress(parsePlanTasks(text))).toEqual({ done: 5, total: 7, percent: 71, pending: 1, inProgress: 1, blocked: 0, cancelled: 0 });
	});

	test('cancelled tasks are not counted in the total', () => {
		const text = '- [x] a\n- [x] b\n- [-] c\n- [!] d\n';
		expect(progress(parsePlanTasks(text))).toEqual({ done: 2, total: 3, percent: 67, pending: 0, inProgress: 0, blocked: 1, cancelled: 1 });
	});

	test('rounds to the nearest integer (1/8 → 13, 2/3 → 67, 1/3 → 33)', () => {
		const mk = (done: number, total: number) => Array.from({ length: total }, (_, i) => formatPlanTask(`t${i}`, i < done ? 'done' : 'pending')).join('\n');
		expect(progress(parsePlanTasks(mk(1, 8))).percent).toBe(13);
		expect(progress(parsePlanTasks(mk(2, 3))).percent).toBe(67);
		expect(progress(parsePlanTasks(mk(1, 3))).percent).toBe(33);
	});

	test('an empty or all-cancelled plan is 0%, not NaN', () => {
		expect(progress([]).percent).toBe(0);
		expect(progress(parsePlanTasks('- [-] a\n')).percent).toBe(0);
	});
});

describe('setTaskStateEdit preserves everything else', () => {
	const line = fc.oneof(
		fc.constantFrom('', 'prose line', '## Notes', '- plain bullet', '```', '  - [x] nested', '1. ✅ done item', '⏳ bare'),
		fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, '')),
	);
	const states = fc.constantFrom<TaskState>('pending', 'in-progress', 'done', 'blocked', 'cancelled');

	test('only the marker changes, and the task reads back in its new state', () => {
		fc.assert(
			fc.property(
				fc.array(line, { maxLength: 8 }),
				fc.array(line, { maxLength: 8 }),
				fc.constantFrom('\n', '\r\n'),
				states,
				fc.constantFrom('- [ ] Target task', '3. ⏳ Target task', '🔄 Target task', '* [X] Target task'),
				(before, after, eol, state, taskLine) => {
					const head = '## Plan' + eol;
					const text = head + taskLine + eol + [...before, ...after].join(eol) + eol;
					const tasks = parsePlanTasks(text, 0, head.length + taskLine.length + eol.length);
					expect(tasks).toHaveLength(1);
					const edit = setTaskStateEdit(text, tasks[0], state);
					expect(edit.start).toBeGreaterThanOrEqual(tasks[0].lineStart);
					expect(edit.end).toBeLessThanOrEqual(tasks[0].lineEnd);
					const out = apply(text, edit);
					expect(out.slice(0, edit.start)).toBe(text.slice(0, edit.start));
					expect(out.slice(out.length - (text.length - edit.end))).toBe(text.slice(edit.end));
					const again = parsePlanTasks(out, 0, head.length + (out.indexOf(eol, head.length) - head.length) + eol.length);
					expect(again[0]).toMatchObject({ state, text: 'Target task' });
				},
			),
			{ numRuns: 300 },
		);
	});
});
