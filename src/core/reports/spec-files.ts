import { reportPath } from '../index/discovery';
import { readSpecContext } from './progress-rollup';
import { collectDeliverables } from '../deliverables/spec-deliverables';
import { requireSpec, Workspace } from '../workspace/workspace';

/** The vault files that make up a spec's own work: what "commit progress" stages and nothing else. */
export interface SpecFiles {
	id: string;
	spec: string;
	/** Where the context file is (or would be): a new context is committed with its spec. */
	context: string;
	/** Registered deliverables and the unregistered files of the spec's deliverables folder. */
	deliverables: string[];
	/** The saved deliverables report note beside the spec (`<id>.deliverables.md`). */
	report: string;
	/**
	 * Every path above once, in that order. Some may not exist (a context not created yet, a
	 * deleted deliverable): the caller keeps those git tracks (a deletion) and drops the rest.
	 */
	paths: string[];
}

/**
 * Plans which files belong to a spec: the spec, its context, its deliverables (the context's and the
 * spec's registries plus the index's deliverables folder) and its report note. Files of other
 * specs, even in the same folder, are never included.
 */
export async function specFiles(ws: Workspace, id: string): Promise<SpecFiles> {
	const spec = requireSpec(ws, id);
	const { path: context, context: file } = await readSpecContext(ws, spec);
	const { deliverables } = await collectDeliverables(ws, spec, { path: context, file });
	const deliverablePaths = [...new Set(deliverables.map((d) => d.path))];
	const report = reportPath(spec.path, spec.id);
	const paths = [...new Set([spec.path, context, ...deliverablePaths, report])];
	return { id: spec.id, spec: spec.path, context, deliverables: deliverablePaths, report, paths };
}
