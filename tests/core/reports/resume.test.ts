import { resumeBrief, type ResumeBrief } from '../../../src/core/reports/resume';
import { formatResumeBrief } from '../../../src/core/text/resume-text';
import { join } from 'path';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { startSession } from '../../../src/core/workflow/start-session';
import { CTX_1014, EXAMPLE, expectRefused, replaceOnce, workspace } from '../workflow/session-fixtures';

// The last deliverable session 2 created, not its last Testing line.
const LAST_1014 = 'Created Setup Guide';
const S1_1014 = 'Analyzing current NFS mount at 192.168.1.101:/storage; Created Network Optimization Script; …';
const S2_1014 = 'Created Directory Structure Script and ran it on `/mnt/nas`; Created Benchmark Script; …';

describe('resumeBrief', () => {
	it("gives the seed's figures for 1014: two sessions, 5/7 tasks, tasks 6 and 7 remaining, 6 next", async () => {
		const ws = await workspace();
		const before = ws.store.snapshot();
		const brief = await resumeBrief(ws, '1014');
		expect(brief).toEqual<ResumeBrief>({
			id: '1014',
			title: 'Cold Storage NAS Integration',
			context: CTX_1014,
			foreignContext: null,
			sessions: [
				{ number: 1, date: '2025-08-26', title: 'Initial Planning and Network Setup', minutes: 150, status: 'completed', summary: S1_1014, summaryFrom: 'implementation' },
				{ number: 2, date: '2025-08-27', title: 'Directory Structure and Benchmarking', minutes: 90, status: 'completed', summary: S2_1014, summaryFrom: 'implementation' },
			],
			progress: { done: 5, total: 7, percent: 71, from: 'plan' },
			lastActivity: LAST_1014,
			remainingTasks: [
				{ number: 6, text: 'Documentation', state: 'in-progress', progress: null },
				{ number: 7, text: 'Final validation', state: 'pending', progress: null },
			],
			nextTask: { number: 6, text: 'Documentation', state: 'in-progress', progress: null },
			activeSession: null,
		});
		// Read-only.
		expect(ws.store.snapshot()).toEqual(before);
	});

	it("counts an active session's time so far and says it is still active", async () => {
		const ws = await workspace();
		await startSession(ws, { id: '1014', title: 'Docs' });
		ws.setNow('2025-08-28T16:00:00');
		const brief = await resumeBrief(ws, '1014');
		expect(brief.sessions[2]).toEqual({ number: 3, date: '2025-08-28', title: 'Docs', minutes: 90, status: 'active', summary: 'Docs', summaryFrom: 'title' });
		expect(brief.activeSession).toBe(3);
		const text = formatResumeBrief(brief);
		// Nothing done yet: the title stands for the session; the last line says it is open.
		expect(text).toContain('- Session 3 (2025-08-28): Docs\n');
		expect(text.endsWith('\nContinue from task 6? Session 3 is still active.\n')).toBe(true);
	});

	it('takes the first pending task as next when none is in progress, skipping blocked ones', async () => {
		let ctx = replaceOnce(EXAMPLE[CTX_1014], '- [/] Documentation\n', '- [!] Documentation\n');
		ctx = replaceOnce(ctx, '- [x] Health monitoring script\n', '- [-] Health monitoring script\n');
		const ws = await workspace({ [CTX_1014]: ctx });
		const brief = await resumeBrief(ws, '1014');
		expect(brief.progress).toEqual({ done: 4, total: 6, percent: 67, from: 'plan' });
		expect(brief.remainingTasks.map((t) => t.number)).toEqual([6, 7]);
		expect(brief.nextTask).toEqual({ number: 7, text: 'Final validation', state: 'pending', progress: null });
		const text = formatResumeBrief(brief);
		expect(text).toContain('## Remaining Tasks:\n6. ❌ Documentation\n7. ⏳ Final validation\n\nContinue from task 7?');
	});

	it('reads the emoji plan of 1011: every task done, nothing next', async () => {
		const ws = await workspace();
		const brief = await resumeBrief(ws, '1011');
		expect(brief.progress).toEqual({ done: 5, total: 5, percent: 100, from: 'plan' });
		const summary = 'Checked both drives with `nvme smart-log`; Built the array and filesystem; …';
		expect(brief.sessions).toEqual([{ number: 1, date: '2025-08-25', title: 'NVMe Array and Mount', minutes: 105, status: 'completed', summary, summaryFrom: 'implementation' }]);
		expect(brief.nextTask).toBeNull();
		expect(formatResumeBrief(brief)).toContain(`- Session 1 (2025-08-25): ${summary}\n`);
		expect(formatResumeBrief(brief)).toContain('## Remaining Tasks:\n- None: every task is done\n\nEvery task is done.\n');
	});

	it('gives an empty brief for a spec without a context file (4005) and writes nothing', async () => {
		const ws = await workspace();
		const before = ws.store.snapshot();
		const brief = await resumeBrief(ws, '4005');
		expect(brief).toEqual<ResumeBrief>({
			id: '4005',
			title: 'Strategy State Persistence',
			context: null,
			foreignContext: null,
			sessions: [],
			progress: { done: 0, total: 0, percent: 0, from: 'plan' },
			lastActivity: null,
			remainingTasks: [],
			nextTask: null,
			activeSession: null,
		});
		expect(formatResumeBrief(brief)).toBe(
			'Resuming work on spec 4005 (Strategy State Persistence)\n\n' +
				'## Previous Session Summary:\n- No sessions yet\n- Status: 0/0 tasks completed\n\n' +
				'## Remaining Tasks:\n- No plan yet\n\n' +
				'No plan yet. Start a session with: spec-work start 4005 --plan "task"\n',
		);
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('refuses an unknown id', async () => {
		const ws = await workspace();
		await expectRefused(ws, () => resumeBrief(ws, '12'), 'unknown-id', 'No spec with id "12" under specs/');
	});
});

describe('resumeBrief on a hand-written vault', () => {
	const REAL_VAULT = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'progress');

	it('lists the unchecked items of the spec own checklist and the journal dated sessions', async () => {
		const brief = await resumeBrief(await memoryWorkspace(readVaultFiles(REAL_VAULT)), '1014');
		expect(brief.progress).toEqual({ done: 3, total: 5, percent: 60, from: 'checklist' });
		expect(brief.remainingTasks).toEqual([
			{ number: 4, text: 'Benchmark on the NAS', state: 'pending', progress: null },
			{ number: 5, text: 'Document the options', state: 'pending', progress: null },
		]);
		expect(formatResumeBrief(brief)).toBe(
			'Resuming work on spec 1014 (Feed Reader)\n\n' +
				'## Previous Session Summary:\n' +
				'- Session 1 (2025-08-18): Parsed the header row\n' +
				'- Session 2 (2025-08-20): Parsed quoted fields; Rows are streamed\n' +
				'- Status: 3/5 tasks completed (from checklist)\n' +
				'- Last activity: Rows are streamed\n\n' +
				'## Remaining Tasks:\n' +
				'4. ⏳ Benchmark on the NAS\n' +
				'5. ⏳ Document the options\n\n' +
				'Continue from task 4? Start a session with: spec-work start 1014\n',
		);
	});

	it('reads a checklist from the spec when there is no context yet', async () => {
		const files = readVaultFiles(REAL_VAULT);
		delete files['specs/1000/1001/1014.context.md'];
		const brief = await resumeBrief(await memoryWorkspace(files), '1014');
		expect(brief).toMatchObject({ context: null, sessions: [], progress: { done: 3, total: 5 }, nextTask: { number: 4 } });
	});
});
