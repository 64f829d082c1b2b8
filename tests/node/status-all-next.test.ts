import { TempVault } from '../helpers/cli-process';

/** `status --all` and `next`: how an agent finds work without a person, as a real process. */
describe('spec-work status --all and next', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault();
	});
	afterEach(() => vault.cleanup());

	it('status --all lists the open specs with progress and next task', () => {
		const r = vault.run(['status', '--all']);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(
			[
				'Open specs (9):',
				'',
				'1000  Foundation Infrastructure  [implementing]  83% (10/12)',
				'  1001  Storage Infrastructure  [implementing]  83% (10/12)',
				'    1014  Cold Storage NAS Integration  [implementing]  71% (5/7)  next: 6. Documentation (in progress)',
				'3000  Market Data  [planning]  no tasks',
				'  3001  Market Data Collection  [planning]  no tasks',
				'4000  Strategy Engine  [planning]  no tasks',
				'  4005  Strategy State Persistence  [planning]  no tasks',
				'9000  Research & Backtesting  [planning]  no tasks',
				'  9001  Backtesting Framework  [planning]  no tasks',
				'',
			].join('\n'),
		);
	});

	it('status --all --json leaves out completed specs and keeps the documented fields', () => {
		const r = vault.run(['status', '--all', '--json']);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout) as { specs: { id: string }[] };
		expect(json.specs.map((s) => s.id)).not.toContain('1011');
		expect(json.specs[2]).toEqual({
			id: '1014',
			title: 'Cold Storage NAS Integration',
			type: 'task',
			status: 'implementing',
			statusRaw: 'implementing',
			path: 'specs/1000/1001/1014.spec.md',
			context: 'specs/1000/1001/1014.context.md',
			parent: { id: '1001', title: 'Storage Infrastructure' },
			depth: 2,
			progress: { done: 5, total: 7, percent: 71, from: 'plan' },
			activeSession: null,
			nextTask: { number: 6, text: 'Documentation', state: 'in-progress' },
			taskFile: 'specs/1000/1001/1014.context.md',
		});
	});

	it.each([
		[['status'], 'spec-work status: missing <id> (or --all)\n'],
		[['status', '1014', '--all'], 'spec-work status: give either <id> or --all, not both\n'],
		[['next', '1014'], 'spec-work next: unexpected argument "1014"\n'],
	])('%j is a usage error', (args, message) => {
		const r = vault.run(args);
		expect(r.code).toBe(2);
		expect(r.stderr.startsWith(message)).toBe(true);
	});

	it('next names the task in progress, as text and JSON', () => {
		const text = vault.run(['next']);
		expect(text.code).toBe(0);
		expect(text.stdout).toBe('Next: 1014 Cold Storage NAS Integration, task 6: Documentation (in progress)\nProgress 71% (5/7); context specs/1000/1001/1014.context.md\n');
		const json = vault.run(['next', '--json']);
		expect(JSON.parse(json.stdout)).toMatchObject({
			id: '1014',
			context: 'specs/1000/1001/1014.context.md',
			task: { number: 6, text: 'Documentation', state: 'in-progress' },
			reason: 'in-progress',
		});
	});

	it('next moves on to the first pending task once the task in progress is done', () => {
		expect(vault.run(['task', '1014', 'Documentation', 'done']).code).toBe(0);
		expect(JSON.parse(vault.run(['next', '--json']).stdout)).toMatchObject({ id: '1014', task: { number: 7, text: 'Final validation', state: 'pending' }, reason: 'pending' });
	});

	it('next prints null (exit 0) when there is nothing to do', () => {
		expect(vault.run(['task', '1014', '6', 'done']).code).toBe(0);
		expect(vault.run(['task', '1014', '7', 'done']).code).toBe(0);
		const json = vault.run(['next', '--json']);
		expect(json).toEqual({ code: 0, stdout: 'null\n', stderr: '' });
		expect(vault.run(['next']).stdout).toBe('Nothing to do: no task is in progress and no implementing spec has a pending task.\n');
	});
});
