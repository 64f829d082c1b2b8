/** @jest-environment jsdom */
import { resetApiVersion, setApiVersion } from '../../__mocks__/obsidian';
import { FOLDS_KEY } from '../../../src/plugin/views/folding';
import { revealStatusPanel } from '../../../src/plugin/views/register-status-view';
import { STATUS_VIEW_TYPE } from '../../../src/plugin/views/status-view';
import { one, openPanel, Panel, settled } from './panel-harness';

const CONTEXT = 'specs/1000/1001/1014.context.md';

function fold(p: Panel, key: string): HTMLElement {
	return one(p.el, `[data-fold="${key}"]`);
}

function heading(el: HTMLElement): HTMLElement {
	return one(el, ':scope > .spec-workflow-fold-heading');
}

/** Closes the panel and opens a new one, as after restarting Obsidian on the same device. */
async function reopen(p: Panel): Promise<Panel> {
	p.app.workspace.getLeavesOfType(STATUS_VIEW_TYPE).forEach((leaf) => leaf.detach());
	const view = await revealStatusPanel(p.plugin);
	if (!view) throw new Error('no status view');
	document.body.appendChild(view.containerEl);
	const again = { ...p, view, el: view.contentEl };
	await settled(again);
	return again;
}

afterEach(() => resetApiVersion());

describe('folding the panel’s sections', () => {
	it('every section and task group folds from its heading; Completed starts folded', async () => {
		const p = await openPanel(undefined, CONTEXT);
		expect(fold(p, 'group:done').classList.contains('is-collapsed')).toBe(true);
		expect(heading(fold(p, 'group:done')).getAttribute('aria-expanded')).toBe('false');
		for (const key of ['group:in-progress', 'group:pending', 'section:Plan', 'section:Deliverables', 'section:Sessions']) {
			expect(fold(p, key).classList.contains('is-collapsed')).toBe(false);
		}

		heading(fold(p, 'section:Sessions')).click();
		heading(fold(p, 'group:done')).click();

		expect(fold(p, 'section:Sessions').classList.contains('is-collapsed')).toBe(true);
		expect(heading(fold(p, 'section:Sessions')).getAttribute('aria-expanded')).toBe('false');
		expect(fold(p, 'group:done').classList.contains('is-collapsed')).toBe(false);
	});

	it('remembers what is folded on this device, not in data.json which syncs', async () => {
		const p = await openPanel(undefined, CONTEXT);
		heading(fold(p, 'section:Sessions')).click();
		heading(fold(p, 'group:done')).click();
		expect(p.app.loadLocalStorage(FOLDS_KEY)).toEqual({ 'section:Sessions': true, 'group:done': false });
		expect(JSON.stringify(await p.plugin.loadData())).not.toContain('Sessions');

		const again = await reopen(p);
		expect(fold(again, 'section:Sessions').classList.contains('is-collapsed')).toBe(true);
		expect(fold(again, 'group:done').classList.contains('is-collapsed')).toBe(false);
		expect(fold(again, 'section:Deliverables').classList.contains('is-collapsed')).toBe(false);
	});

	it('a redraw keeps the folds', async () => {
		const p = await openPanel(undefined, CONTEXT);
		heading(fold(p, 'section:Deliverables')).click();
		await p.view.refresh();
		expect(fold(p, 'section:Deliverables').classList.contains('is-collapsed')).toBe(true);
	});

	it('before Obsidian 1.8.7, without local storage, folds last while the app runs', async () => {
		setApiVersion('1.8.0');
		const p = await openPanel(undefined, CONTEXT);
		heading(fold(p, 'section:Sessions')).click();
		await p.view.refresh();
		expect(fold(p, 'section:Sessions').classList.contains('is-collapsed')).toBe(true);
		resetApiVersion();
		expect(p.app.loadLocalStorage(FOLDS_KEY)).toBeNull();
	});
});
