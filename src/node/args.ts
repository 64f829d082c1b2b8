import { parseArgs as nodeParseArgs, ParseArgsConfig } from 'node:util';

/** A command line split into positionals and options, checked against what the verb accepts. */
export interface ParsedArgs {
	positionals: string[];
	/** Single-valued options (last one wins) and flags (value 'true'). */
	options: Map<string, string>;
	/** Every value of a repeatable option, in order (`--plan a --plan b`). */
	repeated: Map<string, string[]>;
}

export interface OptionSpec {
	/** Options that take a value. */
	values?: string[];
	/** Options that take a value and may repeat. */
	repeatable?: string[];
	/** Options without a value. */
	flags?: string[];
	/** One-letter aliases: `{ m: 'message' }` lets `-m TEXT` stand for `--message TEXT`. */
	aliases?: Record<string, string>;
}

/** A mistake in how the command was called: exit code 2 and the usage line. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

type Token = NonNullable<ReturnType<typeof nodeParseArgs>['tokens']>[number];

/**
 * Splits argv with node:util's parseArgs and reads its tokens in our rules: `--` ends options; an
 * option that takes a value takes the next word whatever it looks like, unless that word is one of
 * the declared options (then the value is missing); only a declared one-letter alias is an option,
 * any other word with one dash (`-x`, `-5`, `-xy`) is a positional.
 */
export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
	const kinds = optionKinds(spec);
	const aliases = declaredAliases(spec);
	// parseArgs would read a word with one dash as short options (and let one take the next word),
	// so such a word reaches it as an empty word: a positional. Values are read back from argv by index.
	const shown = argv.map((arg) => (isSingleDash(arg) && !aliases.has(arg.slice(1)) ? '' : arg));
	const { tokens } = nodeParseArgs({ args: shown, options: nodeOptions(kinds, aliases), strict: false, allowPositionals: true, tokens: true });
	const parsed: ParsedArgs = { positionals: [], options: new Map(), repeated: new Map() };
	for (const token of tokens) {
		if (token.kind === 'option-terminator') {
			parsed.positionals.push(...argv.slice(token.index + 1));
			break;
		}
		if (token.kind === 'positional') parsed.positionals.push(argv[token.index]);
		else readOption(token, argv, kinds, aliases, parsed);
	}
	return parsed;
}

type Kind = 'flag' | 'value' | 'repeatable';

/** What each declared name is; a flag wins over a value option of the same name, a repeatable over a single one. */
function optionKinds(spec: OptionSpec): Map<string, Kind> {
	const kinds = new Map<string, Kind>();
	for (const name of spec.values ?? []) kinds.set(name, 'value');
	for (const name of spec.repeatable ?? []) kinds.set(name, 'repeatable');
	for (const name of spec.flags ?? []) kinds.set(name, 'flag');
	return kinds;
}

function declaredAliases(spec: OptionSpec): Map<string, string> {
	return new Map(Object.entries(spec.aliases ?? {}).filter(([letter]) => /^[A-Za-z]$/.test(letter)));
}

function isSingleDash(arg: string): boolean {
	return arg.startsWith('-') && !arg.startsWith('--');
}

/**
 * The options as parseArgs declares them: only whether one takes the next word matters. A name
 * holding `=` is left out, as it can never be written (`--a=b` is `--a` with the value `b`). Each
 * alias gets a key of its own holding `=`, so it answers only to its letter and two letters may
 * stand for one option.
 */
function nodeOptions(kinds: Map<string, Kind>, aliases: Map<string, string>): NonNullable<ParseArgsConfig['options']> {
	const type = (kind: Kind | undefined) => (kind === 'value' || kind === 'repeatable' ? 'string' : 'boolean');
	const entries: [string, { type: 'string' | 'boolean'; short?: string }][] = [];
	for (const [name, kind] of kinds) if (!name.includes('=')) entries.push([name, { type: type(kind) }]);
	for (const [letter, name] of aliases) entries.push([`alias=${letter}`, { type: type(kinds.get(name)), short: letter }]);
	// fromEntries defines each key as the object's own, even `__proto__`.
	return Object.fromEntries(entries);
}

function readOption(token: Extract<Token, { kind: 'option' }>, argv: string[], kinds: Map<string, Kind>, aliases: Map<string, string>, parsed: ParsedArgs): void {
	let name: string;
	let inline: string | undefined;
	if (!token.rawName.startsWith('--')) name = aliases.get(token.rawName.slice(1))!;
	else if (token.name.startsWith('=')) {
		// `--=x`: parseArgs names it `=x`; it is the empty name with the value `x`.
		name = '';
		inline = token.name.slice(1);
	} else {
		name = token.name;
		inline = token.inlineValue ? token.value : undefined;
	}
	const kind = kinds.get(name);
	if (kind === 'flag') {
		if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
		parsed.options.set(name, 'true');
		return;
	}
	if (kind === undefined) throw new UsageError(`unknown option --${name}`);
	if (inline === undefined && token.value === undefined) throw new UsageError(`--${name} needs a value`);
	const value = inline ?? argv[token.index + 1];
	// `--if-match --vault V`: the value was forgotten, not meant to be "--vault" (`--if-match=--x` still can be).
	if (inline === undefined && isOptionWord(value, kinds, aliases)) throw new UsageError(`--${name} needs a value`);
	if (kind === 'repeatable') parsed.repeated.set(name, [...(parsed.repeated.get(name) ?? []), value]);
	else parsed.options.set(name, value);
}

/** Whether a word is one of the declared options (`--vault`, `--vault=x`, a declared `-m`), not a value. */
function isOptionWord(word: string, kinds: Map<string, Kind>, aliases: Map<string, string>): boolean {
	if (isSingleDash(word)) return aliases.has(word.slice(1));
	return word.startsWith('--') && word !== '--' && kinds.has(word.slice(2).split('=')[0]);
}
