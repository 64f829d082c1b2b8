/**
 * The Spec tree Bases view on the screenshot page: the plugin's "Write specs base" run, then the
 * base opened in the Spec tree layout over every spec (the rows the base's filter gives the
 * example vault), inside a plain imitation of a base's tab and its toolbar.
 */
import { App, showBasesView } from '../__mocks__/obsidian';
import { writeSpecsBase } from '../../src/core/bases/write-specs-base';
import type SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { SPEC_TREE_VIEW_ID, SpecTreeDrawing } from '../../src/plugin/views/spec-tree-bases-view';
import { setIcon } from './obsidian-browser';

/** Reviews to show both states: 1014 changed after its review, 1011 and 1001 reviewed since their last change. */
export function withReviews(files: Record<string, string>): Record<string, string> {
	const out = { ...files };
	const review = (path: string, updated: string, reviewed: string): void => {
		if (out[path]) out[path] = out[path].replace(`updated: ${updated}\n`, `updated: ${updated}\nreviewed: ${reviewed}\n`);
	};
	review('specs/1000/1001/1014.spec.md', '2025-08-27', '2025-08-26 18:00');
	review('specs/1000/1001/1011.spec.md', '2025-08-25', '2025-08-26');
	review('specs/1000/1001/spec.md', '2025-08-27', '2025-08-27 17:00');
	return out;
}

export async function renderBasesScene(app: App, plugin: SpecWorkflowPlugin, phone: boolean): Promise<void> {
	const { path } = await writeSpecsBase(plugin.workspace(), {});
	await app.flush();
	const rows = plugin.index.all().map((s) => s.path);
	const { view, containerEl } = await showBasesView(app, SPEC_TREE_VIEW_ID, rows);
	await (view as unknown as { tree: SpecTreeDrawing }).tree.settle();

	const root = document.body.createDiv('app-container');
	if (!phone) {
		const ribbon = root.createDiv('side-ribbon');
		for (const icon of ['folder', 'search', 'list-checks']) setIcon(ribbon.createDiv('ribbon-icon'), icon);
	}
	const main = root.createDiv('main-pane');
	const tab = main.createDiv('tab-header');
	const title = tab.createDiv('tab-title');
	setIcon(title.createSpan('tab-icon'), 'table');
	title.createSpan({ text: path.slice(path.lastIndexOf('/') + 1).replace(/\.base$/, '') });
	const toolbar = main.createDiv('bases-toolbar');
	const views = toolbar.createDiv('bases-toolbar-view');
	setIcon(views.createSpan('bases-toolbar-icon'), 'list-tree');
	views.createSpan({ text: 'Spec tree' });
	setIcon(views.createSpan('bases-toolbar-icon'), 'chevron-down');
	toolbar.createDiv({ cls: 'bases-toolbar-count', text: `${rows.length} results` });
	main.createDiv('bases-pane').appendChild(containerEl);
}
