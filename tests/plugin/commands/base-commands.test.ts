/** @jest-environment jsdom */
import { clearNotices, getOpenModal, notices, runCommand, type App } from '../../__mocks__/obsidian';
import { specsBaseText } from '../../../src/core/bases/specs-base';
import { ReplaceBaseModal } from '../../../src/plugin/modals/replace-base-modal';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { buttons, isOpen, loaded, press, vaultFiles, waitForModal } from './artifact-harness';

const BASE_TEXT = specsBaseText('specs');

async function writeBase(app: App): Promise<void> {
	expect(await runCommand(app, 'spec-workflow:write-specs-base')).toBe(true);
	await app.flush();
}

async function answer(app: App, modal: ReplaceBaseModal, label: string): Promise<void> {
	press(modal, label);
	await modal.replacing;
	await app.flush();
}

beforeEach(() => clearNotices());

describe('Write specs base', () => {
	it('writes specs/Specs.base with the bytes spec-work base writes, and nothing else', async () => {
		const { app, before } = await loaded();
		await writeBase(app);
		expect(await vaultFiles(app)).toEqual({ ...before, 'specs/Specs.base': BASE_TEXT });
		expect(notices).toContain('Wrote specs/Specs.base.');
	});

	it('writes under the file name the settings give', async () => {
		const { app, plugin } = await loaded();
		plugin.settings.specsBaseFile = 'Review board';
		await writeBase(app);
		expect((await vaultFiles(app))['specs/Review board.base']).toBe(BASE_TEXT);
	});

	it('asks before replacing an edited base: keeping it writes nothing', async () => {
		const edited = BASE_TEXT.replace('name: All specs', 'name: Everything');
		const { app } = await loaded({ ...readVaultFiles(EXAMPLE_VAULT), 'specs/Specs.base': edited });
		await writeBase(app);
		const modal = await waitForModal(ReplaceBaseModal);
		expect(modal.modalEl.textContent).toContain('specs/Specs.base exists and differs from the base Spec Workflow writes.');
		expect(buttons(modal)).toEqual(['Replace', 'Keep mine']);
		await answer(app, modal, 'Keep mine');
		expect(isOpen(modal)).toBe(false);
		expect((await vaultFiles(app))['specs/Specs.base']).toBe(edited);
	});

	it('replaces an edited base once confirmed', async () => {
		const edited = BASE_TEXT.replace('name: All specs', 'name: Everything');
		const { app } = await loaded({ ...readVaultFiles(EXAMPLE_VAULT), 'specs/Specs.base': edited });
		await writeBase(app);
		const modal = await waitForModal(ReplaceBaseModal);
		await answer(app, modal, 'Replace');
		expect(isOpen(modal)).toBe(false);
		expect((await vaultFiles(app))['specs/Specs.base']).toBe(BASE_TEXT);
		expect(notices).toContain('Replaced specs/Specs.base.');
	});

	it('says a base with these bytes is up to date, asking nothing', async () => {
		const { app } = await loaded({ ...readVaultFiles(EXAMPLE_VAULT), 'specs/Specs.base': BASE_TEXT });
		await writeBase(app);
		expect(getOpenModal(ReplaceBaseModal)).toBeFalsy();
		expect(notices).toContain('specs/Specs.base is up to date.');
	});
});
