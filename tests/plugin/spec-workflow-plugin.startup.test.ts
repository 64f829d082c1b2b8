import { createFakeApp, loadPlugin, TFile } from '../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { generateVault } from '../../bench/generate-vault';

// Issue 8: start-up only registers things; the vault is read after the layout is ready, in chunks
// that give the UI its turns. Counted, not timed, so the test holds on a slow machine. 2,000 files:
// the fake's metadata cache resolves each link by scanning every path (a deliberately plain
// reference resolver), so a 10,000-file fake vault takes minutes to create; the counts below do not
// depend on the size, and `npm run bench` measures 10,000 and 50,000 files through the real core.
// The plugin yields with window.setTimeout, as Obsidian's lint asks; jest's node environment has no window.
const globals = globalThis as { window?: unknown };
const hadWindow = 'window' in globals;
beforeAll(() => {
	if (!hadWindow) globals.window = globalThis;
});
afterAll(() => {
	if (!hadWindow) delete globals.window;
});

test('over a 2,000-file vault, onload reads no file and indexing yields while it reads only the specs', async () => {
	const vault = generateVault(2_000);
	const app = createFakeApp(Object.fromEntries(vault.files));
	const reads: string[] = [];
	const count =
		<A extends unknown[], R>(fn: (...args: A) => R, path: (...args: A) => string) =>
		(...args: A): R => {
			reads.push(path(...args));
			return fn(...args);
		};
	const { vault: v } = app;
	v.read = count(v.read.bind(v), (f: TFile) => f.path);
	v.cachedRead = count(v.cachedRead.bind(v), (f: TFile) => f.path);
	v.readBinary = count(v.readBinary.bind(v), (f: TFile) => f.path);
	const adapterRead = v.adapter.read.bind(v.adapter);
	// The plugin's own settings (data.json in the config folder) are not vault content.
	v.adapter.read = (path: string) => {
		if (!path.startsWith(`${v.configDir}/`)) reads.push(path);
		return adapterRead(path);
	};

	const plugin = await loadPlugin(app, SpecWorkflowPlugin);
	expect(reads).toEqual([]);
	expect(plugin.index.size).toBe(0);

	let turns = 0;
	let building = true;
	const tick = (): void => {
		if (!building) return;
		turns++;
		setTimeout(tick, 0);
	};
	setTimeout(tick, 0);
	app.layoutReady();
	await plugin.indexReady;
	building = false;

	expect(plugin.index.size).toBe(vault.specs);
	// Only spec notes are read to build the index: journals, deliverables and notes wait until asked for.
	const specPaths = [...vault.files.keys()].filter((p) => p.endsWith('.spec.md') || p.endsWith('/spec.md') || p.endsWith('/epic.md'));
	expect(new Set(reads)).toEqual(new Set(specPaths));
	// One turn for the UI at least every 200 files listed (the build's chunk size).
	expect(turns).toBeGreaterThanOrEqual(Math.floor(vault.files.size / 200) - 1);
}, 60_000);
