/** @jest-environment jsdom */
import { one, openPanel, settled, texts } from './panel-harness';

const CONTEXT = 'specs/1000/1001/1014.context.md';

function fill(root: ParentNode): string {
	return one(root, '.spec-workflow-bar-fill').style.getPropertyValue('--spec-workflow-fill');
}

describe('the spec panel’s header and progress', () => {
	it('the breadcrumb keeps each "›" with the crumb after it, so a wrapped line never ends in one', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const items = Array.from(p.el.querySelectorAll('.spec-workflow-breadcrumb > *'));
		expect(items.map((i) => i.className)).toEqual(['spec-workflow-crumb-item', 'spec-workflow-crumb-item']);
		expect(texts(p.el, '.spec-workflow-crumb-item')).toEqual(['1000 Foundation Infrastructure', '›1001 Storage Infrastructure']);
		// No separator before the first crumb or after the last.
		expect(items[0].querySelector('.spec-workflow-crumb-separator')).toBeNull();
		expect(items[1].lastElementChild?.className).toBe('spec-workflow-crumb');
	});

	it('the bar is filled to the exact share done, and follows a task toggled in place', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const progress = one(p.el, '.spec-workflow-progress');
		expect(fill(progress)).toBe('71.43%');
		const row = Array.from(p.el.querySelectorAll('.spec-workflow-task')).find((r) => r.textContent === 'Final validation');
		one<HTMLInputElement>(row as HTMLElement, 'input').click();
		await settled(p);
		expect(fill(progress)).toBe('85.71%');
		expect(one(progress, '.spec-workflow-bar').getAttribute('aria-valuetext')).toBe('86% · 6/7 tasks');
	});

	it('the title and the children’s rows have no tooltip repeating what they show', async () => {
		const p = await openPanel(undefined, 'specs/1000/1001/spec.md');
		expect(one(p.el, '.spec-workflow-title').hasAttribute('aria-label')).toBe(false);
		expect(p.el.querySelectorAll('.spec-workflow-child').length).toBeGreaterThan(0);
		expect(p.el.querySelectorAll('.spec-workflow-child[aria-label]')).toHaveLength(0);
	});
});
