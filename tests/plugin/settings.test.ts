import { createFakeApp, loadPlugin, notices } from '../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { EXAMPLE_VAULT, readVaultFiles } from '../helpers/vault-files';

const DATA = '.obsidian/plugins/spec-workflow/data.json';

async function loadWith(data: string): Promise<SpecWorkflowPlugin> {
	const app = createFakeApp({ ...readVaultFiles(EXAMPLE_VAULT), [DATA]: data });
	const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow', name: 'Spec Workflow' });
	app.layoutReady();
	await plugin.indexReady;
	return plugin;
}

describe('settings of the wrong type in data.json', () => {
	it('fall back to their defaults, the others are kept, and a notice names the file and each setting', async () => {
		const plugin = await loadWith(JSON.stringify({ specsRoot: 42, defaultParticipants: 'Ana, Claude', linkStyle: 'wiki', openContextAfterStart: false }));
		expect(plugin.settings).toMatchObject({ specsRoot: 'specs', defaultParticipants: 'Ana, Claude', linkStyle: 'vault', openContextAfterStart: false });
		expect(plugin.index.size).toBeGreaterThan(0);
		expect(notices).toEqual([`Spec Workflow: ${DATA}: "specsRoot" is not a folder name, "linkStyle" is not one of vault, wikilink, markdown; using the default for each`]);
	});

	it('a file of settings that are all right, or missing, shows no notice', async () => {
		await loadWith(JSON.stringify({ specsRoot: 'specs', ignoredFolders: [] }));
		expect(notices).toEqual([]);
	});
});
