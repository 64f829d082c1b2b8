import type { EditorPosition, EditorRange, EditorSelection } from 'obsidian';

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

export class TextEditor extends Editor {
	private text: string;
	private anchor: EditorPosition = { line: 0, ch: 0 };
	private head: EditorPosition = { line: 0, ch: 0 };

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
		this.text = content;
		this.onChange(content);
	}

	/** Replaces the text without reporting a change (external reload). */
	load(content: string): void {
		this.text = content;
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

	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
		const a = this.posToOffset(from);
		const b = to ? this.posToOffset(to) : a;
		this.setValue(this.text.slice(0, a) + replacement + this.text.slice(b));
	}

	getCursor(which?: 'from' | 'to' | 'head' | 'anchor'): EditorPosition {
		const a = this.posToOffset(this.anchor);
		const h = this.posToOffset(this.head);
		if (which === 'anchor') return this.anchor;
		if (which === 'from') return a <= h ? this.anchor : this.head;
		if (which === 'to') return a <= h ? this.head : this.anchor;
		return this.head;
	}

	setCursor(pos: EditorPosition | number, ch?: number): void {
		const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
		this.anchor = p;
		this.head = p;
	}

	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		this.anchor = anchor;
		this.head = head ?? anchor;
	}

	listSelections(): EditorSelection[] {
		return [{ anchor: this.anchor, head: this.head }];
	}

	somethingSelected(): boolean {
		return this.posToOffset(this.anchor) !== this.posToOffset(this.head);
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
