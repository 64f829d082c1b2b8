/** @jest-environment jsdom */
import { fileAt, MarkdownView, notices, shownNotices } from '../../__mocks__/obsidian';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { NOW, one, openPanel, Panel, settled } from './panel-harness';

const CONTEXT = 'specs/1000/1001/1014.context.md';

function row(p: Panel, text: string): HTMLElement {
	const found = Array.from(p.el.querySelectorAll<HTMLElement>('.spec-workflow-task')).find((r) => r.textContent === text);
	if (!found) throw new Error(`no task ${text}`);
	return found;
}

function undoButton(): HTMLButtonElement {
	const last = shownNotices[shownNotices.length - 1];
	return one<HTMLButtonElement>(last.messageEl, 'button');
}

describe('a task row on a phone', () => {
	it('a tap on the text ticks nothing and opens the journal at the task’s line', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const before = p.app.vault.contentOf(fileAt(p.app, CONTEXT));
		const task = row(p, 'Final validation');

		one(task, '.spec-workflow-task-text').click();
		await settled(p);

		expect(p.app.vault.contentOf(fileAt(p.app, CONTEXT))).toBe(before);
		expect(one<HTMLInputElement>(task, 'input').checked).toBe(false);
		const view = p.app.workspace.getActiveViewOfType(MarkdownView);
		expect(view?.file?.path).toBe(CONTEXT);
		// `- [ ] Final validation` is line 22 of the note, 21 counted from 0 as Obsidian's editor does.
		expect(before.split('\n')[21]).toBe('- [ ] Final validation');
		expect(view?.getEphemeralState()).toEqual({ line: 21 });
	});

	it('the line is found again when the note changed above the task', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const task = row(p, 'Final validation');
		// Written while the panel waits to redraw: the row still holds the old offsets.
		await p.app.vault.process(fileAt(p.app, CONTEXT), (t) => t.replace('## Plan\n', '## Plan\n\nTwo lines\nadded\n'));
		one(task, '.spec-workflow-task-text').click();
		await settled(p);
		expect(p.app.workspace.getActiveViewOfType(MarkdownView)?.getEphemeralState()).toEqual({ line: 24 });
	});

	it('the checkbox toggles and the notice’s Undo puts the task back through the same operation', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const expected = await memoryWorkspace(readVaultFiles(EXAMPLE_VAULT), { now: NOW });
		await setTaskState(expected, { id: '1014', task: '7', state: 'done' });
		await setTaskState(expected, { id: '1014', task: '7', state: 'pending' });

		one<HTMLInputElement>(row(p, 'Final validation'), 'input').click();
		await settled(p);
		expect(notices).toEqual(['"Final validation" marked done. Undo']);
		expect(p.app.vault.contentOf(fileAt(p.app, CONTEXT))).toContain('\n- [x] Final validation\n');

		undoButton().click();
		await settled(p);

		const after = p.app.vault.contentOf(fileAt(p.app, CONTEXT));
		expect(after).toBe(await expected.store.read(CONTEXT));
		expect(after).toContain('\n- [ ] Final validation\n');
		expect(one<HTMLInputElement>(row(p, 'Final validation'), 'input').checked).toBe(false);
		expect(one(p.el, '.spec-workflow-progress .spec-workflow-progress-text').textContent).toBe('71% · 5/7 tasks');
	});

	it('Undo of a task that was in progress puts it back in progress, not pending', async () => {
		const p = await openPanel(undefined, CONTEXT);
		const before = p.app.vault.contentOf(fileAt(p.app, CONTEXT));

		one<HTMLInputElement>(row(p, 'Documentation'), 'input').click();
		await settled(p);
		expect(p.app.vault.contentOf(fileAt(p.app, CONTEXT))).toContain('\n- [x] Documentation\n');
		undoButton().click();
		await settled(p);

		// The task's line as it was; only the note's `Updated` stamp is the time of the undo.
		expect(p.app.vault.contentOf(fileAt(p.app, CONTEXT))).toBe(before.replace('**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 10:00'));
		expect(row(p, 'Documentation').getAttribute('data-state')).toBe('in-progress');
	});
});
