import type { Proposal } from '../../core/context/proposal';
import { panelButton } from './panel-elements';

/** The panel's buttons for a proposal: the commands approve, modify and reject run. */
export type ProposalCommand = 'approve-plan' | 'modify-plan' | 'reject-plan';

/**
 * A plan the agent proposed and waits on (`spec-work await`): its tasks, and the person's three
 * answers. Shown above the plan, which does not count these tasks until they are approved.
 */
export function renderProposal(root: HTMLElement, proposal: Omit<Proposal, 'start' | 'end'>, run: (command: ProposalCommand) => void): void {
	const card = root.createDiv({ cls: 'spec-workflow-proposal', attr: { 'aria-label': 'Proposed plan awaiting approval' } });
	const head = card.createDiv('spec-workflow-proposal-heading');
	head.createSpan({ cls: 'spec-workflow-proposal-title', text: 'Proposed plan' });
	head.createSpan({ cls: 'spec-workflow-count', text: String(proposal.tasks.length) });
	card.createDiv({ cls: 'spec-workflow-muted', text: proposal.proposed ? `Awaiting your approval since ${proposal.proposed}` : 'Awaiting your approval' });
	const list = card.createEl('ol', { cls: 'spec-workflow-proposal-tasks' });
	for (const task of proposal.tasks) list.createEl('li', { text: task });
	const buttons = card.createDiv('spec-workflow-buttons');
	panelButton(buttons, 'Approve', () => run('approve-plan'), true);
	panelButton(buttons, 'Modify', () => run('modify-plan'));
	panelButton(buttons, 'Reject', () => run('reject-plan'));
}
