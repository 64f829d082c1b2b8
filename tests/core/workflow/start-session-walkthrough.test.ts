import { join } from 'path';
import { addDeliverable } from '../../../src/core/workflow/add-deliverable';
import { logEntry } from '../../../src/core/workflow/log-entry';
import { startSession } from '../../../src/core/workflow/start-session';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { SEED_COLD_STORAGE_CONTEXT } from '../context/seed-snippets';
import { expectOnlyChanged, replaceOnce } from './session-fixtures';

/** The walkthrough's vault as its author keeps it: no frontmatter, `# 1014 - …` headings, a numbered ✅/⏳ plan. */
const WALKTHROUGH = readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'seed-walkthrough'));
const SPEC = 'specs/1000/1001/1014.spec.md';
const CTX = 'specs/1000/1001/1014.context.md';

/** 1014 on the day work on it began: planning, an overview, no journal yet. */
const SPEC_BEFORE_WORK = [
	'# 1014 - Cold Storage (NAS) Integration',
	'',
	'**Parent**: [[spec|1001 - Storage Infrastructure]]  ',
	'**Status**: planning  ',
	'**Created**: 2025-08-20 11:15  ',
	'**Updated**: 2025-08-20 11:15',
	'',
	'## Overview',
	'Implementing NAS integration for 28TB cold storage tier with optimized NFS configuration.',
	'',
].join('\n');

async function beforeWork(spec = SPEC_BEFORE_WORK) {
	const files: Record<string, string> = { ...WALKTHROUGH, [SPEC]: spec };
	delete files[CTX];
	return memoryWorkspace(files, { now: '2025-08-26T14:30:00' });
}

describe('start on the walkthrough vault', () => {
	it("creates the walkthrough's step-1 journal for a spec without one, and keeps it planning", async () => {
		const ws = await beforeWork();
		const result = await startSession(ws, { id: '1014', title: 'Initial Planning' });
		for (const item of ['Reviewing spec requirements', 'Analyzing current NAS setup', 'Planning implementation approach']) {
			await logEntry(ws, { id: '1014', section: 'planning', text: item });
		}

		// The step-1 file byte for byte, but for two things: the link's alias is the spec's title
		// (the walkthrough shortens it by hand), and the session's Started line, from which its
		// duration is computed when it is finished.
		const expected = replaceOnce(
			replaceOnce(SEED_COLD_STORAGE_CONTEXT, '[[1014.spec|1014 - Cold Storage NAS]]', '[[1014.spec|1014 - Cold Storage (NAS) Integration]]'),
			'**Status**: active\n',
			'**Status**: active  \n**Started**: 2025-08-26 14:30\n',
		);
		expect(ws.store.snapshot()[CTX]).toBe(expected);
		expect(result).toMatchObject({ contextCreated: true, statusChange: null, session: { number: 1, title: 'Initial Planning' } });
		// The spec stays planning and gains the link to its journal, in its own header style.
		expect(ws.store.snapshot()[SPEC]).toBe(
			replaceOnce(SPEC_BEFORE_WORK, '**Updated**: 2025-08-20 11:15\n', '**Updated**: 2025-08-26 14:30  \n**Context**: [[1014.context|Implementation Journal]]\n'),
		);
	});

	it('moves spec and journal to implementing once the plan is given, the plan in checkboxes before the timeline', async () => {
		const ws = await beforeWork();
		await startSession(ws, { id: '1014', title: 'Initial Planning' });
		ws.setNow('2025-08-26T14:50:00');
		const before = ws.store.snapshot();
		const result = await startSession(ws, { id: '1014', plan: ['Analyze current NFS mount configuration', 'Optimize network buffers via sysctl'] });

		expect(result).toMatchObject({ continued: true, planAdded: 2, statusChange: { from: 'planning', to: 'implementing', reopened: false } });
		let ctx = replaceOnce(before[CTX], '**Status**: planning  \n', '**Status**: implementing  \n');
		ctx = replaceOnce(ctx, '**Updated**: 2025-08-26 14:30\n', '**Updated**: 2025-08-26 14:50\n');
		ctx = replaceOnce(
			ctx,
			'\n## Implementation Timeline\n',
			'\n## Plan\n- [ ] Analyze current NFS mount configuration\n- [ ] Optimize network buffers via sysctl\n\n## Implementation Timeline\n',
		);
		let spec = replaceOnce(before[SPEC], '**Status**: planning  \n', '**Status**: implementing  \n');
		spec = replaceOnce(spec, '**Updated**: 2025-08-26 14:30  \n', '**Updated**: 2025-08-26 14:50  \n');
		const edited = expectOnlyChanged(before, ws.store.snapshot(), [CTX, SPEC]);
		expect(edited[CTX]).toBe(ctx);
		expect(edited[SPEC]).toBe(spec);
	});

	it('continues the numbered ✅/⏳ plan: a new task is `8. ⏳ …` after `7. ⏳ Final validation`', async () => {
		const ws = await memoryWorkspace(WALKTHROUGH, { now: '2025-08-28T10:00:00' });
		const result = await startSession(ws, { id: '1014', title: 'Validation', plan: ['Review with downstream teams', 'Archive tier dry run'] });
		expect(result.planAdded).toBe(2);
		const after = expectOnlyChanged(WALKTHROUGH, ws.store.snapshot(), [CTX])[CTX];
		expect(after).toContain(
			'   - [ ] Troubleshooting guide\n7. ⏳ Final validation\n8. ⏳ Review with downstream teams\n9. ⏳ Archive tier dry run\n\n## Implementation Timeline\n',
		);
		// Being implemented already, with a plan: no Planning subsection is opened.
		expect(after).toContain(
			'\n### Session 3: 2025-08-28 - Validation\n**Duration**: In progress  \n**Participants**: User, Claude  \n**Status**: active  \n**Started**: 2025-08-28 10:00\n\n## Deliverables\n',
		);
	});

	it('keeps a header without hard breaks without them: Updated rewritten, Context added', async () => {
		const plain = SPEC_BEFORE_WORK.replace(/ {2}\n/g, '\n');
		const ws = await beforeWork(plain);
		await startSession(ws, { id: '1014', plan: ['Analyze current NFS mount configuration'] });
		let spec = replaceOnce(plain, '**Status**: planning\n', '**Status**: implementing\n');
		spec = replaceOnce(spec, '**Updated**: 2025-08-20 11:15\n', '**Updated**: 2025-08-26 14:30\n**Context**: [[1014.context|Implementation Journal]]\n');
		expect(ws.store.snapshot()[SPEC]).toBe(spec);
	});
});

describe('deliver on the walkthrough vault', () => {
	it('links a markdown deliverable with its `.md` in the spec and the journal, as their lists do', async () => {
		const ws = await memoryWorkspace(WALKTHROUGH, { now: '2025-08-28T10:00:00' });
		await addDeliverable(ws, { id: '1014', type: 'docs', file: 'faq.md', title: 'FAQ', purpose: 'Common questions', content: '# FAQ\n' });
		const after = ws.store.snapshot();
		expect(after[SPEC]).toBe(
			replaceOnce(
				WALKTHROUGH[SPEC],
				'- [[deliverables/docs/troubleshooting.md|Troubleshooting Guide]]\n',
				'- [[deliverables/docs/troubleshooting.md|Troubleshooting Guide]]\n- [[deliverables/docs/faq.md|FAQ]]\n',
			),
		);
		const listed = '- [[deliverables/docs/troubleshooting.md|Troubleshooting Guide]] - Common issues and solutions\n';
		expect(after[CTX]).toBe(replaceOnce(WALKTHROUGH[CTX], listed, `${listed}- [[deliverables/docs/faq.md|FAQ]] - Common questions \`hash:d4b3d4f5\`\n`));
	});
});
