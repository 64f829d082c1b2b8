import { join } from 'path';
import { readVaultFiles } from '../../helpers/vault-files';

/** The seed-walkthrough fixture vault, and the same vault as it stood after its first session. */

export const WALKTHROUGH_VAULT = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'seed-walkthrough');
export const CTX = 'specs/1000/1001/1014.context.md';

/** The cold-storage example's resume block, word for word, chat speaker included. */
export const WALKTHROUGH_BLOCK = [
	'Claude: Resuming work on spec 1014 (Cold Storage NAS Integration)',
	'',
	'## Previous Session Summary:',
	'- Session 1 (2025-08-26): Completed network optimization and NFS setup',
	'- Status: 3/7 tasks completed',
	'- Last activity: Created health monitoring script',
	'',
	'## Remaining Tasks:',
	'4. ⏳ Create directory structure for data organization',
	'5. ⏳ Benchmark performance',
	'6. ⏳ Document setup process',
	'7. ⏳ Final validation',
	'',
	'Continue from task 4? (yes/no/select)',
];

/** The example's summary of session 1; finishing the session writes it. */
export const SESSION_1_SUMMARY = 'Completed network optimization and NFS setup';

/** When session 1 ends: 2.5 hours after it started, as the fixture records. */
export const SESSION_1_END = '2025-08-26T17:00';

/** The example's plan after session 1: its first three tasks done, as its resume block counts. */
const PLAN_AFTER_SESSION_1 =
	'## Plan\n' +
	'1. ✅ Analyze current NFS mount configuration\n' +
	'2. ✅ Optimize network buffers via sysctl\n' +
	'3. ✅ Configure enhanced NFS mount options\n' +
	'4. ⏳ Create directory structure for data organization\n' +
	'5. ⏳ Benchmark performance\n' +
	'6. ⏳ Document setup process\n' +
	'7. ⏳ Final validation\n';

/**
 * The fixture's vault before session 1 was finished: its journal holds session 1 only, still
 * active, and the plan as the example's resume block counts it. Finishing the session (with
 * SESSION_1_SUMMARY at SESSION_1_END) gives the journal that block was drawn from.
 */
export function duringSession1(): Record<string, string> {
	const files = readVaultFiles(WALKTHROUGH_VAULT);
	const text = files[CTX];
	const plan = cut(text, '## Plan\n', '\n## Implementation Timeline\n');
	const session2 = cut(text, '### Session 2:', '## Deliverables\n');
	const session1Head = cut(text, '**Duration**: 2.5 hours  \n', '**Started**:');
	files[CTX] =
		text.slice(0, plan.start) +
		PLAN_AFTER_SESSION_1 +
		text.slice(plan.end, session1Head.start) +
		'**Duration**: In progress  \n**Participants**: User, Claude  \n**Status**: active  \n' +
		text.slice(session1Head.end, session2.start) +
		text.slice(session2.end);
	return files;
}

/** The range from `from` to just before `to`, each found once (so a changed fixture fails loudly). */
function cut(text: string, from: string, to: string): { start: number; end: number } {
	const start = text.indexOf(from);
	const end = text.indexOf(to, start);
	if (start < 0 || end < 0 || text.indexOf(from, start + 1) >= 0) throw new Error(`fixture changed: ${JSON.stringify(from)}`);
	return { start, end };
}
