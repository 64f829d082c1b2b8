import { progressFigures } from '../reports/progress-rollup';
import type { TreeNode } from '../reports/spec-tree';

/** The tree for `spec-work list`: `1000  Foundation Infrastructure  [implementing]  71% (5/7)`, two spaces per level. */
export function formatTree(nodes: readonly TreeNode[]): string {
	const out: string[] = [];
	const walk = (node: TreeNode, depth: number): void => {
		const figures = progressFigures(node.progress);
		out.push(`${'  '.repeat(depth)}${node.id}  ${node.title}  [${node.status || 'no status'}]  ${figures}`);
		for (const child of node.children) walk(child, depth + 1);
	};
	for (const node of nodes) walk(node, 0);
	return out.length === 0 ? 'No specs found.\n' : out.join('\n') + '\n';
}
