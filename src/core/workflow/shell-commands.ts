/**
 * The external commands a shell script calls, for the deliverables report's Dependencies column.
 * A simple scan, not a shell parser: it tokenizes quotes, comments, here-documents and command
 * substitutions well enough to find the word in command position (line start, after `|`, `;`,
 * `&&`, `||`, `$(`, `` ` ``, `<(`, keywords such as `then`/`do`), then drops shell builtins,
 * keywords, functions defined in the file, variable expansions and assignments. Wrappers are
 * followed to the command they run (`timeout 3 dd …` gives timeout and dd; `time dd …` gives time
 * and dd, as the seed's report lists `time` as a dependency).
 */

const BUILTINS = new Set([
	'.', ':', '[', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'compopt',
	'continue', 'declare', 'dirs', 'disown', 'echo', 'enable', 'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg',
	'getopts', 'hash', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd', 'printf', 'pushd',
	'pwd', 'read', 'readarray', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'test', 'times',
	'trap', 'true', 'type', 'typeset', 'ulimit', 'umask', 'unalias', 'unset', 'wait',
]);

/** Words that open a construct and leave the next word in command position. */
const OPENERS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{']);
/** Words that close a construct: what follows is not a command until a separator. */
const CLOSERS = new Set(['fi', 'done', '}', ']]']);

interface Wrapper {
	/** Whether the wrapper is itself an external command (timeout) rather than a builtin (exec). */
	record: boolean;
	/** Options that take an argument (`timeout -s KILL`). */
	argOptions: string[];
	/** Plain arguments before the wrapped command (timeout's duration). */
	positional: number;
	/** `env VAR=x cmd`: assignments before the command. */
	assignments?: boolean;
}

const WRAPPERS: Record<string, Wrapper> = {
	time: { record: true, argOptions: [], positional: 0 },
	sudo: { record: true, argOptions: ['-u', '-g', '-C', '-h', '-p', '-U', '-r', '-t', '-T', '-D'], positional: 0, assignments: true },
	env: { record: true, argOptions: ['-u', '-C', '-S'], positional: 0, assignments: true },
	timeout: { record: true, argOptions: ['-s', '-k'], positional: 1 },
	nohup: { record: true, argOptions: [], positional: 0 },
	nice: { record: true, argOptions: ['-n'], positional: 0 },
	stdbuf: { record: true, argOptions: ['-i', '-o', '-e'], positional: 0 },
	xargs: { record: true, argOptions: ['-I', '-n', '-P', '-d', '-L', '-s', '-E', '-a'], positional: 0 },
	exec: { record: false, argOptions: ['-a'], positional: 0 },
	command: { record: false, argOptions: [], positional: 0 },
};

type Token =
	| { kind: 'word'; raw: string; literal: boolean; at: number }
	| { kind: 'op'; op: string }
	| { kind: 'redirect' }
	| { kind: 'newline' }
	| { kind: 'arith' };

interface Scan {
	/** Each command with where it is first run: its offset, a wrapper just after the command it wraps. */
	commands: Map<string, number>;
	functions: Set<string>;
}

/** External commands called by a shell script, sorted, without duplicates. */
export function externalCommands(script: string): string[] {
	return commandsInOrder(script).sort();
}

/**
 * The same commands in the order they first appear in the script (a function's body where it is
 * written); a wrapper comes right after the command it wraps, since that command is the point
 * (`time dd` gives dd, time).
 */
export function commandsInOrder(script: string): string[] {
	const scan: Scan = { commands: new Map(), functions: new Set() };
	scanCommands(script.replace(/\r\n/g, '\n'), scan, 0, 0);
	return [...scan.commands]
		.filter(([c]) => !scan.functions.has(c))
		.sort((a, b) => a[1] - b[1])
		.map(([c]) => c);
}

function record(scan: Scan, name: string, at: number): void {
	const seen = scan.commands.get(name);
	if (seen === undefined || at < seen) scan.commands.set(name, at);
}

/** Whether a file is a shell script, by extension or shebang. */
export function isShellScript(path: string, text: string): boolean {
	if (/\.(?:sh|bash|zsh|ksh|dash)$/i.test(path)) return true;
	const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(text);
	if (!shebang) return false;
	const interpreter = /env$/.test(shebang[1]) ? (shebang[2] ?? '') : shebang[1];
	return /(?:^|\/)(?:sh|bash|zsh|ksh|dash|ash)$/.test(interpreter);
}

// Command substitutions nest; a pathological file cannot recurse without bound.
const MAX_DEPTH = 32;

function scanCommands(src: string, scan: Scan, depth: number, base: number): void {
	if (depth > MAX_DEPTH) return;
	const tokens = lex(src, (inner, at) => scanCommands(inner, scan, depth + 1, base + at));
	parse(tokens, scan, base);
}

function parse(tokens: Token[], scan: Scan, base: number): void {
	let expect = true;
	let mode: 'normal' | 'for' | 'case-word' | 'case-pattern' | 'test' = 'normal';
	let caseDepth = 0;
	let skipWord = false;
	let wrapper: { spec: Wrapper; skipNext: boolean; positional: number } | null = null;
	// Wrappers seen since the command started, recorded once the command they wrap is known.
	let wrappers: { name: string; at: number }[] = [];
	const flushWrappers = (commandAt: number | null) => {
		// Innermost first: `sudo timeout 3 dd` gives dd, timeout, sudo.
		wrappers.reverse().forEach((w, i) => record(scan, w.name, commandAt === null ? w.at : commandAt + (i + 1) / (wrappers.length + 1)));
		wrappers = [];
	};
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k];
		if (skipWord) {
			skipWord = false;
			if (t.kind === 'word') continue;
		}
		if (mode === 'test') {
			if (t.kind === 'word' && t.raw === ']]') {
				mode = 'normal';
				expect = false;
			}
			continue;
		}
		if (mode === 'for') {
			if (t.kind === 'word' && t.raw === 'do') {
				mode = 'normal';
				expect = true;
			}
			continue;
		}
		if (mode === 'case-word') {
			if (t.kind === 'word' && t.raw === 'in') mode = 'case-pattern';
			continue;
		}
		if (mode === 'case-pattern') {
			if (t.kind === 'word' && t.raw === 'esac') {
				caseDepth--;
				mode = 'normal';
				expect = false;
			} else if (t.kind === 'op' && t.op === ')') {
				mode = 'normal';
				expect = true;
			}
			continue;
		}
		if (t.kind === 'newline' || t.kind === 'op') {
			wrapper = null;
			flushWrappers(null);
			if (t.kind === 'op' && /^;;|^;&/.test(t.op) && caseDepth > 0) mode = 'case-pattern';
			else expect = !(t.kind === 'op' && t.op === ')');
			continue;
		}
		if (t.kind === 'redirect') {
			skipWord = true;
			continue;
		}
		if (t.kind === 'arith') {
			expect = false;
			continue;
		}
		if (!expect) continue;
		const raw = t.raw;
		if (wrapper) {
			if (wrapper.skipNext) {
				wrapper.skipNext = false;
				continue;
			}
			if (raw.startsWith('-')) {
				if (raw === '-v' || raw === '-V') {
					// `command -v x` asks about x; it does not run it.
					wrapper = null;
					expect = false;
				} else wrapper.skipNext = wrapper.spec.argOptions.includes(raw);
				continue;
			}
			if (wrapper.spec.assignments && isAssignment(raw)) continue;
			if (wrapper.positional > 0) {
				wrapper.positional--;
				continue;
			}
			wrapper = null;
		}
		if (isAssignment(raw)) continue;
		if (!t.literal) {
			// `$CMD args`, `"$@"`: the command is not known from the text.
			flushWrappers(null);
			expect = false;
			continue;
		}
		if (OPENERS.has(raw)) continue;
		if (CLOSERS.has(raw)) {
			expect = false;
			continue;
		}
		if (raw === 'esac') {
			caseDepth = Math.max(0, caseDepth - 1);
			expect = false;
			continue;
		}
		if (raw === 'case') {
			caseDepth++;
			mode = 'case-word';
			continue;
		}
		if (raw === 'for' || raw === 'select') {
			mode = 'for';
			continue;
		}
		if (raw === '[[') {
			mode = 'test';
			continue;
		}
		if (raw === 'function') {
			const name = tokens[k + 1];
			if (name?.kind === 'word') scan.functions.add(name.raw);
			k++;
			continue;
		}
		const next = tokens[k + 1];
		const after = tokens[k + 2];
		if (next?.kind === 'op' && next.op === '(' && after?.kind === 'op' && after.op === ')') {
			// `name() {`: a function definition, its body follows.
			scan.functions.add(raw);
			k += 2;
			continue;
		}
		const name = raw.slice(raw.lastIndexOf('/') + 1);
		const wrap = WRAPPERS[name];
		if (wrap) {
			if (wrap.record) wrappers.push({ name, at: base + t.at });
			wrapper = { spec: wrap, skipNext: false, positional: wrap.positional };
			continue;
		}
		if (raw === 'builtin') {
			flushWrappers(null);
			expect = false;
			continue;
		}
		if (!BUILTINS.has(name) && name !== '' && /^[\w.+@:-]+$/.test(name)) {
			record(scan, name, base + t.at);
			flushWrappers(base + t.at);
		} else flushWrappers(null);
		expect = false;
	}
	flushWrappers(null);
}

/** `NAME=value`, `NAME+=value`, `NAME[i]=value`. */
function isAssignment(raw: string): boolean {
	return /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/.test(raw);
}

// ── lexing ──────────────────────────────────────────────────────────────

const METACHARS = ' \t\n;&|()<>';

/** `onSubstitution` gets the text of each command substitution and its offset in `src`. */
function lex(src: string, onSubstitution: (inner: string, at: number) => void): Token[] {
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

function readWord(src: string, start: number, onSubstitution: (inner: string, at: number) => void): { raw: string; literal: boolean; end: number } {
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
function skipDollar(src: string, i: number, onSubstitution: (inner: string, at: number) => void): number {
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

function skipDoubleQuoted(src: string, i: number, onSubstitution: (inner: string, at: number) => void): number {
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
