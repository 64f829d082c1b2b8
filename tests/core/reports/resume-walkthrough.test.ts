import { finishSession } from '../../../src/core/workflow/finish-session';
import { resumeBrief } from '../../../src/core/reports/resume';
import { formatResumeBrief } from '../../../src/core/text/resume-text';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { CTX, duringSession1, SESSION_1_END, SESSION_1_SUMMARY, WALKTHROUGH_BLOCK, WALKTHROUGH_VAULT } from './resume-fixtures';

describe('resume 1014 on the seed-walkthrough vault', () => {
	it('says what each session did and names the last deliverable made, not the last test line', async () => {
		const ws = await memoryWorkspace(readVaultFiles(WALKTHROUGH_VAULT));
		const before = ws.store.snapshot();
		const brief = await resumeBrief(ws, '1014');
		expect(brief.sessions).toEqual([
			{
				number: 1,
				date: '2025-08-26',
				title: 'Initial Planning and Network Setup',
				minutes: 150,
				status: 'completed',
				summary: 'Analyzing current NFS mount at 192.168.1.101:/storage; Created Network Optimization Script; …',
				summaryFrom: 'implementation',
			},
			{
				number: 2,
				date: '2025-08-27',
				title: 'Directory Structure and Benchmarking',
				minutes: 90,
				status: 'completed',
				summary: 'Created Directory Structure Script and ran it on `/mnt/nas`; Created Benchmark Script; …',
				summaryFrom: 'implementation',
			},
		]);
		// Session 2 went on to start and update files, and to test, after its last new deliverable.
		expect(brief.lastActivity).toBe('Created Setup Guide');
		expect(formatResumeBrief(brief).split('\n## Remaining Tasks:\n')[0]).toBe(
			'Resuming work on spec 1014 (Cold Storage NAS Integration)\n\n' +
				'## Previous Session Summary:\n' +
				'- Session 1 (2025-08-26): Analyzing current NFS mount at 192.168.1.101:/storage; Created Network Optimization Script; …\n' +
				'- Session 2 (2025-08-27): Created Directory Structure Script and ran it on `/mnt/nas`; Created Benchmark Script; …\n' +
				'- Status: 5/7 tasks completed\n' +
				'- Last activity: Created Setup Guide\n',
		);
		expect(brief.remainingTasks.map((t) => `${t.number}. ${t.text}`)).toEqual(['6. Documentation', '7. Final validation']);
		// Documentation is half done by its sub-items: ⏳ as the plan writes it, with its figure, as status shows it.
		expect(formatResumeBrief(brief)).toContain('## Remaining Tasks:\n6. ⏳ Documentation (50% complete)\n7. ⏳ Final validation\n\nContinue from task 6?');
		expect(ws.store.snapshot()).toEqual(before);
	});

	it("prints the example's resume block line for line once session 1 is finished with its summary", async () => {
		const ws = await memoryWorkspace(duringSession1(), { now: SESSION_1_END });
		await finishSession(ws, { id: '1014', summary: SESSION_1_SUMMARY });
		// finish --summary keeps it as a paragraph under the session's own `#### Summary`.
		expect(ws.store.snapshot()[CTX]).toContain('- **Commit**: `l0m1n2o`\n\n#### Summary\nCompleted network optimization and NFS setup\n\n## Deliverables\n');
		ws.setNow('2025-08-27T09:00');
		const brief = await resumeBrief(ws, '1014');
		expect(brief.sessions).toEqual([
			{
				number: 1,
				date: '2025-08-26',
				title: 'Initial Planning and Network Setup',
				minutes: 150,
				status: 'completed',
				summary: SESSION_1_SUMMARY,
				summaryFrom: 'summary',
			},
		]);
		const lines = formatResumeBrief(brief).split('\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(WALKTHROUGH_BLOCK.length);
		// Every other line is the example's, byte for byte.
		expect(WALKTHROUGH_BLOCK.map((seed, i) => [seed, lines[i]]).filter(([seed, ours]) => seed !== ours)).toEqual([
			// Not a chat: no speaker.
			['Claude: Resuming work on spec 1014 (Cold Storage NAS Integration)', 'Resuming work on spec 1014 (Cold Storage NAS Integration)'],
			// The deliverable's label as the journal links it.
			['- Last activity: Created health monitoring script', '- Last activity: Created Health Monitoring Script'],
			// Not interactive: the command that continues.
			['Continue from task 4? (yes/no/select)', 'Continue from task 4? Start a session with: spec-work start 1014'],
		]);
	});
});

/** The fixture's vault with 1014's journal timeline replaced by these sessions. */
async function withSessions(sessions: string) {
	const files = readVaultFiles(WALKTHROUGH_VAULT);
	const text = files[CTX];
	const start = text.indexOf('### Session 1:');
	files[CTX] = text.slice(0, start) + sessions + text.slice(text.indexOf('## Deliverables\n'));
	return memoryWorkspace(files);
}

describe('resume: what a session line and the last activity say', () => {
	it("takes a session's summary: the #### Summary paragraphs, else its **Summary** field, over its entries", async () => {
		const ws = await withSessions(
			'### Session 1: 2025-08-26 - Network\n**Status**: completed  \n**Summary**: Tuned the [[deliverables/config/sysctl.nas.conf|buffers]]\n\n' +
				'#### Implementation\n- Created [[deliverables/scripts/optimize-network.sh|Network Optimization Script]]\n\n' +
				'### Session 2: 2025-08-27 - Layout\n**Status**: completed\n\n' +
				'#### Implementation\n- Created [[deliverables/scripts/directory-setup.sh|Directory Script]]\n\n' +
				'#### Summary\nLaid out the folders\nfor three consumers.\n\nBenchmarks: see [the guide](deliverables/docs/nas-setup-guide.md)\n\n' +
				'```bash\nif [[ -d /mnt/nas ]]; then echo ok; fi\n```\n\n',
		);
		const brief = await resumeBrief(ws, '1014');
		expect(brief.sessions.map((s) => [s.summary, s.summaryFrom])).toEqual([
			['Tuned the buffers', 'summary'],
			['Laid out the folders for three consumers. Benchmarks: see the guide', 'summary'],
		]);
		// A summary is what happened, not something made.
		expect(brief.lastActivity).toBe('Created Directory Script');
		expect(formatResumeBrief(brief)).toContain(
			'- Session 1 (2025-08-26): Tuned the buffers\n' + '- Session 2 (2025-08-27): Laid out the folders for three consumers. Benchmarks: see the guide\n',
		);
	});

	it('falls back to the title for a session without Implementation, and to the last item for the last activity', async () => {
		const ws = await withSessions(
			'### Session 1: 2025-08-26 - Kick-off\n**Status**: completed\n\n#### Planning\n- Read the spec\n\n#### Testing\n- Pinged the NAS ✅\n\n' +
				'### Session 2: 2025-08-27\n**Status**: completed\n\n#### Planning\n- Agreed the [[#Plan|plan]]\n\n',
		);
		const brief = await resumeBrief(ws, '1014');
		expect(brief.sessions.map((s) => [s.summary, s.summaryFrom])).toEqual([
			['Kick-off', 'title'],
			[null, null],
		]);
		const text = formatResumeBrief(brief);
		expect(text).toContain('- Session 1 (2025-08-26): Kick-off\n- Session 2 (2025-08-27)\n');
		expect(text).toContain('- Last activity: Agreed the plan\n');
	});

	it('takes the last Implementation entry when nothing was created, and a Created entry of an earlier session over it', async () => {
		const ws = await withSessions(
			'### Session 1: 2025-08-26\n#### Implementation\n- Tuned the mount options\n\n' +
				'### Session 2: 2025-08-27\n#### Implementation\n- Updated [[deliverables/scripts/nas-health-check.sh|Health Check]]: timeouts\n\n#### Testing\n- All green ✅\n',
		);
		expect((await resumeBrief(ws, '1014')).lastActivity).toBe('Updated Health Check');
		const created = await withSessions(
			'### Session 1: 2025-08-26\n#### Implementation\n- Created [[deliverables/docs/nas-setup-guide.md]]\n- Tuned the mount\n\n' +
				'### Session 2: 2025-08-27\n#### Implementation\n- Updated the health check\n',
		);
		// A wikilink without a label reads as its file name.
		expect((await resumeBrief(created, '1014')).lastActivity).toBe('Created nas-setup-guide');
	});

	it('reads links as their labels and leaves bash [[ -d x ]] alone, in code spans and fenced blocks', async () => {
		const ws = await withSessions(
			'### Session 1: 2025-08-26\n#### Implementation\n' +
				'- Created [[deliverables/scripts/nas-health-check.sh|Health Check]] with the mount test\n' +
				'  ```bash\n  if [[ -d "$MOUNT" ]]; then\n      mountpoint -q "$MOUNT"\n  fi\n  ```\n' +
				'- Replaced `test -d` with `[[ -d "$MOUNT" ]]` in [the script](deliverables/scripts/nas-health-check.sh)\n',
		);
		const brief = await resumeBrief(ws, '1014');
		expect(brief.sessions[0].summary).toBe('Created Health Check with the mount test; Replaced `test -d` with `[[ -d "$MOUNT" ]]` in the script');
		expect(brief.lastActivity).toBe('Created Health Check with the mount test');
	});

	it('cuts an entry at its first clause, and a long first entry at a word', async () => {
		const long = 'Rewrote the mount unit so that the automount waits for the network and retries every thirty seconds until the NAS answers again';
		const ws = await withSessions(`### Session 1: 2025-08-26\n#### Implementation\n- ${long}\n- Created the unit file\n`);
		const brief = await resumeBrief(ws, '1014');
		expect(brief.sessions[0].summary).toBe('Rewrote the mount unit so that the automount waits for the network and retries every thirty seconds…');
		expect(brief.sessions[0].summary?.length).toBeLessThanOrEqual(100);
	});
});
