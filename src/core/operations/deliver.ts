import { addDeliverable, AddDeliverableInput, AddDeliverableResult } from '../workflow/add-deliverable';
import { BaseRevision, Operation, specWrite } from './operation';

export const DELIVER: Operation<AddDeliverableInput & BaseRevision, AddDeliverableResult> = specWrite({
	name: 'deliver',
	summary: 'Create a deliverable beside the spec with a traceback header and register it',
	fields: [
		{ name: 'type', kind: 'text', required: true, emptyIsMissing: true, summary: 'scripts, docs, config or a folder name of your own' },
		{ name: 'file', kind: 'text', required: true, emptyIsMissing: true, summary: 'The file name' },
		{ name: 'title', kind: 'text', summary: 'Its title in the registries' },
		{ name: 'purpose', kind: 'text', summary: 'What it is for' },
		{ name: 'target', kind: 'text', summary: 'Where it is installed' },
		{ name: 'author', kind: 'text', summary: 'Who wrote it' },
		{ name: 'content', kind: 'text', summary: "The file's content (else a template)" },
	],
	run: (ws, input) => addDeliverable(ws, input),
});
