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

export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
	const values = new Set(spec.values ?? []);
	const repeatable = new Set(spec.repeatable ?? []);
	const flags = new Set(spec.flags ?? []);
	const parsed: ParsedArgs = { positionals: [], options: new Map(), repeated: new Map() };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			parsed.positionals.push(...argv.slice(i + 1));
			break;
		}
		// Only declared one-letter aliases are options; any other `-x` stays a positional, as before.
		const letter = /^-([A-Za-z])$/.exec(arg)?.[1];
		const alias = letter !== undefined && spec.aliases?.[letter] !== undefined ? letter : undefined;
		if (alias === undefined && (!arg.startsWith('--') || arg === '--')) {
			parsed.positionals.push(arg);
			continue;
		}
		const eq = alias === undefined ? arg.indexOf('=') : -1;
		const name = alias === undefined ? arg.slice(2, eq < 0 ? undefined : eq) : spec.aliases![alias];
		if (flags.has(name)) {
			if (eq >= 0) throw new UsageError(`--${name} takes no value`);
			parsed.options.set(name, 'true');
			continue;
		}
		if (!values.has(name) && !repeatable.has(name)) throw new UsageError(`unknown option --${name}`);
		let value: string;
		if (eq >= 0) value = arg.slice(eq + 1);
		else {
			if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
			value = argv[++i];
		}
		if (repeatable.has(name)) parsed.repeated.set(name, [...(parsed.repeated.get(name) ?? []), value]);
		else parsed.options.set(name, value);
	}
	return parsed;
}
