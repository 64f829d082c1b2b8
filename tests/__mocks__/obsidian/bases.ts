import type { BasesViewRegistration } from 'obsidian';
import type { App } from './app';
import { Component } from './component';
import type { TFile } from './files';
import { fileAt } from './app';

/**
 * A minimal Bases (Obsidian 1.10): enough for a plugin's custom view to be registered, given rows
 * and drawn. The fake runs no query: a test says which files a base's view shows (`showBasesView`),
 * as Bases would after applying the base's filters, and updates them (`updateBasesView`).
 */

/** One row: a file of the base. Property values are not evaluated by the fake. */
export class BasesEntry {
	constructor(readonly file: TFile) {}

	getValue(propertyId: string): null {
		void propertyId;
		return null;
	}
}

export class BasesEntryGroup {
	key?: unknown = undefined;
	constructor(readonly entries: BasesEntry[]) {}

	hasKey(): boolean {
		return this.key !== undefined && this.key !== null;
	}
}

/** The rows of a view, ungrouped and as one group without a key (no groupBy). */
export class BasesQueryResult {
	constructor(readonly data: BasesEntry[]) {}

	get groupedData(): BasesEntryGroup[] {
		return [new BasesEntryGroup(this.data)];
	}

	get properties(): string[] {
		return [];
	}
}

/** A view's entry in the base's `views:` list: its name and the keys a view stores. */
export class BasesViewConfig {
	private readonly values = new Map<string, unknown>();
	constructor(public name: string) {}

	get(key: string): unknown {
		return this.values.get(key);
	}

	set(key: string, value: unknown): void {
		this.values.set(key, value);
	}

	getOrder(): string[] {
		return [];
	}

	getSort(): { property: string; direction: 'ASC' | 'DESC' }[] {
		return [];
	}

	getDisplayName(propertyId: string): string {
		return propertyId.slice(propertyId.indexOf('.') + 1);
	}
}

/** Runs a base's query and hands views their results (in the fake, the rows a test gives). */
export class QueryController extends Component {
	constructor(
		readonly app: App,
		readonly config: BasesViewConfig,
	) {
		super();
	}
}

export abstract class BasesView extends Component {
	abstract type: string;
	app: App;
	config: BasesViewConfig;
	allProperties: string[] = [];
	data: BasesQueryResult = new BasesQueryResult([]);

	protected constructor(controller: QueryController) {
		super();
		this.app = controller.app;
		this.config = controller.config;
	}

	abstract onDataUpdated(): void;
}

const registries = new WeakMap<App, Map<string, BasesViewRegistration>>();

/** The Bases view types plugins registered in this app, by id. */
export function basesViews(app: App): Map<string, BasesViewRegistration> {
	let registry = registries.get(app);
	if (!registry) registries.set(app, (registry = new Map<string, BasesViewRegistration>()));
	return registry;
}

/** A view of a base on screen: the view and the element under the Bases toolbar it draws in. */
export interface ShownBasesView {
	view: BasesView;
	containerEl: HTMLElement;
	controller: QueryController;
}

/**
 * Opens a base's view of type `viewId` showing the files at `paths`, as Bases does: the
 * registered factory builds the view in a container, the view is loaded, given the results and
 * told of them. Resolves once the app has settled.
 */
export async function showBasesView(app: App, viewId: string, paths: readonly string[], name = 'Spec tree'): Promise<ShownBasesView> {
	const registration = basesViews(app).get(viewId);
	if (!registration) throw new Error(`No Bases view "${viewId}" is registered`);
	const controller = new QueryController(app, new BasesViewConfig(name));
	const containerEl = createDiv('bases-view');
	const view = registration.factory(controller as never, containerEl) as unknown as BasesView;
	controller.addChild(view);
	controller.load();
	await updateBasesView(app, view, paths);
	return { view, containerEl, controller };
}

/** New results for a view (a file added to or dropped from the base, a property changed): a new result set, then onDataUpdated. */
export async function updateBasesView(app: App, view: BasesView, paths: readonly string[]): Promise<void> {
	view.data = new BasesQueryResult(paths.map((p) => new BasesEntry(fileAt(app, p))));
	view.onDataUpdated();
	await app.flush();
}
