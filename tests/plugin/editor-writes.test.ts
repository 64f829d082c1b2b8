/** @jest-environment jsdom */
import fc from 'fast-check';
import { createFakeApp, fileAt, MarkdownView, notices, type App } from '../__mocks__/obsidian';
import { ChangeSet } from '../../src/core/workspace/file-changes';
import { logEntry } from '../../src/core/workflow/log-entry';
import { changedRange, textChanges, type TextChange } from '../../src/plugin/text-changes';
import { VaultFileStore } from '../../src/plugin/vault-file-store';
import { readVaultFiles } from '../helpers/vault-files';
import { WALKTHROUGH } from '../helpers/walkthrough-status';
import { openPanel, settled } from './views/panel-harness';
import { choose, click, command, field, openNote, type, vaultFiles, withSession3Started } from './plugin-harness';

const CONTEXT_1014 = 'specs/1000/1001/1014.context.md';
const SPEC_1014 = 'specs/1000/1001/1014.spec.md';
const ENTRY = 'Restore drill: 2 TB back in 41 minutes ✅';
/** The last line of the journal's summary, above every session. */
const SUMMARY_END = 'final validation pass with the downstream teams.';

/** The example vault with session 3 of 1014 open, the journal open in the editor, typing not yet saved. */
async function journalBeingTyped() {
	const loaded = await withSession3Started('2025-08-28T10:20');
	// Less than two seconds since the last keystroke, for as long as the test says.
	loaded.app.holdEditorSaves();
	return { ...loaded, view: markdownView(loaded.app) };
}

function markdownView(app: App): MarkdownView {
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	if (!view) throw new Error('No markdown view is active');
	return view;
}

/** Puts the cursor at the end of the line holding `line` and types `text` there. */
function typeAfter(view: MarkdownView, line: string, text: string): void {
	const editor = view.editor;
	const at = editor.getValue().split('\n').indexOf(line);
	if (at < 0) throw new Error(`No line "${line}" in the editor`);
	editor.setCursor({ line: at, ch: line.length });
	editor.replaceSelection(text);
}

/** What the text before the cursor ends with: where the person is typing. */
function beforeCursor(view: MarkdownView, length: number): string {
	const editor = view.editor;
	const at = editor.posToOffset(editor.getCursor());
	return editor.getValue().slice(at - length, at);
}

async function logTesting(app: App, text = ENTRY): Promise<void> {
	await command(app, 'log-entry');
	choose(field<HTMLSelectElement>('Section'), 'testing');
	type(field<HTMLTextAreaElement>('Entry'), text);
	await click(app, 'Log entry');
}

async function disk(app: App, path: string): Promise<string> {
	return app.vault.read(fileAt(app, path));
}

describe('a workflow write to a note open with unsaved typing', () => {
	it('goes through the editor: the typing and the entry are both there, and on disk after the save, byte for byte', async () => {
		const { app, ws, view } = await journalBeingTyped();
		const saved = await disk(app, CONTEXT_1014);
		const typed = ' The NAS firmware update is next.';
		typeAfter(view, SUMMARY_END, typed);
		const cursor = view.editor.getCursor();

		await logTesting(app);

		// The same bytes the core writes over the text the person sees.
		await ws.store.process(CONTEXT_1014, (text) => text.replace(SUMMARY_END, SUMMARY_END + typed));
		await logEntry(ws, { id: '1014', section: 'testing', text: ENTRY });
		const expected = ws.store.snapshot();
		expect(notices).toEqual(['Logged to session 3 › Testing']);
		expect(view.editor.getValue()).toBe(expected[CONTEXT_1014]);
		// The entry went in below; the cursor stays where the person was typing.
		expect(view.editor.getCursor()).toEqual(cursor);
		expect(await disk(app, CONTEXT_1014)).toBe(saved);

		app.holdEditorSaves(false);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(expected);
	});

	it('moves the cursor with the text when the change is above where the person types', async () => {
		const { app, view } = await journalBeingTyped();
		const typed = '\n- Ask the NAS vendor about firmware 7.2';
		typeAfter(view, '- Create automated backup strategy', typed);

		await logTesting(app);

		expect(view.editor.getValue()).toContain(`- Create automated backup strategy${typed}\n`);
		expect(view.editor.getValue()).toContain(`- ${ENTRY}`);
		expect(beforeCursor(view, typed.length)).toBe(typed);
	});

	it('shows the change in every view of the note, and saves it once', async () => {
		const { app, ws, view } = await journalBeingTyped();
		const second = app.workspace.getLeaf('split');
		await second.openFile(fileAt(app, CONTEXT_1014), { active: false });
		const other = second.view as MarkdownView;
		const typed = ' Typed in the first view.';
		typeAfter(view, SUMMARY_END, typed);
		expect(other.editor.getValue()).toBe(view.editor.getValue());

		await logTesting(app);

		await ws.store.process(CONTEXT_1014, (text) => text.replace(SUMMARY_END, SUMMARY_END + typed));
		await logEntry(ws, { id: '1014', section: 'testing', text: ENTRY });
		const expected = ws.store.snapshot()[CONTEXT_1014];
		expect(view.editor.getValue()).toBe(expected);
		expect(other.editor.getValue()).toBe(expected);
		app.holdEditorSaves(false);
		await app.flush();
		expect(await disk(app, CONTEXT_1014)).toBe(expected);
	});

	it('takes the change back out of the editor when a later note of the same write fails', async () => {
		const { app, plugin, view } = await journalBeingTyped();
		const savedSpec = await disk(app, SPEC_1014);
		typeAfter(view, SUMMARY_END, ' Typed.');
		const typing = view.editor.getValue();
		const cursor = view.editor.getCursor();
		const changes = new ChangeSet(plugin.store);
		await changes.modify(CONTEXT_1014, (text) => text.replace('**Status**: implementing', '**Status**: testing'));
		await changes.modify(SPEC_1014, (text) => `${text}\nA line.\n`);
		const process = app.vault.process.bind(app.vault);
		jest.spyOn(app.vault, 'process').mockImplementation((file, fn) => (file.path === SPEC_1014 ? Promise.reject(new Error('disk full')) : process(file, fn)));

		await expect(changes.apply()).rejects.toThrow('disk full');
		expect(view.editor.getValue()).toBe(typing);
		expect(view.editor.getCursor()).toEqual(cursor);
		expect(await disk(app, SPEC_1014)).toBe(savedSpec);
	});

	it('refuses, writing nothing, when the person types between the planning and the write', async () => {
		const { app, plugin, view } = await journalBeingTyped();
		const saved = await disk(app, CONTEXT_1014);
		typeAfter(view, SUMMARY_END, ' First words.');
		const changes = new ChangeSet(plugin.store);
		await changes.modify(CONTEXT_1014, (text) => text.replace('**Status**: implementing', '**Status**: testing'));
		typeAfter(view, `${SUMMARY_END} First words.`, ' More words.');
		const typing = view.editor.getValue();

		await expect(changes.apply()).rejects.toThrow(`${CONTEXT_1014} changed while it was being edited; nothing was written`);
		expect(view.editor.getValue()).toBe(typing);
		expect(await disk(app, CONTEXT_1014)).toBe(saved);
	});
});

describe('a tap in the status panel while the journal holds unsaved typing', () => {
	it('ticks the task through the editor: the typing stays, the row shows it done, the disk follows on the save', async () => {
		const p = await openPanel(readVaultFiles(WALKTHROUGH), CONTEXT_1014);
		p.app.holdEditorSaves();
		const view = markdownView(p.app);
		const saved = await disk(p.app, CONTEXT_1014);
		const typed = '\n   - [ ] Screenshots of the mount dialog';
		typeAfter(view, '   - [ ] Troubleshooting guide', typed);

		p.el.querySelector<HTMLInputElement>('.spec-workflow-task[data-task="6"] input[type="checkbox"]')?.click();
		await settled(p);

		const expected = saved
			.replace('   - [ ] Troubleshooting guide\n', `   - [ ] Troubleshooting guide${typed}\n`)
			.replace('6. ⏳ Documentation\n', '6. ✅ Documentation\n')
			.replace('**Updated**: 2025-08-27 11:00', '**Updated**: 2025-08-28 10:00');
		expect(view.editor.getValue()).toBe(expected);
		expect(beforeCursor(view, typed.length)).toBe(typed);
		expect(p.el.querySelector('.spec-workflow-task[data-task="6"]')?.getAttribute('data-state')).toBe('done');
		expect(await disk(p.app, CONTEXT_1014)).toBe(saved);
		p.app.holdEditorSaves(false);
		await settled(p);
		expect(await disk(p.app, CONTEXT_1014)).toBe(expected);
	});
});

describe('a workflow write to a note without unsaved typing', () => {
	it('writes the disk at once when the note is open but saved, and the editor shows it', async () => {
		const { app, ws, view } = await journalBeingTyped();
		await logTesting(app);
		await logEntry(ws, { id: '1014', section: 'testing', text: ENTRY });
		const expected = ws.store.snapshot();
		expect(await vaultFiles(app)).toEqual(expected);
		expect(view.editor.getValue()).toBe(expected[CONTEXT_1014]);
	});

	it('writes the disk at once when the note is not open, and leaves the typing in another note alone', async () => {
		const { app, ws } = await journalBeingTyped();
		await openNote(app, SPEC_1014);
		const spec = markdownView(app);
		const savedSpec = await disk(app, SPEC_1014);
		spec.editor.setCursor({ line: 0, ch: 0 });
		spec.editor.replaceSelection('Draft: ');

		await command(app, 'log-entry');
		choose(field<HTMLSelectElement>('Section'), 'testing');
		type(field<HTMLTextAreaElement>('Entry'), ENTRY);
		await click(app, 'Log entry');

		await logEntry(ws, { id: '1014', section: 'testing', text: ENTRY });
		expect(await disk(app, CONTEXT_1014)).toBe(ws.store.snapshot()[CONTEXT_1014]);
		expect(spec.editor.getValue()).toBe(`Draft: ${savedSpec}`);
		expect(await disk(app, SPEC_1014)).toBe(savedSpec);
	});
});

describe('the editor path keeps the bytes the editor holds', () => {
	it('keeps a byte-order mark and CRLF line ends through the editor and its save', async () => {
		const app = createFakeApp({ 'note.md': '\uFEFF# Note\r\n\r\nfirst\r\n\r\n## Log\r\n- one\r\n' });
		await app.workspace.setActiveFile(fileAt(app, 'note.md'));
		app.holdEditorSaves();
		const view = markdownView(app);
		view.editor.setCursor({ line: 2, ch: 5 });
		view.editor.replaceSelection(' and second');
		const store = new VaultFileStore(app as never);

		expect(await store.read('note.md')).toBe('# Note\r\n\r\nfirst and second\r\n\r\n## Log\r\n- one\r\n');
		const written = await store.process('note.md', (text) => text.replace('- one\r\n', '- one\r\n- two\r\n'));

		const expected = '\uFEFF# Note\r\n\r\nfirst and second\r\n\r\n## Log\r\n- one\r\n- two\r\n';
		expect(written).toBe(expected.slice(1));
		expect(view.editor.getValue()).toBe(expected);
		expect(view.editor.getCursor()).toEqual({ line: 2, ch: 16 });
		app.holdEditorSaves(false);
		await app.flush();
		expect(await app.vault.read(fileAt(app, 'note.md'))).toBe(expected);
	});
});

/** The text the changes give, applied from the end so each one's offsets still hold. */
function applied(before: string, changes: TextChange[]): string {
	return [...changes].reverse().reduce((text, c) => text.slice(0, c.from) + c.insert + text.slice(c.to), before);
}

describe('textChanges', () => {
	const texts = fc.array(fc.constantFrom('# A\n', '- one\n', '- two\n', '\n', 'text', '\r\n', 'x\n'), { maxLength: 12 }).map((l) => l.join(''));

	it('gives changes in order, apart, that turn the old text into the new', () => {
		fc.assert(
			fc.property(texts, texts, (before, after) => {
				const changes = textChanges(before, after);
				expect(applied(before, changes)).toBe(after);
				for (let i = 1; i < changes.length; i++) expect(changes[i].from).toBeGreaterThan(changes[i - 1].to);
			}),
			{
				examples: [
					['- one\n', '- one\n- one\n'],
					['', 'x\n'],
					['x\n', ''],
					['text', 'text\n'],
				],
			},
		);
	});

	it('finds two places apart as two changes, leaving the lines between alone', () => {
		const before = '**Updated**: 10:00\n\ntyping here\n\n## Log\n- one\n';
		const after = '**Updated**: 10:20\n\ntyping here\n\n## Log\n- one\n- two\n';
		expect(textChanges(before, after)).toEqual([
			{ from: 16, to: 17, insert: '2' },
			{ from: before.length, to: before.length, insert: '- two\n' },
		]);
	});
});

describe('changedRange', () => {
	it('is the one replacement that turns the old text into the new', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (before, after) => {
				const { from, to, insert } = changedRange(before, after);
				expect(before.slice(0, from) + insert + before.slice(to)).toBe(after);
			}),
			{
				examples: [
					['aaa', 'aaaa'],
					['- a\n', '- a\n- a\n'],
					['', 'x'],
					['x', ''],
				],
			},
		);
	});

	it('leaves out the common start and end', () => {
		expect(changedRange('# T\nkeep\nend\n', '# T\nkeep\nnew\nend\n')).toEqual({ from: 9, to: 9, insert: 'new\n' });
		expect(changedRange('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
	});
});
