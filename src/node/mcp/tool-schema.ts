import type { Field, FieldKind, RawInput } from '../../core/operations/operation';

/** A JSON Schema for one tool's arguments, as MCP's tools/list gives it. */
export interface ToolInputSchema {
	type: 'object';
	properties: Record<string, PropertySchema>;
	required?: string[];
	additionalProperties: false;
}

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array';

export interface PropertySchema {
	type: JsonType | JsonType[];
	description: string;
	enum?: string[];
	items?: { type: 'string' };
}

const JSON_TYPE: Record<FieldKind, JsonType> = { text: 'string', number: 'number', flag: 'boolean', choice: 'string', list: 'array' };

/**
 * The tool's input schema, generated from the operation's fields: text→string (or an integer too
 * where a number names the same thing: a task's number, as status gives it), number→number,
 * flag→boolean, choice→enum of its values, list→array of strings; required fields required, the
 * field's summary its description.
 */
export function toolInputSchema(fields: readonly Field[]): ToolInputSchema {
	const properties: Record<string, PropertySchema> = {};
	for (const field of fields) {
		const type = JSON_TYPE[field.kind];
		const property: PropertySchema = { type: field.takesNumber ? [type, 'integer'] : type, description: field.summary };
		if (field.kind === 'choice') property.enum = [...(field.choices ?? [])];
		if (field.kind === 'list') property.items = { type: 'string' };
		properties[field.name] = property;
	}
	const required = fields.filter((f) => f.required).map((f) => f.name);
	return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

/** Arguments that do not fit the schema: a value of the wrong JSON type, or a name no field has. */
export class ArgumentError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ArgumentError';
	}
}

const describe = (value: unknown): string => {
	const json = JSON.stringify(value) ?? String(value);
	return json.length > 40 ? `${json.slice(0, 37)}…` : json;
};

/**
 * A tool call's arguments as the raw input `checkInput` takes, each value's JSON type checked
 * against its field first (clients need not validate against the schema, so the server does).
 * An absent or null value is left out; required fields and choices are `checkInput`'s to judge.
 */
export function rawArguments(fields: readonly Field[], args: Record<string, unknown> | undefined): RawInput {
	const given = args ?? {};
	const unknown = Object.keys(given).filter((name) => !fields.some((f) => f.name === name));
	if (unknown.length > 0) {
		const known = fields.length === 0 ? 'it takes none' : `it takes ${fields.map((f) => f.name).join(', ')}`;
		throw new ArgumentError(`unknown argument${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; ${known}`);
	}
	const raw: RawInput = {};
	for (const field of fields) {
		const value = given[field.name];
		if (value === undefined || value === null) continue;
		raw[field.name] = rawValue(field, value);
	}
	return raw;
}

function rawValue(field: Field, value: unknown): string | boolean | string[] {
	const type = JSON_TYPE[field.kind];
	if (type === 'array') {
		if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
		throw new ArgumentError(`${field.name} must be an array of strings (got ${describe(value)})`);
	}
	if (type === 'number') {
		if (typeof value === 'number' && Number.isFinite(value)) return String(value);
		throw new ArgumentError(`${field.name} must be a number (got ${describe(value)})`);
	}
	if (typeof value === type) return value as string | boolean;
	// Its digits, as the CLI would take them: the same text names the same task.
	if (field.takesNumber && Number.isSafeInteger(value)) return String(value);
	const or = field.takesNumber ? ' or a whole number' : '';
	throw new ArgumentError(`${field.name} must be a ${type}${or} (got ${describe(value)})`);
}
