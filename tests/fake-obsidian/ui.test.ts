/** @jest-environment jsdom */
import { FuzzySuggestModal, Modal, Notice, PluginSettingTab, Setting, type App as RealApp } from 'obsidian';
import {
	chooseSuggestion,
	createFakeApp,
	findSetting,
	getOpenModal,
	loadPlugin,
	noticeLog,
	notices,
	openModals,
	Platform,
	resetPlatform,
	setIcon,
	setMobilePlatform,
	suggestionsUpdated,
	typeInSuggestModal,
} from '../__mocks__/obsidian';
import { Plugin } from 'obsidian';

class AddDeliverableModal extends Modal {
	name = '';
	submitted: string[] = [];

	onOpen(): void {
		this.setTitle('Add deliverable');
		new Setting(this.contentEl).setName('File name').addText((t) => t.setPlaceholder('setup.sh').onChange((v) => (this.name = v)));
		new Setting(this.contentEl).addButton((b) =>
			b
				.setButtonText('Add')
				.setCta()
				.onClick(() => {
					if (this.name === '') {
						new Notice('A file name is needed');
						return;
					}
					this.submitted.push(this.name);
					this.close();
				}),
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}

function type(input: HTMLInputElement, value: string): void {
	input.value = value;
	input.dispatchEvent(new Event('input'));
}

describe('fake Modal with Setting inputs', () => {
	it('opens, takes typed input, validates with a notice, submits and closes', () => {
		const app = createFakeApp({});
		const modal = new AddDeliverableModal(app as unknown as RealApp);
		modal.open();
		expect(getOpenModal(AddDeliverableModal)).toBe(modal);
		expect(document.body.contains(modal.containerEl)).toBe(true);
		expect(modal.titleEl.textContent).toBe('Add deliverable');
		const button = modal.contentEl.querySelector('button') as HTMLButtonElement;
		expect(button.textContent).toBe('Add');
		expect(button.classList.contains('mod-cta')).toBe(true);

		button.click();
		expect(notices).toEqual(['A file name is needed']);
		expect(openModals).toEqual([modal]);

		const input = findSetting(modal.contentEl, 'File name')?.querySelector('input') as HTMLInputElement;
		expect(input.placeholder).toBe('setup.sh');
		type(input, 'setup.sh');
		button.click();
		expect(modal.submitted).toEqual(['setup.sh']);
		expect(openModals).toEqual([]);
		expect(document.body.contains(modal.containerEl)).toBe(false);
		expect(modal.contentEl.children).toHaveLength(0);
	});

	it('Escape closes a modal', () => {
		const modal = new AddDeliverableModal(createFakeApp({}) as unknown as RealApp);
		modal.open();
		modal.containerEl.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
		expect(getOpenModal()).toBeNull();
	});
});

describe('fake Notice', () => {
	it('records every message, updates and hides', () => {
		createFakeApp({});
		const n = new Notice('Working…', 0);
		new Notice('Done');
		n.setMessage('Still working');
		n.hide();
		expect(notices).toEqual(['Still working', 'Done']);
		expect(noticeLog[0]).toEqual({ message: 'Still working', duration: 0, hidden: true });
		expect(n.messageEl.textContent).toBe('Still working');
	});
});

class SpecPicker extends FuzzySuggestModal<string> {
	chosen: string[] = [];
	closedBeforeChoice: boolean | null = null;

	getItems(): string[] {
		return ['1000 Cold storage', '1001 Archive policy', '2000 Billing'];
	}

	getItemText(item: string): string {
		return item;
	}

	onChooseItem(item: string): void {
		this.closedBeforeChoice = !document.body.contains(this.containerEl);
		this.chosen.push(item);
	}
}

describe('fake FuzzySuggestModal', () => {
	it('filters by fuzzy query, and choosing closes first then calls onChooseItem', async () => {
		const modal = new SpecPicker(createFakeApp({}) as unknown as RealApp);
		modal.open();
		await suggestionsUpdated(modal);
		expect(modal.resultContainerEl.querySelectorAll('.suggestion-item')).toHaveLength(3);
		expect(await typeInSuggestModal(modal, 'arch')).toEqual(['1001 Archive policy']);
		expect(await typeInSuggestModal(modal, 'zzz')).toEqual([]);
		expect(modal.resultContainerEl.textContent).toBe('No results found.');
		expect(await typeInSuggestModal(modal, 'o')).toEqual(['1000 Cold storage', '1001 Archive policy']);
		chooseSuggestion(modal, '1001 Archive policy');
		expect(modal.chosen).toEqual(['1001 Archive policy']);
		expect(modal.closedBeforeChoice).toBe(true);
	});

	it('Enter chooses the highlighted suggestion, ArrowDown moves it', async () => {
		const modal = new SpecPicker(createFakeApp({}) as unknown as RealApp);
		modal.open();
		await suggestionsUpdated(modal);
		modal.inputEl.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
		modal.inputEl.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
		expect(modal.chosen).toEqual(['1001 Archive policy']);
	});
});

interface Settings {
	folder: string;
	linkStyle: string;
	autoCommit: boolean;
}

class SettingsPlugin extends Plugin {
	settings: Settings = { folder: 'specs', linkStyle: 'wiki', autoCommit: false };

	onload(): void {
		this.addSettingTab(new SpecSettingTab(this.app, this));
	}
}

class SpecSettingTab extends PluginSettingTab {
	constructor(
		app: RealApp,
		private readonly owner: SettingsPlugin,
	) {
		super(app, owner);
	}

	/** Declarative settings (Obsidian 1.13+); this test targets 1.8.7's display(), so none. */
	getSettingDefinitions(): never[] {
		return [];
	}

	display(): void {
		this.containerEl.empty();
		new Setting(this.containerEl).setName('Specs').setHeading();
		new Setting(this.containerEl).setName('Specs folder').addText((t) => t.setValue(this.owner.settings.folder).onChange((v) => (this.owner.settings.folder = v)));
		new Setting(this.containerEl).setName('Link style').addDropdown((d) =>
			d
				.addOptions({ wiki: 'Wikilinks', markdown: 'Markdown' })
				.setValue(this.owner.settings.linkStyle)
				.onChange((v) => (this.owner.settings.linkStyle = v)),
		);
		new Setting(this.containerEl)
			.setName('Commit automatically')
			.addToggle((t) => t.setValue(this.owner.settings.autoCommit).onChange((v) => (this.owner.settings.autoCommit = v)));
	}
}

describe('fake PluginSettingTab and components', () => {
	it('real DOM events on text, dropdown and toggle reach onChange', async () => {
		const app = createFakeApp({});
		const plugin = await loadPlugin(app, SettingsPlugin, { id: 'spec-workflow' });
		const tab = app.openSettingTab('spec-workflow');
		expect(tab.containerEl.querySelector('.setting-item-heading')?.textContent).toBe('Specs');
		const text = findSetting(tab.containerEl, 'Specs folder')?.querySelector('input') as HTMLInputElement;
		expect(text.value).toBe('specs');
		type(text, 'work/specs');
		const select = findSetting(tab.containerEl, 'Link style')?.querySelector('select') as HTMLSelectElement;
		expect(select.value).toBe('wiki');
		select.value = 'markdown';
		select.dispatchEvent(new Event('change'));
		const toggle = findSetting(tab.containerEl, 'Commit automatically')?.querySelector('.checkbox-container') as HTMLElement;
		toggle.click();
		expect(toggle.classList.contains('is-enabled')).toBe(true);
		expect(plugin.settings).toEqual({ folder: 'work/specs', linkStyle: 'markdown', autoCommit: true });
	});
});

describe('fake DOM helpers and platform', () => {
	it('adds createEl/createDiv/empty/setText/addClass… to elements', () => {
		const root = createDiv({ cls: 'root panel', attr: { 'data-x': 1 } });
		const link = root.createEl('a', { text: 'Open', href: 'specs/a.md' }, (a) => a.addClass('internal-link'));
		root.createSpan({ text: 'first', prepend: true });
		expect(root.className).toBe('root panel');
		expect(root.getAttr('data-x')).toBe('1');
		expect(root.firstElementChild?.textContent).toBe('first');
		expect(link.hasClass('internal-link')).toBe(true);
		link.toggleClass('is-active', true);
		link.removeClass('internal-link');
		expect(link.className).toBe('is-active');
		expect(root.find('a')).toBe(link);
		expect(root.findAll('span')).toHaveLength(1);
		link.setAttr('href', null);
		expect(link.hasAttribute('href')).toBe(false);
		let clicks = 0;
		link.onClickEvent(() => clicks++);
		link.click();
		expect(clicks).toBe(1);
		link.detach();
		expect(root.contains(link)).toBe(false);
		root.setText('Plain text');
		expect(root.childNodes).toHaveLength(1);
		root.empty();
		expect(root.childNodes).toHaveLength(0);
		setIcon(root, 'list-checks');
		expect(root.querySelector('svg')?.getAttribute('data-icon')).toBe('list-checks');
		expect(activeDocument).toBe(document);
		expect(createFragment((f) => f.createEl('b', { text: 'Bold' })).textContent).toBe('Bold');
		expect(root.instanceOf(HTMLDivElement)).toBe(true);
	});

	it('Platform is mutable for tests', () => {
		setMobilePlatform();
		expect(Platform.isMobile).toBe(true);
		expect(Platform.isDesktopApp).toBe(false);
		resetPlatform();
		expect(Platform.isDesktop).toBe(true);
	});
});
