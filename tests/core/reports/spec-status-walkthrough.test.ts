import { specStatus } from '../../../src/core/reports/spec-status';
import { formatStatus } from '../../../src/core/text/status-text';
import { readVaultFiles } from '../../helpers/vault-files';
import { WALKTHROUGH, WALKTHROUGH_BLOCK, WALKTHROUGH_STATUS } from '../../helpers/walkthrough-status';
import { memoryWorkspace } from '../../helpers/workspace';

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
		expect(text).toBe(WALKTHROUGH_STATUS);
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
