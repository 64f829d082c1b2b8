import type { EditorPosition, EditorRange, EditorSelection, EditorSelectionOrCaret, EditorTransaction } from 'obsidian';

/** A plain-text editor with Obsidian's Editor methods (the ones commands use). */
export abstract class Editor {
	abstract getValue(): string;
	abstract setValue(content: string): void;
}

function clampPos(text: string, pos: EditorPosition): number {
	const lines = text.split('\n');
	const line = Math.max(0, Math.min(pos.line, lines.length - 1));
	let offset = 0;
	for (let i = 0; i < line; i++) offset += lines[i].length + 1;
	return offset + Math.max(0, Math.min(pos.ch, lines[line].length));
}

/**
 * A plain-text editor that keeps its selection as CodeMirror 6 does: every change maps the anchor and
 * the head, so a change before the cursor moves it with the text and a change after it leaves it be.
 * `setValue` replaces the whole document, so the cursor goes to its start, as in Obsidian.
 */
export class TextEditor extends Editor {
	private text: string;
	private anchorAt = 0;
	private headAt = 0;

	constructor(
		text: string,
		private readonly onChange: (text: string) => void,
	) {
		super();
		this.text = text;
	}

	getDoc(): this {
		return this;
	}

	refresh(): void {}

	getValue(): string {
		return this.text;
	}

	setValue(content: string): void {
		this.change(0, this.text.length, content);
	}

	/** Replaces the text without reporting a change (loading the file, or another view's typing). */
	load(content: string): void {
		this.text = content;
		this.anchorAt = Math.min(this.anchorAt, content.length);
		this.headAt = Math.min(this.headAt, content.length);
	}

	/** One change of the document, [from, to) by `insert`, with the selection mapped over it. */
	private change(from: number, to: number, insert: string): void {
		this.text = this.text.slice(0, from) + insert + this.text.slice(to);
		const map = (pos: number): number => {
			if (pos <= from) return pos;
			if (pos >= to) return pos + insert.length - (to - from);
			return from;
		};
		this.anchorAt = map(this.anchorAt);
		this.headAt = map(this.headAt);
		this.onChange(this.text);
	}

	getLine(line: number): string {
		return this.text.split('\n')[line] ?? '';
	}

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	lineCount(): number {
		return this.text.split('\n').length;
	}

	lastLine(): number {
		return this.lineCount() - 1;
	}

	posToOffset(pos: EditorPosition): number {
		return clampPos(this.text, pos);
	}

	offsetToPos(offset: number): EditorPosition {
		const before = this.text.slice(0, Math.max(0, Math.min(offset, this.text.length))).split('\n');
		return { line: before.length - 1, ch: before[before.length - 1].length };
	}

	getRange(from: EditorPosition, to: EditorPosition): string {
		return this.text.slice(this.posToOffset(from), this.posToOffset(to));
	}

	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, origin?: string): void {
		void origin;
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.change(Math.min(a, b), Math.max(a, b), replacement);
	}

	/** Applies the changes (positions in the text before any of them), then the selection if given. */
	transaction(tx: EditorTransaction, origin?: string): void {
		void origin;
		const changes = (tx.changes ?? []).map((c) => {
			const a = this.posToOffset(c.from);
			const b = c.to ? this.posToOffset(c.to) : a;
			return { from: Math.min(a, b), to: Math.max(a, b), text: c.text };
		});
		// From the end backwards, so each change's offsets still hold when it is applied.
		for (const c of changes.sort((x, y) => y.from - x.from)) this.change(c.from, c.to, c.text);
		if (tx.replaceSelection !== undefined) this.replaceSelection(tx.replaceSelection);
		const selection = tx.selections?.[0] ?? tx.selection;
		if (selection) this.setSelection(selection.from, selection.to);
	}

	getCursor(which?: 'from' | 'to' | 'head' | 'anchor'): EditorPosition {
		const at = which === 'anchor' ? this.anchorAt : which === 'from' ? Math.min(this.anchorAt, this.headAt) : which === 'to' ? Math.max(this.anchorAt, this.headAt) : this.headAt;
		return this.offsetToPos(at);
	}

	setCursor(pos: EditorPosition | number, ch?: number): void {
		const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
		this.setSelection(p);
	}

	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		this.anchorAt = this.posToOffset(anchor);
		this.headAt = this.posToOffset(head ?? anchor);
	}

	setSelections(ranges: EditorSelectionOrCaret[], main?: number): void {
		const range = ranges[main ?? 0] ?? ranges[0];
		if (range) this.setSelection(range.anchor, range.head);
	}

	listSelections(): EditorSelection[] {
		return [{ anchor: this.getCursor('anchor'), head: this.getCursor('head') }];
	}

	somethingSelected(): boolean {
		return this.anchorAt !== this.headAt;
	}

	getSelection(): string {
		return this.getRange(this.getCursor('from'), this.getCursor('to'));
	}

	replaceSelection(replacement: string): void {
		const from = this.getCursor('from');
		this.replaceRange(replacement, from, this.getCursor('to'));
		const end = this.offsetToPos(this.posToOffset(from) + replacement.length);
		this.setCursor(end);
	}

	wordAt(pos: EditorPosition): EditorRange | null {
		const line = this.getLine(pos.line);
		let a = pos.ch;
		let b = pos.ch;
		while (a > 0 && /\w/.test(line[a - 1])) a--;
		while (b < line.length && /\w/.test(line[b])) b++;
		return a === b ? null : { from: { line: pos.line, ch: a }, to: { line: pos.line, ch: b } };
	}

	focus(): void {}
	blur(): void {}
	hasFocus(): boolean {
		return false;
	}
	scrollIntoView(): void {}
	undo(): void {}
	redo(): void {}
}
