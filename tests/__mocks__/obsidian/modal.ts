import type { FuzzyMatch, Instruction, SearchResult } from 'obsidian';
import type { App } from './app';
import { domDocument } from './dom';
import { Scope } from './keymap';
import { prepareFuzzySearch } from './search';

/** Modals currently open, oldest first (test helper). */
export const openModals: Modal[] = [];

/** The most recently opened modal that is still open, optionally of a given class (test helper). */
// Test classes extend the real typings' Modal, which is a different type from this fake's, so the
// helpers take any object type and treat it as the fake at run time.
export function getOpenModal<T extends object = Modal>(type?: abstract new (...args: never[]) => T): T | null {
	for (let i = openModals.length - 1; i >= 0; i--) {
		const m = openModals[i];
		if (!type || m instanceof type) return m as unknown as T;
	}
	return null;
}

/**
 * A modal: `open()` attaches `containerEl` to the document and calls `onOpen()`; `close()` detaches it
 * and calls `onClose()`. Escape and the close button close it.
 */
export class Modal {
	app: App;
	scope: Scope;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	shouldRestoreSelection = true;
	private isOpen = false;

	constructor(app: App) {
		this.app = app;
		this.scope = new Scope();
		this.containerEl = createDiv('modal-container');
		this.containerEl.createDiv('modal-bg');
		this.modalEl = this.containerEl.createDiv('modal');
		const close = this.modalEl.createDiv('modal-close-button');
		close.addEventListener('click', () => this.close());
		const header = this.modalEl.createDiv('modal-header');
		this.titleEl = header.createDiv('modal-title');
		this.contentEl = this.modalEl.createDiv('modal-content');
		this.containerEl.addEventListener('keydown', (evt: KeyboardEvent) => {
			if (evt.key === 'Escape') this.close();
		});
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		domDocument().body.appendChild(this.containerEl);
		openModals.push(this);
		this.onOpen();
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		const i = openModals.indexOf(this);
		if (i >= 0) openModals.splice(i, 1);
		this.containerEl.detach();
		this.onClose();
	}

	onOpen(): void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}
}

/**
 * Obsidian's quick-pick modal. Typing in `inputEl` (an `input` event) refreshes the suggestions;
 * ArrowUp/ArrowDown move the selection, Enter or a click chooses. Choosing closes the modal first and
 * then calls `onChooseSuggestion`, in that order, as Obsidian does.
 */
export abstract class SuggestModal<T> extends Modal {
	limit = 100;
	emptyStateText = 'No results found.';
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	/** The suggestions shown now (test helper). */
	values: T[] = [];
	/** Index of the highlighted suggestion. */
	selected = 0;
	/** Resolves when the latest refresh has rendered (test helper). */
	updated: Promise<void> = Promise.resolve();
	private instructionsEl: HTMLElement;
	private generation = 0;

	constructor(app: App) {
		super(app);
		this.modalEl.addClass('prompt');
		const inputWrap = this.modalEl.createDiv('prompt-input-container');
		this.inputEl = inputWrap.createEl('input', { cls: 'prompt-input', type: 'text' });
		this.resultContainerEl = this.modalEl.createDiv('prompt-results');
		this.instructionsEl = this.modalEl.createDiv('prompt-instructions');
		this.inputEl.addEventListener('input', () => this.refresh());
		this.inputEl.addEventListener('keydown', (evt: KeyboardEvent) => {
			if (evt.key === 'ArrowDown') this.moveSelection(1);
			else if (evt.key === 'ArrowUp') this.moveSelection(-1);
			else if (evt.key === 'Enter') {
				evt.preventDefault();
				this.selectActiveSuggestion(evt);
			}
		});
	}

	open(): void {
		super.open();
		this.refresh();
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.placeholder = placeholder;
	}

	setInstructions(instructions: Instruction[]): void {
		this.instructionsEl.empty();
		for (const i of instructions) {
			const el = this.instructionsEl.createDiv('prompt-instruction');
			el.createSpan({ cls: 'prompt-instruction-command', text: i.command });
			el.createSpan({ text: i.purpose });
		}
	}

	onNoSuggestion(): void {
		this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText });
	}

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		const value = this.values[this.selected];
		if (value !== undefined) this.selectSuggestion(value, evt);
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

	private refresh(): void {
		const generation = ++this.generation;
		this.updated = Promise.resolve(this.getSuggestions(this.inputEl.value)).then((all) => {
			if (generation !== this.generation) return;
			this.values = all.slice(0, this.limit);
			this.selected = 0;
			this.render();
		});
	}

	private moveSelection(delta: number): void {
		if (this.values.length === 0) return;
		this.selected = (this.selected + delta + this.values.length) % this.values.length;
		this.render();
	}

	private render(): void {
		this.resultContainerEl.empty();
		if (this.values.length === 0) {
			this.onNoSuggestion();
			return;
		}
		this.values.forEach((value, i) => {
			const el = this.resultContainerEl.createDiv('suggestion-item');
			if (i === this.selected) el.addClass('is-selected');
			this.renderSuggestion(value, el);
			el.addEventListener('click', (evt: MouseEvent) => this.selectSuggestion(value, evt));
		});
	}
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const match = prepareFuzzySearch(query);
		const out: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const result: SearchResult | null = match(this.getItemText(item));
			if (result) out.push({ item, match: result });
		}
		return query.trim() === '' ? out : out.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
		el.setText(this.getItemText(item.item));
	}

	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/** Types `query` into a suggest modal and waits for the suggestions; returns their rendered texts. */
export async function typeInSuggestModal(suggest: object, query: string): Promise<string[]> {
	const modal = suggest as SuggestModal<unknown>;
	modal.inputEl.value = query;
	modal.inputEl.dispatchEvent(new (modal.inputEl.ownerDocument.defaultView ?? window).Event('input'));
	await modal.updated;
	return suggestionTexts(modal);
}

export function suggestionTexts(suggest: object): string[] {
	const modal = suggest as SuggestModal<unknown>;
	return Array.from(modal.resultContainerEl.querySelectorAll('.suggestion-item'), (el) => el.textContent ?? '');
}

/** Clicks the suggestion at `index`, or the first whose rendered text equals `text`. */
export function chooseSuggestion(suggest: object, which: number | string): void {
	const modal = suggest as SuggestModal<unknown>;
	const items = Array.from(modal.resultContainerEl.querySelectorAll<HTMLElement>('.suggestion-item'));
	const el = typeof which === 'number' ? items[which] : items.find((x) => x.textContent === which);
	if (!el) throw new Error(`No suggestion ${JSON.stringify(which)} among: ${JSON.stringify(suggestionTexts(modal))}`);
	el.click();
}

/** Resolves when a suggest modal has rendered its suggestions for the current query (test helper). */
export function suggestionsUpdated(suggest: object): Promise<void> {
	return (suggest as SuggestModal<unknown>).updated;
}
