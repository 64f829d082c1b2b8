import { AnyOperation, checkInput, Field, InputError, RawInput } from '../core/operations/operation';
import { OptionSpec, ParsedArgs, UsageError } from './args';
import type { NodeWorkspace } from './open-workspace';

export interface VerbResult {
	json: unknown;
	text: string;
	exitCode?: number;
}

export interface VerbInput {
	/** Reads a file named on the command line (relative to the working directory), as bytes. */
	readInput(file: string): string | Uint8Array;
	readStdin(): string | Uint8Array;
}

/** A positional argument: the operation field it fills and its name in usage errors. */
export interface Positional {
	field: string;
	name: string;
}

/**
 * A CLI verb: an adapter over catalogue operations. It keeps the CLI's own words (usage, help, the
 * text it prints); the options it accepts and the checks on their values come from the operations.
 */
export interface Verb {
	usage: string;
	help?: string;
	/** The operations this verb runs; `pick` chooses one per call (a flag may select another). */
	operations: readonly AnyOperation[];
	pick?(args: ParsedArgs): AnyOperation;
	positionals: readonly Positional[];
	/** CLI-only spellings: options that fill no field (--from), aliases, and fields under another option name. */
	cli?: { extra?: OptionSpec; aliases?: Record<string, string>; rename?: Record<string, string>; omit?: readonly string[] };
	run(ws: NodeWorkspace, args: ParsedArgs, input: VerbInput): Promise<VerbResult>;
}

export { written } from '../core/text/call-text';

/** Fields every verb spells its own way on the command line: a write's base revision as HTTP's If-Match. */
const CLI_NAMES: Record<string, string> = { baseRevision: 'if-match' };

function optionName(verb: Verb, field: Field): string {
	return verb.cli?.rename?.[field.name] ?? CLI_NAMES[field.name] ?? field.name;
}

function isPositional(verb: Verb, field: Field): boolean {
	return verb.positionals.some((p) => p.field === field.name);
}

/** The options a verb accepts: its operations' fields that are not positionals, and its CLI-only ones. */
export function verbOptions(verb: Verb): OptionSpec {
	const spec = { values: [...(verb.cli?.extra?.values ?? [])], repeatable: [...(verb.cli?.extra?.repeatable ?? [])], flags: [...(verb.cli?.extra?.flags ?? [])] };
	for (const op of verb.operations) {
		for (const field of op.input) {
			if (isPositional(verb, field) || verb.cli?.omit?.includes(field.name)) continue;
			const list = field.kind === 'flag' ? spec.flags : field.kind === 'list' ? spec.repeatable : spec.values;
			const name = optionName(verb, field);
			if (!list.includes(name)) list.push(name);
		}
	}
	return { ...spec, aliases: verb.cli?.aliases };
}

/** [min, max] positionals: those every operation requires, up to all (no limit after a list). */
export function positionalRange(verb: Verb): [number, number] {
	const fieldsOf = (name: string) => verb.operations.map((op) => op.input.find((f) => f.name === name));
	let min = 0;
	while (min < verb.positionals.length && fieldsOf(verb.positionals[min].field).every((f) => f?.required)) min++;
	const last = verb.positionals[verb.positionals.length - 1];
	const open = last !== undefined && fieldsOf(last.field).some((f) => f?.kind === 'list');
	return [min, open ? Number.POSITIVE_INFINITY : verb.positionals.length];
}

/** The operation this call runs. */
export function pickOperation(verb: Verb, args: ParsedArgs): AnyOperation {
	return verb.pick ? verb.pick(args) : verb.operations[0];
}

/** The raw values of an operation's fields in this call, unchecked. */
export function rawInput(verb: Verb, op: AnyOperation, args: ParsedArgs): RawInput {
	const raw: RawInput = {};
	for (const field of op.input) {
		const at = verb.positionals.findIndex((p) => p.field === field.name);
		const name = optionName(verb, field);
		if (at >= 0) raw[field.name] = field.kind === 'list' ? args.positionals.slice(at) : args.positionals[at];
		else if (field.kind === 'flag') raw[field.name] = args.options.has(name);
		else if (field.kind === 'list') raw[field.name] = args.repeated.get(name);
		else raw[field.name] = args.options.get(name);
	}
	return raw;
}

/** The operation's input from this call, checked against its fields; a refusal is a usage error in the CLI's words. */
export function verbInput<I>(verb: Verb, op: { input: readonly Field[] }, args: ParsedArgs, extra: RawInput = {}): I {
	const raw = { ...rawInput(verb, op as AnyOperation, args), ...extra };
	try {
		return checkInput<I>(op, raw);
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		if (e.problem === 'choice') throw new UsageError(e.message);
		const name = optionName(verb, e.field);
		const alias = Object.entries(verb.cli?.aliases ?? {}).find(([, long]) => long === name)?.[0];
		throw new UsageError(alias ? `-${alias} ${name.toUpperCase()} is required` : `--${name} is required`);
	}
}
