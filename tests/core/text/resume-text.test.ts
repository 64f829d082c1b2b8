import { resumeBrief } from '../../../src/core/reports/resume';
import { formatResumeBrief } from '../../../src/core/text/resume-text';
import { workspace } from '../workflow/session-fixtures';

const LAST_1014 = 'Created Setup Guide';
const S1_1014 = 'Analyzing current NFS mount at 192.168.1.101:/storage; Created Network Optimization Script; …';
const S2_1014 = 'Created Directory Structure Script and ran it on `/mnt/nas`; Created Benchmark Script; …';

describe('formatResumeBrief', () => {
	it('shows 1014: its sessions, status, last activity, remaining tasks and where to continue', async () => {
		const ws = await workspace();
		expect(formatResumeBrief(await resumeBrief(ws, '1014'))).toBe(
			'Resuming work on spec 1014 (Cold Storage NAS Integration)\n\n' +
				'## Previous Session Summary:\n' +
				`- Session 1 (2025-08-26): ${S1_1014}\n` +
				`- Session 2 (2025-08-27): ${S2_1014}\n` +
				'- Status: 5/7 tasks completed\n' +
				`- Last activity: ${LAST_1014}\n\n` +
				'## Remaining Tasks:\n' +
				'6. ⏳ Documentation\n' +
				'7. ⏳ Final validation\n\n' +
				'Continue from task 6? Start a session with: spec-work start 1014\n',
		);
	});
});
