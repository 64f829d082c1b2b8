import { App, FuzzyMatch, FuzzySuggestModal } from 'obsidian';
import { Spec } from '../../core/index/spec';
import { SpecIndex } from '../../core/index/spec-index';
import { specHeadingTitle } from '../../core/templates/spec-templates';

/** A fuzzy picker of specs: `id - title`, with status and type; the active note's spec first. */
export class SpecPickerModal extends FuzzySuggestModal<Spec> {
	private chosen = false;

	constructor(
		app: App,
		private readonly index: SpecIndex,
		private readonly first: Spec | null,
		private readonly resolve: (spec: Spec | null) => void,
		placeholder = 'Choose a spec',
	) {
		super(app);
		this.setPlaceholder(placeholder);
	}

	getItems(): Spec[] {
		const all = this.index.all();
		if (!this.first) return all;
		return [this.first, ...all.filter((s) => s !== this.first)];
	}

	getItemText(spec: Spec): string {
		return specHeadingTitle(spec.id, spec.title);
	}

	renderSuggestion(match: FuzzyMatch<Spec>, el: HTMLElement): void {
		const spec = match.item;
		el.addClass('spec-workflow-suggestion');
		el.createDiv({ cls: 'spec-workflow-suggestion-title', text: this.getItemText(spec) });
		el.createDiv({
			cls: 'spec-workflow-suggestion-note',
			text: `${this.index.typeOf(spec)} · ${spec.statusRaw || spec.status || 'no status'}`,
		});
	}

	onChooseItem(spec: Spec): void {
		this.chosen = true;
		this.resolve(spec);
	}

	onClose(): void {
		// Obsidian closes the modal before calling onChooseItem; wait a tick before saying "nothing chosen".
		window.setTimeout(() => {
			if (!this.chosen) this.resolve(null);
		}, 0);
	}
}

/** Asks the user for a spec; null when they dismiss the picker. */
export function pickSpec(app: App, index: SpecIndex, first: Spec | null, placeholder?: string): Promise<Spec | null> {
	return new Promise((resolve) => new SpecPickerModal(app, index, first, resolve, placeholder).open());
}
