import { readContextFile } from '../../../src/core/context/context-file';
import { finishSession } from '../../../src/core/workflow/finish-session';
import { logEntry } from '../../../src/core/workflow/log-entry';
import { formatItem } from '../../../src/core/edits/session-edits';
import { startSession } from '../../../src/core/workflow/start-session';
import { CTX_1014, sessionBlock, workspace } from './session-fixtures';

/** Free text an agent logs stays inside its item: no heading, no session, no broken link. */

async function started() {
	const ws = await workspace();
	await startSession(ws, { id: '1014' });
	return ws;
}

describe('logged entries never make headings', () => {
	it('escapes continuation lines that would be headings, so the next entry lands in its own section', async () => {
		const ws = await started();
		await logEntry(ws, { id: '1014', section: 'implementation', text: 'Refactored the check.\n\n## Notes\nUses findmnt now.' });
		await logEntry(ws, { id: '1014', section: 'testing', text: 'ran bats' });
		expect(ws.store.snapshot()[CTX_1014]).toContain(
			`${sessionBlock(3)}\n#### Implementation\n- Refactored the check.\n\n  \\## Notes\n  Uses findmnt now.\n\n#### Testing\n- ran bats\n\n## Deliverables`,
		);
		const session = readContextFile(ws.store.snapshot()[CTX_1014]).sessions[2];
		expect(session.entries.map((e) => e.section)).toEqual(['implementation', 'testing']);
	});

	it('cannot inject a session or a plan', async () => {
		const ws = await started();
		await logEntry(ws, { id: '1014', section: 'implementation', text: 'first line\n### Session 99: 2025-01-01 - Injected\n## Plan\n- [ ] fake task' });
		const context = readContextFile(ws.store.snapshot()[CTX_1014]);
		expect(context.sessions.map((s) => s.number)).toEqual([1, 2, 3]);
		expect(context.tasks.map((t) => t.text)).not.toContain('fake task');
		const next = await (async () => {
			await finishSession(ws, { id: '1014' });
			return startSession(ws, { id: '1014' });
		})();
		expect(next.session.number).toBe(4);
	});

	it('escapes setext underlines and a heading on the first line, but not code', () => {
		expect(formatItem('# Title\nText\n===\nMore\n---')).toBe('- \\# Title\n  Text\n  \\===\n  More\n  \\---\n');
		expect(formatItem('Script:\n```bash\n# a comment\n```')).toBe('- Script:\n  ```bash\n  # a comment\n  ```\n');
		// Not headings: a tag, a hash deep in code indentation, a rule after a blank line.
		expect(formatItem('Tagged\n#todo here\n\n---')).toBe('- Tagged\n  #todo here\n\n  ---\n');
	});
});

describe('shell tests are not links', () => {
	it('wraps [[ -d … ]] outside backticks in code, leaving real wikilinks and code alone', async () => {
		const ws = await started();
		await logEntry(ws, { id: '1014', section: 'implementation', text: 'Wrote check with [[ -d "$X" ]] guard' });
		expect(ws.store.snapshot()[CTX_1014]).toContain('#### Implementation\n- Wrote check with `[[ -d "$X" ]]` guard\n');
		expect(formatItem('Used [[ ! -f a ]] and [[-n "$Y" ]] in [[deliverables/x.sh|X]]; `[[ -e z ]]` already code')).toBe(
			'- Used `[[ ! -f a ]]` and `[[-n "$Y" ]]` in [[deliverables/x.sh|X]]; `[[ -e z ]]` already code\n',
		);
		expect(formatItem('Test:\n```\n[[ -d x ]]\n```')).toBe('- Test:\n  ```\n  [[ -d x ]]\n  ```\n');
	});

	it('applies to the finish summary and plan items too', async () => {
		const ws = await started();
		await startSession(ws, { id: '1014', plan: ['Guard with [[ -d /mnt/nas ]]'] });
		await finishSession(ws, { id: '1014', summary: 'Checked [[ -d /mnt/nas ]]\n## Not a heading' });
		const text = ws.store.snapshot()[CTX_1014];
		expect(text).toContain('- [ ] Guard with `[[ -d /mnt/nas ]]`\n');
		expect(text).toContain('#### Summary\nChecked `[[ -d /mnt/nas ]]`\n\\## Not a heading\n');
	});
});
