import { BasesView, debounce, QueryController, requireApiVersion } from 'obsidian';
import { baseTree } from '../../core/bases/base-tree';
import { failureMessage, openFile } from '../commands/command-context';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { renderSpecTree } from './spec-tree-render';

export const SPEC_TREE_VIEW_ID = 'spec-workflow-spec-tree';

/** How long the tree waits after the last change to a spec or its journal before it is drawn again. */
export const SPEC_TREE_DELAY_MS = 400;

/**
 * The "Spec tree" layout for any base (Obsidian 1.10's Bases views). On an older app nothing is
 * registered; the class is declared only behind the version check, since extending the missing
 * BasesView would throw as main.js loads.
 */
export function registerSpecTreeBasesView(plugin: SpecWorkflowPlugin): void {
	if (requireApiVersion('1.10.0')) {
		class SpecTreeBasesView extends BasesView {
			type = SPEC_TREE_VIEW_ID;
			/** What it draws (tests wait on its drawing). */
			readonly tree: SpecTreeDrawing;

			constructor(controller: QueryController, containerEl: HTMLElement) {
				super(controller);
				this.tree = new SpecTreeDrawing(plugin, containerEl);
			}

			onload(): void {
				// Progress lives in journals the base may not show: redraw when any spec or journal changes.
				this.registerEvent(plugin.app.metadataCache.on('changed', (file) => this.tree.changed(file.path)));
				this.register(() => this.tree.stop());
			}

			onDataUpdated(): void {
				this.tree.show(this.data.data.map((entry) => entry.file.path));
			}
		}
		// False when the Bases core plugin is off in this vault: there is then nowhere to show it.
		plugin.registerBasesView(SPEC_TREE_VIEW_ID, { name: 'Spec tree', icon: 'list-tree', factory: (controller, el) => new SpecTreeBasesView(controller, el) });
	}
}

/** What a Spec tree view draws, and when: the base's rows, redrawn on new rows or a change to a spec. */
export class SpecTreeDrawing {
	private paths: readonly string[] = [];
	/** Each draw's number: a slower earlier draw never replaces a later one. */
	private drawn = 0;
	/** The draw in progress (tests wait for it). */
	drawing: Promise<void> = Promise.resolve();
	private readonly redrawSoon = debounce(() => this.draw(), SPEC_TREE_DELAY_MS, true);

	constructor(
		private readonly plugin: SpecWorkflowPlugin,
		private readonly containerEl: HTMLElement,
	) {}

	show(paths: readonly string[]): void {
		this.paths = paths;
		this.draw();
	}

	changed(path: string): void {
		if (this.plugin.index.concerns(path)) this.redrawSoon();
	}

	stop(): void {
		this.redrawSoon.cancel();
	}

	/** Runs a pending redraw now and waits until it is on screen. */
	async settle(): Promise<void> {
		this.redrawSoon.run();
		await this.drawing;
	}

	private draw(): void {
		const n = ++this.drawn;
		const previous = this.drawing;
		this.drawing = (async () => {
			await previous;
			await this.plugin.indexReady;
			// Built off-screen and swapped in at once: the view never shows an empty frame.
			const body = createDiv();
			try {
				const tree = await baseTree(this.plugin.workspace(), this.paths);
				if (n !== this.drawn) return;
				renderSpecTree(body, tree, (path) => void openFile(this.plugin, path));
			} catch (e) {
				if (n !== this.drawn) return;
				body.createDiv({ cls: 'spec-workflow-empty', text: `The spec tree cannot be shown: ${failureMessage(e)}` });
			}
			this.containerEl.empty();
			this.containerEl.appendChild(body);
		})();
	}
}
