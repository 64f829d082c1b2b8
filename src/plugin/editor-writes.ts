import { App, MarkdownView, TFile } from 'obsidian';
import { editKeepingBom, withoutBom } from '../core/files/file-text';
import { textChanges } from './text-changes';

/**
 * Writes to a note someone is typing in. Obsidian saves typing about two seconds after the last
 * keystroke; until then the editor holds text the disk does not. Writing the disk then would make
 * the editor load the file over that typing, so such a note is read from its editor and changed
 * through it, and the editor saves it as it saves typing.
 */

/**
 * A markdown view showing `file` whose editor holds text that `disk` does not: unsaved typing.
 * Several views of one file show the same text (Obsidian keeps them in step), so one is enough.
 * A byte-order mark or CRLF line ends the editor does not show are not typing.
 */
export function unsavedView(app: App, file: TFile, disk: string): MarkdownView | null {
	for (const leaf of app.workspace.getLeavesOfType('markdown')) {
		const view = leaf.view;
		if (view instanceof MarkdownView && view.file?.path === file.path && !sameText(view.editor.getValue(), disk)) return view;
	}
	return null;
}

function sameText(editor: string, disk: string): boolean {
	const plain = (text: string): string => withoutBom(text).replace(/\r\n/g, '\n');
	return editor === disk || plain(editor) === plain(disk);
}

/** Thrown inside `vault.process` to leave the disk alone when the note turns out to hold unsaved typing. */
export class TypingInEditor extends Error {
	constructor(readonly view: MarkdownView) {
		super(`${view.file?.path ?? 'the note'} has unsaved typing`);
		this.name = 'TypingInEditor';
	}
}

/**
 * Runs `fn` on the editor's text and applies the result as the changes a line diff finds (one
 * transaction, so one undo step), so the cursor, the selection and the typing between the changes
 * stay where they are; then asks the view to save, as after a keystroke. When `fn` throws (the
 * text is not what the write was planned from), the editor is untouched. Returns the new text
 * without its byte-order mark.
 */
export function editInEditor(view: MarkdownView, fn: (text: string) => string): string {
	const editor = view.editor;
	const current = editor.getValue();
	const next = editKeepingBom(current, fn);
	const changes = textChanges(current, next);
	if (changes.length > 0) {
		editor.transaction({ changes: changes.map((c) => ({ from: editor.offsetToPos(c.from), to: editor.offsetToPos(c.to), text: c.insert })) });
		view.requestSave();
	}
	return withoutBom(next);
}
