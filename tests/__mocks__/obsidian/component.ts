import type { EventRef } from './events';

/**
 * Obsidian's lifecycle base: `load()` runs `onload()` then loads children; `unload()` unloads
 * children, runs everything registered (event refs, DOM listeners, intervals, callbacks), then
 * `onunload()`. Both are idempotent.
 */
export class Component {
	private _loaded = false;
	private _children: Component[] = [];
	private _cleanups: (() => unknown)[] = [];
	/** What the last onload() returned when it was async (Plugin.onload may be), for loadPlugin. */
	loading: Promise<unknown> | undefined = undefined;

	/** Test helper: is the component loaded? */
	get loaded(): boolean {
		return this._loaded;
	}

	load(): void {
		if (this._loaded) return;
		this._loaded = true;
		const result: unknown = this.onload();
		if (result instanceof Promise) this.loading = result;
		for (const child of [...this._children]) child.load();
	}

	onload(): void {}

	unload(): void {
		if (!this._loaded) return;
		this._loaded = false;
		for (const child of this._children.splice(0)) child.unload();
		for (const cb of this._cleanups.splice(0)) cb();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		this._children.push(component);
		if (this._loaded) component.load();
		return component;
	}

	removeChild<T extends Component>(component: T): T {
		const i = this._children.indexOf(component);
		if (i >= 0) {
			this._children.splice(i, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		this._cleanups.push(cb);
	}

	registerEvent(eventRef: EventRef): void {
		this.register(() => eventRef.e.offref(eventRef));
	}

	registerDomEvent(el: Window | Document | HTMLElement, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		const listener: EventListener = (ev) => callback.call(el as HTMLElement, ev);
		el.addEventListener(type, listener, options);
		this.register(() => el.removeEventListener(type, listener, options));
	}

	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}
}
