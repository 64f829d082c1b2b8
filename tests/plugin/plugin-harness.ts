import {
	chooseSuggestion,
	createFakeApp,
	fileAt,
	findSetting,
	getOpenModal,
	loadPlugin,
	runCommand,
	suggestionsUpdated,
	suggestionTexts,
	type App,
	type Modal,
} from '../__mocks__/obsidian';
import { startSession } from '../../src/core/workflow/start-session';
import SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { EXAMPLE_VAULT, readVaultFiles } from '../helpers/vault-files';
import { memoryWorkspace, type TestWorkspace } from '../helpers/workspace';

/** The clock of every session test, as `SPEC_WORK_NOW` gives it to the CLI. */
export const NOW = '2025-08-28T10:00';

export interface Loaded {
	app: App;
	plugin: SpecWorkflowPlugin;
}

/** The plugin loaded in the fake app over `files` (default: the example vault), index built, clock fixed. */
export async function loadVault(files: Record<string, string> = readVaultFiles(EXAMPLE_VAULT), now = NOW): Promise<Loaded> {
	const app = createFakeApp(files);
	const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow', name: 'Spec Workflow' });
	plugin.now = () => new Date(now);
	app.layoutReady();
	await plugin.indexReady;
	return { app, plugin };
}

/** The same files in the core's in-memory workspace, to compute the expected bytes. */
export function coreWorkspace(files: Record<string, string> = readVaultFiles(EXAMPLE_VAULT), now = NOW): Promise<TestWorkspace> {
	return memoryWorkspace(files, { now });
}

/** Lets modal chains, vault writes and metadata updates run to the end. */
export async function settle(app: App): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await new Promise((resolve) => setTimeout(resolve, 0));
		await app.flush();
	}
}

/** Runs `spec-workflow:<id>` and lets its first modal open. */
export async function command(app: App, id: string): Promise<void> {
	expect(await runCommand(app, `spec-workflow:${id}`)).toBe(true);
	await settle(app);
}

/** The example vault with session 3 of 1014 started, at `now`, in the plugin and in the core's workspace, its journal open. */
export async function withSession3Started(now: string): Promise<Loaded & { ws: TestWorkspace }> {
	const ws = await coreWorkspace();
	await startSession(ws, { id: '1014', title: 'Validation' });
	const loaded = await loadVault(ws.store.snapshot(), now);
	ws.setNow(now);
	await openNote(loaded.app, 'specs/1000/1001/1014.context.md');
	return { ...loaded, ws };
}

/** Every vault file (not the config folder) as path → text, sorted like the memory store's snapshot. */
export async function vaultFiles(app: App): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	const paths = app.vault
		.getFiles()
		.map((f) => f.path)
		.filter((p) => !p.startsWith('.obsidian/'))
		.sort((a, b) => (a < b ? -1 : 1));
	for (const path of paths) out[path] = await app.vault.read(fileAt(app, path));
	return out;
}

export async function openNote(app: App, path: string): Promise<void> {
	await app.workspace.setActiveFile(fileAt(app, path));
	await settle(app);
}

/** The open modal, failing clearly when there is none. */
export function openModal(): Modal {
	const modal = getOpenModal();
	if (!modal) throw new Error('No modal is open');
	return modal;
}

/** Waits for the open suggest modal's list and clicks the entry at `which` (index or exact text). */
export async function pick(app: App, which: number | string): Promise<void> {
	const modal = openModal();
	await suggestionsUpdated(modal);
	chooseSuggestion(modal, which);
	await settle(app);
}

export async function suggestions(): Promise<string[]> {
	const modal = openModal();
	await suggestionsUpdated(modal);
	return suggestionTexts(modal);
}

/** The input, text area or select of the setting named `name` in the open modal. */
export function field<T extends HTMLElement = HTMLInputElement>(name: string, selector = 'input, textarea, select'): T {
	const setting = findSetting(openModal().contentEl, name);
	const el = setting?.querySelector<T>(selector);
	if (!el) throw new Error(`No field "${name}" in the open modal`);
	return el;
}

/** Types into an input or text area as a user does: value, then an input event. */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
	el.value = value;
	el.dispatchEvent(new (el.ownerDocument.defaultView as Window & typeof globalThis).Event('input'));
}

export function choose(el: HTMLSelectElement, value: string): void {
	el.value = value;
	el.dispatchEvent(new (el.ownerDocument.defaultView as Window & typeof globalThis).Event('change'));
}

export function pressEnter(el: HTMLElement): void {
	el.dispatchEvent(new (el.ownerDocument.defaultView as Window & typeof globalThis).KeyboardEvent('keydown', { key: 'Enter' }));
}

/** The open modal's button labelled `text` (its text or its tooltip). */
export function button(text: string, root: HTMLElement = openModal().modalEl): HTMLElement {
	const all = Array.from(root.querySelectorAll<HTMLElement>('button, .clickable-icon'));
	const el = all.find((b) => b.textContent === text || b.getAttribute('aria-label') === text);
	if (!el) throw new Error(`No button "${text}" among: ${JSON.stringify(all.map((b) => b.textContent || b.getAttribute('aria-label')))}`);
	return el;
}

export async function click(app: App, text: string): Promise<void> {
	button(text).click();
	await settle(app);
}
