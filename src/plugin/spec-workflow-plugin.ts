import { Plugin } from 'obsidian';

export default class SpecWorkflowPlugin extends Plugin {
	onload(): void {
		this.app.workspace.onLayoutReady(() => {
			// Index built in a later step.
		});
	}
}
