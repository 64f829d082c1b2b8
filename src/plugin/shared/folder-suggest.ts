import { AbstractInputSuggest, App, TFolder } from 'obsidian';

/**
 * The vault's folders under a text input, those whose path contains what is typed (any case),
 * by path; choosing one puts its path in the input and hands it to `onChoose`. Obsidian 1.13 offers
 * its own folder control; this is the same for the settings tab drawn on older apps.
 */
export class FolderSuggest extends AbstractInputSuggest<TFolder> {
	constructor(
		app: App,
		inputEl: HTMLInputElement,
		private readonly onChoose: (path: string) => unknown,
	) {
		super(app, inputEl);
	}

	protected getSuggestions(query: string): TFolder[] {
		const q = query.trim().toLowerCase();
		return this.app.vault
			.getAllFolders(false)
			.filter((folder) => folder.path.toLowerCase().includes(q))
			.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	renderSuggestion(folder: TFolder, el: HTMLElement): void {
		el.setText(folder.path);
	}

	selectSuggestion(folder: TFolder): void {
		this.setValue(folder.path);
		void this.onChoose(folder.path);
		this.close();
	}
}
