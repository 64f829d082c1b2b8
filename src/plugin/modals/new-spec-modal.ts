import { App, DropdownComponent, Modal, Setting, TextComponent } from 'obsidian';
import { specHeadingTitle, type SpecType } from '../../core/templates/spec-templates';
import { Submission } from './submission';

/** A spec that can be a parent, as the dropdown lists it. */
export interface ParentChoice {
	id: string;
	title: string;
}

/** What the user filled in: the core's NewSpecInput. */
export interface NewSpecFields {
	type: SpecType;
	title: string;
	/** Undefined when left empty: the core then uses its suggestion. */
	id?: string;
	/** Undefined for an epic. */
	parent?: string;
}

export interface NewSpecModalOptions {
	/** The type to start with (a feature under the active epic, a task under the active feature…). */
	type: SpecType;
	/** Epics for a feature, features for a task; empty for an epic. */
	parentsFor(type: SpecType): ParentChoice[];
	/** The parent to preselect for a type: the active note's spec or its ancestor of the right type. */
	defaultParent(type: SpecType): string | null;
	/** The next free id (the core's suggest-id operation), or '' when none can be suggested. */
	suggestId(type: SpecType, parent: string | null): Promise<string>;
	/** Runs the operation; true when it succeeded (the modal closes), false to keep the values. */
	onSubmit(fields: NewSpecFields): Promise<boolean>;
}

const TYPES: SpecType[] = ['epic', 'feature', 'task'];
const PARENT_TYPE: Record<SpecType, string> = { epic: '', feature: 'epic', task: 'feature' };

/** Asks for a new epic, feature or task: its parent, an id (suggested, editable) and a title. */
export class NewSpecModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();

	get submitting(): Promise<void> {
		return this.submission.current;
	}
	/** The id suggestion being fetched, if any (tests await it after changing the type or parent). */
	suggesting: Promise<void> = Promise.resolve();
	private type: SpecType;
	private parent: string | null = null;
	private id = '';
	private title = '';
	private parentSetting!: Setting;
	private parentDropdown!: DropdownComponent;
	private idText!: TextComponent;

	constructor(
		app: App,
		private readonly options: NewSpecModalOptions,
	) {
		super(app);
		this.type = options.type;
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle('New spec');
		contentEl.addClass('spec-workflow-modal');
		new Setting(contentEl).setName('Type').addDropdown((dropdown) => {
			for (const type of TYPES) dropdown.addOption(type, type.charAt(0).toUpperCase() + type.slice(1));
			dropdown.setValue(this.type).onChange((value) => {
				this.type = value as SpecType;
				this.fillParents();
				this.resuggest();
			});
		});
		this.parentSetting = new Setting(contentEl).setName('Parent').addDropdown((dropdown) => {
			this.parentDropdown = dropdown;
			dropdown.onChange((value) => {
				this.parent = value === '' ? null : value;
				this.resuggest();
			});
		});
		new Setting(contentEl)
			.setName('ID')
			.setDesc('Suggested from the vault’s numbering; type any other.')
			.addText((text) => {
				this.idText = text;
				this.submitOnEnter(text);
				text.onChange((value) => (this.id = value));
			});
		new Setting(contentEl).setName('Title').addText((text) => {
			text.setPlaceholder('Cold storage tier');
			this.submitOnEnter(text);
			text.onChange((value) => (this.title = value));
		});
		new Setting(contentEl)
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText('Create')
					.setCta()
					.onClick(() => this.submit()),
			);
		this.fillParents();
		this.resuggest();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	/** Lists the parents the type takes, preselecting the default; hidden for an epic. */
	private fillParents(): void {
		const wanted = PARENT_TYPE[this.type];
		this.parentSetting.settingEl.toggle(wanted !== '');
		const select = this.parentDropdown.selectEl;
		select.empty();
		this.parent = null;
		if (wanted === '') return;
		const parents = this.options.parentsFor(this.type);
		this.parentSetting.setDesc(parents.length === 0 ? `No ${wanted}s yet: create one first.` : `The ${wanted} it belongs to.`);
		for (const p of parents) this.parentDropdown.addOption(p.id, specHeadingTitle(p.id, p.title));
		const preferred = this.options.defaultParent(this.type);
		this.parent = parents.find((p) => p.id === preferred)?.id ?? parents[0]?.id ?? null;
		this.parentDropdown.setValue(this.parent ?? '');
	}

	private resuggest(): void {
		const { type, parent } = this;
		this.id = '';
		this.idText.setValue('');
		if (type !== 'epic' && parent === null) return;
		this.suggesting = this.options.suggestId(type, parent).then((id) => {
			// A suggestion for a type or parent changed since is stale; one typed over is the user's.
			if (this.type !== type || this.parent !== parent || this.id !== '') return;
			this.id = id;
			this.idText.setValue(id);
		});
	}

	private submitOnEnter(text: TextComponent): void {
		text.inputEl.addEventListener('keydown', (evt) => {
			if (evt.key === 'Enter' && !evt.isComposing) {
				evt.preventDefault();
				this.submit();
			}
		});
	}

	private submit(): void {
		const fields: NewSpecFields = {
			type: this.type,
			title: this.title,
			id: this.id.trim() === '' ? undefined : this.id.trim(),
			parent: this.type === 'epic' ? undefined : (this.parent ?? ''),
		};
		this.submission.run(this, () => this.options.onSubmit(fields));
	}
}
