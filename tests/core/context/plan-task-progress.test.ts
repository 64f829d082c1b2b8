import fc from 'fast-check';
import { parsePlanTasks, progress, setTaskStateEdit, taskProgressNote, type PlanTask, type TaskState } from '../../../src/core/context/plan-task';

/** Number, text, state and own progress of each task: what status and resume show of it. */
function summary(tasks: PlanTask[]): [number, string, TaskState, string | null][] {
	return tasks.map((t) => [
		t.number,
		t.text,
		t.state,
		t.progress === null ? null : `${t.progress.percent}% ${t.progress.done ?? '-'}/${t.progress.total ?? '-'} ${t.progress.from}`,
	]);
}

function apply(text: string, edit: { start: number; end: number; text: string }): string {
	return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('a task’s own progress from its sub-items', () => {
	it('reads the walkthrough’s plan: the ⏳ task with one of two checkbox sub-items done is in progress at 50%', () => {
		const text = [
			'## Plan',
			'1. ✅ Network buffer optimization',
			'2. ✅ NFS mount configuration',
			'3. ✅ Directory structure creation',
			'4. ✅ Health monitoring script',
			'5. ✅ Performance benchmarking',
			'6. ⏳ Documentation',
			'   - [x] Setup guide',
			'   - [ ] Troubleshooting guide',
			'7. ⏳ Final validation',
			'',
		].join('\n');
		const tasks = parsePlanTasks(text);
		expect(summary(tasks).slice(5)).toEqual([
			[6, 'Documentation', 'in-progress', '50% 1/2 sub-items'],
			[7, 'Final validation', 'pending', null],
		]);
		// Sub-items count for the task's own figure only: the plan still counts its seven tasks.
		expect(progress(tasks)).toMatchObject({ done: 5, total: 7, percent: 71, inProgress: 1, pending: 1 });
		expect(taskProgressNote(tasks[5])).toBe('(50% complete)');
	});

	it('counts nested checkboxes at every depth, and those grouped under a plain bullet inside the task; cancelled ones not', () => {
		const text = [
			'- [ ] Benchmark',
			'  - [x] write test',
			'    - [x] 8 GB file',
			'    - [ ] 64 GB file',
			'  - Reads:',
			'    - [ ] direct I/O',
			'  - [-] SMB comparison',
			'- [ ] Report',
			'',
		].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Benchmark', 'in-progress', '50% 2/4 sub-items'],
			[2, 'Report', 'pending', null],
		]);
	});

	it('counts numbered sub-items, with emoji or checkbox marks; a numbered line without a mark is not one', () => {
		const text = [
			'6. ⏳ Documentation',
			'   1. ✅ Setup guide',
			'   2. 🔄 Troubleshooting guide',
			'   3. [x] FAQ',
			'   4. Index page',
			'7. ⏳ Final validation',
			'   1. ⏳ Sign-off',
			'',
		].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Documentation', 'in-progress', '67% 2/3 sub-items'],
			[2, 'Final validation', 'pending', '0% 0/1 sub-items'],
		]);
	});

	it('does not count sub-items inside a fenced block or a comment', () => {
		const text = [
			'6. ⏳ Documentation',
			'   - [ ] Troubleshooting guide',
			'   ```markdown',
			'   - [x] an example of a done item',
			'   ```',
			'   <!--',
			'   - [x] hidden',
			'   -->',
			'7. ⏳ Final validation',
			'   ~~~',
			'   - [x] example only',
			'   ~~~',
			'',
		].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Documentation', 'pending', '0% 0/1 sub-items'],
			[2, 'Final validation', 'pending', null],
		]);
	});

	it('a bash test `[[ -d x ]]` under a task is no sub-item and no task, in a fence or not', () => {
		const text = [
			'4. ⏳ Health monitoring script',
			'   ```bash',
			'   - [x] not markdown',
			'   if [[ -d "$MOUNT" ]]; then',
			'   ```',
			'       [[ -d /mnt/nas ]] && echo mounted',
			'   - [[ -d x ]] && mkdir -p x',
			'   - [ -d x ] || exit 1',
			'5. ⏳ Benchmark',
			'',
		].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Health monitoring script', 'pending', null],
			[2, 'Benchmark', 'pending', null],
		]);
	});

	it('only a task marked pending is moved to in progress; done, blocked and cancelled marks stand', () => {
		const text = [
			'- [x] Done early',
			'  - [ ] left over',
			'- [!] Stuck',
			'  - [x] first half',
			'  - [ ] second half',
			'- [-] Dropped',
			'  - [x] started anyway',
			'- [ ] Started as a checkbox',
			'  - [x] one',
			'  - [ ] two',
			'- [/] Marked in progress, nothing ticked',
			'  - [ ] one',
			'- ⏳ Every sub-item done, not yet ticked',
			'  - [x] one',
			'  - [x] two',
			'- ⏳ Nothing ticked yet',
			'  - [ ] one',
			'',
		].join('\n');
		expect(summary(parsePlanTasks(text))).toEqual([
			[1, 'Done early', 'done', '0% 0/1 sub-items'],
			[2, 'Stuck', 'blocked', '50% 1/2 sub-items'],
			[3, 'Dropped', 'cancelled', '100% 1/1 sub-items'],
			[4, 'Started as a checkbox', 'in-progress', '50% 1/2 sub-items'],
			[5, 'Marked in progress, nothing ticked', 'in-progress', '0% 0/1 sub-items'],
			[6, 'Every sub-item done, not yet ticked', 'in-progress', '100% 2/2 sub-items'],
			[7, 'Nothing ticked yet', 'pending', '0% 0/1 sub-items'],
		]);
	});

	it('reads a figure written after the text when there are no sub-items, and shows it as written', () => {
		const text = ['⏳ Documentation (50% complete)', '- ⏳ Docs (0% complete)', '- [ ] Tests (30%)', '- [ ] Odd (150% complete)', '- [ ] Mid (50% complete) text', ''].join('\n');
		const tasks = parsePlanTasks(text);
		expect(summary(tasks)).toEqual([
			[1, 'Documentation (50% complete)', 'in-progress', '50% -/- text'],
			[2, 'Docs (0% complete)', 'pending', '0% -/- text'],
			[3, 'Tests (30%)', 'in-progress', '30% -/- text'],
			[4, 'Odd (150% complete)', 'pending', null],
			[5, 'Mid (50% complete) text', 'pending', null],
		]);
		// Already written in the text: nothing is added to it.
		expect(tasks.map(taskProgressNote)).toEqual([null, null, null, null, null]);
	});

	it('sub-items win over a figure written in the text, which is then shown as written', () => {
		const [task] = parsePlanTasks('- ⏳ Docs (10% complete)\n  - [x] a\n  - [ ] b\n');
		expect(summary([task])).toEqual([[1, 'Docs (10% complete)', 'in-progress', '50% 1/2 sub-items']]);
		expect(taskProgressNote(task)).toBeNull();
	});

	it('ticking a half-done ⏳ task writes ✅ over the ⏳ alone; the sub-items are left as they are', () => {
		const text = '6. ⏳ Documentation\r\n   - [x] Setup guide\r\n   - [ ] Troubleshooting guide\r\n';
		const [task] = parsePlanTasks(text);
		expect(apply(text, setTaskStateEdit(text, task, 'done'))).toBe('6. ✅ Documentation\r\n   - [x] Setup guide\r\n   - [ ] Troubleshooting guide\r\n');
		expect(apply(text, setTaskStateEdit(text, task, 'in-progress'))).toBe(text);
	});
});

describe('sub-items, property', () => {
	const MARKS: Record<string, TaskState> = { '[ ]': 'pending', '[x]': 'done', '[/]': 'in-progress', '[!]': 'blocked', '[-]': 'cancelled', '⏳': 'pending', '✅': 'done' };
	const mark = fc.constantFrom(...Object.keys(MARKS));
	const words = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,12}[A-Za-z]$/);
	const plan = fc.array(fc.record({ mark, text: words, subs: fc.array(fc.record({ mark, text: words, depth: fc.integer({ min: 1, max: 3 }) }), { maxLength: 5 }) }), {
		minLength: 1,
		maxLength: 6,
	});

	it('tasks are the top-level items; each one’s figure counts its sub-items done out of those not cancelled', () => {
		fc.assert(
			fc.property(plan, fc.boolean(), (items, numbered) => {
				const lines: string[] = [];
				items.forEach((item, i) => {
					lines.push(`${numbered ? `${i + 1}.` : '-'} ${item.mark} ${item.text}`);
					for (const sub of item.subs) lines.push(`${' '.repeat(3 * sub.depth)}- ${sub.mark} ${sub.text}`);
				});
				const tasks = parsePlanTasks(lines.join('\n') + '\n');
				expect(tasks.map((t) => t.text)).toEqual(items.map((item) => item.text));
				items.forEach((item, i) => {
					const counted = item.subs.filter((s) => MARKS[s.mark] !== 'cancelled');
					const done = counted.filter((s) => MARKS[s.mark] === 'done').length;
					const marked = MARKS[item.mark];
					expect(tasks[i].progress).toEqual(counted.length === 0 ? null : { percent: Math.round((done * 100) / counted.length), done, total: counted.length, from: 'sub-items' });
					expect(tasks[i].state).toBe(marked === 'pending' && done > 0 ? 'in-progress' : marked);
				});
			}),
		);
	});
});
