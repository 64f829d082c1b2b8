import type { NextTask } from '../../../src/core/reports/next-task';
import { formatNextTask } from '../../../src/core/text/next-text';

const CONTEXT = 'specs/1000/1001/1014.context.md';

/** 1014 of the example vault with its Documentation task in progress, as nextTask finds it. */
const DOCUMENTATION: NextTask = {
	id: '1014',
	title: 'Cold Storage NAS Integration',
	path: 'specs/1000/1001/1014.spec.md',
	context: CONTEXT,
	taskFile: CONTEXT,
	status: 'implementing',
	progress: { done: 5, total: 7, percent: 71, from: 'plan' },
	activeSession: null,
	task: { number: 6, text: 'Documentation', state: 'in-progress' },
	reason: 'in-progress',
};

describe('formatNextTask', () => {
	it('says the task and its state, then the progress and the context it is in', () => {
		expect(formatNextTask(DOCUMENTATION)).toBe(
			'Next: 1014 Cold Storage NAS Integration, task 6: Documentation (in progress)\nProgress 71% (5/7); context specs/1000/1001/1014.context.md\n',
		);
		const pending: NextTask = {
			...DOCUMENTATION,
			progress: { done: 6, total: 7, percent: 86, from: 'plan' },
			task: { number: 7, text: 'Final validation', state: 'pending' },
			reason: 'pending',
		};
		expect(formatNextTask(pending)).toBe(
			'Next: 1014 Cold Storage NAS Integration, task 7: Final validation (pending)\nProgress 86% (6/7); context specs/1000/1001/1014.context.md\n',
		);
	});

	it('names the note holding a checklist task', () => {
		const checklist: NextTask = {
			...DOCUMENTATION,
			id: '1002',
			title: 'Storage',
			path: 'specs/1000/1002/spec.md',
			context: 'specs/1000/1002/context.md',
			taskFile: 'specs/1000/1002/context.md',
			progress: { done: 1, total: 3, percent: 33, from: 'checklist' },
			task: { number: 2, text: 'Lifecycle rules', state: 'in-progress' },
		};
		expect(formatNextTask(checklist)).toBe(
			'Next: 1002 Storage, task 2: Lifecycle rules (in progress)\nProgress 33% (1/3, from checklist); checklist in specs/1000/1002/context.md\n',
		);
	});

	it('says there is nothing to do when no task is ready', () => {
		expect(formatNextTask(null)).toBe('Nothing to do: no task is in progress and no implementing spec has a pending task.\n');
	});
});
