/** @jest-environment jsdom */
import { fileAt } from '../../__mocks__/obsidian';
import { activate, one, openPanel, Panel, settled, texts } from './panel-harness';

const NOTE = 'notes/Storage tiers.md';

/** The tree item of a spec. */
function item(p: Panel, id: string): HTMLElement {
	return one(p.el, `.spec-workflow-tree-item[data-id="${id}"]`);
}

/** Ids of the tree items shown (in a branch that is not folded), depth first. */
function shownIds(p: Panel): string[] {
	return Array.from(p.el.querySelectorAll('.spec-workflow-tree-item'))
		.filter((el) => !el.parentElement?.closest('.spec-workflow-tree-item.is-collapsed'))
		.map((el) => el.getAttribute('data-id') ?? '');
}

function rowText(p: Panel, id: string): string {
	const row = item(p, id).querySelector(':scope > .spec-workflow-tree-row');
	return texts(row as Element, '.spec-workflow-tree-top, .spec-workflow-tree-bottom').join(' | ');
}

function filter(p: Panel, key: string): HTMLElement {
	return one(p.el, `.spec-workflow-filter[data-filter="${key}"]`);
}

describe('the overview, for a note that belongs to no spec', () => {
	it('shows every spec as epics → features → tasks with progress rolled up', async () => {
		const p = await openPanel(undefined, NOTE);
		expect(shownIds(p)).toEqual(['1000', '1001', '1011', '1014', '3000', '3001', '4000', '4005', '9000', '9001']);
		expect(rowText(p, '1000')).toBe('1000Foundation Infrastructure | implementing83% · 10/12');
		expect(rowText(p, '1001')).toBe('1001Storage Infrastructure | implementing83% · 10/12');
		expect(rowText(p, '1011')).toBe('1011Hot Storage NVMe Setup | completed100% · 5/5');
		expect(rowText(p, '1014')).toBe('1014Cold Storage NAS Integration | implementing71% · 5/7');
		expect(rowText(p, '3001')).toBe('3001Market Data Collection | planningNo tasks');
		// Nesting: 1014 sits under 1001, under 1000.
		expect(item(p, '1014').parentElement?.closest('.spec-workflow-tree-item')?.getAttribute('data-id')).toBe('1001');
		expect(item(p, '1001').parentElement?.closest('.spec-workflow-tree-item')?.getAttribute('data-id')).toBe('1000');
		expect(item(p, '1011').querySelector('.spec-workflow-bar')?.classList.contains('is-complete')).toBe(true);
		// The bar carries the full wording for screen readers; the short figure beside it has no tooltip repeating it.
		expect(item(p, '1014').querySelector('.spec-workflow-bar')?.getAttribute('aria-valuetext')).toBe('71% · 5/7 tasks');
		expect(item(p, '1014').querySelector('.spec-workflow-progress-text')?.hasAttribute('aria-label')).toBe(false);
		// The bar is filled to the exact share, not to the nearest 5%.
		expect(item(p, '1014').querySelector<HTMLElement>('.spec-workflow-bar-fill')?.style.getPropertyValue('--spec-workflow-fill')).toBe('71.43%');
		expect(item(p, '1011').querySelector<HTMLElement>('.spec-workflow-bar-fill')?.style.getPropertyValue('--spec-workflow-fill')).toBe('100%');
	});

	it('filters by status, keeping the parents of matches (faint) for context', async () => {
		const p = await openPanel(undefined, NOTE);
		expect(texts(p.el, '.spec-workflow-filter')).toEqual(['All10', 'Planning6', 'Implementing3', 'Blocked0', 'Completed1']);
		filter(p, 'completed').click();
		expect(shownIds(p)).toEqual(['1000', '1001', '1011']);
		expect(item(p, '1000').classList.contains('is-context')).toBe(true);
		expect(item(p, '1011').classList.contains('is-context')).toBe(false);
		expect(filter(p, 'completed').getAttribute('aria-pressed')).toBe('true');

		filter(p, 'planning').click();
		expect(shownIds(p)).toEqual(['3000', '3001', '4000', '4005', '9000', '9001']);

		filter(p, 'blocked').click();
		expect(shownIds(p)).toEqual([]);
		expect(texts(p.el, '.spec-workflow-tree .spec-workflow-empty')).toEqual(['No blocked specs.']);

		filter(p, 'all').click();
		expect(shownIds(p)).toHaveLength(10);
	});

	it('folds and unfolds a branch in place, and keeps it folded across refreshes', async () => {
		const p = await openPanel(undefined, NOTE);
		const renders = p.view.renders;
		const toggle = one(item(p, '1001'), ':scope > .spec-workflow-tree-row > .spec-workflow-tree-toggle');
		expect(toggle.getAttribute('aria-expanded')).toBe('true');
		toggle.click();
		expect(p.view.renders).toBe(renders);
		expect(item(p, '1001').classList.contains('is-collapsed')).toBe(true);
		expect(toggle.getAttribute('aria-expanded')).toBe('false');
		expect(shownIds(p)).toEqual(['1000', '1001', '3000', '3001', '4000', '4005', '9000', '9001']);
		// Leaves have nothing to fold.
		expect(item(p, '1014').querySelector('.spec-workflow-tree-toggle')?.getAttribute('role')).toBeNull();

		await p.app.vault.process(fileAt(p.app, 'specs/3000/3001/spec.md'), (t) => t.replace('status: planning', 'status: blocked'));
		await settled(p);
		expect(p.view.renders).toBe(renders + 1);
		expect(item(p, '1001').classList.contains('is-collapsed')).toBe(true);
		expect(rowText(p, '3001')).toBe('3001Market Data Collection | blockedNo tasks');

		one(item(p, '1001'), ':scope > .spec-workflow-tree-row > .spec-workflow-tree-toggle').click();
		expect(shownIds(p)).toHaveLength(10);
	});

	it('redraws for spec, context and deliverable changes only', async () => {
		const p = await openPanel(undefined, NOTE);
		const renders = p.view.renders;
		await p.app.vault.process(fileAt(p.app, 'notes/2025-08-27 Storage sync.md'), (t) => t + '\n- [ ] Another action item\n');
		await settled(p);
		expect(p.view.renders).toBe(renders);

		// A deliverable's edit can change the Review section's drift.
		await p.app.vault.process(fileAt(p.app, 'specs/1000/1001/deliverables/scripts/benchmark.sh'), (t) => t + '\n# tuned\n');
		await settled(p);
		expect(p.view.renders).toBe(renders + 1);

		await p.app.vault.process(fileAt(p.app, 'specs/1000/1001/1014.context.md'), (t) => t.replace('- [ ] Final validation', '- [x] Final validation'));
		await settled(p);
		expect(p.view.renders).toBe(renders + 2);
		expect(rowText(p, '1014')).toBe('1014Cold Storage NAS Integration | implementing86% · 6/7');
		expect(rowText(p, '1000')).toBe('1000Foundation Infrastructure | implementing92% · 11/12');
	});

	it('every row opens its spec, and the panel then shows that spec', async () => {
		const p = await openPanel(undefined, NOTE);
		one(item(p, '4005'), ':scope > .spec-workflow-tree-row > .spec-workflow-tree-main').click();
		await settled(p);
		expect(p.app.workspace.getActiveFile()?.path).toBe('specs/4000/4005/spec.md');
		expect(one(p.el, '.spec-workflow-title .spec-workflow-id').textContent).toBe('4005');
		await activate(p, NOTE);
		expect(p.el.querySelector('.spec-workflow-overview')).not.toBeNull();
	});
});

describe('the overview when a read fails', () => {
	it('says so in the panel instead of failing the refresh and keeping the old tree', async () => {
		const p = await openPanel(undefined, NOTE);
		// A context note that cannot be read (removed on disk under Obsidian, say).
		jest.spyOn(p.plugin.store, 'read').mockRejectedValue(new Error('specs/1000/1001/1014.context.md: no such file'));
		await expect(p.view.refresh()).resolves.toBeUndefined();
		expect(p.el.querySelector('.spec-workflow-tree-item')).toBeNull();
		expect(texts(p.el, '.spec-workflow-empty-state > div')).toEqual(['Specs cannot be shown', 'Spec workflow failed: specs/1000/1001/1014.context.md: no such file']);
	});
});
