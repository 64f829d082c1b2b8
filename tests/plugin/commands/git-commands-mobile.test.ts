/** @jest-environment jsdom */
import { createFakeApp, loadPlugin, Platform, resetPlatform, runCommand, setMobilePlatform } from '../../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { vaultRepository } from '../../../src/plugin/git/desktop-git';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

// Records any load of Node's child_process by the plugin (mobile has none).
const mockLoaded: string[] = [];
jest.mock('node:child_process', () => {
	mockLoaded.push('node:child_process');
	return {};
});

describe('git commands on mobile', () => {
	afterEach(() => resetPlatform());

	it('are not offered, and nothing Node-only is loaded', async () => {
		setMobilePlatform();
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
		app.layoutReady();
		const ids = app.commands.listCommands().map((c) => c.id);
		expect(ids.length).toBeGreaterThan(0);
		expect(ids).not.toContain('spec-workflow:commit-spec-progress');
		expect(ids).not.toContain('spec-workflow:record-commits-from-git');
		expect(await runCommand(app, 'spec-workflow:commit-spec-progress')).toBe(false);
		await expect(vaultRepository(app as never)).rejects.toThrow('Git commands need Obsidian on desktop.');
		expect(mockLoaded).toEqual([]);
	});

	it('are not offered outside the desktop app (no Node), even in a desktop layout, and nothing Node-only is loaded', async () => {
		Object.assign(Platform, { isDesktopApp: false });
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
		expect(app.commands.listCommands().map((c) => c.id)).not.toContain('spec-workflow:commit-spec-progress');
		await expect(vaultRepository(app as never)).rejects.toThrow('Git commands need Obsidian on desktop.');
		expect(mockLoaded).toEqual([]);
	});

	it('are offered on desktop', async () => {
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
		const ids = app.commands.listCommands().map((c) => c.id);
		expect(ids).toEqual(expect.arrayContaining(['spec-workflow:commit-spec-progress', 'spec-workflow:record-commits-from-git']));
	});
});
