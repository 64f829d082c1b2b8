import { SESSION_SECTION_HEADINGS } from '../context/session-sections';
import { logEntry, LogOptions, LogResult } from '../workflow/log-entry';
import { BaseRevision, Operation, specWrite } from './operation';

export const LOG: Operation<LogOptions & BaseRevision, LogResult> = specWrite({
	name: 'log',
	summary: 'Append an entry to a section of the active session',
	fields: [
		{ name: 'section', kind: 'choice', choices: Object.keys(SESSION_SECTION_HEADINGS), required: true, summary: 'The session section to log to' },
		{ name: 'text', kind: 'text', required: true, summary: 'The entry; for commits "<hash> <message>"' },
		{ name: 'resolution', kind: 'text', summary: 'Issues only: how it was resolved' },
		{ name: 'commit', kind: 'text', summary: 'Issues only: the commit that fixed it' },
	],
	run: (ws, input) => logEntry(ws, input),
});
