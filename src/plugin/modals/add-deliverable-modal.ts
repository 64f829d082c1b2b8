import { App, Modal, Setting, TextComponent } from 'obsidian';
import { joinPath } from '../../core/files/paths';
import { deliverableFolder, type AddDeliverableInput } from '../../core/workflow/add-deliverable';
import { unsafeNameReason } from '../../core/edits/safe-file-name';
import { Submission } from './submission';

/** What the user filled in: the core's input without the spec's id (and the author, which comes from the session). */
export type DeliverableFields = Omit<AddDeliverableInput, 'id' | 'author'>;

export interface AddDeliverableModalOptions {
	/** `1014 - Cold Storage NAS`, shown as the modal's subject. */
	specLabel: string;
	/** The spec's folder: the new file goes under its `deliverables/`. */
	specFolder: string;
	/** The settings' deliverable types, offered first. */
	types: readonly string[];
	/** Runs the operation; true when it succeeded (the modal closes), false to keep the values for a correction. */
	onSubmit(fields: DeliverableFields): Promise<boolean>;
}

/** The dropdown's value for "Custom…": a colon can never be in a folder name, so no type collides. */
const CUSTOM = ':custom';

/**
 * Asks for a deliverable (docs/formats.md, Deliverables): type (the configured folders or a custom one), file
 * name, title, purpose, the install target for config files, and optional initial content.
 */
export class AddDeliverableModal extends Modal {
	/** The submission in progress, if any (tests await it after pressing the button). */
	readonly submission = new Submission();

	get submitting(): Promise<void> {
		return this.submission.current;
	}
	private readonly fields = { type: '', custom: '', file: '', title: '', purpose: '', target: '', content: '' };
	private customSetting!: Setting;
	private targetSetting!: Setting;
	private destinationEl!: HTMLElement;

	constructor(
		app: App,
		private readonly options: AddDeliverableModalOptions,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle('Add deliverable');
		contentEl.addClass('spec-workflow-modal', 'spec-workflow-add-deliverable');
		contentEl.createEl('p', { cls: 'spec-workflow-modal-subject', text: this.options.specLabel });

		const types = [...new Set(this.options.types.map((t) => t.trim()).filter((t) => t !== '' && unsafeNameReason(t) === null))];
		this.fields.type = types[0] ?? CUSTOM;
		new Setting(contentEl)
			.setName('Type')
			.setDesc('The folder under deliverables/ that holds it.')
			.addDropdown((dropdown) => {
				for (const type of types) dropdown.addOption(type, capitalise(type));
				dropdown.addOption(CUSTOM, 'Custom…');
				dropdown.setValue(this.fields.type).onChange((value) => {
					this.fields.type = value;
					this.update();
				});
			});
		this.customSetting = new Setting(contentEl)
			.setName('Folder name')
			.setDesc('A custom type: one folder name, such as "tests".')
			.addText((text) => this.bind(text, 'custom', 'tests'));
		new Setting(contentEl).setName('File name').addText((text) => this.bind(text, 'file', 'setup.sh'));
		new Setting(contentEl)
			.setName('Title')
			.setDesc('The link text in the spec and the context; the file name when empty.')
			.addText((text) => this.bind(text, 'title', 'Setup script'));
		new Setting(contentEl).setName('Purpose').addText((text) => this.bind(text, 'purpose', 'What it is for'));
		this.targetSetting = new Setting(contentEl)
			.setName('Target location')
			.setDesc('Where the file is installed.')
			.addText((text) => this.bind(text, 'target', '/etc/fstab'));
		new Setting(contentEl)
			.setName('Initial content')
			.setDesc('Optional; the traceback header goes above it.')
			.setClass('spec-workflow-content-setting')
			.addTextArea((area) => {
				area.inputEl.addClass('spec-workflow-content-input');
				area.inputEl.rows = 6;
				area.onChange((value) => (this.fields.content = value));
			});
		this.destinationEl = contentEl.createEl('p', { cls: 'spec-workflow-modal-note' });
		new Setting(contentEl)
			.addButton((button) => button.setButtonText('Cancel').onClick(() => this.close()))
			.addButton((button) =>
				button
					.setButtonText('Add deliverable')
					.setCta()
					.onClick(() => this.submit()),
			);
		this.update();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	/** The type as the core takes it: a configured folder or the custom name. */
	private type(): string {
		return this.fields.type === CUSTOM ? this.fields.custom.trim() : this.fields.type;
	}

	private bind(text: TextComponent, key: 'custom' | 'file' | 'title' | 'purpose' | 'target', placeholder: string): void {
		text.setPlaceholder(placeholder).onChange((value) => {
			this.fields[key] = value;
			this.update();
		});
		text.inputEl.addEventListener('keydown', (evt) => {
			if (evt.key === 'Enter' && !evt.isComposing) {
				evt.preventDefault();
				this.submit();
			}
		});
	}

	/** Shows the custom and target fields when they apply, and where the file will go. */
	private update(): void {
		this.customSetting.settingEl.toggle(this.fields.type === CUSTOM);
		this.targetSetting.settingEl.toggle(folderOf(this.type()) === 'config');
		const folder = folderOf(this.type());
		const file = this.fields.file;
		this.destinationEl.setText(
			folder !== null && file !== '' && unsafeNameReason(file) === null ? `Creates ${joinPath(this.options.specFolder, 'deliverables', folder, file)}` : '',
		);
	}

	private submit(): void {
		const config = folderOf(this.type()) === 'config';
		const fields: DeliverableFields = {
			type: this.type(),
			file: this.fields.file.trim(),
			title: this.fields.title.trim() || undefined,
			purpose: this.fields.purpose.trim() || undefined,
			target: config ? this.fields.target.trim() || undefined : undefined,
			content: this.fields.content === '' ? undefined : this.fields.content,
		};
		this.submission.run(this, () => this.options.onSubmit(fields));
	}
}

/** The folder a type goes to (`script` → `scripts`), or null for a name the core would refuse. */
function folderOf(type: string): string | null {
	if (unsafeNameReason(type) !== null) return null;
	return deliverableFolder(type);
}

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
