import { RESUME } from '../../src/core/operations/resume';
import { resumeBrief } from '../../src/core/reports/resume';
import { formatResumeBrief } from '../../src/core/text/resume-text';
import { CTX, duringSession1, SESSION_1_END, SESSION_1_SUMMARY, WALKTHROUGH_BLOCK, WALKTHROUGH_VAULT } from '../core/reports/resume-fixtures';
import { TempVault } from '../helpers/cli-process';
import { readVaultFiles } from '../helpers/vault-files';
import { memoryWorkspace } from '../helpers/workspace';

/** `spec-work resume` as a real process: the core's brief, in words and in JSON. */
describe('spec-work resume on the seed-walkthrough vault', () => {
	let vault: TempVault;
	afterEach(() => vault.cleanup());

	it("prints the core's brief and gives the same facts as JSON, writing nothing", async () => {
		const files = readVaultFiles(WALKTHROUGH_VAULT);
		vault = new TempVault(files);
		const brief = await resumeBrief(await memoryWorkspace(files, { now: '2025-08-28T10:00' }), '1014');
		const text = vault.run(['resume', '1014'], { now: '2025-08-28T10:00' });
		expect(text).toEqual({ code: 0, stdout: formatResumeBrief(brief), stderr: '' });
		expect(text.stdout).toContain('- Session 2 (2025-08-27): Created Directory Structure Script and ran it on `/mnt/nas`; Created Benchmark Script; …\n');
		expect(text.stdout).toContain('- Last activity: Created Setup Guide\n');
		const json = vault.run(['resume', '1014', '--json'], { now: '2025-08-28T10:00' });
		expect(json.code).toBe(0);
		// The brief, and last the revision of the spec and journal it read.
		const answer = await RESUME.run(await memoryWorkspace(files, { now: '2025-08-28T10:00' }), { id: '1014' }, undefined);
		expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(answer)));
		const { revision, revisions, ...rest } = answer;
		expect(rest).toEqual(brief);
		expect(revision).toMatch(/^[0-9a-f]{12}\.[0-9a-f]{12}$/);
		expect(Object.keys(revisions)).toEqual(['specs/1000/1001/1014.spec.md', 'specs/1000/1001/1014.context.md']);
		expect(vault.files()).toEqual(files);
	});

	it("after finish --summary, prints the example's resume block but for the speaker, the label's case and the last line", () => {
		vault = new TempVault(duringSession1());
		const finish = vault.run(['finish', '1014', '--summary', SESSION_1_SUMMARY], { now: SESSION_1_END });
		expect(finish.code).toBe(0);
		expect(vault.files()[CTX]).toContain('\n#### Summary\nCompleted network optimization and NFS setup\n');
		const r = vault.run(['resume', '1014'], { now: '2025-08-27T09:00' });
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(
			[
				'Resuming work on spec 1014 (Cold Storage NAS Integration)',
				...WALKTHROUGH_BLOCK.slice(1, 5),
				'- Last activity: Created Health Monitoring Script',
				...WALKTHROUGH_BLOCK.slice(6, -1),
				'Continue from task 4? Start a session with: spec-work start 1014',
				'',
			].join('\n'),
		);
		const json = JSON.parse(vault.run(['resume', '1014', '--json'], { now: '2025-08-27T09:00' }).stdout) as Record<string, unknown>;
		expect(json).toMatchObject({
			sessions: [{ number: 1, date: '2025-08-26', minutes: 150, status: 'completed', summary: SESSION_1_SUMMARY, summaryFrom: 'summary' }],
			progress: { done: 3, total: 7 },
			lastActivity: 'Created Health Monitoring Script',
			nextTask: { number: 4, text: 'Create directory structure for data organization', state: 'pending' },
		});
	});
});
