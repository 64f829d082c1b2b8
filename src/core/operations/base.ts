import { SpecsBaseInput, SpecsBaseResult, writeSpecsBase } from '../bases/write-specs-base';
import { Operation, writeOperation } from './operation';

export const BASE: Operation<SpecsBaseInput, SpecsBaseResult> = writeOperation({
	name: 'base',
	summary: "Write the specs base: Obsidian Bases views of the specs' properties (all, by status, needs review)",
	writes: true,
	input: [
		{ name: 'file', kind: 'text', summary: 'The base file in the specs folder (default Specs.base)' },
		{ name: 'force', kind: 'flag', summary: 'Replace the file when it exists and differs (your edits to it are lost)' },
	],
	run: (ws, input) => writeSpecsBase(ws, input),
});
