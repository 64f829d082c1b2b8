import { checkBaseRevision } from '../workspace/revision';
import type { Workspace } from '../workspace/workspace';
import { refuseWhileMigrating } from './migration-guard';

/** How a field is given: free text, a number, a switch, one of a fixed list, or repeated text. */
export type FieldKind = 'text' | 'number' | 'flag' | 'choice' | 'list';

/** One input of an operation, from which CLI options and tool schemas are derived. */
export interface Field {
	name: string;
	kind: FieldKind;
	/** The allowed values of a choice, from the core's own vocabulary. */
	choices?: readonly string[];
	required?: boolean;
	/** A required field given empty counts as missing (a title); otherwise the operation judges an empty value itself. */
	emptyIsMissing?: boolean;
	/** A text field a whole number also names (a task by its number): a tool schema takes an integer too, as its digits. */
	takesNumber?: boolean;
	summary: string;
}

/**
 * A user operation, declared once: every surface (CLI verb, plugin command, panel button) runs it
 * through `run`, so each shows the same behaviour and the same refusals. `H` is what a shell injects
 * that the pure core cannot do itself (git, the migration journal, the file system outside the vault).
 */
export interface Operation<I, R, H = unknown> {
	name: string;
	summary: string;
	/**
	 * Whether a call may change files. A function when only some inputs write (`validate` with fix):
	 * read-only calls run without the CLI's vault lock.
	 */
	writes: boolean | ((input: I) => boolean);
	input: readonly Field[];
	run(ws: Workspace, input: I, host: H): Promise<R>;
}

/** Any operation, as the catalogue lists them (its input and host unknown here). */
export type AnyOperation = Operation<never, unknown, never>;

/** Whether this call of `op` may change files. */
export function callWrites<I>(op: Operation<I, unknown, never>, input: I): boolean {
	return typeof op.writes === 'function' ? op.writes(input) : op.writes;
}

/**
 * An operation that may write, declared through this so its writing calls are refused while a
 * migration is half done (migration-guard.ts), on every surface, before anything is read.
 */
export function writeOperation<I, R, H>(op: Operation<I, R, H>): Operation<I, R, H> {
	return {
		...op,
		async run(ws, input, host) {
			if (callWrites(op, input)) await refuseWhileMigrating(ws);
			return op.run(ws, input, host);
		},
	};
}

/** An input the operation cannot take: a required field missing, or a value not among a choice's. */
export class InputError extends Error {
	constructor(
		readonly field: Field,
		readonly problem: 'required' | 'choice',
		message: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

/** Raw values by field name, as a surface collected them: text, a flag's true, a list's strings. */
export type RawInput = Record<string, string | boolean | string[] | undefined>;

/**
 * The input checked against the fields, in their order: a missing required field or a choice
 * outside its list is refused; a choice is matched without regard to case and given in its own spelling.
 */
export function checkInput<I>(op: { input: readonly Field[] }, raw: RawInput): I {
	const out: Record<string, unknown> = { ...raw };
	for (const field of op.input) {
		const value = raw[field.name];
		if (value === undefined || value === false || (value === '' && field.emptyIsMissing)) {
			if (field.required) throw new InputError(field, 'required', `${field.name} is required`);
			continue;
		}
		if (field.kind === 'choice' && typeof value === 'string') out[field.name] = oneOf(field, value);
		// A list with choices (init-agent's agents) takes each value as a choice.
		if (field.kind === 'list' && field.choices && Array.isArray(value)) out[field.name] = value.map((v) => oneOf(field, v));
		if (field.kind === 'number' && typeof value === 'string') out[field.name] = Number(value);
	}
	return out as I;
}

function oneOf(field: Field, value: string): string {
	const choices = field.choices ?? [];
	const v = value.toLowerCase();
	if (!choices.includes(v)) throw new InputError(field, 'choice', `${field.name} must be one of ${choices.join(', ')} (got "${value}")`);
	return v;
}

/** The spec id every spec operation starts from. */
export const ID_FIELD: Field = { name: 'id', kind: 'text', required: true, summary: 'The spec id, as in its heading or file name (1014)' };

/** A write's optional base: the revision of the spec's files it was planned from (`--if-match`, `baseRevision`). */
export interface BaseRevision {
	baseRevision?: string;
}

export const REVISION_FIELD: Field = {
	name: 'baseRevision',
	kind: 'text',
	summary: 'The revision status or resume gave; the write is refused, writing nothing, if the spec or its journal changed since',
};

/** What a spec write declares of its own: the fields between the spec id and the base revision, and its run. */
export interface SpecWriteDeclaration<I, R, H> {
	name: string;
	summary: string;
	fields: readonly Field[];
	run(ws: Workspace, input: I & BaseRevision, host: H): Promise<R>;
}

/**
 * A write to one spec and its journal, taking its base revision: the spec id first, its own fields,
 * the base revision last, and the revision checked before the run reads anything.
 */
export function specWrite<I extends { id: string }, R, H = unknown>(op: SpecWriteDeclaration<I, R, H>): Operation<I & BaseRevision, R, H> {
	return writeOperation({
		name: op.name,
		summary: op.summary,
		writes: true,
		input: [ID_FIELD, ...op.fields, REVISION_FIELD],
		run: basedOnRevision((ws, input, host) => op.run(ws, input, host)),
	});
}

/**
 * A spec write that first checks its base revision, inside the operation so the CLI and MCP check
 * it under the vault lock, before anything is read for planning.
 */
function basedOnRevision<I extends { id: string } & BaseRevision, R, H>(run: (ws: Workspace, input: I, host: H) => Promise<R>): (ws: Workspace, input: I, host: H) => Promise<R> {
	return async (ws, input, host) => {
		await checkBaseRevision(ws, input.id, input.baseRevision);
		return run(ws, input, host);
	};
}
