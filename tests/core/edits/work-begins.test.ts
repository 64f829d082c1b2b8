import { join } from 'path';
import { logEntry } from '../../../src/core/workflow/log-entry';
import { setTaskState } from '../../../src/core/workflow/set-task-state';
import { startSession } from '../../../src/core/workflow/start-session';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { replaceOnce } from '../workflow/session-fixtures';

/**
 * A spec is planning until its plan is approved and work begins: started without a plan, it stays
 * planning; the first Implementation entry, or a task started or done, makes spec and journal
 * implementing, changing their status lines (and `Updated`) and nothing else.
 */
const WALKTHROUGH = readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'seed-walkthrough'));
const SPEC = 'specs/1000/1001/1014.spec.md';
const CTX = 'specs/1000/1001/1014.context.md';
const SPEC_BEFORE_WORK = [
	'# 1014 - Cold Storage (NAS) Integration',
	'',
	'**Parent**: [[spec|1001 - Storage Infrastructure]]  ',
	'**Status**: planning  ',
	'**Created**: 2025-08-20 11:15  ',
	'**Updated**: 2025-08-20 11:15',
	'',
	'## Overview',
	'Implementing NAS integration.',
	'',
].join('\n');

/** 1014 started without a plan: spec and new journal planning. */
async function startedWithoutPlan() {
	const files: Record<string, string> = { ...WALKTHROUGH, [SPEC]: SPEC_BEFORE_WORK };
	delete files[CTX];
	const ws = await memoryWorkspace(files, { now: '2025-08-26T14:30:00' });
	await startSession(ws, { id: '1014', title: 'Initial Planning' });
	await logEntry(ws, { id: '1014', section: 'planning', text: 'Reviewing spec requirements' });
	return ws;
}

describe('work begins', () => {
	it('a planning entry leaves the spec planning; the first implementation entry makes spec and journal implementing', async () => {
		const ws = await startedWithoutPlan();
		const before = ws.store.snapshot();
		expect(before[SPEC]).toContain('**Status**: planning  \n');
		expect(before[CTX]).toContain('**Status**: planning  \n');

		ws.setNow('2025-08-26T15:00:00');
		const r = await logEntry(ws, { id: '1014', section: 'implementation', text: 'Analyzing current NFS mount' });
		expect(r.workBegun).toEqual({ spec: '1014', from: 'planning', to: 'implementing' });
		const after = ws.store.snapshot();
		expect(after[SPEC]).toBe(
			replaceOnce(replaceOnce(before[SPEC], '**Status**: planning  \n', '**Status**: implementing  \n'), '**Updated**: 2025-08-26 14:30', '**Updated**: 2025-08-26 15:00'),
		);
		expect(after[CTX]).toBe(
			replaceOnce(
				replaceOnce(replaceOnce(before[CTX], '**Status**: planning  \n', '**Status**: implementing  \n'), '**Updated**: 2025-08-26 14:30', '**Updated**: 2025-08-26 15:00'),
				'- Reviewing spec requirements\n',
				'- Reviewing spec requirements\n\n#### Implementation\n- Analyzing current NFS mount\n',
			),
		);

		// Once implementing, a further entry changes no status.
		expect((await logEntry(ws, { id: '1014', section: 'implementation', text: 'Tuned buffers' })).workBegun).toBeNull();
	});

	it('a task started makes a planning spec implementing; a task set back to pending does not', async () => {
		const ws = await startedWithoutPlan();
		const files = ws.store.snapshot();
		// A plan written by hand while still planning.
		await ws.store.process(CTX, (t) => t.replace('## Implementation Timeline', '## Plan\n1. ⏳ Analyze the mount\n2. ⏳ Tune buffers\n\n## Implementation Timeline'));
		expect((await setTaskState(ws, { id: '1014', task: '2', state: 'pending' })).workBegun).toBeNull();
		expect(ws.store.snapshot()[SPEC]).toBe(files[SPEC]);
		const r = await setTaskState(ws, { id: '1014', task: '1', state: 'in-progress' });
		expect(r.workBegun).toEqual({ spec: '1014', from: 'planning', to: 'implementing' });
		expect(ws.store.snapshot()[SPEC]).toContain('**Status**: implementing  \n');
		expect(ws.store.snapshot()[CTX]).toContain('**Status**: implementing  \n');
	});

	it('leaves any other status as written (blocked, completed)', async () => {
		for (const status of ['blocked', 'completed']) {
			const ws = await startedWithoutPlan();
			await ws.store.process(SPEC, (t) => t.replace('**Status**: planning', `**Status**: ${status}`));
			const spec = ws.store.snapshot()[SPEC];
			await logEntry(ws, { id: '1014', section: 'implementation', text: 'x' });
			expect(ws.store.snapshot()[SPEC]).toBe(spec);
		}
	});
});
