import { SpecIndex } from '../../../src/core/index/spec-index';

/**
 * Everything a user can get from an index, as plain data: each spec with its fields, type,
 * parent, children, context and deliverables, and every problem. Two indexes that answer alike
 * have equal snapshots.
 */
export function indexSnapshot(index: SpecIndex): unknown {
	const specs = index.all().map((spec) => ({
		...spec,
		type: index.typeOf(spec),
		parent: index.parentOf(spec)?.path ?? null,
		children: index.childrenOf(spec).map((c) => c.path),
		context: index.contextPathOf(spec),
		hasContext: index.hasContext(spec),
		deliverables: index.deliverablesOf(spec),
		listedChildren: index.listedChildren(spec).map((c) => c.path),
		duplicate: index.hasDuplicateId(spec),
	}));
	const files = index.filePaths().sort();
	return {
		specs,
		files,
		problems: index.problems(),
		fileProblems: files.map((path) => [path, index.problemsOf(path)]).filter(([, problems]) => (problems as unknown[]).length > 0),
		owners: files.map((path) => [path, index.specForPath(path)?.path ?? null]),
	};
}
