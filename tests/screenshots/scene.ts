/**
 * The screenshot page's script (bundled by scripts/screenshots.mjs for headless Chromium): the
 * plugin loaded in the Obsidian fake over the example vault's files, the status panel opened for
 * a note, and a plain imitation of Obsidian's window around it — a note pane beside the right
 * sidebar on desktop, the right drawer on a phone.
 */
import { App, createFakeApp, fileAt, loadPlugin, setMobilePlatform } from '../__mocks__/obsidian';
import { startSession } from '../../src/core/workflow/start-session';
import { proposePlan } from '../../src/core/workflow/plan-proposal';
import { reviewedScene } from './review-scene';
import SpecWorkflowPlugin from '../../src/plugin/spec-workflow-plugin';
import { revealStatusPanel } from '../../src/plugin/views/register-status-view';
import { renderBasesScene, withReviews } from './bases-scene';
import { setIcon } from './obsidian-browser';
import { openModalScene, type ModalScene } from './modal-scene';

export interface Scene {
	files: Record<string, string>;
	/** The active note. */
	active: string;
	phone: boolean;
	dark: boolean;
	/** Open a session on this spec first (its clock: 09:15, the panel's: 10:00). */
	session?: { id: string; title: string };
	/** Overview: a status filter to press. */
	filter?: string;
	/** A plan an agent proposed for this spec, awaiting approval (at 09:15). */
	proposal?: { id: string; plan: string[] };
	/** 1014 reviewed the evening before, then a session that edited a script and finished a task. */
	review?: boolean;
	/** Instead of the panel: the specs base in the Spec tree Bases view, some specs reviewed. */
	specTree?: boolean;
	/** Over the panel: the modal its button opens, filled in. */
	modal?: ModalScene;
}

declare global {
	interface Window {
		renderScene(scene: Scene): Promise<void>;
	}
}

window.renderScene = async (scene: Scene): Promise<void> => {
	document.body.className = `${scene.dark ? 'theme-dark' : 'theme-light'} ${scene.phone ? 'is-mobile is-phone' : 'is-desktop'}`;
	if (scene.phone) setMobilePlatform();
	const app = createFakeApp(scene.specTree ? withReviews(scene.files) : scene.files);
	const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow', name: 'Spec Workflow' });
	app.layoutReady();
	await plugin.indexReady;
	if (scene.specTree) return renderBasesScene(app, plugin, scene.phone);
	if (scene.session) {
		plugin.now = () => new Date('2025-08-28T09:15');
		await startSession(plugin.workspace(), { id: scene.session.id, title: scene.session.title, participants: 'User, Claude' });
		await app.flush();
	}
	if (scene.proposal) {
		plugin.now = () => new Date('2025-08-28T09:15');
		await proposePlan(plugin.workspace(), scene.proposal);
		await app.flush();
	}
	if (scene.review) await reviewedScene(plugin, app);
	plugin.now = () => new Date('2025-08-28T10:00');
	await app.workspace.setActiveFile(fileAt(app, scene.active));
	await app.flush();
	const view = await revealStatusPanel(plugin);
	if (!view) throw new Error('The status panel did not open');
	await app.flush();
	await view.settle();
	if (scene.filter) view.contentEl.querySelector<HTMLElement>(`[data-filter="${scene.filter}"]`)?.click();

	const root = document.body.createDiv('app-container');
	if (scene.phone) {
		const drawer = root.createDiv('mobile-drawer');
		const header = drawer.createDiv('drawer-header');
		setIcon(header.createDiv('drawer-icon'), 'list-checks');
		header.createDiv({ cls: 'drawer-title', text: view.getDisplayText() });
		setIcon(header.createDiv('drawer-close'), 'x');
		drawer.appendChild(view.containerEl);
		if (scene.modal) await openModalScene(app, view.containerEl, scene.modal);
		return;
	}
	const ribbon = root.createDiv('side-ribbon');
	for (const icon of ['folder', 'search', 'list-checks']) setIcon(ribbon.createDiv('ribbon-icon'), icon);
	const main = root.createDiv('main-pane');
	const tab = main.createDiv('tab-header');
	const title = tab.createDiv('tab-title');
	setIcon(title.createSpan('tab-icon'), 'file-text');
	title.createSpan({ text: fileAt(app, scene.active).basename });
	renderNote(main.createDiv('note-pane'), app, scene.active);
	const sidebar = root.createDiv('right-sidebar');
	const tabs = sidebar.createDiv('sidebar-tabs');
	setIcon(tabs.createDiv('sidebar-tab is-active'), 'list-checks');
	setIcon(tabs.createDiv('sidebar-tab'), 'search');
	sidebar.appendChild(view.containerEl);
	if (scene.modal) await openModalScene(app, view.containerEl, scene.modal);
};

/** The note in a reading-like layout: properties folded into a line, headings, list items, paragraphs. */
function renderNote(pane: HTMLElement, app: App, path: string): void {
	const text = app.vault.contentOf(fileAt(app, path));
	const body = text.startsWith('---\n') ? text.slice(text.indexOf('\n---\n', 4) + 5) : text;
	const page = pane.createDiv('note-page');
	page.createDiv({ cls: 'note-title', text: fileAt(app, path).basename });
	let inFence = false;
	let paragraph: HTMLElement | null = null;
	let previous = '';
	for (const line of body.split('\n').slice(0, 80)) {
		const trimmed = line.trim();
		if (trimmed.startsWith('```')) {
			inFence = !inFence;
			paragraph = null;
			continue;
		}
		if (inFence) {
			page.createDiv({ cls: 'note-code', text: line });
			continue;
		}
		if (trimmed.startsWith('|')) {
			if (!/^\|[-| ]+\|$/.test(trimmed)) page.createDiv({ cls: 'note-code', text: plain(trimmed) });
			paragraph = null;
			continue;
		}
		const heading = /^(#{1,6})\s+(.*)$/.exec(line);
		const item = /^\s*[-*]\s+(\[(.)\]\s+)?(.*)$/.exec(line);
		if (heading) page.createDiv({ cls: `note-h${heading[1].length}`, text: plain(heading[2]) });
		else if (item) {
			const li = page.createDiv('note-li');
			if (item[1]) {
				li.addClass('is-task');
				li.createEl('input', { type: 'checkbox' }).checked = item[2] === 'x';
			}
			paragraph = li.createSpan({ text: plain(item[3]) });
			continue;
		} else if (trimmed !== '' && paragraph && /^\s/.test(line)) {
			paragraph.appendText(' ' + plain(trimmed));
			continue;
		} else if (trimmed !== '' && paragraph && paragraph.hasClass('note-p')) {
			// Two trailing spaces on the line before are a hard line break.
			if (previous.endsWith('  ')) paragraph.createEl('br');
			else paragraph.appendText(' ');
			paragraph.appendText(plain(trimmed));
			previous = line;
			continue;
		} else if (trimmed !== '') {
			paragraph = page.createDiv({ cls: 'note-p', text: plain(trimmed) });
			previous = line;
			continue;
		}
		paragraph = null;
	}
}

/** Link and emphasis syntax reduced to what a reader sees. */
function plain(s: string): string {
	return s
		.replace(/\[\[([^\]|\\]+)\\?\|([^\]]+)\]\]/g, '$2')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/\[\[([^\]]+)\]\]/g, '$1')
		.replace(/\*\*([^*]+)\*\*/g, '$1')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/ {2}$/, '');
}
