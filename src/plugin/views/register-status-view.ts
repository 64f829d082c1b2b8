import { addVaultCommand } from '../commands/command-flow';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { SpecStatusView, STATUS_VIEW_TYPE } from './status-view';

/** The status panel: its view type, a ribbon icon and the "Open spec status panel" command. */
export function registerStatusView(plugin: SpecWorkflowPlugin): void {
	plugin.registerView(STATUS_VIEW_TYPE, (leaf) => new SpecStatusView(leaf, plugin));
	plugin.addRibbonIcon('list-checks', 'Open spec status panel', () => revealStatusPanel(plugin));
	addVaultCommand(plugin, {
		id: 'open-status-panel',
		name: 'Open spec status panel',
		run: async (p) => {
			await revealStatusPanel(p);
		},
	});
}

/** Shows the panel in the right sidebar (the right drawer on a phone), creating it the first time. */
export async function revealStatusPanel(plugin: SpecWorkflowPlugin): Promise<SpecStatusView | null> {
	const leaf = await plugin.app.workspace.ensureSideLeaf(STATUS_VIEW_TYPE, 'right', { active: false, reveal: true });
	return leaf.view instanceof SpecStatusView ? leaf.view : null;
}
