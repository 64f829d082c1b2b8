/** @jest-environment jsdom */
import { getOpenModal, notices } from '../../__mocks__/obsidian';
import { startSession } from '../../../src/core/workflow/start-session';
import { coreWorkspace, click, command, loadVault, openNote, settle, type, field, vaultFiles } from '../plugin-harness';
import { activate, one, openPanel, Panel } from './panel-harness';
import { FEATURE as F, SHARED_DELIVERABLES_VAULT as VAULT } from '../../helpers/shared-deliverables-vault';

function shownId(p: Panel): string | null {
	return one(p.el, '.spec-workflow-title .spec-workflow-id').textContent;
}

describe('a deliverable in a feature’s shared deliverables folder', () => {
	it('shows the panel of the spec its registration, else its traceback, else its folder gives it', async () => {
		const p = await openPanel(VAULT, `${F}/deliverables/scripts/mount.sh`);
		expect(shownId(p)).toBe('2011');
		await activate(p, `${F}/deliverables/docs/handwritten.md`);
		expect(shownId(p)).toBe('2011');
		await activate(p, `${F}/deliverables/scripts/plain.sh`);
		expect(shownId(p)).toBe('2001');
		await activate(p, `${F}/deliverables/docs/registered.md`);
		expect(shownId(p)).toBe('2011');
		await activate(p, `${F}/deliverables/docs/feature-guide.md`);
		expect(shownId(p)).toBe('2001');
	});

	it('its panel’s Start starts the task’s session: the task’s journal is written, the feature has none', async () => {
		const p = await openPanel(VAULT, `${F}/deliverables/scripts/mount.sh`);
		button(p, 'Start').click();
		await settle(p.app);
		expect(getOpenModal()?.titleEl.textContent).toBe('Start work on 2011 - NAS mount');
		type(field('Session title'), 'Mount');
		await click(p.app, 'Approve');

		const ws = await coreWorkspace(VAULT);
		await startSession(ws, { id: '2011', title: 'Mount' });
		expect(await vaultFiles(p.app)).toEqual(ws.store.snapshot());
		expect(Object.keys(ws.store.snapshot()).filter((f) => !(f in VAULT))).toEqual([`${F}/2011.context.md`]);
		expect(notices).toEqual(['Started session 1 on 2011']);
	});

	it('a command run with the task’s script active acts on the task', async () => {
		const { app } = await loadVault(VAULT);
		await openNote(app, `${F}/deliverables/scripts/mount.sh`);
		await command(app, 'resume-work');
		expect(getOpenModal()?.titleEl.textContent).toBe('Resume work on 2011 - NAS mount');
	});
});

function button(p: Panel, text: string): HTMLButtonElement {
	const found = Array.from(p.el.querySelectorAll<HTMLButtonElement>('button')).filter((b) => b.textContent === text);
	if (found.length !== 1) throw new Error(`${found.length} buttons "${text}"`);
	return found[0];
}
