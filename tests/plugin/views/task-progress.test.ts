/** @jest-environment jsdom */
import { fileAt } from '../../__mocks__/obsidian';
import { specStatus } from '../../../src/core/reports/spec-status';
import { formatStatus } from '../../../src/core/text/status-text';
import { readVaultFiles } from '../../helpers/vault-files';
import { WALKTHROUGH } from '../../helpers/walkthrough-status';
import { memoryWorkspace } from '../../helpers/workspace';
import { openPanel, settled, texts } from './panel-harness';

const CONTEXT = 'specs/1000/1001/1014.context.md';

function row(el: HTMLElement, number: number): HTMLElement {
	const found = el.querySelector<HTMLElement>(`.spec-workflow-task[data-task="${number}"]`);
	if (!found) throw new Error(`no task ${number}`);
	return found;
}

describe('the status panel shows a task’s own progress as the CLI does', () => {
	it('lists the half-done ⏳ task under In progress with “(50% complete)”, the words of `spec-work status`', async () => {
		const files = readVaultFiles(WALKTHROUGH);
		const p = await openPanel(files, CONTEXT);
		expect(texts(p.el, '.spec-workflow-task-group .spec-workflow-group-heading')).toEqual(['In progress1', 'Pending1', 'Completed5']);
		expect(texts(p.el, '.spec-workflow-task-group.is-in-progress .spec-workflow-task-text')).toEqual(['Documentation']);
		expect(texts(p.el, '.spec-workflow-task-group.is-in-progress .spec-workflow-task-progress')).toEqual(['(50% complete)']);
		// Only the task in progress carries a figure.
		expect(p.el.querySelectorAll('.spec-workflow-task-progress')).toHaveLength(1);

		const cli = formatStatus(await specStatus(await memoryWorkspace(files), '1014'));
		expect(cli).toContain('### In Progress:\n⏳ Documentation (50% complete)\n');
		expect(texts(row(p.el, 6), 'span').join(' ')).toBe('Documentation (50% complete)');
	});

	it('ticking it writes ✅ over its ⏳ and hides the figure; the sub-items stay as written', async () => {
		const p = await openPanel(readVaultFiles(WALKTHROUGH), CONTEXT);
		const before = p.app.vault.contentOf(fileAt(p.app, CONTEXT));
		const task = row(p.el, 6);
		task.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
		await settled(p);
		const after = p.app.vault.contentOf(fileAt(p.app, CONTEXT));
		expect(after).toBe(before.replace('6. ⏳ Documentation\n', '6. ✅ Documentation\n').replace('**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 10:00'));
		expect(after).toContain('6. ✅ Documentation\n   - [x] Setup guide\n   - [ ] Troubleshooting guide\n');
		expect(row(p.el, 6).getAttribute('data-state')).toBe('done');
		expect(row(p.el, 6).querySelector<HTMLElement>('.spec-workflow-task-progress')?.style.display).toBe('none');
	});
});
