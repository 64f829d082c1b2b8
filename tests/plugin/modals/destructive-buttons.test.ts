/** @jest-environment jsdom */
import { createFakeApp, resetApiVersion, setApiVersion } from '../../__mocks__/obsidian';
import type { MigrationLog } from '../../../src/core/migration/migration-log';
import { UnfinishedMigrationModal } from '../../../src/plugin/modals/migration-modal';
import { RevertMigrationModal } from '../../../src/plugin/modals/revert-migration-modal';

/**
 * The buttons that undo a migration look destructive: Obsidian 1.13's destructive style, and on an
 * older app (which has no setDestructive: the fake throws when it is called) the warning style.
 */
const LOG: MigrationLog = { version: 2, applied: '2025-08-28T10:00:00', specsRoot: 'specs', finished: false, moves: [{ from: 'a.md', to: 'b.md' }], edits: [] };
const never = (): Promise<boolean> => new Promise(() => undefined);

function revertButtonClasses(modal: { modalEl: HTMLElement }): string[] {
	const button = Array.from(modal.modalEl.querySelectorAll('button')).find((b) => b.textContent === 'Revert');
	if (!button) throw new Error('No Revert button');
	return [...button.classList].filter((c) => c.startsWith('mod-'));
}

function openBoth(): { modalEl: HTMLElement }[] {
	const app = createFakeApp({});
	const revert = new RevertMigrationModal(app as never, 'log.json', { ...LOG, finished: true }, never);
	const unfinished = new UnfinishedMigrationModal(app as never, 'log.json', LOG, never, never);
	revert.open();
	unfinished.open();
	return [revert, unfinished];
}

afterEach(() => resetApiVersion());

describe('the Revert buttons', () => {
	it('are destructive on Obsidian 1.13', () => {
		setApiVersion('1.13.0');
		expect(openBoth().map(revertButtonClasses)).toEqual([['mod-destructive'], ['mod-destructive']]);
	});

	it('carry the warning style on an app before 1.13, without calling setDestructive', () => {
		setApiVersion('1.12.7');
		expect(openBoth().map(revertButtonClasses)).toEqual([['mod-warning'], ['mod-warning']]);
	});
});
