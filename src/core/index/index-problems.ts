import { basename } from '../files/paths';
import type { TakenAlias } from './index-views';
import { IndexProblem, Spec } from './spec';

/**
 * Every problem of the index, sorted by path: each file's own (malformed YAML…), then the
 * vault-wide ones: duplicate ids, aliases another spec's id takes, and context files with no spec beside them.
 */
export function indexProblems(
	fileProblems: Iterable<IndexProblem[]>,
	byId: ReadonlyMap<string, Spec[]>,
	taken: readonly TakenAlias[],
	files: Iterable<string>,
	isOrphanContext: (path: string) => boolean,
): IndexProblem[] {
	const out: IndexProblem[] = [];
	for (const list of fileProblems) out.push(...list);
	for (const [id, specs] of byId) {
		// An id shared (as an id, or one's id as the other's alias); two aliases alike (`F01` of E01-F01 and E02-F01) are not.
		if (specs.length < 2 || !specs.some((s) => s.id.toLowerCase() === id)) continue;
		out.push({
			severity: 'error',
			code: 'duplicate-id',
			path: specs[1].path,
			message: `Duplicate id ${specs[0].id}: ${specs.map((s) => s.path).join(' and ')}`,
		});
	}
	// Nothing is broken, but the short name no longer finds the spec: said once, so a user typing it knows why.
	for (const { spec, alias, takenBy } of taken) {
		out.push({
			severity: 'warning',
			code: 'alias-taken',
			path: spec.path,
			message: `${alias} is the id of ${takenBy.map((s) => s.path).join(' and ')}, so it finds that spec, not this one: call this one ${spec.id}`,
		});
	}
	for (const path of files) {
		if (!isOrphanContext(path)) continue;
		out.push({
			severity: 'warning',
			code: 'context-without-spec',
			path,
			message: `${path}: a context file with no spec beside it (expected ${expectedSpecName(path)})`,
		});
	}
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function expectedSpecName(contextPath: string): string {
	const name = basename(contextPath);
	return name.toLowerCase() === 'context.md' ? 'spec.md or epic.md' : `${name.slice(0, -'.context.md'.length)}.spec.md`;
}

/**
 * A note's YAML that keeps its properties from being trusted or edited: malformed frontmatter, but
 * not a property only left out for its type (an unrendered `created: {{date}}`), which leaves the
 * rest readable and editable.
 */
export function blockingYamlProblem(problems: readonly IndexProblem[]): IndexProblem | undefined {
	return problems.find((p) => p.code === 'malformed-frontmatter' && p.ignoredProperty === undefined);
}
