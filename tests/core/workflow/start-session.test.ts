jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import { startSession } from '../../../src/core/workflow/start-session';
import {
	CTX_1001,
	CTX_1011,
	CTX_1014,
	CTX_4005,
	END_OF_1014_TIMELINE,
	EXAMPLE,
	expectOnlyChanged,
	expectRefused,
	replaceOnce,
	sessionBlock,
	SPEC_1011,
	SPEC_1014,
	SPEC_4005,
	toCrlf,
	workspace,
} from './session-fixtures';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';

const UPDATED_1014 = ['**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 14:30'] as const;

/** 1014's journal with a third session appended (and `updated` set), as start writes it. */
function with1014Session(text = EXAMPLE[CTX_1014], block = sessionBlock(3)): string {
	const touched = replaceOnce(text, ...UPDATED_1014);
	return replaceOnce(touched, END_OF_1014_TIMELINE, `${END_OF_1014_TIMELINE}\n${block}`);
}

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('startSession', () => {
		it('appends Session 3 to the seed-format 1014 journal and merges the plan, keeping states', async () => {
			const ws = await workspace();
			const before = ws.store.snapshot();
			const result = await startSession(ws, { id: '1014', plan: ['final VALIDATION', 'Write the runbook', '- [ ] Write the runbook'] });

			const expected = replaceOnce(with1014Session(), '- [ ] Final validation\n', '- [ ] Final validation\n- [ ] Write the runbook\n');
			const edited = expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014]);
			expect(edited[CTX_1014]).toBe(expected);
			expect(result).toMatchObject({
				contextPath: CTX_1014,
				contextCreated: false,
				session: { number: 3, date: '2025-08-28', title: 'Implementation Session' },
				continued: false,
				planAdded: 1,
				written: [CTX_1014],
			});
			// The spec was already implementing: it is not touched, not even its `updated`.
			expect(result.spec.status).toBe('implementing');
		});

		it('continues the active session when started twice, still adding new plan items', async () => {
			const ws = await workspace();
			await startSession(ws, { id: '1014', title: 'Docs' });
			ws.setNow('2025-08-28T15:10:00');
			const before = ws.store.snapshot();
			const again = await startSession(ws, { id: '1014', title: 'Another', plan: ['Review with downstream teams'] });

			expect(again).toMatchObject({ continued: true, session: { number: 3, date: '2025-08-28', title: 'Docs' }, planAdded: 1, written: [CTX_1014] });
			const expected = replaceOnce(
				replaceOnce(before[CTX_1014], '- [ ] Final validation\n', '- [ ] Final validation\n- [ ] Review with downstream teams\n'),
				'**Updated**: 2025-08-28 14:30',
				'**Updated**: 2025-08-28 15:10',
			);
			expect(expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014])[CTX_1014]).toBe(expected);
			expect(ws.store.snapshot()[CTX_1014].match(/^### Session/gm)).toHaveLength(3);
		});

		it('writes nothing when continuing with no new plan items at the same minute', async () => {
			const ws = await workspace();
			await startSession(ws, { id: '1014' });
			const before = ws.store.snapshot();
			const again = await startSession(ws, { id: '1014', plan: ['Documentation'] });
			expect(again).toMatchObject({ continued: true, planAdded: 0, written: [] });
			expect(ws.store.snapshot()).toEqual(before);
		});

		it('uses the title and participants given, else the settings default', async () => {
			const ws = await workspace({}, '2025-08-28T09:05:00', 'Ana, Codex');
			await startSession(ws, { id: '1014', title: '  Troubleshooting\nguide ' });
			expect(ws.store.snapshot()[CTX_1014]).toContain(`\n\n${sessionBlock(3, 'Troubleshooting guide', '2025-08-28 09:05', 'Ana, Codex')}\n## Deliverables`);

			const other = await workspace();
			await startSession(other, { id: '1014', participants: 'User, Claude, Bob' });
			expect(other.store.snapshot()[CTX_1014]).toContain(sessionBlock(3, 'Implementation Session', '2025-08-28 14:30', 'User, Claude, Bob'));
		});

		it('creates the context for a spec that has none (4005) and moves the spec from draft to implementing', async () => {
			const ws = await workspace();
			const before = ws.store.snapshot();
			const result = await startSession(ws, { id: '4005', title: 'Snapshot format', plan: ['Define the snapshot schema', 'Write snapshots every minute'] });

			const edited = expectOnlyChanged(before, ws.store.snapshot(), [CTX_4005, SPEC_4005]);
			expect(edited[CTX_4005]).toBe(
				'---\n' +
					'type: context\n' +
					'spec: "[[spec|4005 - Strategy State Persistence]]"\n' +
					'parent: "[[../epic|4000 - Strategy Engine]]"\n' +
					'status: implementing\n' +
					'created: 2025-08-28 14:30\n' +
					'updated: 2025-08-28 14:30\n' +
					'---\n' +
					'# Context: Strategy State Persistence\n\n' +
					'**Spec**: [[spec|4005 - Strategy State Persistence]]  \n' +
					'**Parent**: [[../epic|4000 - Strategy Engine]]  \n' +
					'**Status**: implementing  \n' +
					'**Created**: 2025-08-28 14:30  \n' +
					'**Updated**: 2025-08-28 14:30\n\n' +
					'## Summary\n' +
					'Each running strategy snapshots its state (positions, pending orders, indicator buffers) every\n' +
					'minute and at shutdown, so a restarted process continues where it stopped.\n\n' +
					'## Plan\n' +
					'- [ ] Define the snapshot schema\n' +
					'- [ ] Write snapshots every minute\n\n' +
					'## Implementation Timeline\n\n' +
					sessionBlock(1, 'Snapshot format'),
			);
			let spec = replaceOnce(before[SPEC_4005], 'status: draft\n', 'status: implementing\n');
			// A date-only `updated` stays a date.
			spec = replaceOnce(spec, 'updated: 2025-08-27\n', 'updated: 2025-08-28\n');
			spec = replaceOnce(spec, '  - strategy\n---\n', '  - strategy\ncontext: "[[context|Implementation Journal]]"\n---\n');
			spec = replaceOnce(spec, '**Status**: draft  \n', '**Status**: implementing  \n');
			// The note shows header lines, so the new context link gets one too (after the last, with a hard break).
			spec = replaceOnce(spec, '**Updated**: 2025-08-27 11:30\n', '**Updated**: 2025-08-28 14:30  \n**Context**: [[context|Implementation Journal]]\n');
			expect(edited[SPEC_4005]).toBe(spec);
			expect(result).toMatchObject({ contextPath: CTX_4005, contextCreated: true, session: { number: 1 }, planAdded: 2 });
			expect(result.spec.status).toBe('implementing');
			expect(result.written.sort()).toEqual([CTX_4005, SPEC_4005].sort());
		});

		it('creates ## Plan at its canonical place in the feature journal (1001), between Summary and the timeline', async () => {
			const ws = await workspace();
			const before = ws.store.snapshot();
			await startSession(ws, { id: '1001', plan: ['Decide the archive job schedule'] });
			let expected = replaceOnce(before[CTX_1001], '**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 14:30');
			expected = replaceOnce(expected, '(documentation in progress).\n\n', '(documentation in progress).\n\n## Plan\n- [ ] Decide the archive job schedule\n\n');
			expected = replaceOnce(expected, '- Added the tier table to the overview\n', `- Added the tier table to the overview\n\n${sessionBlock(2)}`);
			expect(expectOnlyChanged(before, ws.store.snapshot(), [CTX_1001])[CTX_1001]).toBe(expected);
		});

		it('adds tasks to a numbered emoji plan in its form and reopens a completed spec (1011)', async () => {
			const ws = await workspace();
			const before = ws.store.snapshot();
			const result = await startSession(ws, { id: '1011', plan: ['benchmark with FIO', 'Add SMART alerts'] });

			let ctx = replaceOnce(before[CTX_1011], '**Status**: completed  \n', '**Status**: implementing  \n');
			ctx = replaceOnce(ctx, '**Updated**: 2025-08-25 17:05', '**Updated**: 2025-08-28 14:30');
			ctx = replaceOnce(ctx, '5. ✅ Export drive temperatures to monitoring\n', '5. ✅ Export drive temperatures to monitoring\n6. ⏳ Add SMART alerts\n');
			ctx = replaceOnce(ctx, '- `9f8e7d6`: Record hot tier setup in storage docs\n', `- \`9f8e7d6\`: Record hot tier setup in storage docs\n\n${sessionBlock(2)}`);
			let spec = replaceOnce(before[SPEC_1011], 'status: completed\n', 'status: implementing\n');
			spec = replaceOnce(spec, 'updated: 2025-08-25\n', 'updated: 2025-08-28\n');
			spec = replaceOnce(spec, '**Status**: completed  \n', '**Status**: implementing  \n');
			spec = replaceOnce(spec, '**Updated**: 2025-08-25 17:05', '**Updated**: 2025-08-28 14:30');
			const edited = expectOnlyChanged(before, ws.store.snapshot(), [CTX_1011, SPEC_1011]);
			expect(edited[CTX_1011]).toBe(ctx);
			expect(edited[SPEC_1011]).toBe(spec);
			expect(result.planAdded).toBe(1);
			expect(result.spec.status).toBe('implementing');
			expect(result.statusChange).toEqual({ from: 'completed', to: 'implementing', reopened: true });
		});

		it('leaves a blocked spec blocked', async () => {
			const blocked = replaceOnce(replaceOnce(EXAMPLE[SPEC_1014], 'status: implementing\n', 'status: blocked\n'), '**Status**: implementing  \n', '**Status**: blocked  \n');
			const ws = await workspace({ [SPEC_1014]: blocked });
			const result = await startSession(ws, { id: '1014' });
			expect(result.written).toEqual([CTX_1014]);
			expect(result.statusChange).toBeNull();
			expect(ws.store.snapshot()[SPEC_1014]).toBe(blocked);
		});

		it('creates ## Implementation Timeline between Plan and Deliverables when the journal has none', async () => {
			const text = '# Context: Hand Written\n\n**Status**: planning\n\n## Plan\n- [ ] One\n\n## Deliverables\nNone yet.\n';
			const ws = await workspace({ [CTX_1014]: text });
			await startSession(ws, { id: '1014' });
			expect(ws.store.snapshot()[CTX_1014]).toBe(
				'# Context: Hand Written\n\n**Status**: implementing\n\n## Plan\n- [ ] One\n\n## Implementation Timeline\n\n' + sessionBlock(1) + '\n## Deliverables\nNone yet.\n',
			);
		});

		it('keeps a CRLF journal CRLF', async () => {
			const ws = await workspace({ [CTX_1014]: toCrlf(EXAMPLE[CTX_1014]) });
			await startSession(ws, { id: '1014', plan: ['Write the runbook'] });
			const expected = replaceOnce(with1014Session(), '- [ ] Final validation\n', '- [ ] Final validation\n- [ ] Write the runbook\n');
			expect(ws.store.snapshot()[CTX_1014]).toBe(toCrlf(expected));
		});

		it('refuses an unknown id and writes nothing', async () => {
			const ws = await workspace();
			await expectRefused(ws, () => startSession(ws, { id: '7777' }), 'unknown-id', 'No spec with id "7777" under specs/');
		});

		it("writes nothing, not even the new context, when the spec's frontmatter is malformed", async () => {
			const broken = replaceOnce(EXAMPLE[SPEC_4005], 'status: draft\n', 'status: [draft\n');
			const ws = await workspace({ [SPEC_4005]: broken });
			await expectRefused(ws, () => startSession(ws, { id: '4005' }), 'malformed-yaml', /specs\/4000\/4005\/spec\.md/);
		});
	});
});
