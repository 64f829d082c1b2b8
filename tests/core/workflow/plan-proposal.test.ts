import { decidePlan, proposePlan, readProposal } from '../../../src/core/workflow/plan-proposal';
import { NEXT } from '../../../src/core/operations/next';
import { RESUME } from '../../../src/core/operations/resume';
import { STATUS } from '../../../src/core/operations/status';
import { CTX_1014, CTX_4005, EXAMPLE, expectOnlyChanged, expectRefused, replaceOnce, SPEC_1014, SPEC_4005, toCrlf, workspace } from './session-fixtures';

const PLAN_END_1014 = '- [ ] Final validation\n';
const PROPOSAL_1014 = ['', '> [!question] Proposed plan (awaiting approval)', '> proposed: 2025-08-28 14:30', '> - [ ] Write the runbook', '> - [ ] Check the alerts', ''].join(
	'\n',
);

/** 1014's journal with the proposal at the end of its plan (and `updated` set). */
function with1014Proposal(): string {
	const touched = replaceOnce(EXAMPLE[CTX_1014], '**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 14:30');
	return replaceOnce(touched, PLAN_END_1014, PLAN_END_1014 + PROPOSAL_1014);
}

function spec1014(approval: string, stamp = '2025-08-28 14:30'): string {
	const touched = replaceOnce(replaceOnce(EXAMPLE[SPEC_1014], 'updated: 2025-08-27\n', 'updated: 2025-08-28\n'), '**Updated**: 2025-08-27 11:00', `**Updated**: ${stamp}`);
	return replaceOnce(touched, '  - nas\n---\n', `  - nas\napproval: ${approval}\n---\n`);
}

describe('proposing a plan', () => {
	it('writes the tasks as a callout at the end of ## Plan and sets approval: awaiting', async () => {
		const ws = await workspace();
		const before = ws.store.snapshot();
		const r = await proposePlan(ws, { id: '1014', plan: ['Write the runbook', '- [ ] Check the alerts', 'write the RUNBOOK'] });
		const after = expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014, SPEC_1014]);
		expect(after[CTX_1014]).toBe(with1014Proposal());
		expect(after[SPEC_1014]).toBe(spec1014('awaiting'));
		expect(r).toMatchObject({ tasks: ['Write the runbook', 'Check the alerts'], proposed: '2025-08-28 14:30', replaced: false });
	});

	it('counts the proposal nowhere: progress, next task and resume read as before', async () => {
		const ws = await workspace();
		const status = await STATUS.run(ws, { id: '1014' }, {});
		const next = await NEXT.run(ws, {}, undefined);
		const resume = await RESUME.run(ws, { id: '1014' }, undefined);
		await proposePlan(ws, { id: '1014', plan: ['Write the runbook', 'Check the alerts'] });
		const proposed = await STATUS.run(ws, { id: '1014' }, {});
		expect(proposed.progress).toEqual(status.progress);
		expect(proposed.tasks).toEqual(status.tasks);
		expect(await NEXT.run(ws, {}, undefined)).toEqual(next);
		expect((await RESUME.run(ws, { id: '1014' }, undefined)).remainingTasks).toEqual(resume.remainingTasks);
		// Once approved, they count.
		await decidePlan(ws, { id: '1014', decision: 'approve' });
		const approved = await STATUS.run(ws, { id: '1014' }, {});
		expect(approved.progress.total).toBe(status.progress.total + 2);
	});

	it('replaces a proposal still awaiting, in place', async () => {
		const ws = await workspace();
		await proposePlan(ws, { id: '1014', plan: ['Write the runbook', 'Check the alerts'] });
		ws.setNow('2025-08-28T14:40:00');
		const r = await proposePlan(ws, { id: '1014', plan: ['Only this'] });
		expect(r.replaced).toBe(true);
		const expected = replaceOnce(
			replaceOnce(with1014Proposal(), '**Updated**: 2025-08-28 14:30', '**Updated**: 2025-08-28 14:40'),
			'> proposed: 2025-08-28 14:30\n> - [ ] Write the runbook\n> - [ ] Check the alerts\n',
			'> proposed: 2025-08-28 14:40\n> - [ ] Only this\n',
		);
		expect(ws.store.snapshot()[CTX_1014]).toBe(expected);
	});

	it('refuses an empty plan, writing nothing', async () => {
		const ws = await workspace();
		await expectRefused(ws, () => proposePlan(ws, { id: '1014', plan: [' ', ''] }), 'empty-proposal', 'No tasks to propose for spec 1014: give at least one --plan');
	});

	it('keeps CRLF line ends', async () => {
		const ws = await workspace({ [CTX_1014]: toCrlf(EXAMPLE[CTX_1014]) });
		await proposePlan(ws, { id: '1014', plan: ['Write the runbook', 'Check the alerts'] });
		expect(ws.store.snapshot()[CTX_1014]).toBe(toCrlf(with1014Proposal()));
	});
});

describe('deciding on a proposed plan', () => {
	it('approving records the decision, adds the tasks to the plan and starts a session', async () => {
		const ws = await workspace();
		await proposePlan(ws, { id: '1014', plan: ['Write the runbook', 'Check the alerts'] });
		ws.setNow('2025-08-28T15:00:00');
		const r = await decidePlan(ws, { id: '1014', decision: 'approve' });
		const journal = ws.store.snapshot()[CTX_1014];
		const plan = journal.slice(journal.indexOf('## Plan'), journal.indexOf('## Implementation Timeline'));
		expect(plan).toBe(
			[
				'## Plan',
				'- [x] Network buffer optimization',
				'- [x] NFS mount configuration',
				'- [x] Directory structure creation',
				'- [x] Health monitoring script',
				'- [x] Performance benchmarking',
				'- [/] Documentation',
				'- [ ] Final validation',
				'- [ ] Write the runbook',
				'- [ ] Check the alerts',
				'',
				'> [!success] Plan approved',
				'> proposed: 2025-08-28 14:30',
				'> approved: 2025-08-28 15:00',
				'> - Write the runbook',
				'> - Check the alerts',
				'',
				'',
			].join('\n'),
		);
		expect(journal).toContain('### Session 3: 2025-08-28 - Implementation Session\n');
		expect(ws.store.snapshot()[SPEC_1014]).toBe(spec1014('approved', '2025-08-28 15:00'));
		expect(r).toMatchObject({ state: 'approved', tasks: ['Write the runbook', 'Check the alerts'], reason: null });
		expect(r.start?.planAdded).toBe(2);
		expect((await readProposal(ws, '1014')).proposal).toEqual({
			state: 'approved',
			proposed: '2025-08-28 14:30',
			decided: '2025-08-28 15:00',
			tasks: ['Write the runbook', 'Check the alerts'],
			reason: null,
		});
	});

	it('approving a modified plan adds the tasks as modified; a plan without tasks gets them after the record, a blank line apart', async () => {
		const ws = await workspace();
		await proposePlan(ws, { id: '4005', plan: ['One', 'Two'] });
		await decidePlan(ws, { id: '4005', decision: 'approve', plan: ['One', 'Two and a half', 'Three'] });
		const journal = ws.store.snapshot()[CTX_4005];
		expect(journal.slice(journal.indexOf('## Plan'), journal.indexOf('## Implementation Timeline'))).toBe(
			[
				'## Plan',
				'> [!success] Plan approved',
				'> proposed: 2025-08-28 14:30',
				'> approved: 2025-08-28 14:30',
				'> - One',
				'> - Two and a half',
				'> - Three',
				'',
				'- [ ] One',
				'- [ ] Two and a half',
				'- [ ] Three',
				'',
				'',
			].join('\n'),
		);
		expect(ws.store.snapshot()[SPEC_4005]).toContain('\napproval: approved\n---\n');
	});

	it('rejecting records the reason and starts nothing', async () => {
		const ws = await workspace();
		await proposePlan(ws, { id: '1014', plan: ['Write the runbook', 'Check the alerts'] });
		const before = ws.store.snapshot();
		ws.setNow('2025-08-28T15:00:00');
		const r = await decidePlan(ws, { id: '1014', decision: 'reject', reason: 'Alerts first,\nthen the runbook' });
		const after = expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014, SPEC_1014]);
		const expected = replaceOnce(
			replaceOnce(with1014Proposal(), '**Updated**: 2025-08-28 14:30', '**Updated**: 2025-08-28 15:00'),
			PROPOSAL_1014,
			[
				'',
				'> [!failure] Plan rejected',
				'> proposed: 2025-08-28 14:30',
				'> rejected: 2025-08-28 15:00',
				'> reason: Alerts first, then the runbook',
				'> - Write the runbook',
				'> - Check the alerts',
				'',
			].join('\n'),
		);
		expect(after[CTX_1014]).toBe(expected);
		expect(after[SPEC_1014]).toBe(spec1014('rejected', '2025-08-28 15:00'));
		expect(r).toMatchObject({ state: 'rejected', reason: 'Alerts first, then the runbook', start: null });
	});

	it('refuses when no plan awaits approval, writing nothing', async () => {
		const ws = await workspace();
		await expectRefused(ws, () => decidePlan(ws, { id: '1014', decision: 'approve' }), 'no-proposal', 'Spec 1014 has no plan awaiting approval');
	});
});
