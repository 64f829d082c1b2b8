import type { PlanTask } from '../../core/context/plan-task';
import { activeSession } from '../../core/context/session';
import { Spec } from '../../core/index/spec';
import { deliverablesReport, ReportDeliverable, SpecUsage } from '../../core/reports/deliverables-report';
import { ContextCache, OwnTask, readSpecContext, specTasks } from '../../core/reports/progress-rollup';
import { specStatus, SpecStatusReport } from '../../core/reports/spec-status';
import { specTree, TreeNode } from '../../core/reports/spec-tree';
import { requireSpec } from '../../core/workspace/workspace';
import { readProposal, type ProposalReport } from '../../core/workflow/plan-proposal';
import { reviewInbox } from '../../core/review/review-inbox';
import { sinceReviewOf, type SinceReview } from '../../core/review/since-review';
import { metadataBacklinks } from '../shared/metadata-backlinks';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';

/** A spec shown as a link in the panel: enough to label it and open it. */
export interface SpecLink {
	id: string;
	title: string;
	path: string;
}

/** Everything the panel shows for one spec, read from the core in one go. */
export interface SpecPanelData {
	status: SpecStatusReport;
	/** The plan's tasks with their numbers (what setTaskState takes), in plan order. */
	tasks: PlanTask[];
	/** Without a plan: the items of the spec's own checklists (and its context's), each with the note it is in. */
	checklist: OwnTask[];
	deliverables: ReportDeliverable[];
	usedBy: SpecUsage[];
	/** Epic first, the direct parent last. */
	ancestors: SpecLink[];
	/** Children's paths by id, to open them. */
	childPaths: Record<string, string>;
	/** The open session: its `**Started**:` value, to keep the elapsed time current. */
	activeStarted: string | null;
	/**
	 * The specs whose files can change what is shown: this one, its ancestors (the breadcrumb),
	 * every descendant (the children's rolled-up progress) and the specs that use it.
	 */
	specIds: Set<string>;
	/** A plan the agent proposed, while it awaits the person's decision; null otherwise. */
	proposal: ProposalReport['proposal'];
	/** What is new since the spec was last reviewed (the "Since last review" block). */
	review: SinceReview;
	/** Files shown or counted (spec, context, deliverables, users): a change to one refreshes the panel. */
	paths: Set<string>;
	/** The spec and its deliverables: a note that starts linking to one of them joins "Used by". */
	linkTargets: Set<string>;
}

/** The status, plan, deliverables and users of one spec, as the core reports them. */
export async function loadSpecPanel(plugin: SpecWorkflowPlugin, id: string): Promise<SpecPanelData> {
	const ws = plugin.workspace();
	const spec = requireSpec(ws, id);
	const cache: ContextCache = new Map();
	const status = await specStatus(ws, spec.id, cache);
	const { context } = await readSpecContext(ws, spec, cache);
	const own = await specTasks(ws, spec, cache);
	// Obsidian's own link index answers "who links here": no vault scan.
	const report = await deliverablesReport(ws, spec.id, metadataBacklinks(plugin.app.metadataCache));
	const ancestors = ws.index.ancestorsOf(spec).map(linkOf);
	const childPaths: Record<string, string> = {};
	for (const child of ws.index.childrenOf(spec)) childPaths[child.id] = child.path;
	const specIds = new Set([spec.id, ...ancestors.map((a) => a.id), ...descendants(plugin, spec).map((s) => s.id)]);
	const paths = new Set<string>([spec.path, ws.index.contextPathOf(spec)]);
	for (const d of report.deliverables) paths.add(d.path);
	for (const u of report.usedBy) {
		paths.add(u.path);
		if (u.id !== null) specIds.add(u.id);
	}
	const linkTargets = new Set([spec.path, ...report.deliverables.filter((d) => d.exists).map((d) => d.path)]);
	const open = context ? activeSession(context.sessions) : null;
	const proposed = (await readProposal(ws, spec.id)).proposal;
	const review = await sinceReviewOf(ws, spec, cache);
	return {
		status,
		tasks: context?.tasks ?? [],
		checklist: own.from === 'checklist' ? own.tasks : [],
		deliverables: report.deliverables,
		usedBy: report.usedBy,
		ancestors,
		childPaths,
		activeStarted: open?.fields.started?.value ?? null,
		proposal: proposed?.state === 'awaiting' ? proposed : null,
		review,
		specIds,
		paths,
		linkTargets,
	};
}

/** The overview's tree of every spec. */
/** The overview: the spec tree and its Review section, each spec's context read once for both. */
export async function loadOverview(plugin: SpecWorkflowPlugin): Promise<{ tree: TreeNode[]; inbox: SinceReview[] }> {
	const ws = plugin.workspace();
	const cache: ContextCache = new Map();
	return { tree: await specTree(ws, cache), inbox: await reviewInbox(ws, cache) };
}

function linkOf(spec: Spec): SpecLink {
	return { id: spec.id, title: spec.title, path: spec.path };
}

function descendants(plugin: SpecWorkflowPlugin, spec: Spec): Spec[] {
	const out: Spec[] = [];
	const seen = new Set<string>([spec.path]);
	const walk = (s: Spec): void => {
		for (const child of plugin.index.childrenOf(s)) {
			if (seen.has(child.path)) continue;
			seen.add(child.path);
			out.push(child);
			walk(child);
		}
	};
	walk(spec);
	return out;
}
