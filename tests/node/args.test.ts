import fc from 'fast-check';
import { OptionSpec, ParsedArgs, parseArgs, UsageError } from '../../src/node/args';

/** The hand-written parser node:util's parseArgs replaced, kept as the oracle of every behaviour. */
function handParseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
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
			// Another declared option where the value should be: the value was forgotten.
			const next = /^-([A-Za-z])$/.exec(value)?.[1];
			const declared = (n: string) => values.has(n) || repeatable.has(n) || flags.has(n);
			if (next !== undefined ? spec.aliases?.[next] !== undefined : value.startsWith('--') && value !== '--' && declared(value.slice(2).split('=')[0])) {
				throw new UsageError(`--${name} needs a value`);
			}
		}
		if (repeatable.has(name)) parsed.repeated.set(name, [...(parsed.repeated.get(name) ?? []), value]);
		else parsed.options.set(name, value);
	}
	return parsed;
}

/** The parse as plain data (maps in insertion order), or the refusal's message. */
function answer(parse: () => ParsedArgs): unknown {
	try {
		const p = parse();
		return { positionals: p.positionals, options: [...p.options], repeated: [...p.repeated] };
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		return { error: e.message };
	}
}

const NAMES = ['vault', 'json', 'message', 'plan', 'from', 'all', 'x', '', 'a=b', '=c', '-m', '__proto__', 'constructor', 'toString'];
const LETTERS = ['m', 'x', 'M', 'j', '5'];

const specs: fc.Arbitrary<OptionSpec> = fc.record({
	values: fc.subarray(NAMES),
	repeatable: fc.subarray(NAMES),
	flags: fc.subarray(NAMES),
	aliases: fc.dictionary(fc.constantFrom(...LETTERS), fc.constantFrom(...NAMES, 'nowhere'), { maxKeys: 3 }),
});

const words: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(...NAMES).map((n) => `--${n}`),
	fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('', 'v', 'a=b', '--json')).map(([n, v]) => `--${n}=${v}`),
	fc.constantFrom(...LETTERS).map((l) => `-${l}`),
	fc.constantFrom('--', '-', '-xy', '-mfoo', '-jm', '---m', '--=x', '--=', '--nowhere', '', 'plain', '1014', 'a b'),
	fc.string({ maxLength: 6 }),
);

describe('parseArgs reads a command line as the hand-written parser did', () => {
	it('gives the same positionals, options and repeated values, or the same refusal', () => {
		fc.assert(
			fc.property(specs, fc.array(words, { maxLength: 10 }), (spec, argv) => {
				expect(answer(() => parseArgs(argv, spec))).toEqual(answer(() => handParseArgs(argv, spec)));
			}),
			{
				numRuns: 5000,
				examples: [
					[{ values: ['message'], aliases: { m: 'message' } }, ['-xm', 'a', 'b']],
					[{ values: ['vault'], flags: ['json'] }, ['--vault', '--json']],
					[{ values: [''], flags: [] }, ['--=x']],
				],
			},
		);
	});

	const spec: OptionSpec = { values: ['vault', 'message'], repeatable: ['plan'], flags: ['json'], aliases: { m: 'message' } };

	it('ends options at --, keeps undeclared one-dash words as positionals, and lets the last value win', () => {
		expect(answer(() => parseArgs(['1014', '-x', '-5', '--vault', 'a', '--vault=b', '--plan', 'p', '--plan=q', '-m', 'hi', '--', '--json'], spec))).toEqual({
			positionals: ['1014', '-x', '-5', '--json'],
			options: [
				['vault', 'b'],
				['message', 'hi'],
			],
			repeated: [['plan', ['p', 'q']]],
		});
	});

	it('gives a value option the next word even when it starts with -- or -, unless that word is one of its options', () => {
		expect(answer(() => parseArgs(['--vault', '--nope', '-m', '-x'], spec))).toEqual({
			positionals: [],
			options: [
				['vault', '--nope'],
				['message', '-x'],
			],
			repeated: [],
		});
		expect(answer(() => parseArgs(['-m', '--'], spec))).toEqual({ positionals: [], options: [['message', '--']], repeated: [] });
		expect(answer(() => parseArgs(['--vault=--json'], spec))).toEqual({ positionals: [], options: [['vault', '--json']], repeated: [] });
	});

	it.each([
		[['--json=yes'], '--json takes no value'],
		[['--nope'], 'unknown option --nope'],
		[['--vault'], '--vault needs a value'],
		[['1014', '-m'], '--message needs a value'],
		[['1001', 'testing', 'x', '--message', '--vault', '/tmp/v'], '--message needs a value'],
		[['--vault', '--json'], '--vault needs a value'],
		[['--plan', '-m', 'hi'], '--plan needs a value'],
		[['--=x'], 'unknown option --'],
	])('refuses %j: %s', (argv, message) => {
		expect(answer(() => parseArgs(argv, spec))).toEqual({ error: message });
	});
});
