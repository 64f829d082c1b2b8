jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import { readContextFile } from '../../../src/core/context/context-file';
import { activeSession } from '../../../src/core/context/session';
import { completedLine } from '../../../src/core/text/call-text';
import { finishSession, UNKNOWN_DURATION } from '../../../src/core/workflow/finish-session';
import { logEntry } from '../../../src/core/workflow/log-entry';
import { startSession } from '../../../src/core/workflow/start-session';
import { CTX_1001, CTX_1014, END_OF_1014_TIMELINE, EXAMPLE, expectOnlyChanged, expectRefused, replaceOnce, sessionBlock, SPEC_1014, toCrlf, workspace } from './session-fixtures';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';
import { memoryWorkspace } from '../../helpers/workspace';

const METRICS_1014 = ['- **Total Sessions**: 2\n- **Total Duration**: 4 hours\n', '- **Total Sessions**: 3\n- **Total Duration**: 6.5 hours\n'] as const;

/** Session 3 (started 14:30) as finish leaves its header lines. */
function closed3(status = 'completed', duration = '2.5 hours'): string {
	return `### Session 3: 2025-08-28 - Implementation Session\n**Duration**: ${duration}  \n**Participants**: User, Claude  \n**Status**: ${status}  \n**Started**: 2025-08-28 14:30\n`;
}

async function started(changes: Record<string, string | null> = {}) {
	const ws = await workspace(changes);
	await startSession(ws, { id: '1014' });
	ws.setNow('2025-08-28T17:00:00');
	return ws;
}

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('finishSession', () => {
		it('closes the session with the duration from Started (14:30 → 17:00 is 2.5 hours) and refreshes the metrics', async () => {
			const ws = await started();
			const result = await finishSession(ws, { id: '1014' });
			expect(result).toEqual({ session: 3, minutes: 150, status: 'completed', statusChange: null, openTasks: 0, written: [CTX_1014] });

			let expected = replaceOnce(EXAMPLE[CTX_1014], '**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 17:00');
			expected = replaceOnce(expected, END_OF_1014_TIMELINE, `${END_OF_1014_TIMELINE}\n${closed3()}`);
			// Only the two computed lines change; Lines of Code and the rest stay as written.
			expected = replaceOnce(expected, ...METRICS_1014);
			expect(expectOnlyChanged(EXAMPLE, ws.store.snapshot(), [CTX_1014])[CTX_1014]).toBe(expected);
			expect(activeSession(readContextFile(expected).sessions)).toBeNull();
		});

		it('writes a partial status and the summary under #### Summary at the end of the session', async () => {
			const ws = await started();
			await logEntry(ws, { id: '1014', section: 'implementation', text: 'Wrote the stale handle section' });
			await finishSession(ws, { id: '1014', status: 'partial', summary: 'Guide half done.\r\nReview tomorrow.\n' });
			expect(ws.store.snapshot()[CTX_1014]).toContain(
				`${END_OF_1014_TIMELINE}\n${closed3('partial')}\n#### Implementation\n- Wrote the stale handle section\n\n#### Summary\nGuide half done.\nReview tomorrow.\n\n## Deliverables`,
			);
		});

		it('marks the spec and its journal completed with `complete`', async () => {
			const ws = await started();
			const before = ws.store.snapshot();
			const result = await finishSession(ws, { id: '1014', complete: true });
			expect(result.written.sort()).toEqual([CTX_1014, SPEC_1014].sort());
			let spec = replaceOnce(before[SPEC_1014], 'status: implementing\n', 'status: completed\n');
			spec = replaceOnce(spec, 'updated: 2025-08-27\n', 'updated: 2025-08-28\n');
			spec = replaceOnce(spec, '**Status**: implementing  \n', '**Status**: completed  \n');
			spec = replaceOnce(spec, '**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 17:00');
			let ctx = replaceOnce(before[CTX_1014], '**Status**: implementing  \n', '**Status**: completed  \n');
			ctx = replaceOnce(ctx, '**Updated**: 2025-08-28 14:30', '**Updated**: 2025-08-28 17:00');
			ctx = replaceOnce(ctx, sessionBlock(3), closed3());
			ctx = replaceOnce(ctx, ...METRICS_1014);
			const edited = expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014, SPEC_1014]);
			expect(edited[SPEC_1014]).toBe(spec);
			expect(edited[CTX_1014]).toBe(ctx);
			expect(ws.index.get('1014')?.status).toBe('completed');
			// The plan still has Documentation in progress and Final validation pending: the answer says so.
			expect(result.statusChange).toEqual({ spec: '1014', from: 'implementing', to: 'completed' });
			expect(result.openTasks).toBe(2);
			expect(completedLine(result)).toBe('Spec 1014: implementing → completed with 2 tasks not done');
		});

		it('says nothing of the spec when it did not change it', () => {
			expect(completedLine({ statusChange: null, openTasks: 3 })).toBe('');
			expect(completedLine({ statusChange: { spec: 'E01', from: null, to: 'completed' }, openTasks: 1 })).toBe('Spec E01: (no status) → completed with 1 task not done');
		});

		it('refuses when no session is active and writes nothing', async () => {
			const ws = await workspace();
			await expectRefused(ws, () => finishSession(ws, { id: '1014' }), 'no-active-session', 'Spec 1014 has no active session');
			await expectRefused(ws, () => finishSession(ws, { id: '4005' }), 'no-active-session', 'Spec 4005 has no active session');
			const open = await started();
			await expectRefused(open, () => finishSession(open, { id: '1014', status: 'done' as never }), 'bad-status', 'Unknown session status "done": use completed, partial, blocked');
		});

		it('creates ## Metrics at its canonical place in the feature journal (1001)', async () => {
			const ws = await workspace();
			await startSession(ws, { id: '1001' });
			ws.setNow('2025-08-28T15:15:00');
			const before = ws.store.snapshot();
			await finishSession(ws, { id: '1001' });
			let expected = replaceOnce(before[CTX_1001], '**Updated**: 2025-08-28 14:30', '**Updated**: 2025-08-28 15:15');
			expected = replaceOnce(expected, '**Duration**: In progress  \n', '**Duration**: 45 minutes  \n');
			expected = replaceOnce(expected, '**Status**: active  \n', '**Status**: completed  \n');
			expected = replaceOnce(
				expected,
				'Keeps strategy snapshots on the cold tier\n\n## Notes & Learnings',
				'Keeps strategy snapshots on the cold tier\n\n## Metrics\n\n### Implementation\n- **Total Sessions**: 2\n- **Total Duration**: 1.75 hours\n\n## Notes & Learnings',
			);
			expect(expectOnlyChanged(before, ws.store.snapshot(), [CTX_1001])[CTX_1001]).toBe(expected);
		});

		it('adds missing metric lines beside the ones there, keeping other metrics untouched', async () => {
			const onlyLoc = replaceOnce(EXAMPLE[CTX_1014], METRICS_1014[0], '');
			const ws1 = await started({ [CTX_1014]: onlyLoc });
			await finishSession(ws1, { id: '1014' });
			expect(ws1.store.snapshot()[CTX_1014]).toContain('### Implementation\n- **Total Sessions**: 3\n- **Total Duration**: 6.5 hours\n- **Lines of Code**: +511, -0\n');

			const onlyDuration = replaceOnce(EXAMPLE[CTX_1014], '- **Total Sessions**: 2\n', '');
			const ws2 = await started({ [CTX_1014]: onlyDuration });
			await finishSession(ws2, { id: '1014' });
			expect(ws2.store.snapshot()[CTX_1014]).toContain('### Implementation\n- **Total Sessions**: 3\n- **Total Duration**: 6.5 hours\n- **Lines of Code**');

			const noGroup = replaceOnce(
				EXAMPLE[CTX_1014],
				`### Implementation\n${METRICS_1014[0]}- **Lines of Code**: +511, -0\n- **Files Created**: 8\n- **Files Modified**: 1\n\n`,
				'',
			);
			const ws3 = await started({ [CTX_1014]: noGroup });
			await finishSession(ws3, { id: '1014' });
			expect(ws3.store.snapshot()[CTX_1014]).toContain('## Metrics\n\n### Implementation\n- **Total Sessions**: 3\n- **Total Duration**: 6.5 hours\n\n### Quality\n');
		});

		it('keeps a typed duration when the session has no Started line, and says unknown for a bare "In progress"', async () => {
			const typed =
				'# Context: X\n\n## Implementation Timeline\n\n### Session 1: 2025-08-28 - Hand kept\n**Duration**: 45 minutes  \n**Status**: active\n\n#### Planning\n- Something\n';
			const ws = await workspace({ [CTX_1014]: typed });
			const result = await finishSession(ws, { id: '1014' });
			expect(result.minutes).toBe(45);
			expect(ws.store.snapshot()[CTX_1014]).toBe(
				'# Context: X\n\n## Implementation Timeline\n\n### Session 1: 2025-08-28 - Hand kept\n**Duration**: 45 minutes  \n**Status**: completed\n\n#### Planning\n- Something\n' +
					'\n## Metrics\n\n### Implementation\n- **Total Sessions**: 1\n- **Total Duration**: 45 minutes\n',
			);

			const seed =
				'# Context: X\n\n## Implementation Timeline\n\n### Session 1: 2025-08-26 - Initial Planning\n**Duration**: In progress  \n**Participants**: User, Claude  \n**Status**: active\n';
			const ws2 = await workspace({ [CTX_1014]: seed });
			const r2 = await finishSession(ws2, { id: '1014' });
			expect(r2.minutes).toBeNull();
			expect(ws2.store.snapshot()[CTX_1014].startsWith(seed.replace('In progress', UNKNOWN_DURATION).replace('**Status**: active', '**Status**: completed'))).toBe(true);
			expect(activeSession(readContextFile(ws2.store.snapshot()[CTX_1014]).sessions)).toBeNull();
		});

		it("adds a missing Status line after the session's last field line", async () => {
			const text =
				'# Context: X\n\n## Implementation Timeline\n\n### Session 1: 2025-08-28 - Quick fix\n**Duration**: In progress  \n**Started**: 2025-08-28 14:30\n\n## Metrics\n';
			const ws = await workspace({ [CTX_1014]: text }, '2025-08-28T15:00:00');
			await finishSession(ws, { id: '1014', status: 'blocked' });
			expect(ws.store.snapshot()[CTX_1014]).toBe(
				'# Context: X\n\n## Implementation Timeline\n\n### Session 1: 2025-08-28 - Quick fix\n**Duration**: 30 minutes  \n**Started**: 2025-08-28 14:30  \n**Status**: blocked\n\n## Metrics\n\n### Implementation\n- **Total Sessions**: 1\n- **Total Duration**: 30 minutes\n',
			);
		});

		it('keeps a CRLF journal CRLF', async () => {
			const ws = await started({ [CTX_1014]: toCrlf(EXAMPLE[CTX_1014]) });
			await finishSession(ws, { id: '1014', summary: 'Done.' });
			let expected = replaceOnce(EXAMPLE[CTX_1014], '**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 17:00');
			expected = replaceOnce(expected, END_OF_1014_TIMELINE, `${END_OF_1014_TIMELINE}\n${closed3()}\n#### Summary\nDone.\n`);
			expected = replaceOnce(expected, ...METRICS_1014);
			expect(ws.store.snapshot()[CTX_1014]).toBe(toCrlf(expected));
		});
	});

	describe('a hand-kept session whose fields are Dataview fields or list items', () => {
		it.each([
			['Dataview fields', '**Status**:: active\n**Started**:: 2025-08-22 10:00\n', '**Status**:: completed\n**Started**:: 2025-08-22 10:00\n**Duration**:: 1.5 hours\n'],
			['list items', '- **Status**: active\n- **Started**: 2025-08-22 10:00\n', '- **Status**: completed\n- **Started**: 2025-08-22 10:00\n- **Duration**: 1.5 hours\n'],
		])('adds Duration written as its %s are', async (_what, fields, closed) => {
			const journal = (lines: string) => `# Context: NAS\n\n## Session (2025-08-22)\n${lines}\n- did things by hand\n`;
			const ws = await memoryWorkspace(
				{
					'specs/1000/epic.md': '# 1000 - Storage\n',
					'specs/1000/1014.spec.md': '---\ntype: task\nstatus: implementing\n---\n# 1014 - NAS\n',
					'specs/1000/1014.context.md': journal(fields),
				},
				{ now: '2025-08-22T11:30:00' },
			);
			await finishSession(ws, { id: '1014' });
			expect(ws.store.snapshot()['specs/1000/1014.context.md'].startsWith(journal(closed))).toBe(true);
		});
	});

	describe('a new session after hand-kept ones', () => {
		it('writes its fields as the session before writes its own: Dataview fields, no hard breaks', async () => {
			const journal =
				'# Context: Storage\n\n**Spec**:: [[1014.spec|1014]]\n\n## Implementation Timeline\n\n### Session 1: 2025-08-20 - Mount\n**Started**:: 2025-08-20 09:00\n**Status**:: completed\n**Duration**:: 1 hour\n\n- did it\n';
			const ws = await memoryWorkspace(
				{
					'specs/1000/epic.md': '# 1000 - Storage\n',
					'specs/1000/1014.spec.md': '---\ntype: task\nstatus: implementing\n---\n# 1014 - NAS\n',
					'specs/1000/1014.context.md': journal,
				},
				{ now: '2025-08-27T09:00:00' },
			);
			await startSession(ws, { id: '1014', title: 'Bench' });
			const after = ws.store.snapshot()['specs/1000/1014.context.md'];
			expect(after.slice(journal.length)).toBe(
				'\n### Session 2: 2025-08-27 - Bench\n**Duration**:: In progress\n**Participants**:: User, Claude\n**Status**:: active\n**Started**:: 2025-08-27 09:00\n\n#### Planning\n',
			);
		});
	});

	describe('metrics kept as Dataview fields', () => {
		it('refreshes a hand-kept Total Time as the total duration, and adds lines in the section’s :: form', async () => {
			const journal =
				'# Context: Storage\n\n## Implementation Timeline\n\n### Session 1: 2025-08-20 - Mount\n**Started**:: 2025-08-20 09:00\n**Status**:: completed\n**Duration**:: 1 hour\n\n### Session 2: 2025-08-27 - Bench\n**Started**:: 2025-08-27 09:00\n**Status**:: active\n\n## Metrics\n- **Total Time**:: 1 hour\n';
			const ws = await memoryWorkspace(
				{
					'specs/1000/epic.md': '# 1000 - Storage\n',
					'specs/1000/1014.spec.md': '---\ntype: task\nstatus: implementing\n---\n# 1014 - NAS\n',
					'specs/1000/1014.context.md': journal,
				},
				{ now: '2025-08-27T09:45:00' },
			);
			await finishSession(ws, { id: '1014' });
			expect(ws.store.snapshot()['specs/1000/1014.context.md'].split('## Metrics\n')[1]).toBe('- **Total Sessions**:: 2\n- **Total Time**:: 1.75 hours\n');
		});
	});

	describe('a hand-kept session whose lines have no hard breaks', () => {
		it('adds Duration in the session’s own style, leaving the Started line as written', async () => {
			const journal = '# Context: NAS\n\n## Work Log\n\n## Session (2025-08-22)\n**Status**: active\n**Started**: 2025-08-22 10:00\n\n- did things by hand\n';
			const ws = await memoryWorkspace(
				{
					'specs/1000/epic.md': '# 1000 - Storage\n',
					'specs/1000/1001/spec.md': '# 1001: Infra\n',
					'specs/1000/1001/1014.spec.md': '---\nid: "1014"\ntype: task\nstatus: implementing\n---\n# Task 1014: NAS\n',
					'specs/1000/1001/1014.context.md': journal,
				},
				{ now: '2025-08-22T11:30:00' },
			);
			await finishSession(ws, { id: '1014' });
			expect(ws.store.snapshot()['specs/1000/1001/1014.context.md']).toBe(
				'# Context: NAS\n\n## Work Log\n\n## Session (2025-08-22)\n**Status**: completed\n**Started**: 2025-08-22 10:00\n**Duration**: 1.5 hours\n\n- did things by hand\n\n## Metrics\n\n### Implementation\n- **Total Sessions**: 1\n- **Total Duration**: 1.5 hours\n',
			);
		});
	});
});
