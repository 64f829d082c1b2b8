/**
 * Control characters (C0, DEL, C1) other than tab and line feed. Typed or pasted text, an agent's
 * message or a commit subject may carry them (ESC sequences, BEL); written into a note they are
 * invisible there and act on the terminal of whoever prints it.
 */
const CONTROLS = /(?![\t\n])\p{Cc}/gu;

/** The text without control characters; tabs and line feeds stay (a caller that wants one line collapses them). */
export function withoutControls(text: string): string {
	return text.replace(CONTROLS, '');
}
