import type { App } from './app';
import { Scope } from './keymap';
import { requireFakeApi } from './misc';
import { ExtraButtonComponent, SearchComponent, Setting } from './setting';

/**
 * Obsidian 1.11's group of settings under one heading, with the DOM Obsidian gives it: a
 * `.setting-group` holding, once a heading is set, a `.setting-item.setting-item-heading` row, and
 * the settings in `.setting-items`. On an older app (see `setApiVersion`) the class is missing, so
 * constructing one throws, as `new undefined()` would.
 */
export class SettingGroup {
	listEl: HTMLElement;
	/** The group's element (test helper; Obsidian keeps it private). */
	readonly groupEl: HTMLElement;
	private readonly headingEl: HTMLElement;
	private readonly headingNameEl: HTMLElement;
	private readonly headingControlEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		requireFakeApi('SettingGroup', '1.11.0');
		this.groupEl = containerEl.createDiv('setting-group');
		this.headingEl = createDiv('setting-item setting-item-heading');
		this.headingNameEl = this.headingEl.createDiv('setting-item-name');
		this.headingControlEl = this.headingEl.createDiv('setting-item-control');
		this.listEl = this.groupEl.createDiv('setting-items');
	}

	setHeading(text: string | DocumentFragment): this {
		this.headingNameEl.setText(text);
		if (this.headingEl.parentElement === null) this.groupEl.prepend(this.headingEl);
		return this;
	}

	addClass(...classes: string[]): this {
		this.groupEl.addClass(...classes);
		return this;
	}

	addSetting(cb: (setting: Setting) => void): this {
		cb(new Setting(this.listEl));
		return this;
	}

	addSearch(cb: (component: SearchComponent) => unknown): this {
		cb(new SearchComponent(this.groupEl.createDiv('setting-group-search')));
		this.groupEl.insertBefore(this.groupEl.lastChild!, this.listEl);
		return this;
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		cb(new ExtraButtonComponent(this.headingControlEl));
		return this;
	}
}

/** A popover of suggestions; what it shows is in `suggestEl` while open. */
export abstract class PopoverSuggest<T> {
	app: App;
	scope: Scope;
	/** The open popover's suggestions, `.suggestion-item` each (detached while closed). */
	suggestEl: HTMLElement;
	isOpen = false;

	constructor(app: App, scope?: Scope) {
		this.app = app;
		this.scope = new Scope(scope);
		this.suggestEl = createDiv('suggestion-container');
	}

	open(): void {
		this.isOpen = true;
	}

	close(): void {
		this.isOpen = false;
		this.suggestEl.empty();
	}

	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

const inputSuggests = new WeakMap<HTMLElement, AbstractInputSuggest<unknown>>();

/**
 * Type-ahead under an input: focusing it or typing (an `input` event) asks `getSuggestions` for the
 * input's text and shows them; clicking one calls `selectSuggestion`, which by default hands it to
 * the `onSelect` callback.
 */
export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> {
	limit = 100;
	/** Resolves when the latest refresh has rendered (test helper). */
	updated: Promise<void> = Promise.resolve();
	private readonly textInputEl: HTMLInputElement | HTMLDivElement;
	private selectCallback: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	private generation = 0;

	constructor(app: App, textInputEl: HTMLInputElement | HTMLDivElement) {
		super(app);
		this.textInputEl = textInputEl;
		inputSuggests.set(textInputEl, this as AbstractInputSuggest<unknown>);
		textInputEl.addEventListener('input', () => this.refresh());
		textInputEl.addEventListener('focus', () => this.refresh());
	}

	setValue(value: string): void {
		if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
		else this.textInputEl.textContent = value;
	}

	getValue(): string {
		return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : (this.textInputEl.textContent ?? '');
	}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		void this.selectCallback?.(value, evt);
	}

	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.selectCallback = callback;
		return this;
	}

	private refresh(): void {
		const generation = ++this.generation;
		this.updated = Promise.resolve(this.getSuggestions(this.getValue())).then((all) => {
			if (generation !== this.generation) return;
			const shown = this.limit > 0 ? all.slice(0, this.limit) : all;
			this.suggestEl.empty();
			if (shown.length === 0) {
				this.close();
				return;
			}
			for (const value of shown) {
				const el = this.suggestEl.createDiv('suggestion-item');
				this.renderSuggestion(value, el);
				el.addEventListener('click', (evt: MouseEvent) => this.selectSuggestion(value, evt));
			}
			this.open();
		});
	}
}

function suggestOf(inputEl: HTMLElement): AbstractInputSuggest<unknown> {
	const suggest = inputSuggests.get(inputEl);
	if (!suggest) throw new Error('No suggester is attached to this input');
	return suggest;
}

/** Types `text` into an input with a suggester attached and waits; returns the suggestions shown (test helper). */
export async function typeInInputSuggest(inputEl: HTMLInputElement, text: string): Promise<string[]> {
	const suggest = suggestOf(inputEl);
	inputEl.value = text;
	inputEl.dispatchEvent(new (inputEl.ownerDocument.defaultView ?? window).Event('input'));
	await suggest.updated;
	return inputSuggestionTexts(inputEl);
}

/** The suggestions shown under an input now; none while its popover is closed (test helper). */
export function inputSuggestionTexts(inputEl: HTMLInputElement): string[] {
	const suggest = suggestOf(inputEl);
	if (!suggest.isOpen) return [];
	return Array.from(suggest.suggestEl.querySelectorAll('.suggestion-item'), (el) => el.textContent ?? '');
}

/** Clicks the suggestion under an input whose text is `text` (test helper). */
export function chooseInputSuggestion(inputEl: HTMLInputElement, text: string): void {
	const suggest = suggestOf(inputEl);
	const el = Array.from(suggest.suggestEl.querySelectorAll<HTMLElement>('.suggestion-item')).find((x) => x.textContent === text);
	if (!el) throw new Error(`No suggestion ${JSON.stringify(text)} among: ${JSON.stringify(inputSuggestionTexts(inputEl))}`);
	el.click();
}
