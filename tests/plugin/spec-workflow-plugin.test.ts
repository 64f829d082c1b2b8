import { createFakeApp, fileAt, loadPlugin, unloadPlugin } from '../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { EXAMPLE_VAULT, readVaultFiles } from '../helpers/vault-files';

async function loaded(files = readVaultFiles(EXAMPLE_VAULT)) {
	const app = createFakeApp(files);
	const plugin = await loadPlugin(app, SpecWorkflowPlugin);
	app.layoutReady();
	await plugin.indexReady;
	return { app, plugin };
}

describe('the plugin keeps its index current from vault events', () => {
	it('indexes the example vault once the layout is ready', async () => {
		const { plugin } = await loaded();
		expect(plugin.index.all().map((s) => s.id)).toEqual(['1000', '1001', '1011', '1014', '3000', '3001', '4000', '4005', '9000', '9001']);
		expect(plugin.index.specForPath('specs/1000/1001/deliverables/scripts/benchmark.sh')?.id).toBe('1014');
	});

	it('follows create, modify, rename and delete one file at a time', async () => {
		const { app, plugin } = await loaded();
		await app.vault.create('specs/1000/1001/1015.spec.md', '---\ntitle: Archive tier\nstatus: draft\n---\n');
		await app.flush();
		expect(plugin.index.get('1015')?.status).toBe('planning');

		await app.vault.modify(fileAt(app, 'specs/1000/1001/1015.spec.md'), '---\ntitle: Archive tier\nstatus: done\n---\n');
		await app.flush();
		expect(plugin.index.get('1015')?.status).toBe('completed');

		await app.fileManager.renameFile(fileAt(app, 'specs/1000/1001/1015.spec.md'), 'specs/1000/1001/1016.spec.md');
		await app.flush();
		expect(plugin.index.get('1015')).toBeNull();
		expect(plugin.index.get('1016')?.title).toBe('Archive tier');

		await app.fileManager.trashFile(fileAt(app, 'specs/1000/1001/1016.spec.md'));
		await app.flush();
		expect(plugin.index.get('1016')).toBeNull();
	});

	it('a note added or removed outside the specs folder that takes a parent link moves the spec, as a fresh index would', async () => {
		const files = { ...readVaultFiles(EXAMPLE_VAULT), 'specs/3000/3001/3002.spec.md': '---\nid: "3002"\ntype: task\nparent: "[[1011.spec]]"\n---\n# Drill\n' };
		const { app, plugin } = await loaded(files);
		const parent = () => plugin.index.parentOf(plugin.index.get('3002')!)?.id;
		expect(parent()).toBe('1011');
		// `[[1011.spec]]` now names this note at the vault root exactly: the link leads there, to no spec.
		await app.vault.create('1011.spec.md', '# Not a spec\n');
		await app.flush();
		expect(parent()).toBe('3001');
		expect(plugin.index.childrenOf(plugin.index.get('1011')!).map((s) => s.id)).toEqual([]);
		await app.fileManager.trashFile(fileAt(app, '1011.spec.md'));
		await app.flush();
		expect(parent()).toBe('1011');
	});

	it('stops listening when unloaded', async () => {
		const { app, plugin } = await loaded();
		await unloadPlugin(app, plugin);
		await app.vault.create('specs/1000/1001/1017.spec.md', '# Late\n');
		await app.flush();
		expect(plugin.index.get('1017')).toBeNull();
	});
});

describe('when the index cannot be built', () => {
	it('says so in a notice and still settles, so commands do not wait forever', async () => {
		const { notices } = await import('../__mocks__/obsidian');
		const app = createFakeApp(readVaultFiles(EXAMPLE_VAULT));
		const plugin = await loadPlugin(app, SpecWorkflowPlugin);
		plugin.store.list = () => Promise.reject(new Error('disk unplugged'));
		app.layoutReady();
		await plugin.indexReady;
		expect(notices).toContain('Spec workflow could not read the specs folder "specs": disk unplugged');
		expect(plugin.index.size).toBe(0);
	});
});
