import type { Workspace } from '../../../src/core/workspace/workspace';
import { App, createFakeApp, fileAt, getOpenModal, loadPlugin, runCommand, TFile } from '../../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace, TestWorkspace } from '../../helpers/workspace';

/** The clock every test fixes, in the plugin and in the core run it is compared with. */
export const NOW = '2025-08-28T10:00';

export interface Loaded {
	app: App;
	plugin: SpecWorkflowPlugin;
	/** The vault's files before the test ran. */
	before: Record<string, string>;
}

/** The plugin loaded over a copy of the example vault (or `files`), index built, clock fixed. */
export async function loaded(files: Record<string, string> = readVaultFiles(EXAMPLE_VAULT)): Promise<Loaded> {
	const app = createFakeApp(files);
	const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
	plugin.now = () => new Date(NOW);
	app.layoutReady();
	await plugin.indexReady;
	await app.flush();
	return { app, plugin, before: { ...files } };
}

/** The same files in the core's in-memory workspace with the same clock: what the CLI would write. */
export function coreWorkspace(files: Record<string, string>): Promise<TestWorkspace> {
	return memoryWorkspace(files, { now: NOW });
}

/** Every file in the fake vault, path → text. */
export async function vaultFiles(app: App): Promise<Record<string, string>> {
	const out: Record<string, string> = {};
	for (const file of app.vault.getFiles().sort((a, b) => (a.path < b.path ? -1 : 1))) out[file.path] = await app.vault.read(file);
	return out;
}

export async function openNote(app: App, path: string): Promise<void> {
	await app.workspace.setActiveFile(fileAt(app, path));
	await app.flush();
}

export function activePath(app: App): string | null {
	return app.workspace.getActiveFile()?.path ?? null;
}

/** Waits (a few macrotasks at most) until a modal of this type is open. */
export async function waitForModal<T extends object>(type: abstract new (...args: never[]) => T): Promise<T> {
	for (let i = 0; i < 50; i++) {
		const modal = getOpenModal(type);
		if (modal) return modal;
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	throw new Error(`No ${type.name} opened`);
}

/** Starts a command that will wait on a picker: returns its completion without awaiting it. */
export function startCommand(app: App, id: string): Promise<boolean> {
	return runCommand(app, `spec-workflow:${id}`);
}

interface ModalLike {
	modalEl: HTMLElement;
}

/** The input (or select, textarea) of the setting named `name` in a modal. */
export function field<T extends HTMLElement = HTMLInputElement>(modal: object, name: string): T {
	const { modalEl } = modal as ModalLike;
	for (const el of Array.from(modalEl.querySelectorAll<HTMLElement>('.setting-item'))) {
		if (el.querySelector('.setting-item-name')?.textContent !== name) continue;
		const input = el.querySelector<T>('input, select, textarea');
		if (input) return input;
	}
	throw new Error(`No field "${name}" in the modal`);
}

/** Whether the setting named `name` is shown. */
export function shown(modal: object, name: string): boolean {
	const input = field(modal, name);
	const item = input.closest<HTMLElement>('.setting-item');
	return item !== null && item.style.display !== 'none';
}

/** Types into a text field or text area as a user does: the value, then an `input` event. */
export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
	input.value = value;
	input.dispatchEvent(new (input.ownerDocument.defaultView ?? window).Event('input'));
}

/** Chooses an option of a dropdown: the value, then a `change` event. */
export function choose(select: HTMLSelectElement, value: string): void {
	if (!Array.from(select.options).some((o) => o.value === value)) {
		throw new Error(`No option ${value} among ${Array.from(select.options, (o) => o.value).join(', ')}`);
	}
	select.value = value;
	select.dispatchEvent(new (select.ownerDocument.defaultView ?? window).Event('change'));
}

/** Clicks the button reading `text` in a modal. */
export function press(modal: object, text: string): void {
	const { modalEl } = modal as ModalLike;
	const button = Array.from(modalEl.querySelectorAll('button')).find((b) => b.textContent === text);
	if (!button) throw new Error(`No button "${text}" in the modal`);
	button.click();
}

export function buttons(modal: object): string[] {
	return Array.from((modal as ModalLike).modalEl.querySelectorAll('button'), (b) => b.textContent ?? '');
}

export function isOpen(modal: object): boolean {
	return (modal as ModalLike).modalEl.isConnected;
}

export function isFile(app: App, path: string): boolean {
	return app.vault.getAbstractFileByPath(path) instanceof TFile;
}

/** What the core (as the CLI runs it) writes for the same input and clock, on the same files. */
export async function coreResult(files: Record<string, string>, run: (ws: Workspace) => Promise<unknown>): Promise<Record<string, string>> {
	const ws = await coreWorkspace(files);
	await run(ws);
	return ws.store.snapshot();
}

/** The core's refusal message for the same input (fails the test if the core accepts it). */
export async function coreError(files: Record<string, string>, run: (ws: Workspace) => Promise<unknown>): Promise<string> {
	const ws = await coreWorkspace(files);
	return run(ws).then(
		() => {
			throw new Error('the core accepted it');
		},
		(e: Error) => e.message,
	);
}
