jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import fc from 'fast-check';
import { readContextFile } from '../../../src/core/context/context-file';
import { activeSession } from '../../../src/core/context/session';
import { logEntry, parseCommitText, recordCommit } from '../../../src/core/workflow/log-entry';
import { formatItem } from '../../../src/core/edits/session-edits';
import { startSession } from '../../../src/core/workflow/start-session';
import { CTX_1014, CTX_4005, EXAMPLE, expectOnlyChanged, expectRefused, replaceOnce, sessionBlock, toCrlf, workspace } from './session-fixtures';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';

/** 1014 with Session 2 still open, so entries go into subsections that already hold items. */
const SESSION_2_ACTIVE = replaceOnce(
	EXAMPLE[CTX_1014],
	'**Duration**: 1.5 hours  \n**Participants**: User, Claude  \n**Status**: completed  \n**Started**: 2025-08-27 09:30\n',
	'**Duration**: In progress  \n**Participants**: User, Claude  \n**Status**: active  \n**Started**: 2025-08-27 09:30\n',
);
const UPDATED = ['**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 14:30'] as const;

async function startedWorkspace() {
	const ws = await workspace();
	await startSession(ws, { id: '1014' });
	return ws;
}

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('logEntry', () => {
		it('creates the subsection in a new session and appends to it after', async () => {
			const ws = await startedWorkspace();
			const before = ws.store.snapshot();
			const first = await logEntry(ws, { id: '1014', section: 'testing', text: 'Ran the health check against the NAS ✅' });
			const second = await logEntry(ws, { id: '1014', section: 'testing', text: 'Benchmarked again: 1005 MB/s' });
			expect(first).toEqual({ session: 3, heading: 'Testing', written: [CTX_1014], workBegun: null });
			expect(second).toEqual({ session: 3, heading: 'Testing', written: [CTX_1014], workBegun: null });
			const expected = replaceOnce(
				before[CTX_1014],
				sessionBlock(3),
				`${sessionBlock(3)}\n#### Testing\n- Ran the health check against the NAS ✅\n- Benchmarked again: 1005 MB/s\n`,
			);
			expect(expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014])[CTX_1014]).toBe(expected);
		});

		it("puts each subsection at its place in the seed's order, whatever order they are written in", async () => {
			const ws = await startedWorkspace();
			const before = ws.store.snapshot();
			await logEntry(ws, { id: '1014', section: 'commits', text: 'abc1234 Draft troubleshooting guide' });
			await logEntry(ws, { id: '1014', section: 'planning', text: 'Finish the stale-handle section first' });
			await logEntry(ws, { id: '1014', section: 'issues', text: 'Guide links a removed script', resolution: 'Linked benchmark.sh instead' });
			await logEntry(ws, { id: '1014', section: 'testing', text: 'Followed the guide on a fresh host ✅' });
			await logEntry(ws, { id: '1014', section: 'changes', text: 'Added a review criterion' });
			await logEntry(ws, { id: '1014', section: 'implementation', text: 'Wrote the stale file handle section' });
			const expected = replaceOnce(
				before[CTX_1014],
				sessionBlock(3),
				sessionBlock(3) +
					'\n#### Planning\n- Finish the stale-handle section first\n' +
					'\n#### Changes to Spec\n- Added a review criterion\n' +
					'\n#### Implementation\n- Wrote the stale file handle section\n' +
					'\n#### Testing\n- Followed the guide on a fresh host ✅\n' +
					'\n#### Commits\n- `abc1234`: Draft troubleshooting guide\n' +
					'\n#### Issues & Resolutions\n- **Issue**: Guide links a removed script\n- **Resolution**: Linked benchmark.sh instead\n',
			);
			expect(ws.store.snapshot()[CTX_1014]).toBe(expected);
		});

		it('appends to the existing subsections of the active session, after tables and code', async () => {
			const ws = await workspace({ [CTX_1014]: SESSION_2_ACTIVE });
			const before = ws.store.snapshot();
			await logEntry(ws, { id: '1014', section: 'testing', text: 'Read benchmark with caches dropped: 899 MB/s' });
			await logEntry(ws, { id: '1014', section: 'commits', text: 'c0ffee1: Tune read-ahead' });
			await logEntry(ws, { id: '1014', section: 'issues', text: 'Automount timed out at boot', resolution: 'Raised x-systemd.mount-timeout', commit: 'c0ffee1' });
			let expected = replaceOnce(SESSION_2_ACTIVE, ...UPDATED);
			expected = replaceOnce(expected, 'second run changes nothing ✅\n', 'second run changes nothing ✅\n- Read benchmark with caches dropped: 899 MB/s\n');
			expected = replaceOnce(expected, '- `b2c3d4e`: Add performance benchmarking results\n', '- `b2c3d4e`: Add performance benchmarking results\n- `c0ffee1`: Tune read-ahead\n');
			expected = replaceOnce(
				expected,
				'- **Commit**: `b2c3d4e`\n',
				'- **Commit**: `b2c3d4e`\n- **Issue**: Automount timed out at boot\n- **Resolution**: Raised x-systemd.mount-timeout\n- **Commit**: `c0ffee1`\n',
			);
			expect(expectOnlyChanged(before, ws.store.snapshot(), [CTX_1014])[CTX_1014]).toBe(expected);
		});

		it('writes a multi-line entry as one item with its lines indented under it', async () => {
			const ws = await startedWorkspace();
			await logEntry(ws, { id: '1014', section: 'implementation', text: 'Rewrote the guide:\r\n- mount options\n- stale handles\n\n```bash\nmount -a\n```\n' });
			// Lines indented alike lose their common indentation first: they sit under the item too.
			await logEntry(ws, { id: '1014', section: 'implementation', text: '\nChecked links:\n    - all resolve\n      (including anchors)' });
			expect(ws.store.snapshot()[CTX_1014]).toContain(
				`${sessionBlock(3)}\n#### Implementation\n- Rewrote the guide:\n  - mount options\n  - stale handles\n\n  \`\`\`bash\n  mount -a\n  \`\`\`\n` +
					'- Checked links:\n  - all resolve\n    (including anchors)\n\n## Deliverables',
			);
		});

		it('closes a code fence the entry leaves open, so the journal after it is not swallowed as code', async () => {
			const ws = await startedWorkspace();
			await logEntry(ws, { id: '1014', section: 'testing', text: 'Output:\n```\nok 1\nok 2' });
			await logEntry(ws, { id: '1014', section: 'planning', text: 'Next: review' });
			expect(ws.store.snapshot()[CTX_1014]).toContain(
				`${sessionBlock(3)}\n#### Planning\n- Next: review\n\n#### Testing\n- Output:\n  \`\`\`\n  ok 1\n  ok 2\n  \`\`\`\n\n## Deliverables`,
			);
			// An entry that starts with a fence gets a bare item marker, the code under it.
			expect(formatItem('```sh\nls')).toBe('-\n  ```sh\n  ls\n  ```\n');
			expect(formatItem('Fixed ``` in docs')).toBe('- Fixed ``` in docs\n');
		});

		it('reads commit entries as "<hash> <message>" or "<hash>: <message>" and refuses a bad hash', async () => {
			expect(parseCommitText('a1b2c3d Add script')).toEqual({ hash: 'a1b2c3d', message: 'Add script' });
			expect(parseCommitText('a1b2c3d: Add script')).toEqual({ hash: 'a1b2c3d', message: 'Add script' });
			expect(parseCommitText('`A1B2C3D` - Add script')).toEqual({ hash: 'A1B2C3D', message: 'Add script' });
			expect(parseCommitText('a1b2c3d')).toEqual({ hash: 'a1b2c3d', message: '' });
			const ws = await startedWorkspace();
			const message = '"Add" is not a commit hash (4 to 40 hex digits); write the entry as "<hash> <message>"';
			await expectRefused(ws, () => logEntry(ws, { id: '1014', section: 'commits', text: 'Add script' }), 'bad-commit', message);
			await expectRefused(ws, () => logEntry(ws, { id: '1014', section: 'commits', text: 'g1b2c3d: Add script' }), 'bad-commit', /"g1b2c3d" is not a commit hash/);
			await expectRefused(ws, () => logEntry(ws, { id: '1014', section: 'issues', text: 'x', commit: 'zz' }), 'bad-commit', /"zz" is not a commit hash/);
		});

		it('does not list the same commit twice in a session (also abbreviated differently)', async () => {
			const ws = await startedWorkspace();
			await recordCommit(ws, { id: '1014', hash: 'c0ffee1234', message: 'Tune read-ahead' });
			const before = ws.store.snapshot();
			expect(await logEntry(ws, { id: '1014', section: 'commits', text: 'c0ffee1 Tune read-ahead' })).toEqual({ session: 3, heading: 'Commits', written: [], workBegun: null });
			expect(await recordCommit(ws, { id: '1014', hash: 'c0ffee1234', message: 'Tune read-ahead' })).toEqual({ session: 3, heading: 'Commits', written: [], workBegun: null });
			expect(ws.store.snapshot()).toEqual(before);
			expect(before[CTX_1014]).toContain(`${sessionBlock(3)}\n#### Commits\n- \`c0ffee1234\`: Tune read-ahead\n`);
		});

		it('refuses when no session is active, naming the spec and how to start one', async () => {
			const ws = await workspace();
			const message = 'Spec 1014 has no active session';
			await expectRefused(ws, () => logEntry(ws, { id: '1014', section: 'testing', text: 'x' }), 'no-active-session', message);
			await expectRefused(ws, () => recordCommit(ws, { id: '1014', hash: 'abcd123', message: 'x' }), 'no-active-session', message);
			// A spec with no journal at all has no session either.
			await expectRefused(ws, () => logEntry(ws, { id: '4005', section: 'planning', text: 'x' }), 'no-active-session', /^Spec 4005 has no active session/);
			expect(await ws.store.exists(CTX_4005)).toBe(false);
		});

		it('refuses an unknown section, an empty entry and a resolution outside issues', async () => {
			const ws = await startedWorkspace();
			await expectRefused(
				ws,
				() => logEntry(ws, { id: '1014', section: 'diary' as never, text: 'x' }),
				'unknown-section',
				'Unknown session section "diary": use planning, changes, implementation, testing, commits, issues',
			);
			await expectRefused(ws, () => logEntry(ws, { id: '1014', section: 'testing', text: ' \n ' }), 'empty-entry', 'Nothing to log: the testing entry is empty');
			await expectRefused(ws, () => logEntry(ws, { id: '1014', section: 'testing', text: 'x', resolution: 'y' }), 'bad-option', /belongs to an issues entry/);
		});

		it('refuses to edit a journal whose frontmatter is malformed, naming the file and line', async () => {
			const ws = await workspace({ [CTX_1014]: `---\nstatus: [implementing\n---\n${SESSION_2_ACTIVE}` });
			await expectRefused(ws, () => logEntry(ws, { id: '1014', section: 'testing', text: 'x' }), 'malformed-yaml', /^specs\/1000\/1001\/1014\.context\.md line \d+: /);
		});

		it('reads section synonyms (tests → Testing)', async () => {
			const ws = await startedWorkspace();
			const result = await logEntry(ws, { id: '1014', section: 'tests' as never, text: 'ok' });
			expect(result.heading).toBe('Testing');
		});

		it('keeps a CRLF journal CRLF', async () => {
			const ws = await workspace({ [CTX_1014]: toCrlf(SESSION_2_ACTIVE) });
			await logEntry(ws, { id: '1014', section: 'planning', text: 'Two lines\nof planning' });
			const expected = replaceOnce(replaceOnce(SESSION_2_ACTIVE, ...UPDATED), 'strategy state (4005)\n', 'strategy state (4005)\n- Two lines\n  of planning\n');
			expect(ws.store.snapshot()[CTX_1014]).toBe(toCrlf(expected));
		});

		it('writes no control characters (ESC, BEL, C1) into the journal: tabs and line breaks stay', async () => {
			const ws = await startedWorkspace();
			await logEntry(ws, { id: '1014', section: 'implementation', text: 'Fixed \x1b[31mred\x1b[0m output\x07\n\tsee\u009b2J\tlog' });
			await logEntry(ws, { id: '1014', section: 'issues', text: 'Bell\x07 rang', resolution: 'Muted\x00 it' });
			await recordCommit(ws, { id: '1014', hash: 'a1b2c3d', message: 'Title \x1b]0;pwned\x07 fix\rdone' });
			expect(ws.store.snapshot()[CTX_1014]).toContain(
				`${sessionBlock(3)}\n#### Implementation\n- Fixed [31mred[0m output\n  see2J\tlog\n\n#### Commits\n- \`a1b2c3d\`: Title ]0;pwned fix\n  done\n\n#### Issues & Resolutions\n- **Issue**: Bell rang\n- **Resolution**: Muted it\n\n## Deliverables`,
			);
		});

		it('only ever inserts the entry: the text before and after it stays byte for byte', async () => {
			const line = fc.oneof(fc.stringMatching(/^[^\r\n]{0,30}$/), fc.constantFrom('```', '~~~~ js', '    ```', '# Not a heading', '- [ ] not a task'));
			await fc.assert(
				fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), async (lines) => {
					const text = lines.join('\n');
					fc.pre(text.trim() !== '');
					const ws = await workspace({ [CTX_1014]: SESSION_2_ACTIVE });
					await logEntry(ws, { id: '1014', section: 'changes', text });
					const after = ws.store.snapshot()[CTX_1014];
					const base = replaceOnce(SESSION_2_ACTIVE, ...UPDATED);
					const anchor = '- Marked three acceptance criteria met\n';
					const at = base.indexOf(anchor) + anchor.length;
					const inserted = after.length - base.length;
					expect(after.slice(0, at)).toBe(base.slice(0, at));
					expect(after.slice(at + inserted)).toBe(base.slice(at));
					expect(after.slice(at, at + inserted)).toMatch(/^-( |\n)/);
					// The journal still reads the same: sessions, the open one, the sections below.
					const read = readContextFile(after);
					expect(read.sessions.map((s) => s.number)).toEqual([1, 2]);
					expect(activeSession(read.sessions)?.number).toBe(2);
					expect(read.tasks).toHaveLength(7);
					expect(read.deliverables.entries).toHaveLength(8);
				}),
				{ numRuns: 80 },
			);
		});
	});
});
