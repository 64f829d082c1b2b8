import { Notice } from 'obsidian';
import { Spec } from '../../core/index/spec';
import { DECIDE } from '../../core/operations/decide';
import { PROPOSAL } from '../../core/operations/propose';
import type { DecideOptions, DecideResult } from '../../core/workflow/plan-proposal';
import { RejectPlanModal } from '../modals/reject-plan-modal';
import { StartSessionModal } from '../modals/start-session-modal';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { openFile, runOperation } from './command-context';
import { startModalData } from './session-start';
import { addSpecCommand } from './spec-command';

/** Approve, modify or reject the plan an agent proposed (`spec-work propose`): the person's side of `spec-work await`. */
export function registerProposalCommands(plugin: SpecWorkflowPlugin): void {
	addSpecCommand(plugin, { id: 'approve-proposed-plan', name: 'Approve proposed plan', placeholder: 'Choose a spec whose plan to approve', flow: approvePlan });
	addSpecCommand(plugin, { id: 'modify-proposed-plan', name: 'Modify proposed plan…', placeholder: 'Choose a spec whose plan to modify', flow: modifyPlan, detached: true });
	addSpecCommand(plugin, { id: 'reject-proposed-plan', name: 'Reject proposed plan…', placeholder: 'Choose a spec whose plan to reject', flow: rejectPlan, detached: true });
}

/** The tasks awaiting approval, or null after a Notice saying there are none. */
async function awaitingTasks(plugin: SpecWorkflowPlugin, spec: Spec): Promise<string[] | null> {
	const report = await runOperation(plugin, (ws) => PROPOSAL.run(ws, { id: spec.id }, undefined));
	if (!report) return null;
	if (report.proposal?.state !== 'awaiting') {
		new Notice(`Spec ${spec.id} has no plan awaiting approval`);
		return null;
	}
	return report.proposal.tasks;
}

async function decide(plugin: SpecWorkflowPlugin, options: DecideOptions): Promise<DecideResult | null> {
	const result = await runOperation(plugin, (ws) => DECIDE.run(ws, options, undefined));
	if (!result) return null;
	if (result.start) {
		const s = result.start;
		new Notice(
			`Approved the plan of ${result.id}: ${s.continued ? 'continuing' : 'started'} session ${s.session.number}, ${s.planAdded} plan task${s.planAdded === 1 ? '' : 's'} added`,
		);
		if (plugin.settings.openContextAfterStart) await openFile(plugin, s.contextPath);
	} else new Notice(`Rejected the plan of ${result.id}`);
	return result;
}

export async function approvePlan(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	if ((await awaitingTasks(plugin, spec)) === null) return;
	await decide(plugin, { id: spec.id, decision: 'approve' });
}

/** The start modal's plan editor, filled with the proposal: what is approved is the list as edited. */
export async function modifyPlan(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const proposed = await awaitingTasks(plugin, spec);
	if (proposed === null) return;
	new StartSessionModal(plugin.app, { ...(await startModalData(plugin, spec)), proposed }, async (input) => {
		const result = await decide(plugin, { id: spec.id, decision: 'approve', plan: input.plan, title: input.title, participants: input.participants });
		return result !== null;
	}).open();
}

export async function rejectPlan(plugin: SpecWorkflowPlugin, spec: Spec): Promise<void> {
	const proposed = await awaitingTasks(plugin, spec);
	if (proposed === null) return;
	new RejectPlanModal(plugin.app, `Reject the proposed plan of ${spec.id} - ${spec.title}`, proposed, async (reason) => {
		return (await decide(plugin, { id: spec.id, decision: 'reject', reason })) !== null;
	}).open();
}
