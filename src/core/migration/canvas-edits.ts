import { lineCounter } from '../markdown/line-numbers';
import { joinEdits, type TextEdit } from '../markdown/text-edit';
import type { LinkChange } from './migration-types';

/** A JSON value with where it sits in the text: a string's decoded value, an object's members, an array's items. */
interface Located {
	start: number;
	end: number;
	string?: string;
	members?: Map<string, Located>;
	items?: Located[];
}

/**
 * A canvas (JSON Canvas, as Obsidian writes it) with the `file` of each file card whose file moves
 * set to its new vault path, as Obsidian does when it renames a file. Only those string values
 * change: the tabs, the key order and every other byte are kept. Null when the text is not JSON.
 */
export function rewriteCanvasFiles(text: string, moves: ReadonlyMap<string, string>): { text: string; changes: LinkChange[] } | null {
	const from = text.startsWith('\uFEFF') ? 1 : 0;
	// Obsidian creates a canvas as an empty file until something is put on it.
	if (text.slice(from).trim() === '') return { text, changes: [] };
	try {
		JSON.parse(text.slice(from));
	} catch {
		return null;
	}
	const edits: TextEdit[] = [];
	const changes: { at: number; from: string; to: string }[] = [];
	for (const node of new JsonScanner(text, from).value().members?.get('nodes')?.items ?? []) {
		const file = node.members?.get('file');
		if (node.members?.get('type')?.string !== 'file' || file?.string === undefined) continue;
		const to = moves.get(file.string);
		if (to === undefined) continue;
		edits.push({ start: file.start, end: file.end, text: JSON.stringify(to) });
		changes.push({ at: file.start, from: file.string, to });
	}
	if (edits.length === 0) return { text, changes: [] };
	const lines = lineCounter(text);
	return { text: joinEdits(text, edits), changes: changes.map((c) => ({ line: lines(c.at), from: c.from, to: c.to })) };
}

/** Walks a text JSON.parse accepted, noting where each value is. */
class JsonScanner {
	constructor(
		private readonly text: string,
		private at: number,
	) {}

	value(): Located {
		this.skipSpace();
		const start = this.at;
		const c = this.text[this.at];
		if (c === '"') return this.string();
		if (c === '{' || c === '[') {
			this.at++;
			const members = new Map<string, Located>();
			const items: Located[] = [];
			const close = c === '{' ? '}' : ']';
			this.skipSpace();
			while (this.text[this.at] !== close) {
				if (c === '{') {
					const key = this.string().string as string;
					this.skipSpace();
					this.at++; // the colon
					members.set(key, this.value());
				} else items.push(this.value());
				this.skipSpace();
				if (this.text[this.at] === ',') this.at++;
				this.skipSpace();
			}
			this.at++;
			return c === '{' ? { start, end: this.at, members } : { start, end: this.at, items };
		}
		// A number, true, false or null: whatever runs up to the next separator.
		while (this.at < this.text.length && !/[\s,\]}]/.test(this.text[this.at])) this.at++;
		return { start, end: this.at };
	}

	private string(): Located {
		this.skipSpace();
		const start = this.at;
		this.at++;
		while (this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
		this.at++;
		return { start, end: this.at, string: JSON.parse(this.text.slice(start, this.at)) as string };
	}

	private skipSpace(): void {
		while (/\s/.test(this.text[this.at] ?? '')) this.at++;
	}
}
