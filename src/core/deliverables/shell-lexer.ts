/**
 * The tokens of a shell script, for finding the words in command position (shell-commands.ts).
 * Quotes, comments, here-documents and command substitutions are skipped well enough that their
 * text is never read as a command; each substitution's text is handed back to be scanned itself.
 */

export type Token = { kind: 'word'; raw: string; literal: boolean; at: number } | { kind: 'op'; op: string } | { kind: 'redirect' } | { kind: 'newline' } | { kind: 'arith' };

/** Gets the text of each command substitution and its offset in the text lexed. */
export type OnSubstitution = (inner: string, at: number) => void;

/** `NAME=value`, `NAME+=value`, `NAME[i]=value`. */
export function isAssignment(raw: string): boolean {
	return /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/.test(raw);
}

/** Characters that end an unquoted word. */
const METACHARS = ' \t\n;&|()<>';

/** `onSubstitution` gets the text of each command substitution and its offset in `src`. */
export function lex(src: string, onSubstitution: OnSubstitution): Token[] {
	const tokens: Token[] = [];
	const heredocs: { delimiter: string; dash: boolean }[] = [];
	let i = 0;
	const n = src.length;
	while (i < n) {
		const c = src[i];
		if (c === ' ' || c === '\t' || c === '\r') {
			i++;
		} else if (c === '\\' && src[i + 1] === '\n') {
			i += 2;
		} else if (c === '\n') {
			tokens.push({ kind: 'newline' });
			i++;
			if (heredocs.length > 0) i = skipHeredocs(src, i, heredocs.splice(0));
		} else if (c === '#') {
			const nl = src.indexOf('\n', i);
			i = nl < 0 ? n : nl;
		} else if (c === '(' && src[i + 1] === '(') {
			tokens.push({ kind: 'arith' });
			i = matchParen(src, i) + 1;
		} else if ((c === '<' || c === '>') && src[i + 1] === '(') {
			const end = matchParen(src, i + 1);
			onSubstitution(src.slice(i + 2, end), i + 2);
			tokens.push({ kind: 'word', raw: src.slice(i, end + 1), literal: false, at: i });
			i = end + 1;
		} else if (c === '<' || c === '>' || (c === '&' && src[i + 1] === '>')) {
			const op = /^(?:<<<|<<-|<<|<&|<>|>>|>&|>\||&>>|&>|<|>)/.exec(src.slice(i, i + 3))?.[0] ?? c;
			i += op.length;
			tokens.push({ kind: 'redirect' });
			if (op === '<<' || op === '<<-') {
				while (src[i] === ' ' || src[i] === '\t') i++;
				const word = readWord(src, i, () => undefined);
				heredocs.push({ delimiter: word.raw.replace(/["'\\]/g, ''), dash: op === '<<-' });
				i = word.end;
				// The delimiter is consumed here, so the redirect has no word left to skip.
				tokens.pop();
			}
		} else if (';&|()'.includes(c)) {
			const op = /^(?:;;&|;;|;&|&&|\|\||\|&|[;&|()])/.exec(src.slice(i, i + 3))?.[0] ?? c;
			tokens.push({ kind: 'op', op });
			i += op.length;
		} else {
			const word = readWord(src, i, onSubstitution);
			// A file descriptor number written against its redirect: `2>/dev/null`.
			if (/^\d+$/.test(word.raw) && (src[word.end] === '<' || src[word.end] === '>')) {
				i = word.end;
				continue;
			}
			tokens.push({ kind: 'word', raw: word.raw, literal: word.literal, at: i });
			i = Math.max(word.end, i + 1);
		}
	}
	return tokens;
}

function readWord(src: string, start: number, onSubstitution: OnSubstitution): { raw: string; literal: boolean; end: number } {
	let i = start;
	let literal = true;
	const n = src.length;
	while (i < n) {
		const c = src[i];
		if (c === '(' && isAssignment(src.slice(start, i) + 'x') && /\+?=$/.test(src.slice(start, i))) {
			// An array assignment `NAME=( … )`: its items are not commands, but may hold substitutions.
			const end = matchParen(src, i);
			const from = i + 1;
			lex(src.slice(from, end), (inner, at) => onSubstitution(inner, from + at));
			i = end + 1;
			literal = false;
			continue;
		}
		if (METACHARS.includes(c)) break;
		if (c === '\\') {
			i += 2;
		} else if (c === "'") {
			const close = src.indexOf("'", i + 1);
			i = close < 0 ? n : close + 1;
			literal = false;
		} else if (c === '"') {
			i = skipDoubleQuoted(src, i, onSubstitution);
			literal = false;
		} else if (c === '`') {
			const close = closingBacktick(src, i + 1);
			onSubstitution(src.slice(i + 1, close).replace(/\\`/g, '`'), i + 1);
			i = close + 1;
			literal = false;
		} else if (c === '$') {
			i = skipDollar(src, i, onSubstitution);
			literal = false;
		} else {
			i++;
		}
	}
	return { raw: src.slice(start, Math.min(i, n)), literal, end: Math.min(i, n) };
}

/** Past a `$…` expansion starting at `i`; command substitutions are handed to `onSubstitution`. */
function skipDollar(src: string, i: number, onSubstitution: OnSubstitution): number {
	const next = src[i + 1];
	if (next === '(') {
		const end = matchParen(src, i + 1);
		// `$(( … ))` is arithmetic, not a command.
		if (src[i + 2] !== '(') onSubstitution(src.slice(i + 2, end), i + 2);
		return end + 1;
	}
	if (next === '{') {
		let depth = 0;
		for (let j = i + 1; j < src.length; j++) {
			if (src[j] === '\\') j++;
			else if (src[j] === '{') depth++;
			else if (src[j] === '}' && --depth === 0) return j + 1;
		}
		return src.length;
	}
	return i + 1;
}

function skipDoubleQuoted(src: string, i: number, onSubstitution: OnSubstitution): number {
	let j = i + 1;
	while (j < src.length) {
		const c = src[j];
		if (c === '\\') j += 2;
		else if (c === '"') return j + 1;
		else if (c === '$') j = skipDollar(src, j, onSubstitution);
		else if (c === '`') {
			const close = closingBacktick(src, j + 1);
			onSubstitution(src.slice(j + 1, close).replace(/\\`/g, '`'), j + 1);
			j = close + 1;
		} else j++;
	}
	return src.length;
}

function closingBacktick(src: string, from: number): number {
	for (let j = from; j < src.length; j++) {
		if (src[j] === '\\') j++;
		else if (src[j] === '`') return j;
	}
	return src.length;
}

/** The `)` matching the `(` at `open`, skipping quotes and comments; the text's end when there is none. */
function matchParen(src: string, open: number): number {
	let depth = 0;
	for (let j = open; j < src.length; j++) {
		const c = src[j];
		if (c === '\\') j++;
		else if (c === "'") {
			const close = src.indexOf("'", j + 1);
			j = close < 0 ? src.length : close;
		} else if (c === '"') {
			j = skipDoubleQuoted(src, j, () => undefined) - 1;
		} else if (c === '`') {
			j = closingBacktick(src, j + 1);
		} else if (c === '#' && (j === 0 || /[\s(]/.test(src[j - 1]))) {
			const nl = src.indexOf('\n', j);
			j = nl < 0 ? src.length : nl;
		} else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return j;
	}
	return src.length;
}

/** Past the bodies of the here-documents opened on the line just ended. */
function skipHeredocs(src: string, i: number, docs: { delimiter: string; dash: boolean }[]): number {
	let at = i;
	for (const doc of docs) {
		while (at < src.length) {
			const nl = src.indexOf('\n', at);
			const lineEnd = nl < 0 ? src.length : nl;
			let line = src.slice(at, lineEnd);
			if (doc.dash) line = line.replace(/^\t+/, '');
			at = nl < 0 ? src.length : nl + 1;
			if (line === doc.delimiter) break;
		}
	}
	return at;
}
