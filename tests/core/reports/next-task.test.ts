import { nextTask } from '../../../src/core/reports/next-task';
import { join } from 'path';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

const CONTEXT = 'specs/1000/1001/1014.context.md';

/** A task spec beside 1014 with its own plan. */
function taskSpec(id: string, status: string, plan: string[]): Record<string, string> {
	return {
		[`specs/1000/1001/${id}.spec.md`]: `---\ntype: task\ntitle: Task ${id}\nstatus: ${status}\nparent: "1001"\n---\n# Task ${id}\n`,
		[`specs/1000/1001/${id}.context.md`]: `# Context: Task ${id}\n\n## Plan\n${plan.join('\n')}\n`,
	};
}

function exampleWith(edit: (files: Record<string, string>) => void): Record<string, string> {
	const files = readVaultFiles(EXAMPLE_VAULT);
	edit(files);
	return files;
}

/** The example vault with 1014's Documentation task done: no task in progress anywhere. */
const nothingStarted = (extra: Record<string, string> = {}) =>
	exampleWith((f) => {
		f[CONTEXT] = f[CONTEXT].replace('- [/] Documentation', '- [x] Documentation');
		Object.assign(f, extra);
	});

describe('nextTask', () => {
	it('picks the task in progress in the example vault', async () => {
		const next = await nextTask(await memoryWorkspace());
		expect(next).toEqual({
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
		});
	});

	it('prefers a task in progress over a more advanced spec with pending work', async () => {
		const files = nothingStarted({ ...taskSpec('1015', 'implementing', ['- [x] a', '- [ ] b', '- [/] c']) });
		// 1014 is at 86% with a pending task; 1015 is at 33% but has c in progress.
		expect(await nextTask(await memoryWorkspace(files))).toMatchObject({ id: '1015', task: { number: 3, text: 'c', state: 'in-progress' }, reason: 'in-progress' });
	});

	it('otherwise takes the first pending task of the implementing spec with the highest progress', async () => {
		const files = nothingStarted({
			...taskSpec('1015', 'implementing', ['- [x] a', '- [ ] b', '- [ ] c', '- [ ] d']),
			// Further along, but still planning: its plan awaits approval.
			...taskSpec('1016', 'planning', ['- [x] a', '- [x] b', '- [x] c', '- [x] d', '- [x] e', '- [x] f', '- [x] g', '- [ ] h']),
		});
		const next = await nextTask(await memoryWorkspace(files));
		expect(next).toMatchObject({ id: '1014', task: { number: 7, text: 'Final validation', state: 'pending' }, reason: 'pending', progress: { percent: 86 } });
	});

	it('breaks a tie in progress by tree order, and skips blocked tasks and blocked specs', async () => {
		const files = nothingStarted({
			// 1013 sorts before 1014, and both are at 86% (12/14 and 6/7); 1013's blocked first item is passed over.
			...taskSpec('1013', 'implementing', ['- [!] stuck', ...Array.from({ length: 12 }, (_, i) => `- [x] step ${i + 1}`), '- [ ] g']),
			...taskSpec('1012', 'blocked', ['- [/] waiting on the NAS vendor']),
		});
		expect(await nextTask(await memoryWorkspace(files))).toMatchObject({
			id: '1013',
			task: { number: 14, text: 'g' },
			reason: 'pending',
			progress: { done: 12, total: 14, percent: 86 },
		});
	});

	it('is null when nothing is in progress and no implementing spec has a pending task', async () => {
		const files = exampleWith((f) => {
			f[CONTEXT] = f[CONTEXT].replace('- [/] Documentation', '- [x] Documentation').replace('- [ ] Final validation', '- [-] Final validation');
		});
		const next = await nextTask(await memoryWorkspace(files));
		expect(next).toBeNull();
	});
});

describe('nextTask on a hand-written vault', () => {
	const REAL_VAULT = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'progress');

	it('finds a checklist task in progress in a context without a plan', async () => {
		const next = await nextTask(await memoryWorkspace(readVaultFiles(REAL_VAULT)));
		expect(next).toMatchObject({
			id: '1002',
			context: 'specs/1000/1002/context.md',
			taskFile: 'specs/1000/1002/context.md',
			task: { number: 2, text: 'Lifecycle rules', state: 'in-progress' },
			reason: 'in-progress',
		});
	});

	it('finds the first unchecked item of a spec own Tasks checklist', async () => {
		const files = readVaultFiles(REAL_VAULT);
		files['specs/1000/1002/context.md'] = files['specs/1000/1002/context.md'].replace('- [/] Lifecycle rules', '- [x] Lifecycle rules');
		const next = await nextTask(await memoryWorkspace(files));
		// 1002 (2/3, 67%) is further along than 1014 (3/5, 60%): its pending task comes first, until it goes back to planning.
		expect(next).toMatchObject({ id: '1002', task: { number: 3, text: 'Access policies', state: 'pending' }, reason: 'pending' });
		files['specs/1000/1002/spec.md'] = files['specs/1000/1002/spec.md'].replace('implementing', 'planning');
		expect(await nextTask(await memoryWorkspace(files))).toMatchObject({
			id: '1014',
			context: 'specs/1000/1001/1014.context.md',
			taskFile: 'specs/1000/1001/1014.spec.md',
			task: { number: 4, text: 'Benchmark on the NAS', state: 'pending' },
			progress: { done: 3, total: 5, from: 'checklist' },
		});
	});
});
