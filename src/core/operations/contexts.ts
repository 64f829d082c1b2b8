import { ContextReport, generateContextFiles } from '../migration/context-generation';
import { Operation, writeOperation } from './operation';

export const CONTEXTS: Operation<{ apply?: boolean }, ContextReport> = writeOperation({
	name: 'contexts',
	summary: 'Create a context file for every spec that has none (a dry run unless apply)',
	writes: (input) => input.apply === true,
	input: [{ name: 'apply', kind: 'flag', summary: 'Write them (all or nothing)' }],
	run: (ws, input) => generateContextFiles(ws, { apply: input.apply === true }),
});
