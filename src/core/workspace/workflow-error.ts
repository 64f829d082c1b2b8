/**
 * A failure the user can act on: unknown id, unsafe file name, no active session… The message is
 * one line naming the file or id and the problem; the operation that threw has written nothing.
 */
export class WorkflowError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly path?: string,
		/** What to run next, in the CLI's words (`start one with: spec-work start 1014`); the plugin has its own commands and leaves it out. */
		readonly cliHint?: string,
	) {
		super(message);
		this.name = 'WorkflowError';
	}
}
