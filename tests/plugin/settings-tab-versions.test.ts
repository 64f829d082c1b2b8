/** @jest-environment jsdom */
import { chooseInputSuggestion, findSetting, inputSuggestionTexts, resetApiVersion, setApiVersion, typeInInputSuggest, type App } from '../__mocks__/obsidian';
import { SpecWorkflowSettingTab } from '../../src/plugin/settings-tab';
import { EXAMPLE_VAULT, readVaultFiles } from '../helpers/vault-files';
import { loadVault, settle } from './plugin-harness';

/**
 * The settings tab on each kind of app: 1.13 draws the declarative definitions itself (the specs
 * folder with its folder control); 1.11 and 1.12 get `display()` in Obsidian's setting groups;
 * older apps get heading rows. The fake lacks what an older app lacks, so a newer API called
 * without its guard fails these tests.
 */
function openTab(app: App): SpecWorkflowSettingTab {
	return app.openSettingTab('spec-workflow') as unknown as SpecWorkflowSettingTab;
}

function specsFolderInput(tab: SpecWorkflowSettingTab): HTMLInputElement {
	const input = findSetting(tab.containerEl, 'Specs folder')?.querySelector('input');
	if (!input) throw new Error('No specs folder input');
	return input;
}

const names = (el: Element): string[] => Array.from(el.querySelectorAll('.setting-item-name'), (n) => n.textContent ?? '');

/** The example vault with its specs moved to planning/ and a notes folder beside. */
function planningVault(): Record<string, string> {
	const out: Record<string, string> = { 'notes/daily/2025-08-28.md': '# Today\n' };
	for (const [path, text] of Object.entries(readVaultFiles(EXAMPLE_VAULT))) out[path.replace(/^specs\//, 'planning/')] = text;
	return out;
}

afterEach(() => resetApiVersion());

describe('Obsidian 1.13', () => {
	it('is given the specs folder as a folder control, the rest as before', async () => {
		const { app } = await loadVault();
		const definitions = openTab(app).getSettingDefinitions();
		expect(definitions[0].items.map((i) => [i.name, i.control.type])).toEqual([
			['Specs folder', 'folder'],
			['Ignored folders', 'textarea'],
			['Link style', 'dropdown'],
		]);
		expect(definitions[0].items[0].control).toEqual({ type: 'folder', key: 'specsRoot', placeholder: 'specs' });
	});
});

describe('Obsidian 1.11 and 1.12', () => {
	it("draw the settings in Obsidian's setting groups, the first without a heading", async () => {
		setApiVersion('1.12.3');
		const { app } = await loadVault();
		const groups = Array.from(openTab(app).containerEl.querySelectorAll('.setting-group'));
		expect(groups.map((g) => [g.querySelector('.setting-item-heading .setting-item-name')?.textContent ?? null, names(g.querySelector('.setting-items')!)])).toEqual([
			[null, ['Specs folder', 'Ignored folders', 'Link style']],
			['Sessions', ['Default participants', 'Reviewer name', 'Open the context note after starting', 'Reveal panel after start on phones']],
			['Deliverables', ['Deliverable types']],
			['Bases', ['Specs base file']],
		]);
	});
});

describe('apps before 1.11', () => {
	it('draw heading rows instead of setting groups', async () => {
		setApiVersion('1.7.2');
		const { app } = await loadVault();
		const tab = openTab(app);
		expect(tab.containerEl.querySelector('.setting-group')).toBeNull();
		expect(Array.from(tab.containerEl.querySelectorAll('.setting-item-heading'), (h) => h.textContent)).toEqual(['Sessions', 'Deliverables', 'Bases']);
		expect(names(tab.containerEl)).toEqual([
			'Specs folder',
			'Ignored folders',
			'Link style',
			'Sessions',
			'Default participants',
			'Reviewer name',
			'Open the context note after starting',
			'Reveal panel after start on phones',
			'Deliverables',
			'Deliverable types',
			'Bases',
			'Specs base file',
		]);
	});

	it("offer the vault's folders under the specs folder field; choosing one re-reads the specs from it", async () => {
		setApiVersion('1.7.2');
		const { app, plugin } = await loadVault(planningVault());
		expect(plugin.index.size).toBe(0);
		const tab = openTab(app);
		const input = specsFolderInput(tab);
		expect(await typeInInputSuggest(input, 'NOT')).toEqual(['notes', 'notes/daily']);
		expect(await typeInInputSuggest(input, 'plan')).toEqual([
			'planning',
			'planning/1000',
			'planning/1000/1001',
			'planning/1000/1001/deliverables',
			'planning/1000/1001/deliverables/config',
			'planning/1000/1001/deliverables/docs',
			'planning/1000/1001/deliverables/scripts',
			'planning/3000',
			'planning/3000/3001',
			'planning/4000',
			'planning/4000/4005',
			'planning/9000',
			'planning/9000/9001',
		]);
		expect(await typeInInputSuggest(input, 'nowhere')).toEqual([]);
		await typeInInputSuggest(input, 'plan');
		chooseInputSuggestion(input, 'planning');
		expect(input.value).toBe('planning');
		expect(inputSuggestionTexts(input)).toEqual([]);

		tab.hide(); // applies the folder now rather than once typing pauses
		await settle(app);
		await plugin.indexReady;
		expect(plugin.settings.specsRoot).toBe('planning');
		expect(plugin.index.get('1014')?.path).toBe('planning/1000/1001/1014.spec.md');
	});
});
