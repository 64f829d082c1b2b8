import { readContextFile } from '../context/context-file';
import type { Spec } from '../index/spec';
import { ensureContextFile } from '../edits/context-creation';
import { ChangeSet } from '../workspace/file-changes';
import { WorkflowError } from '../workspace/workflow-error';
import { commitChanges, type Workspace } from '../workspace/workspace';
import { contextRefProblem } from './context-ref';
import { journalsNaming } from './journal-history';
import { blockingYamlProblem } from '../index/index-problems';

/*
 * Migration phase 2 ("Context Creation"): a context file for every spec that has none,
 * from the reference layout's template — header lines, the spec's status, Summary from its overview,
 * Deliverables from its own list — with the spec ↔ context links both ways. Existing contexts
 * are not read for writing, let alone changed.
 */

/** A context file the plan creates. */
export interface PlannedContext {
	id: string;
	title: string;
	specPath: string;
	contextPath: string;
	/** The status it starts with: the spec's own (completed specs get `completed`). */
	status: string;
	/** Entries pre-filled in its `## Deliverables` from the spec's list. */
	deliverables: number;
	/** Whether the spec gets a `context` link (false when it already names this path). */
	linksSpec: boolean;
}

/** A spec left without a context, and why (nothing is guessed for it). */
export interface ContextProblem {
	path: string;
	message: string;
}

export interface ContextPlan {
	contexts: PlannedContext[];
	problems: ContextProblem[];
	/** Specs that already have a context file (left untouched). */
	existing: number;
	/** Every planned write, applied together by applyContextPlan. */
	changes: ChangeSet;
}

/** What `spec-work contexts` reports (and `--json` prints): the plan, and what was written. */
export interface ContextReport {
	contexts: PlannedContext[];
	problems: ContextProblem[];
	existing: number;
	applied: boolean;
	written: string[];
}

/**
 * Plans a context file for every spec without one. Specs it cannot safely give one (broken
 * YAML, a `context` link to somewhere else that does not exist, two specs claiming one context
 * path) are listed as problems and left alone; the others are planned in one ChangeSet.
 */
export async function planContextFiles(ws: Workspace): Promise<ContextPlan> {
	const changes = new ChangeSet(ws.store);
	const contexts: PlannedContext[] = [];
	const problems: ContextProblem[] = [];
	let existing = 0;

	const missing: Spec[] = [];
	for (const spec of ws.index.all()) {
		if (ws.index.hasContext(spec)) existing++;
		else missing.push(spec);
	}
	const claimants = new Map<string, Spec[]>();
	for (const spec of missing) {
		const path = ws.index.contextPathOf(spec);
		claimants.set(path, [...(claimants.get(path) ?? []), spec]);
	}

	// A spec whose history sits in a journal kept apart gets that journal (by migrating), not an empty context.
	const histories = await journalsNaming(ws, missing);
	for (const spec of missing) {
		const path = ws.index.contextPathOf(spec);
		const others = (claimants.get(path) ?? []).filter((s) => s !== spec);
		const journal = histories.get(spec);
		const problem =
			journal !== undefined
				? `${spec.path}: its history is in ${journal}, a journal that names it; no empty context made. Migrate to make that journal its context (spec-work migrate)`
				: others.length > 0
					? `${spec.path}: its context file ${path} would also be the context of ${others.map((s) => s.path).join(', ')}; give one of them a context link of its own, then run again`
					: blocked(ws, spec, path);
		if (problem !== null) {
			problems.push({ path: spec.path, message: problem });
			continue;
		}
		if (await changes.exists(path)) {
			// A file the index does not count as this spec's context (another spec's, say): not ours to write.
			problems.push({ path: spec.path, message: `${spec.path}: ${path} already exists but is not read as its context file; link it with a "context" property` });
			continue;
		}
		const linksSpec = spec.contextRef === null;
		await ensureContextFile(ws, changes, spec);
		const created = readContextFile(await changes.read(path));
		contexts.push({
			id: spec.id,
			title: spec.title,
			specPath: spec.path,
			contextPath: path,
			status: created.header.get('status')?.value ?? '',
			deliverables: created.deliverables.entries.length,
			linksSpec,
		});
	}
	return { contexts, problems, existing, changes };
}

/** Why a spec cannot be given its context at `path`, or null when it can. */
function blocked(ws: Workspace, spec: Spec, path: string): string | null {
	const broken = blockingYamlProblem(ws.index.problemsOf(spec.path));
	if (broken) return `${broken.message}; mend its YAML, then run again`;
	return contextRefProblem(spec, path);
}

/**
 * Writes the plan: all of it or nothing. Every file it edits is checked first to be as it was
 * when planned, and every file it creates to be still absent, so a vault changed in between is
 * refused before anything is written. Returns the paths written.
 */
export async function applyContextPlan(ws: Workspace, plan: ContextPlan): Promise<string[]> {
	for (const change of plan.changes.list()) {
		if (change.kind === 'create') {
			if (await ws.store.exists(change.path))
				throw new WorkflowError('changed', `${change.path} was created since the plan was made; nothing was written (run it again)`, change.path);
		} else if (change.before !== change.after && (await ws.store.read(change.path)) !== change.before) {
			throw new WorkflowError('changed', `${change.path} changed since the plan was made; nothing was written (run it again)`, change.path);
		}
	}
	return commitChanges(ws, plan.changes);
}

/** Plans, and with `apply` writes, every missing context file: what `spec-work contexts` runs. */
export async function generateContextFiles(ws: Workspace, options: { apply?: boolean } = {}): Promise<ContextReport> {
	const plan = await planContextFiles(ws);
	const apply = options.apply === true && plan.contexts.length > 0;
	const written = apply ? await applyContextPlan(ws, plan) : [];
	return { contexts: plan.contexts, problems: plan.problems, existing: plan.existing, applied: apply, written };
}
