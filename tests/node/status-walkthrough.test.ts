import { TempVault } from '../helpers/cli-process';
import { readVaultFiles } from '../helpers/vault-files';
import { WALKTHROUGH, WALKTHROUGH_STATUS } from '../helpers/walkthrough-status';

/** `spec-work status 1014` on the walkthrough's vault, as a real process. */
describe('spec-work status on the walkthrough’s vault', () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault(readVaultFiles(WALKTHROUGH));
	});
	afterEach(() => vault.cleanup());

	it('prints the walkthrough’s status block, with the added sections where they belong', () => {
		const r = vault.run(['status', '1014']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(WALKTHROUGH_STATUS);
	});

	it('--json carries task 6’s own progress in taskList', () => {
		const r = vault.run(['status', '1014', '--json']);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout) as { tasks: { inProgress: string[] }; taskList: unknown[] };
		expect(json.tasks.inProgress).toEqual(['Documentation']);
		expect(json.taskList[5]).toEqual({ number: 6, text: 'Documentation', state: 'in-progress', progress: { percent: 50, done: 1, total: 2, from: 'sub-items' } });
	});
});
