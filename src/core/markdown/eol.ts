export type Eol = '\n' | '\r\n';

/** The line ending a file mostly uses, so inserted lines match it ("\n" for an empty file). */
export function detectEol(text: string): Eol {
	const lf = text.indexOf('\n');
	if (lf < 0) return '\n';
	return text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Rewrites the "\n" line ends of generated text into the file's own style. */
export function withEol(text: string, eol: Eol): string {
	return eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n');
}

/** Splits into lines with their start offsets; line text excludes the line end. */
export interface Line {
	text: string;
	start: number;
	/** Offset just past the line's end (after "\n" or "\r\n"), or text.length for the last line. */
	end: number;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
	const lines: Line[] = [];
	let start = from;
	while (start < to) {
		const nl = text.indexOf('\n', start);
		const contentEnd = nl < 0 || nl >= to ? to : nl;
		const end = contentEnd === to ? to : nl + 1;
		lines.push({ text: stripCr(text.slice(start, contentEnd)), start, end });
		start = end;
	}
	return lines;
}

function stripCr(line: string): string {
	return line.endsWith('\r') ? line.slice(0, -1) : line;
}
