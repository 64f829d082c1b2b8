import { readContextFile } from '../context/context-file';
import { formatLocalDateTime } from '../context/duration';
import { formatProposal, latestProposal, readProposals, replaceProposal, separateAfter, type Proposal, type ProposalState } from '../context/proposal';
import { ensureContextFile } from '../edits/context-creation';
import { ensureContextSection, oneLine } from '../edits/session-edits';
import { touchUpdated } from '../edits/spec-fields';
import { findFrontmatter } from '../markdown/frontmatter-bounds';
import { appendToSection } from '../markdown/section-edits';
import { applyEdits } from '../markdown/text-edit';
import { readFrontmatter, setProperty } from '../metadata/frontmatter';
import { readHeaderFields, setHeaderField } from '../metadata/header-lines';
import { ChangeSet } from '../workspace/file-changes';
import { WorkflowError } from '../workspace/workflow-error';
import { commitChanges, requireSpec, Workspace } from '../workspace/workspace';
import { planItems, planStart, type StartResult } from './start-session';

export interface ProposeOptions {
	id: string;
	/** The tasks proposed, in order. */
	plan: string[];
}

export interface ProposeResult {
	id: string;
	contextPath: string;
	contextCreated: boolean;
	proposed: string;
	tasks: string[];
	/** True when an earlier proposal still awaiting was replaced by this one. */
	replaced: boolean;
	written: string[];
}

/**
 * Writes the tasks into the spec's journal as a proposal awaiting the person's approval (a callout
 * at the end of `## Plan`, created when missing; the journal too) and sets the spec's
 * `approval: awaiting`. A proposal still awaiting is replaced: the agent has changed its mind
 * before anyone decided. Decided proposals stay as the record of what was approved or rejected.
 */
export async function proposePlan(ws: Workspace, options: ProposeOptions): Promise<ProposeResult> {
	const spec = requireSpec(ws, options.id);
	const tasks = planItems(options.plan);
	if (tasks.length === 0) throw new WorkflowError('empty-proposal', `No tasks to propose for spec ${spec.id}: give at least one --plan`, spec.path);
	const changes = new ChangeSet(ws.store);
	const stamp = formatLocalDateTime(ws.now());
	const context = await ensureContextFile(ws, changes, spec);
	const block = formatProposal({ state: 'awaiting', proposed: stamp, decided: null, tasks, reason: null });
	let replaced = false;
	await changes.modify(context.path, (text) => {
		const waiting = awaitingIn(text);
		if (waiting) {
			replaced = true;
			return touchUpdated(replaceProposal(text, waiting, block), context.path, stamp);
		}
		const plan = ensureContextSection(text, context.path, 'Plan', block);
		if (plan.created) return touchUpdated(plan.text, context.path, stamp);
		// A blank line above the callout: right under a list it would read as part of the last item.
		const hasContent = plan.text.slice(plan.section.headingEnd, plan.section.end).trim() !== '';
		const out = applyEdits(plan.text, [appendToSection(plan.text, plan.section, (hasContent ? '\n' : '') + block)]);
		return touchUpdated(out, context.path, stamp);
	});
	await changes.modify(spec.path, (text) => touchUpdated(setApproval(text, spec.path, 'awaiting'), spec.path, stamp));
	const written = await commitChanges(ws, changes);
	return { id: spec.id, contextPath: context.path, contextCreated: context.created, proposed: stamp, tasks, replaced, written };
}

export type Decision = 'approve' | 'reject';
export const DECISIONS: readonly Decision[] = ['approve', 'reject'];

export interface DecideOptions {
	id: string;
	decision: Decision;
	/** The plan as approved when the person modified it; default the proposal's tasks. */
	plan?: string[];
	/** Why it was rejected. */
	reason?: string;
	/** The session started on approval, as `start` takes them. */
	title?: string;
	participants?: string;
}

export interface DecideResult {
	id: string;
	contextPath: string;
	state: Exclude<ProposalState, 'awaiting'>;
	decided: string;
	/** The tasks approved (the proposal's, or as modified), or those rejected. */
	tasks: string[];
	reason: string | null;
	/** The session started on approval, as `start` reports it; null on rejection. */
	start: Omit<StartResult, 'written'> | null;
	written: string[];
}

/**
 * The person's decision on the proposal awaiting approval. Approving turns the block into its
 * record (`Plan approved`, the tasks as approved), adds those tasks to the plan and starts the
 * session as `start` does, in one write; rejecting records the reason in the block. The spec's
 * `approval` becomes `approved` or `rejected`.
 */
export async function decidePlan(ws: Workspace, options: DecideOptions): Promise<DecideResult> {
	const spec = requireSpec(ws, options.id);
	const changes = new ChangeSet(ws.store);
	const stamp = formatLocalDateTime(ws.now());
	const path = ws.index.contextPathOf(spec);
	const text = (await changes.exists(path)) ? await changes.read(path) : '';
	const waiting = awaitingIn(text);
	if (!waiting) throw new WorkflowError('no-proposal', `Spec ${spec.id} has no plan awaiting approval`, path, `propose one with: spec-work propose ${spec.id} --plan "…"`);
	await ensureContextFile(ws, changes, spec);
	const approve = options.decision === 'approve';
	const tasks = approve && options.plan !== undefined ? planItems(options.plan) : waiting.tasks;
	if (approve && tasks.length === 0) throw new WorkflowError('empty-proposal', `No tasks to approve for spec ${spec.id}: reject the proposal instead`, path);
	const reason = approve ? null : oneLine(options.reason) || 'No reason given';
	const state = approve ? 'approved' : 'rejected';
	const record = formatProposal({ state, proposed: waiting.proposed, decided: stamp, tasks, reason });
	await changes.modify(path, (current) => touchUpdated(replaceProposal(current, awaitingIn(current) ?? waiting, record), path, stamp));
	await changes.modify(spec.path, (current) => touchUpdated(setApproval(current, spec.path, state), spec.path, stamp));
	const start = approve ? await planStart(ws, { id: spec.id, plan: tasks, title: options.title, participants: options.participants }, changes) : null;
	// Tasks added to a plan that had none follow the record: keep a blank line between them.
	if (start) await changes.modify(path, (current) => keepRecordApart(current));
	const written = await commitChanges(ws, changes);
	return { id: spec.id, contextPath: path, state, decided: stamp, tasks, reason, start, written };
}

export interface ProposalReport {
	id: string;
	contextPath: string;
	/** The latest proposal in the journal's plan; null when there is none. */
	proposal: Omit<Proposal, 'start' | 'end'> | null;
}

/** The spec's latest proposal as the journal now holds it (what `await` polls). Reads only. */
export async function readProposal(ws: Workspace, id: string): Promise<ProposalReport> {
	const spec = requireSpec(ws, id);
	const contextPath = ws.index.contextPathOf(spec);
	const text = (await ws.store.exists(contextPath)) ? await ws.store.read(contextPath) : '';
	const latest = latestProposal(proposalsIn(text));
	if (latest === null) return { id: spec.id, contextPath, proposal: null };
	const { start: _start, end: _end, ...proposal } = latest;
	return { id: spec.id, contextPath, proposal };
}

function proposalsIn(text: string): Proposal[] {
	const plan = readContextFile(text).plan;
	return plan ? readProposals(text, plan.headingEnd, plan.end) : [];
}

/** The proposal awaiting approval in the journal's plan, or null. */
export function awaitingIn(text: string): Proposal | null {
	return proposalsIn(text).find((p) => p.state === 'awaiting') ?? null;
}

function keepRecordApart(text: string): string {
	const records = proposalsIn(text);
	const last = records[records.length - 1];
	return last ? separateAfter(text, last) : text;
}

/**
 * `approval` as the note keeps its fields: a property when it has frontmatter, else an
 * `**Approval**:` header line when it shows header lines, else a property in new frontmatter.
 */
function setApproval(text: string, path: string, value: ProposalState): string {
	const bounds = findFrontmatter(text);
	if (bounds) {
		const fm = readFrontmatter(text, path);
		if (fm.error) throw new WorkflowError('malformed-yaml', fm.error.message, path);
		return setProperty(text, 'approval', value);
	}
	if (readHeaderFields(text).size > 0) return setHeaderField(text, 'Approval', value);
	return setProperty(text, 'approval', value);
}
