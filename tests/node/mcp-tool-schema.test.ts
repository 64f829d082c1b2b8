import fc from 'fast-check';
import type { Field } from '../../src/core/operations/operation';
import { checkInput } from '../../src/core/operations/operation';
import { ArgumentError, rawArguments, toolInputSchema } from '../../src/node/mcp/tool-schema';
import { CORE_TOOLS, MORE_TOOLS, toolsOf } from '../../src/node/mcp/tools';
import { CATALOGUE } from '../../src/core/operations/catalogue';

const FIELDS: Field[] = [
	{ name: 'id', kind: 'text', required: true, summary: 'The id' },
	{ name: 'count', kind: 'number', summary: 'How many' },
	{ name: 'apply', kind: 'flag', summary: 'Do it' },
	{ name: 'state', kind: 'choice', choices: ['done', 'pending'], required: true, summary: 'The state' },
	{ name: 'items', kind: 'list', summary: 'Some items' },
];

describe("a tool's input schema from its operation's fields", () => {
	it('maps each kind to its JSON type, a choice to an enum, a list to strings; required and summaries kept', () => {
		expect(toolInputSchema(FIELDS)).toEqual({
			type: 'object',
			properties: {
				id: { type: 'string', description: 'The id' },
				count: { type: 'number', description: 'How many' },
				apply: { type: 'boolean', description: 'Do it' },
				state: { type: 'string', description: 'The state', enum: ['done', 'pending'] },
				items: { type: 'array', description: 'Some items', items: { type: 'string' } },
			},
			required: ['id', 'state'],
			additionalProperties: false,
		});
	});

	it('lets a text field that a whole number also names take an integer, as update_task takes the number status gives', () => {
		const task: Field = { name: 'task', kind: 'text', required: true, takesNumber: true, summary: 'The task' };
		expect(toolInputSchema([task]).properties.task).toEqual({ type: ['string', 'integer'], description: 'The task' });
		const updateTask = toolsOf('core').find((t) => t.name === 'update_task');
		expect(toolInputSchema(updateTask?.operation.input ?? []).properties.task.type).toEqual(['string', 'integer']);
		expect(rawArguments([task], { task: 2 })).toEqual({ task: '2' });
		expect(rawArguments([task], { task: 'Bench' })).toEqual({ task: 'Bench' });
		expect(() => rawArguments([task], { task: 2.5 })).toThrow(new ArgumentError('task must be a string or a whole number (got 2.5)'));
		// Other text fields stay strings: an id is refused as a number.
		expect(() => rawArguments(updateTask?.operation.input ?? [], { id: 1014 })).toThrow('id must be a string (got 1014)');
	});

	it('gives an operation without fields an empty object schema with nothing required', () => {
		expect(toolInputSchema([])).toEqual({ type: 'object', properties: {}, additionalProperties: false });
	});

	it('every tool runs a catalogue operation, under a unique name; the default set stays at 10 or fewer', () => {
		const all = toolsOf('all');
		expect(new Set(all.map((t) => t.name)).size).toBe(all.length);
		for (const t of all) expect(CATALOGUE).toContain(t.operation);
		expect(CORE_TOOLS.length).toBeLessThanOrEqual(10);
		expect(all).toEqual([...CORE_TOOLS, ...MORE_TOOLS]);
		// Moving folders or writing outside the vault is a person's call, not an agent's.
		expect(all.map((t) => t.operation.name).filter((n) => ['migrate', 'revert', 'init-agent'].includes(n))).toEqual([]);
	});
});

describe("a tool call's arguments", () => {
	it('pass as checkInput takes them: numbers as their text, null and absent left out', () => {
		expect(rawArguments(FIELDS, { id: '1014', count: 3, apply: true, state: 'DONE', items: ['a', 'b'] })).toEqual({
			id: '1014',
			count: '3',
			apply: true,
			state: 'DONE',
			items: ['a', 'b'],
		});
		expect(checkInput({ input: FIELDS }, rawArguments(FIELDS, { id: '1014', count: 3, state: 'DONE', items: null }))).toEqual({ id: '1014', count: 3, state: 'done' });
	});

	it('refuse a value of the wrong JSON type or a name no field has, in one line naming it', () => {
		expect(() => rawArguments(FIELDS, { id: 1014 })).toThrow(new ArgumentError('id must be a string (got 1014)'));
		expect(() => rawArguments(FIELDS, { apply: 'yes' })).toThrow('apply must be a boolean (got "yes")');
		expect(() => rawArguments(FIELDS, { count: '3' })).toThrow('count must be a number (got "3")');
		expect(() => rawArguments(FIELDS, { items: ['a', 2] })).toThrow('items must be an array of strings (got ["a",2])');
		expect(() => rawArguments(FIELDS, { id: '1', colour: 'red' })).toThrow('unknown argument colour; it takes id, count, apply, state, items');
		expect(() => rawArguments([], { id: '1' })).toThrow('unknown argument id; it takes none');
	});

	it("any JSON value is either taken as its field's type or refused with an ArgumentError, never anything else", () => {
		fc.assert(
			fc.property(fc.constantFrom(...FIELDS), fc.jsonValue(), (field, value) => {
				try {
					const raw = rawArguments([field], { [field.name]: value });
					const taken = raw[field.name];
					if (value === null) return taken === undefined;
					return field.kind === 'list' ? Array.isArray(taken) : field.kind === 'flag' ? typeof taken === 'boolean' : typeof taken === 'string';
				} catch (e) {
					return e instanceof ArgumentError;
				}
			}),
		);
	});
});
