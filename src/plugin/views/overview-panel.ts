import { setIcon } from 'obsidian';
import type { SpecStatus } from '../../core/metadata/status';
import type { TreeNode } from '../../core/reports/spec-tree';
import { panelButton, progressBar, progressText, statusPill, tappableRow } from './panel-elements';

/** What the overview remembers between refreshes: the filter and the folded branches. */
export interface OverviewState {
	filter: SpecStatus | 'all';
	/** Paths of specs whose children are hidden. */
	collapsed: Set<string>;
}

export interface OverviewActions {
	open(path: string): void;
	newSpec(): void;
}

/** The filters in the order work moves through them, blocked (work stopped) before completed. */
const FILTERS: (SpecStatus | 'all')[] = ['all', 'planning', 'implementing', 'blocked', 'completed'];

const FILTER_LABEL: Record<SpecStatus | 'all', string> = {
	all: 'All',
	planning: 'Planning',
	implementing: 'Implementing',
	blocked: 'Blocked',
	completed: 'Completed',
};

/** The tree of epics → features → tasks with their rolled-up progress, filterable and foldable. */
export function renderOverview(root: HTMLElement, nodes: readonly TreeNode[], state: OverviewState, actions: OverviewActions): void {
	root.addClass('spec-workflow-overview');
	const header = root.createDiv('spec-workflow-overview-header');
	header.createDiv({ cls: 'spec-workflow-overview-title', text: 'Specs' });
	panelButton(header, 'New spec', () => actions.newSpec());
	header.createDiv({ cls: 'spec-workflow-muted', text: 'Open a spec, its context or a deliverable to see its status here.' });

	const counts = countByStatus(nodes);
	const filters = root.createDiv({ cls: 'spec-workflow-filters', attr: { role: 'group', 'aria-label': 'Filter by status' } });
	const tree = root.createDiv({ cls: 'spec-workflow-tree', attr: { role: 'tree' } });
	const buttons = new Map<string, HTMLElement>();
	const show = (): void => {
		for (const [key, b] of buttons) {
			b.toggleClass('is-active', key === state.filter);
			b.setAttr('aria-pressed', key === state.filter ? 'true' : 'false');
		}
		tree.empty();
		renderTree(tree, nodes, state, actions);
	};
	for (const key of FILTERS) {
		const button = filters.createEl('button', { cls: 'spec-workflow-filter', attr: { 'data-filter': key } });
		button.createSpan({ text: FILTER_LABEL[key] });
		button.createSpan({ cls: 'spec-workflow-count', text: String(key === 'all' ? counts.total : (counts.by[key] ?? 0)) });
		button.addEventListener('click', () => {
			state.filter = key;
			show();
		});
		buttons.set(key, button);
	}
	show();
}

function renderTree(tree: HTMLElement, nodes: readonly TreeNode[], state: OverviewState, actions: OverviewActions): void {
	const visible = nodes.filter((n) => matches(n, state.filter));
	if (visible.length === 0) {
		tree.createDiv({ cls: 'spec-workflow-empty', text: `No ${FILTER_LABEL[state.filter].toLowerCase()} specs.` });
		return;
	}
	for (const node of visible) renderNode(tree, node, state, actions);
}

function renderNode(parent: HTMLElement, node: TreeNode, state: OverviewState, actions: OverviewActions): void {
	const item = parent.createDiv({ cls: 'spec-workflow-tree-item', attr: { role: 'treeitem', 'data-id': node.id } });
	// Under a filter, a parent that does not match is shown faintly, to place its matching children.
	if (state.filter !== 'all' && node.status !== state.filter) item.addClass('is-context');
	const kids = node.children.filter((c) => matches(c, state.filter));
	const row = item.createDiv('spec-workflow-tree-row');
	const toggle = row.createDiv({ cls: 'spec-workflow-tree-toggle' });
	if (kids.length > 0) {
		toggle.addClass('spec-workflow-tappable');
		toggle.setAttrs({ role: 'button', tabindex: 0, 'aria-label': `Fold or unfold ${node.id}` });
		const fold = (): void => {
			const folded = !state.collapsed.has(node.path);
			if (folded) state.collapsed.add(node.path);
			else state.collapsed.delete(node.path);
			showFold(item, toggle, folded);
		};
		toggle.addEventListener('click', fold);
		toggle.addEventListener('keydown', (evt) => {
			if (evt.key === 'Enter' || evt.key === ' ') {
				evt.preventDefault();
				fold();
			}
		});
	}
	const main = tappableRow(row, 'spec-workflow-tree-main', () => actions.open(node.path));
	const top = main.createDiv('spec-workflow-tree-top');
	top.createSpan({ cls: 'spec-workflow-id', text: node.id });
	top.createSpan({ cls: 'spec-workflow-tree-title', text: node.title });
	const bottom = main.createDiv('spec-workflow-tree-bottom');
	statusPill(bottom, node.status);
	progressBar(bottom, node.progress, 'spec-workflow-bar is-small');
	bottom.createSpan({ cls: 'spec-workflow-progress-text', text: progressText(node.progress, true) });
	if (kids.length > 0) {
		const children = item.createDiv({ cls: 'spec-workflow-tree-children', attr: { role: 'group' } });
		for (const child of kids) renderNode(children, child, state, actions);
		showFold(item, toggle, state.collapsed.has(node.path));
	}
}

function showFold(item: HTMLElement, toggle: HTMLElement, folded: boolean): void {
	item.toggleClass('is-collapsed', folded);
	toggle.setAttr('aria-expanded', folded ? 'false' : 'true');
	setIcon(toggle, folded ? 'chevron-right' : 'chevron-down');
}

/** The node or one of its descendants has the status. */
function matches(node: TreeNode, filter: SpecStatus | 'all'): boolean {
	if (filter === 'all' || node.status === filter) return true;
	return node.children.some((c) => matches(c, filter));
}

function countByStatus(nodes: readonly TreeNode[]): { total: number; by: Record<string, number> } {
	const by: Record<string, number> = {};
	let total = 0;
	const walk = (n: TreeNode): void => {
		total++;
		by[n.status] = (by[n.status] ?? 0) + 1;
		n.children.forEach(walk);
	};
	nodes.forEach(walk);
	return { total, by };
}

/** No specs folder yet, or nothing in it: what to do next. */
export function renderNoSpecs(root: HTMLElement, specsRoot: string, actions: OverviewActions): void {
	root.addClass('spec-workflow-overview');
	const card = root.createDiv('spec-workflow-empty-state');
	card.createDiv({ cls: 'spec-workflow-session-title', text: 'No specs yet' });
	card.createDiv({ cls: 'spec-workflow-muted', text: `Specs live under ${specsRoot}/. Create the first epic to start planning.` });
	panelButton(card.createDiv('spec-workflow-buttons'), 'Create the first epic', () => actions.newSpec(), true);
}
