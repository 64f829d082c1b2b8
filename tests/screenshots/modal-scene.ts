/**
 * The modal screenshots' story: on the phone, from the status panel of 1014, the user presses
 * Start (or, with a session open, Add deliverable) and fills the modal in. The modals are the
 * plugin's own, opened by the panel's buttons; the fields are typed into as a person would.
 */
import type { App } from '../__mocks__/obsidian';
import { drawIcons } from './obsidian-browser';

export type ModalScene = 'start-session' | 'add-deliverable';

/** Presses the panel's button and fills in the modal it opens. */
export async function openModalScene(app: App, panel: HTMLElement, which: ModalScene): Promise<void> {
	pressButton(panel, which === 'start-session' ? 'Start' : 'Add deliverable');
	const modal = await opened(app);
	if (which === 'start-session') {
		type(field(modal, 'Session title'), 'Troubleshooting guide and final validation');
		for (const task of ['Write the troubleshooting guide', 'Validate restores with the downstream teams']) {
			type(field(modal, 'New task'), task);
			pressButton(modal, 'Add');
		}
	} else {
		choose(modal, 'Type', 'docs');
		type(field(modal, 'File name'), 'restore-runbook.md');
		type(field(modal, 'Title'), 'Restore runbook');
		type(field(modal, 'Purpose'), 'Bring a day of ticks back from the NAS');
		type(field(modal, 'Initial content', 'textarea'), '# Restore runbook\n\n1. Find the day in /mnt/nas/ticks\n2. rsync it back to /mnt/hot');
	}
	await app.flush();
	drawIcons(modal);
}

function pressButton(root: HTMLElement, text: string): void {
	const button = Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent === text);
	if (!button) throw new Error(`No button "${text}"`);
	button.click();
}

/** The open modal's element, once the flow behind the button has opened it. */
async function opened(app: App): Promise<HTMLElement> {
	for (let i = 0; i < 20; i++) {
		await app.flush();
		const modal = document.querySelector<HTMLElement>('.modal-container .modal');
		if (modal) return modal;
	}
	throw new Error('No modal opened');
}

function field<T extends 'input' | 'textarea' | 'select' = 'input'>(modal: HTMLElement, name: string, tag?: T): HTMLElementTagNameMap[T] {
	const setting = Array.from(modal.querySelectorAll<HTMLElement>('.setting-item')).find((s) => s.querySelector('.setting-item-name')?.textContent === name);
	const el = setting?.querySelector<HTMLElementTagNameMap[T]>(tag ?? 'input');
	if (!el) throw new Error(`No field "${name}"`);
	return el;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
	input.value = text;
	input.dispatchEvent(new Event('input'));
}

function choose(modal: HTMLElement, name: string, value: string): void {
	const select = field(modal, name, 'select');
	select.value = value;
	select.dispatchEvent(new Event('change'));
}
