import type { Loc, Pos } from 'obsidian';

/** Offsets of line starts, to turn offsets into Obsidian's {line, col, offset} locations. */
export class LineIndex {
	readonly starts: number[] = [0];

	constructor(readonly text: string) {
		for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
	}

	get lineCount(): number {
		return this.starts.length;
	}

	loc(offset: number): Loc {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo, col: offset - this.starts[lo], offset };
	}

	pos(start: number, end: number): Pos {
		return { start: this.loc(start), end: this.loc(end) };
	}

	/** The line's text without its line break (and without a CR before it). */
	line(n: number): string {
		const start = this.starts[n];
		const next = n + 1 < this.starts.length ? this.starts[n + 1] - 1 : this.text.length;
		const raw = this.text.slice(start, next);
		return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
	}

	lineEnd(n: number): number {
		return this.starts[n] + this.line(n).length;
	}
}

export interface FrontmatterBlock {
	/** The YAML text between the fences. */
	yaml: string;
	/** Offset where the YAML text starts (after the opening fence's line break). */
	yamlStart: number;
	/** Offset of the closing fence. */
	closeStart: number;
	/** Line index of the closing fence. */
	closeLine: number;
	/** Offset after the closing fence's line break (or end of text). */
	contentStart: number;
}

/** Obsidian's frontmatter: `---` on the very first line, closed by the next `---` line. */
export function findFrontmatter(index: LineIndex): FrontmatterBlock | null {
	if (index.lineCount < 2 || !/^---[ \t]*$/.test(index.line(0))) return null;
	for (let n = 1; n < index.lineCount; n++) {
		if (/^---[ \t]*$/.test(index.line(n))) {
			const yamlStart = index.starts[1];
			const closeStart = index.starts[n];
			const contentStart = n + 1 < index.lineCount ? index.starts[n + 1] : index.text.length;
			return { yaml: index.text.slice(yamlStart, closeStart), yamlStart, closeStart, closeLine: n, contentStart };
		}
	}
	return null;
}

/** Per line: inside a fenced code block (fence lines included)? */
export function fencedLines(index: LineIndex, fromLine: number): boolean[] {
	const inFence: boolean[] = new Array<boolean>(index.lineCount).fill(false);
	let open: { char: string; len: number } | null = null;
	for (let n = fromLine; n < index.lineCount; n++) {
		const line = index.line(n);
		if (open) {
			inFence[n] = true;
			const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
			if (close && close[1][0] === open.char && close[1].length >= open.len) open = null;
			continue;
		}
		const start = /^\s*(?:>\s*)*(`{3,}|~{3,})(.*)$/.exec(line);
		if (start && !(start[1][0] === '`' && start[2].includes('`'))) {
			open = { char: start[1][0], len: start[1].length };
			inFence[n] = true;
		}
	}
	return inFence;
}

/**
 * The text with everything that is not prose blanked out (same length, line breaks kept):
 * frontmatter, fenced code, inline code, `%%comments%%` and `<!-- html comments -->`.
 * Links, tags and headings are searched in this text, so code never yields a link.
 */
export function maskNonProse(index: LineIndex, fm: FrontmatterBlock | null, inFence: boolean[]): string {
	const chars = index.text.split('');
	const blank = (from: number, to: number): void => {
		for (let i = from; i < to; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
	};
	if (fm) blank(0, fm.contentStart);
	for (let n = 0; n < index.lineCount; n++) if (inFence[n]) blank(index.starts[n], index.lineEnd(n));
	let text = chars.join('');
	// Inline code: a run of N backticks closed by the next run of exactly N, within a paragraph.
	const tick = /`+/g;
	let m: RegExpExecArray | null;
	while ((m = tick.exec(text)) !== null) {
		const len = m[0].length;
		const from = m.index;
		const rest = text.slice(from + len);
		const paraEnd = rest.search(/\n[ \t]*\r?\n/);
		const scope = paraEnd < 0 ? rest : rest.slice(0, paraEnd);
		const closeRe = /`+/g;
		let close: RegExpExecArray | null;
		let closeAt = -1;
		while ((close = closeRe.exec(scope)) !== null) {
			if (close[0].length === len) {
				closeAt = close.index;
				break;
			}
		}
		if (closeAt < 0) continue;
		const to = from + len + closeAt + len;
		blank(from, to);
		text = chars.join('');
		tick.lastIndex = to;
	}
	for (const re of [/%%[\s\S]*?(?:%%|$)/g, /<!--[\s\S]*?(?:-->|$)/g]) {
		while ((m = re.exec(text)) !== null) {
			if (m[0].length === 0) {
				re.lastIndex++;
				continue;
			}
			blank(m.index, m.index + m[0].length);
		}
		text = chars.join('');
	}
	return text;
}
