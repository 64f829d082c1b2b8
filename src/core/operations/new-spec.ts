import { SPEC_TYPES, SpecType } from '../metadata/spec-type';
import { newSpec, NewSpecInput, NewSpecResult } from '../workflow/new-spec';
import { suggestId } from '../reports/suggest-id';
import { Operation, writeOperation } from './operation';

const TYPE = { name: 'type', kind: 'choice', choices: SPEC_TYPES, required: true, summary: 'epic, feature or task' } as const;
const PARENT = { name: 'parent', kind: 'text', summary: "The parent spec's id (an epic for a feature, a feature for a task)" } as const;

export const NEW_SPEC: Operation<NewSpecInput, NewSpecResult> = writeOperation({
	name: 'new',
	summary: 'Create a spec and its context, linking parent and child both ways',
	writes: true,
	input: [
		TYPE,
		{ name: 'title', kind: 'text', required: true, emptyIsMissing: true, summary: "The spec's title" },
		{ name: 'id', kind: 'text', summary: 'Its id (default: the next free one)' },
		PARENT,
	],
	run: (ws, input) => newSpec(ws, input),
});

export const SUGGEST_ID: Operation<{ type: SpecType; parent?: string }, string> = {
	name: 'suggest-id',
	summary: 'The next free id for a new spec of a type',
	writes: false,
	input: [TYPE, PARENT],
	run: (ws, input) => Promise.resolve().then(() => suggestId(ws, input.type, input.parent)),
};
