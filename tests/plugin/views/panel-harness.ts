import { App, createFakeApp, fileAt, loadPlugin } from '../../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { revealStatusPanel } from '../../../src/plugin/views/register-status-view';
import { SpecStatusView } from '../../../src/plugin/views/status-view';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

/** The clock the panel tests fix (elapsed times, `updated` stamps). */
export const NOW = '2025-08-28T10:00';

export interface Panel {
	app: App;
	plugin: SpecWorkflowPlugin;
	view: SpecStatusView;
	/** The panel's content element. */
	el: HTMLElement;
}

/** The plugin over a copy of the example vault (or `files`) with the status panel open in the right sidebar. */
export async function openPanel(files: Record<string, string> = readVaultFiles(EXAMPLE_VAULT), active?: string): Promise<Panel> {
	const app = createFakeApp(files);
	const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
	plugin.now = () => new Date(NOW);
	app.layoutReady();
	await plugin.indexReady;
	await app.flush();
	if (active) await app.workspace.setActiveFile(fileAt(app, active));
	const view = await revealStatusPanel(plugin);
	if (!view) throw new Error('no status view');
	// In Obsidian the sidebar is in the document (a checkbox only fires "change" there).
	document.body.appendChild(view.containerEl);
	await settled({ app, view });
	return { app, plugin, view, el: view.contentEl };
}

/** Lets vault and metadata events arrive, then runs the panel's pending refresh, if any. */
export async function settled(p: { app: App; view: SpecStatusView }): Promise<void> {
	await p.app.flush();
	await p.view.settle();
	await p.app.flush();
}

/** Makes `path` the active note and waits for the panel to follow. */
export async function activate(p: Panel, path: string): Promise<void> {
	await p.app.workspace.setActiveFile(fileAt(p.app, path));
	await settled(p);
}

/** Trimmed text of every element matching `selector` inside `root`. */
export function texts(root: ParentNode, selector: string): string[] {
	return Array.from(root.querySelectorAll(selector)).map((e) => (e.textContent ?? '').trim());
}

export function one<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
	const found = root.querySelectorAll<T>(selector);
	if (found.length !== 1) throw new Error(`${found.length} elements match ${selector}`);
	return found[0];
}
