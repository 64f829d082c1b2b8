import { DECIDE } from '../core/operations/decide';
import { PROPOSAL, PROPOSE } from '../core/operations/propose';
import type { DecideResult, ProposalReport } from '../core/workflow/plan-proposal';
import { WorkflowError } from '../core/workspace/workflow-error';
import { UsageError } from './args';
import { Verb, verbInput, written } from './verb-adapter';

const ID = { field: 'id', name: '<id>' };

/** `await`'s exit codes beside 0 (approved): the agent branches on them (docs/cli.md). */
export const AWAIT_EXIT = { approved: 0, rejected: 3, timeout: 4 } as const;

/** How often `await` reads the journal: the decision arrives by whatever sync the person uses. */
const POLL_MS = 200;

function decideJson(r: DecideResult): unknown {
	const start = r.start && { ...r.start, spec: { id: r.start.spec.id, title: r.start.spec.title, path: r.start.spec.path } };
	return { ...r, start };
}

function numberedTasks(tasks: readonly string[]): string[] {
	return tasks.map((t, i) => `  ${i + 1}. ${t}`);
}

/** What `await` prints for a decided proposal, and its exit code. */
function decisionOutput(report: ProposalReport): { json: unknown; text: string; exitCode: number } | null {
	const p = report.proposal;
	if (p === null || p.state === 'awaiting') return null;
	const json = { id: report.id, decision: p.state, plan: p.tasks, reason: p.reason, proposed: p.proposed, decided: p.decided };
	if (p.state === 'approved')
		return { json, text: [`Plan approved for ${report.id}${p.decided ? ` (${p.decided})` : ''}:`, ...numberedTasks(p.tasks)].join('\n'), exitCode: AWAIT_EXIT.approved };
	return { json, text: `Plan rejected for ${report.id}${p.decided ? ` (${p.decided})` : ''}: ${p.reason ?? 'no reason given'}`, exitCode: AWAIT_EXIT.rejected };
}

function timeoutSeconds(raw: string | undefined): number | null {
	if (raw === undefined) return null;
	const s = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(s) || s < 0) throw new UsageError(`--timeout must be a number of seconds (got "${raw}")`);
	return s;
}

export const PROPOSAL_VERBS: Record<string, Verb> = {
	propose: {
		usage: 'propose <id> --plan "task text"... [--if-match REV]',
		help: "Writes the plan into the spec's journal as a proposal awaiting the person's approval (a callout under ## Plan, counted nowhere until approved) and sets the spec's approval: awaiting. A proposal still awaiting is replaced. Wait for the decision with `await`.",
		operations: [PROPOSE],
		positionals: [ID],
		async run(ws, args) {
			const r = await PROPOSE.run(ws, verbInput(this, PROPOSE, args), undefined);
			const what = r.replaced ? 'Replaced the proposal' : 'Proposed';
			const text = [
				`${what} for ${r.id} (${r.tasks.length} task${r.tasks.length === 1 ? '' : 's'}), awaiting approval; wait with: spec-work await ${r.id}`,
				written(r.written),
			].join('\n');
			return { json: r, text };
		},
	},
	decide: {
		usage: 'decide <id> <approve|reject> [--plan "task text"]... [--reason R] [--title T] [--participants P] [--if-match REV]',
		help: "Decides the proposal awaiting approval, as the plugin's Approve, Modify and Reject do: approve adds its tasks (or the --plan given instead) to ## Plan and starts the session as `start` does; reject records --reason. Sets the spec's approval: approved or rejected.",
		operations: [DECIDE],
		positionals: [ID, { field: 'decision', name: '<approve|reject>' }],
		async run(ws, args) {
			const input = verbInput<Parameters<typeof DECIDE.run>[1]>(this, DECIDE, args);
			if (input.plan !== undefined && input.decision === 'reject') throw new UsageError('--plan is for approve');
			if (input.reason !== undefined && input.decision === 'approve') throw new UsageError('--reason is for reject');
			const r = await DECIDE.run(ws, input, undefined);
			const head =
				r.state === 'approved'
					? `Approved the plan of ${r.id}; session ${r.start?.session.number} ${r.start?.continued ? 'continued' : 'started'}`
					: `Rejected the plan of ${r.id}: ${r.reason}`;
			return { json: decideJson(r), text: `${head}\n${written(r.written)}` };
		},
	},
	await: {
		usage: 'await <id> [--timeout SECONDS]',
		help: `Waits until the person approves or rejects the spec's proposed plan (the journal is read every ${POLL_MS} ms; no lock is held), then prints the decision: the plan as approved, modifications included, or the rejection's reason. Exit 0 approved, ${AWAIT_EXIT.rejected} rejected, ${AWAIT_EXIT.timeout} when --timeout passes first (nothing changes). Without --timeout it waits until decided.`,
		operations: [PROPOSAL],
		positionals: [ID],
		cli: { extra: { values: ['timeout'] } },
		async run(ws, args) {
			const input = verbInput<{ id: string }>(this, PROPOSAL, args);
			const seconds = timeoutSeconds(args.options.get('timeout'));
			const deadline = seconds === null ? null : Date.now() + seconds * 1000;
			for (;;) {
				const report = await PROPOSAL.run(ws, input, undefined);
				if (report.proposal === null)
					throw new WorkflowError('no-proposal', `Spec ${report.id} has no proposed plan`, report.contextPath, `propose one with: spec-work propose ${report.id} --plan "…"`);
				const decided = decisionOutput(report);
				if (decided) return decided;
				if (deadline !== null && Date.now() >= deadline) {
					const json = { id: report.id, decision: 'timeout', plan: report.proposal.tasks, reason: null, proposed: report.proposal.proposed, decided: null };
					return { json, text: `No decision on the plan of ${report.id} after ${seconds} s; it is still awaiting approval`, exitCode: AWAIT_EXIT.timeout };
				}
				const wait = deadline === null ? POLL_MS : Math.max(0, Math.min(POLL_MS, deadline - Date.now()));
				await new Promise((resolve) => setTimeout(resolve, wait));
			}
		},
	},
};
