/** @jest-environment jsdom */
import { getOpenModal, notices } from '../../__mocks__/obsidian';
import { decidePlan, proposePlan, type DecideOptions } from '../../../src/core/workflow/plan-proposal';
import { StartSessionModal } from '../../../src/plugin/modals/start-session-modal';
import { RejectPlanModal } from '../../../src/plugin/modals/reject-plan-modal';
import { memoryWorkspace } from '../../helpers/workspace';
import { button, command, field, loadVault, openModal, openNote, settle, type, vaultFiles } from '../plugin-harness';
import { NOW, one, openPanel, settled, texts, type Panel } from './panel-harness';

const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';

/** The example vault with a plan an agent proposed for 1014 an hour before NOW. */
async function proposedVault(): Promise<Record<string, string>> {
	const ws = await memoryWorkspace(undefined, { now: '2025-08-28T09:00' });
	await proposePlan(ws, { id: '1014', plan: ['Write the runbook', 'Check the alerts'] });
	return ws.store.snapshot();
}

/** The files after the core decides on `files` at NOW: what the plugin must write. */
async function decided(files: Record<string, string>, options: DecideOptions): Promise<Record<string, string>> {
	const ws = await memoryWorkspace(files, { now: NOW });
	await decidePlan(ws, options);
	return ws.store.snapshot();
}

async function panelWithProposal(): Promise<Panel & { files: Record<string, string> }> {
	const files = await proposedVault();
	return { ...(await openPanel(files, CONTEXT_1014)), files };
}

function panelButton(p: Panel, text: string): HTMLButtonElement {
	const found = Array.from(p.el.querySelectorAll<HTMLButtonElement>('.spec-workflow-proposal button')).find((b) => b.textContent === text);
	if (!found) throw new Error(`No proposal button "${text}"`);
	return found;
}

async function press(p: Panel, text: string): Promise<void> {
	panelButton(p, text).click();
	await settle(p.app);
	await settled(p);
}

beforeEach(() => notices.splice(0));

describe("the spec panel's proposed plan", () => {
	it('shows the tasks awaiting approval with Approve, Modify and Reject, and the plan counts without them', async () => {
		const p = await panelWithProposal();
		const card = one(p.el, '.spec-workflow-proposal');
		expect(texts(card, '.spec-workflow-proposal-heading span')).toEqual(['Proposed plan', '2']);
		expect(texts(card, '.spec-workflow-muted')).toEqual(['Awaiting your approval since 2025-08-28 09:00']);
		expect(texts(card, '.spec-workflow-proposal-tasks li')).toEqual(['Write the runbook', 'Check the alerts']);
		expect(texts(card, 'button')).toEqual(['Approve', 'Modify', 'Reject']);
		expect(texts(p.el, '.spec-workflow-progress-text')).toEqual(['71% · 5/7 tasks']);
		expect(p.el.querySelectorAll('.spec-workflow-plan .spec-workflow-task')).toHaveLength(7);
	});

	it('while the plan awaits, Approve is the main action: the session card says so and Start is no longer primary', async () => {
		const p = await panelWithProposal();
		const card = one(p.el, '.spec-workflow-session-card');
		expect(texts(card, '.spec-workflow-session-title')).toEqual(['Plan awaiting your approval']);
		expect(texts(card, '.spec-workflow-muted')).toEqual(['Approving the proposed plan starts the session.']);
		expect(texts(card, 'button')).toEqual(['Start', 'Resume']);
		expect(texts(card, 'button.mod-cta')).toEqual([]);
		expect(texts(one(p.el, '.spec-workflow-proposal'), 'button.mod-cta')).toEqual(['Approve']);
		// Without a proposal, Start is the main action again.
		const plain = await openPanel(undefined, CONTEXT_1014);
		expect(texts(one(plain.el, '.spec-workflow-session-card'), 'button.mod-cta')).toEqual(['Start']);
	});

	it('Approve writes what the core decide writes: the record, the tasks in the plan, session 3 started', async () => {
		const p = await panelWithProposal();
		await press(p, 'Approve');
		expect(await vaultFiles(p.app)).toEqual(await decided(p.files, { id: '1014', decision: 'approve' }));
		const journal = (await vaultFiles(p.app))[CONTEXT_1014];
		expect(journal).toContain(
			'- [ ] Final validation\n- [ ] Write the runbook\n- [ ] Check the alerts\n\n> [!success] Plan approved\n> proposed: 2025-08-28 09:00\n> approved: 2025-08-28 10:00\n',
		);
		expect(notices).toEqual(['Approved the plan of 1014: started session 3, 2 plan tasks added']);
		expect(p.el.querySelector('.spec-workflow-proposal')).toBeNull();
		expect(texts(p.el, '.spec-workflow-progress-text')).toEqual(['56% · 5/9 tasks']);
	});

	it('Modify opens the plan editor filled with the proposal and approves the list as edited', async () => {
		const p = await panelWithProposal();
		await press(p, 'Modify');
		const modal = getOpenModal(StartSessionModal);
		expect(modal?.titleEl.textContent).toBe('Modify the proposed plan of 1014 - Cold Storage NAS Integration');
		const inputs = () => Array.from(openModal().contentEl.querySelectorAll<HTMLInputElement>('.spec-workflow-plan-item input'));
		expect(inputs().map((i) => i.value)).toEqual(['Write the runbook', 'Check the alerts']);
		type(inputs()[1], 'Check the alerts first');
		button('Move up', openModal().contentEl.querySelectorAll<HTMLElement>('.spec-workflow-plan-item')[1]).click();
		type(field('New task'), 'Tell the downstream teams');
		button('Add').click();
		button('Approve').click();
		await modal!.submission.current;
		await settle(p.app);
		const plan = ['Check the alerts first', 'Write the runbook', 'Tell the downstream teams'];
		expect(await vaultFiles(p.app)).toEqual(await decided(p.files, { id: '1014', decision: 'approve', plan }));
		expect((await vaultFiles(p.app))[CONTEXT_1014]).toContain('> - Check the alerts first\n> - Write the runbook\n> - Tell the downstream teams\n');
		expect(getOpenModal()).toBeNull();
	});

	it('Reject asks for the reason and records it with the rejected plan; nothing is started', async () => {
		const p = await panelWithProposal();
		await press(p, 'Reject');
		const modal = getOpenModal(RejectPlanModal);
		expect(texts(openModal().contentEl, '.spec-workflow-proposal-tasks li')).toEqual(['Write the runbook', 'Check the alerts']);
		type(field('Reason', 'textarea'), 'Alerts first: the runbook links them');
		button('Reject plan').click();
		await modal!.submission.current;
		await settle(p.app);
		const files = await vaultFiles(p.app);
		expect(files).toEqual(await decided(p.files, { id: '1014', decision: 'reject', reason: 'Alerts first: the runbook links them' }));
		expect(files[CONTEXT_1014]).toContain(
			'> [!failure] Plan rejected\n> proposed: 2025-08-28 09:00\n> rejected: 2025-08-28 10:00\n> reason: Alerts first: the runbook links them\n> - Write the runbook\n',
		);
		expect(files[CONTEXT_1014]).not.toContain('### Session 3');
		expect(notices).toEqual(['Rejected the plan of 1014']);
	});
});

describe('the proposal commands', () => {
	it('"Approve proposed plan" approves the active note\'s spec', async () => {
		const files = await proposedVault();
		const { app } = await loadVault(files);
		await openNote(app, CONTEXT_1014);
		await command(app, 'approve-proposed-plan');
		expect(await vaultFiles(app)).toEqual(await decided(files, { id: '1014', decision: 'approve' }));
	});

	it('say so when no plan awaits approval, writing nothing', async () => {
		const { app } = await loadVault();
		const before = await vaultFiles(app);
		await openNote(app, CONTEXT_1014);
		for (const id of ['approve-proposed-plan', 'modify-proposed-plan', 'reject-proposed-plan']) await command(app, id);
		expect(notices).toEqual(Array(3).fill('Spec 1014 has no plan awaiting approval'));
		expect(getOpenModal()).toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});
});
