import { readContextFile } from '../../../src/core/context/context-file';
import { specProgress } from '../../../src/core/reports/progress-rollup';
import { startSession } from '../../../src/core/workflow/start-session';
import { workspace } from './session-fixtures';

/** A spec that keeps its tasks as a checklist: that checklist is its plan, and start adds to it. */

const SPEC = 'specs/6000/epic.md';
const JOURNAL = 'specs/6000/context.md';
const SPEC_TEXT = [
	'---',
	'type: epic',
	'status: implementing',
	'---',
	'# NFS',
	'',
	'## Tasks',
	'- [x] Mount NFS',
	'- [ ] Health check',
	'  - [ ] sub-step',
	'- [ ] Benchmark',
	'',
	'## Notes',
	'Prose.',
	'',
].join('\n');
const JOURNAL_TEXT = '# Journal\n\n**Spec**: [[epic]]\n**Status**: implementing\n\n## Work Log\n\n### Session 1: 2025-08-20 - A\n**Duration**: 1 hour\n';

describe('start --plan on a spec whose checklist is its plan', () => {
	it('appends new items to the checklist section, once, and creates no ## Plan', async () => {
		const ws = await workspace({ [SPEC]: SPEC_TEXT, [JOURNAL]: JOURNAL_TEXT });
		const result = await startSession(ws, { id: '6000', plan: ['benchmark', 'Write runbook', 'Check [[ -d /mnt ]]'] });
		expect(result.planAdded).toBe(2);
		const after = ws.store.snapshot();
		expect(after[SPEC]).toBe(SPEC_TEXT.replace('- [ ] Benchmark\n', '- [ ] Benchmark\n- [ ] Write runbook\n- [ ] Check `[[ -d /mnt ]]`\n'));
		expect(after[JOURNAL]).not.toContain('## Plan');
		expect(readContextFile(after[JOURNAL]).plan).toBeNull();
		const progress = await specProgress(ws, ws.index.lookup('6000')[0]);
		expect(progress).toMatchObject({ done: 1, total: 5, from: 'checklist' });
	});

	it('puts the item after the last item and its sub-steps, in its list style', async () => {
		const spec = SPEC_TEXT.replace('- [ ] Benchmark\n', '').replace(/^( *)- /gm, '$1* ');
		const ws = await workspace({ [SPEC]: spec, [JOURNAL]: JOURNAL_TEXT });
		await startSession(ws, { id: '6000', plan: ['Benchmark'] });
		expect(ws.store.snapshot()[SPEC]).toBe(spec.replace('  * [ ] sub-step\n', '  * [ ] sub-step\n* [ ] Benchmark\n'));
		expect(ws.store.snapshot()[JOURNAL]).not.toContain('## Plan');
	});

	it('adds nothing when every item is there already', async () => {
		const ws = await workspace({ [SPEC]: SPEC_TEXT, [JOURNAL]: JOURNAL_TEXT });
		const result = await startSession(ws, { id: '6000', plan: ['HEALTH CHECK'] });
		expect(result.planAdded).toBe(0);
		expect(ws.store.snapshot()[SPEC]).toBe(SPEC_TEXT);
	});
});
