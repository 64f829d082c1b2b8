import type { BaseTree, BaseTreeNode } from '../../core/bases/base-tree';
import { progressBar, progressText, statusPill, tappableRow, typeLabel } from './panel-elements';

/**
 * The Spec tree of a base's rows: epics → features → tasks, each with its status, its rolled-up
 * progress and, when it changed after its last review, a flag. The overview's classes, so it looks
 * like the status panel's tree.
 */
export function renderSpecTree(root: HTMLElement, tree: BaseTree, open: (path: string) => void): void {
	root.addClass('spec-workflow-overview', 'spec-workflow-bases-tree');
	const changed = countChanged(tree.roots);
	if (tree.roots.length === 0) {
		root.createDiv({ cls: 'spec-workflow-empty', text: 'No specs in this view.' });
	} else {
		const summary = changed === 0 ? 'Nothing changed since its last review.' : `${changed} changed since ${changed === 1 ? 'its' : 'their'} last review.`;
		root.createDiv({ cls: 'spec-workflow-muted', text: summary });
		const list = root.createDiv({ cls: 'spec-workflow-tree', attr: { role: 'tree' } });
		for (const node of tree.roots) renderNode(list, node, open);
	}
	if (tree.notSpecs > 0) {
		root.createDiv({
			cls: 'spec-workflow-muted',
			text: `${tree.notSpecs} ${tree.notSpecs === 1 ? 'row is not a spec' : 'rows are not specs'} and ${tree.notSpecs === 1 ? 'is' : 'are'} not shown.`,
		});
	}
}

function renderNode(parent: HTMLElement, node: BaseTreeNode, open: (path: string) => void): void {
	const item = parent.createDiv({ cls: 'spec-workflow-tree-item', attr: { role: 'treeitem', 'data-id': node.id } });
	const row = item.createDiv('spec-workflow-tree-row');
	const main = tappableRow(row, 'spec-workflow-tree-main', () => open(node.path), `Open spec ${node.id}`);
	const top = main.createDiv('spec-workflow-tree-top');
	top.createSpan({ cls: 'spec-workflow-id', text: node.id });
	top.createSpan({ cls: 'spec-workflow-tree-title', text: node.title });
	if (node.changedSinceReview) top.createSpan({ cls: ['spec-workflow-flag', 'is-changed'], text: 'Changed since review' });
	const bottom = main.createDiv('spec-workflow-tree-bottom');
	bottom.createSpan({ cls: 'spec-workflow-tree-type', text: typeLabel(node.type) });
	statusPill(bottom, node.status);
	progressBar(bottom, node.progress, 'spec-workflow-bar is-small');
	bottom.createSpan({ cls: 'spec-workflow-progress-text', text: progressText(node.progress, true), attr: { 'aria-label': progressText(node.progress) } });
	if (node.children.length === 0) return;
	const children = item.createDiv({ cls: 'spec-workflow-tree-children', attr: { role: 'group' } });
	for (const child of node.children) renderNode(children, child, open);
}

function countChanged(nodes: readonly BaseTreeNode[]): number {
	return nodes.reduce((n, node) => n + (node.changedSinceReview ? 1 : 0) + countChanged(node.children), 0);
}
