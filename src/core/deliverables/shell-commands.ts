/**
 * The external commands a shell script calls, for the deliverables report's Dependencies column.
 * A simple scan, not a shell parser: it tokenizes quotes, comments, here-documents and command
 * substitutions well enough to find the word in command position (line start, after `|`, `;`,
 * `&&`, `||`, `$(`, `` ` ``, `<(`, keywords such as `then`/`do`), then drops shell builtins,
 * keywords, functions defined in the file, variable expansions and assignments. Wrappers are
 * followed to the command they run (`timeout 3 dd …` gives timeout and dd; `time dd …` gives time
 * and dd: `time` is listed as a dependency, the measurement being the point).
 */

import { isAssignment, lex, type Token } from './shell-lexer';

const BUILTINS = new Set([
	'.',
	':',
	'[',
	'alias',
	'bg',
	'bind',
	'break',
	'builtin',
	'caller',
	'cd',
	'command',
	'compgen',
	'complete',
	'compopt',
	'continue',
	'declare',
	'dirs',
	'disown',
	'echo',
	'enable',
	'eval',
	'exec',
	'exit',
	'export',
	'false',
	'fc',
	'fg',
	'getopts',
	'hash',
	'help',
	'history',
	'jobs',
	'kill',
	'let',
	'local',
	'logout',
	'mapfile',
	'popd',
	'printf',
	'pushd',
	'pwd',
	'read',
	'readarray',
	'readonly',
	'return',
	'set',
	'shift',
	'shopt',
	'source',
	'suspend',
	'test',
	'times',
	'trap',
	'true',
	'type',
	'typeset',
	'ulimit',
	'umask',
	'unalias',
	'unset',
	'wait',
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
	new CommandFinder(tokens, scan, base).run();
}

type Mode = 'normal' | 'for' | 'case-word' | 'case-pattern' | 'test';
type Word = Extract<Token, { kind: 'word' }>;

/**
 * Walks the tokens once, keeping what a shell would know at each word: whether it is in command
 * position (`expect`), inside a construct whose words are not commands (`mode`), or after a
 * wrapper whose options and arguments come before the command it runs.
 */
class CommandFinder {
	private expect = true;
	private mode: Mode = 'normal';
	private caseDepth = 0;
	/** A redirect's target comes next: it is a file, not a command. */
	private skipWord = false;
	private wrapper: { spec: Wrapper; skipNext: boolean; positional: number } | null = null;
	/** Wrappers seen since the command started, recorded once the command they wrap is known. */
	private wrappers: { name: string; at: number }[] = [];

	constructor(
		private readonly tokens: Token[],
		private readonly scan: Scan,
		private readonly base: number,
	) {}

	run(): void {
		for (let k = 0; k < this.tokens.length; k++) k = this.step(k);
		this.flushWrappers(null);
	}

	/** Reads the token at `k`; returns the index of the last token it consumed. */
	private step(k: number): number {
		const t = this.tokens[k];
		if (this.skipWord) {
			this.skipWord = false;
			if (t.kind === 'word') return k;
		}
		if (this.mode !== 'normal') this.inConstruct(t);
		else if (t.kind !== 'word') this.punctuation(t);
		else if (this.expect && !(this.wrapper && this.wrapperArgument(t.raw))) return this.commandWord(t, k);
		return k;
	}

	/** Inside `[[ … ]]`, a `for` list, a `case` word or pattern: nothing is a command until the construct ends. */
	private inConstruct(t: Token): void {
		const word = t.kind === 'word' ? t.raw : null;
		if (this.mode === 'test') {
			if (word === ']]') this.leaveConstruct(false);
		} else if (this.mode === 'for') {
			if (word === 'do') this.leaveConstruct(true);
		} else if (this.mode === 'case-word') {
			if (word === 'in') this.mode = 'case-pattern';
		} else if (word === 'esac') {
			this.caseDepth--;
			this.leaveConstruct(false);
		} else if (t.kind === 'op' && t.op === ')') {
			this.leaveConstruct(true);
		}
	}

	private leaveConstruct(expect: boolean): void {
		this.mode = 'normal';
		this.expect = expect;
	}

	private punctuation(t: Exclude<Token, Word>): void {
		if (t.kind === 'redirect') {
			this.skipWord = true;
		} else if (t.kind === 'arith') {
			this.expect = false;
		} else {
			// A newline or an operator ends the simple command.
			this.wrapper = null;
			this.flushWrappers(null);
			if (t.kind === 'op' && /^;;|^;&/.test(t.op) && this.caseDepth > 0) this.mode = 'case-pattern';
			else this.expect = !(t.kind === 'op' && t.op === ')');
		}
	}

	/** Whether `raw` is an option or argument of the wrapper before it, not the command it runs. */
	private wrapperArgument(raw: string): boolean {
		const wrapper = this.wrapper!;
		if (wrapper.skipNext) {
			wrapper.skipNext = false;
			return true;
		}
		if (raw.startsWith('-')) {
			if (raw === '-v' || raw === '-V') {
				// `command -v x` asks about x; it does not run it.
				this.wrapper = null;
				this.expect = false;
			} else wrapper.skipNext = wrapper.spec.argOptions.includes(raw);
			return true;
		}
		if (wrapper.spec.assignments && isAssignment(raw)) return true;
		if (wrapper.positional > 0) {
			wrapper.positional--;
			return true;
		}
		this.wrapper = null;
		return false;
	}

	/** A word in command position; returns the index of the last token it consumed. */
	private commandWord(t: Word, k: number): number {
		const raw = t.raw;
		if (isAssignment(raw)) return k;
		if (!t.literal) {
			// `$CMD args`, `"$@"`: the command is not known from the text.
			this.flushWrappers(null);
			this.expect = false;
			return k;
		}
		if (this.keyword(raw)) return k;
		const definition = this.functionDefinition(raw, k);
		if (definition !== null) return definition;
		this.command(raw, this.base + t.at);
		return k;
	}

	/** Whether `raw` is a keyword, read for the construct it opens or closes. */
	private keyword(raw: string): boolean {
		if (OPENERS.has(raw)) return true;
		if (CLOSERS.has(raw)) {
			this.expect = false;
		} else if (raw === 'esac') {
			this.caseDepth = Math.max(0, this.caseDepth - 1);
			this.expect = false;
		} else if (raw === 'case') {
			this.caseDepth++;
			this.mode = 'case-word';
		} else if (raw === 'for' || raw === 'select') {
			this.mode = 'for';
		} else if (raw === '[[') {
			this.mode = 'test';
		} else return false;
		return true;
	}

	/** `function name` or `name() {`: the name is the file's own, not a command; returns the last token of the head, else null. */
	private functionDefinition(raw: string, k: number): number | null {
		if (raw === 'function') {
			const name = this.tokens[k + 1];
			if (name?.kind === 'word') this.scan.functions.add(name.raw);
			return k + 1;
		}
		const next = this.tokens[k + 1];
		const after = this.tokens[k + 2];
		if (next?.kind === 'op' && next.op === '(' && after?.kind === 'op' && after.op === ')') {
			this.scan.functions.add(raw);
			return k + 2;
		}
		return null;
	}

	private command(raw: string, at: number): void {
		const name = raw.slice(raw.lastIndexOf('/') + 1);
		const wrap = WRAPPERS[name];
		if (wrap) {
			// Still in command position: the wrapped command follows.
			if (wrap.record) this.wrappers.push({ name, at });
			this.wrapper = { spec: wrap, skipNext: false, positional: wrap.positional };
			return;
		}
		if (raw === 'builtin') {
			this.flushWrappers(null);
		} else if (!BUILTINS.has(name) && name !== '' && /^[\w.+@:-]+$/.test(name)) {
			record(this.scan, name, at);
			this.flushWrappers(at);
		} else this.flushWrappers(null);
		this.expect = false;
	}

	/**
	 * Records the pending wrappers just after the command they wrap (at `commandAt`), innermost
	 * first: `sudo timeout 3 dd` gives dd, timeout, sudo. With no command, each where it stands.
	 */
	private flushWrappers(commandAt: number | null): void {
		const count = this.wrappers.length;
		this.wrappers.reverse().forEach((w, i) => record(this.scan, w.name, commandAt === null ? w.at : commandAt + (i + 1) / (count + 1)));
		this.wrappers = [];
	}
}
