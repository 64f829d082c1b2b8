import { join } from 'path';
import { formatStatus, specStatus } from '../../../src/core/workflow/spec-status';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

/** The walkthrough's vault as its author keeps it: a numbered ✅/⏳ plan, task 6 with two sub-items, one done. */
const WALKTHROUGH = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'seed-walkthrough');

/** The walkthrough's status block for 1014 ("Viewing Status"), verbatim. */
const WALKTHROUGH_BLOCK = [
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
	'### Blocked:',
	'❌ None',
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
];

/** The sections status prints beyond the walkthrough's block (docs/cli.md lists them). */
const ADDITIONS = /^### (Pending|Acceptance Criteria|Parent|Children):/;

/** The printed view without the added sections (each runs to the blank line after it). */
function withoutAdditions(text: string): string[] {
	const out: string[] = [];
	let skipping = false;
	for (const line of text.split('\n')) {
		if (ADDITIONS.test(line)) skipping = true;
		if (!skipping) out.push(line);
		if (line === '') skipping = false;
	}
	while (out.length > 0 && out[out.length - 1] === '') out.pop();
	return out;
}

describe('status of 1014 on the walkthrough’s vault', () => {
	it('prints the walkthrough’s status block line for line, the half-done ⏳ task in progress at 50%', async () => {
		const ws = await memoryWorkspace(readVaultFiles(WALKTHROUGH));
		const text = formatStatus(await specStatus(ws, '1014'));
		expect(withoutAdditions(text)).toEqual(WALKTHROUGH_BLOCK);
	});

	it('prints the additions in their places: Pending, Acceptance Criteria, Parent, Children', async () => {
		const ws = await memoryWorkspace(readVaultFiles(WALKTHROUGH));
		const text = formatStatus(await specStatus(ws, '1014'));
		expect(text).toBe(
			[
				...WALKTHROUGH_BLOCK.slice(0, 14),
				'### Pending:',
				'⏳ Final validation',
				'',
				...WALKTHROUGH_BLOCK.slice(14, 17),
				'### Acceptance Criteria: 3/4 met',
				'',
				...WALKTHROUGH_BLOCK.slice(17),
				'',
				'### Parent: 1001 - Storage Infrastructure - 83% (10/12 tasks)',
				'',
				'### Children: None',
				'',
			].join('\n'),
		);
	});

	it('gives the task’s own progress in the JSON; the in-progress list keeps the bare text', async () => {
		const ws = await memoryWorkspace(readVaultFiles(WALKTHROUGH));
		const r = await specStatus(ws, '1014');
		expect(r.progress).toEqual({ done: 5, total: 7, percent: 71, from: 'plan' });
		expect(r.tasks.inProgress).toEqual(['Documentation']);
		expect(r.tasks.pending).toEqual(['Final validation']);
		expect(r.taskList.slice(4)).toEqual([
			{ number: 5, text: 'Performance benchmarking', state: 'done', progress: null },
			{ number: 6, text: 'Documentation', state: 'in-progress', progress: { percent: 50, done: 1, total: 2, from: 'sub-items' } },
			{ number: 7, text: 'Final validation', state: 'pending', progress: null },
		]);
		expect(JSON.parse(JSON.stringify(r))).toEqual(r);
	});

	it('an in-progress task without sub-items or a figure shows its text alone; the empty list is `⏳ None`', async () => {
		const files = readVaultFiles(WALKTHROUGH);
		const path = 'specs/1000/1001/1014.context.md';
		const plain = files[path].replace('6. ⏳ Documentation\n   - [x] Setup guide\n   - [ ] Troubleshooting guide\n', '6. 🔄 Documentation\n');
		expect(plain).not.toBe(files[path]);
		const ws = await memoryWorkspace({ ...files, [path]: plain });
		expect(formatStatus(await specStatus(ws, '1014'))).toContain('### In Progress:\n⏳ Documentation\n\n### Pending:\n⏳ Final validation\n');

		const none = files[path].replace('   - [x] Setup guide\n', '   - [ ] Setup guide\n');
		const ws2 = await memoryWorkspace({ ...files, [path]: none });
		expect(formatStatus(await specStatus(ws2, '1014'))).toContain('### In Progress:\n⏳ None\n\n### Pending:\n⏳ Documentation\n⏳ Final validation\n');
	});
});
