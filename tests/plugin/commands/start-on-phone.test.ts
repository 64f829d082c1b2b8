/** @jest-environment jsdom */
import { resetPlatform, setMobilePlatform } from '../../__mocks__/obsidian';
import { STATUS_VIEW_TYPE } from '../../../src/plugin/views/status-view';
import { click, command, loadVault, openNote, pick } from '../plugin-harness';

const SPEC_1014 = 'specs/1000/1001/1014.spec.md';
const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';

afterEach(() => resetPlatform());

/** Starts a session on 1014 from its spec, with the status panel in the (closed) right sidebar. */
async function startOn1014(phone: boolean, reveal?: boolean) {
	if (phone) setMobilePlatform();
	const { app, plugin } = await loadVault();
	if (reveal !== undefined) plugin.settings.revealPanelAfterStartOnPhone = reveal;
	const leaf = await app.workspace.ensureSideLeaf(STATUS_VIEW_TYPE, 'right', { reveal: false });
	await openNote(app, SPEC_1014);
	await command(app, 'start-work');
	await pick(app, 0);
	await click(app, 'Approve');
	return { app, plugin, leaf };
}

describe('Start on a phone', () => {
	it('leaves the context note in view: the panel drawer is not revealed over it by default', async () => {
		const { app, plugin, leaf } = await startOn1014(true);
		expect(plugin.settings.revealPanelAfterStartOnPhone).toBe(false);
		expect(app.workspace.getActiveFile()?.path).toBe(CONTEXT_1014);
		expect(leaf.revealed).toBe(false);
		expect(app.workspace.rightSplit.collapsed).toBe(true);
	});

	it('reveals the panel when the setting asks for it', async () => {
		const { leaf } = await startOn1014(true, true);
		expect(leaf.revealed).toBe(true);
	});

	it('on desktop the panel comes into view as before', async () => {
		const { leaf } = await startOn1014(false);
		expect(leaf.revealed).toBe(true);
	});
});
