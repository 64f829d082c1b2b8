/**
 * The 1-based line of an offset (1 + the line ends before it), counting on from the previous
 * call: offsets mostly come in text order (links, edits), so a text's lines are counted once. An
 * earlier offset counts again from the top.
 */
export function lineCounter(text: string): (offset: number) => number {
	let pos = 0;
	let line = 1;
	// The first line end at or after pos, or -1.
	let next = text.indexOf('\n');
	return (offset) => {
		if (offset < pos) {
			pos = 0;
			line = 1;
			next = text.indexOf('\n');
		}
		while (next >= 0 && next < offset) {
			line++;
			next = text.indexOf('\n', next + 1);
		}
		pos = offset;
		return line;
	};
}
