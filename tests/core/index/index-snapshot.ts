import { SpecIndex } from '../../../src/core/index/spec-index';

/**
 * Everything a user can get from an index, as plain data: each spec with its fields, type,
 * parent, children, ancestors, context and deliverables, every id's lookup, and every problem. Two indexes that answer alike
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
		registered: index.registeredDeliverables(spec),
		listedChildren: index.listedChildren(spec).map((c) => c.path),
		ancestors: index.ancestorsOf(spec).map((a) => a.path),
		duplicate: index.hasDuplicateId(spec),
	}));
	// Every id and alias, looked up: duplicates and aliases answer by the same rule.
	const ids = [...new Set(index.all().flatMap((spec) => [spec.id, ...spec.aliases]))].map((id) => [id, index.lookup(id).map((s) => s.path)]);
	const files = index.filePaths().sort();
	return {
		specs,
		ids,
		files,
		problems: index.problems(),
		fileProblems: files.map((path) => [path, index.problemsOf(path)]).filter(([, problems]) => (problems as unknown[]).length > 0),
		owners: files.map((path) => [path, index.specForPath(path)?.path ?? null]),
	};
}
