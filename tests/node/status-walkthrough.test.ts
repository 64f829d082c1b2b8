import { join } from 'path';
import { TempVault } from '../helpers/cli-process';
import { readVaultFiles } from '../helpers/vault-files';

/** The walkthrough's vault as its author keeps it (numbered ✅/⏳ plan, task 6 half done). */
const WALKTHROUGH = join(__dirname, '..', 'fixtures', 'real-vaults', 'seed-walkthrough');

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
		expect(r.stdout).toBe(
			[
				'# Spec 1014: Cold Storage NAS Integration',
				'',
				'## Progress: 71% Complete (5/7 tasks)',
				'',
				'### Completed:',
				'✅ Network buffer optimization',
				'✅ NFS mount configuration',
				'✅ Directory structure creation',
				'✅ Health monitoring script',
				'✅ Performance benchmarking',
				'',
				'### In Progress:',
				'⏳ Documentation (50% complete)',
				'',
				'### Pending:',
				'⏳ Final validation',
				'',
				'### Blocked:',
				'❌ None',
				'',
				'### Acceptance Criteria: 3/4 met',
				'',
				'### Deliverables Created:',
				'- 4 scripts in deliverables/scripts/',
				'- 2 documents in deliverables/docs/',
				'- 2 configs in deliverables/config/',
				'',
				'### Time Spent:',
				'- Session 1: 2.5 hours (2025-08-26)',
				'- Session 2: 1.5 hours (2025-08-27)',
				'- Total: 4 hours',
				'',
				'### Last Commit: b2c3d4e - "Add performance benchmarking results"',
				'',
				'### Parent: 1001 - Storage Infrastructure - 83% (10/12 tasks)',
				'',
				'### Children: None',
				'',
			].join('\n'),
		);
	});

	it('--json carries task 6’s own progress in taskList', () => {
		const r = vault.run(['status', '1014', '--json']);
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout) as { tasks: { inProgress: string[] }; taskList: unknown[] };
		expect(json.tasks.inProgress).toEqual(['Documentation']);
		expect(json.taskList[5]).toEqual({ number: 6, text: 'Documentation', state: 'in-progress', progress: { percent: 50, done: 1, total: 2, from: 'sub-items' } });
	});
});
