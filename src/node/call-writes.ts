import type { ParsedArgs } from './args';

/**
 * The calls that only read. They run without the vault lock: files are replaced by atomic rename,
 * so a reader always sees a whole file. Any call not listed here may write and takes the lock, so
 * a new verb is safe until it is added (docs/cli.md, "When two writers meet").
 */
const READ_ONLY_CALLS: Record<string, (args: ParsedArgs) => boolean> = {
	list: () => true,
	status: () => true,
	resume: () => true,
	next: () => true,
	new: (a) => a.options.has('suggest'),
	deliverables: (a) => !a.options.has('write'),
	validate: (a) => !a.options.has('fix'),
	// Without --all or hashes it only lists the commits.
	commits: (a) => !a.options.has('all') && a.positionals.length <= 1,
	migrate: (a) => !a.options.has('apply') && !a.options.has('revert'),
	contexts: (a) => !a.options.has('apply'),
};

/** Whether this call of `verb` may change files, and so must hold the vault lock. */
export function callWrites(verb: string, args: ParsedArgs): boolean {
	const readOnly = Object.prototype.hasOwnProperty.call(READ_ONLY_CALLS, verb) ? READ_ONLY_CALLS[verb] : undefined;
	return !(readOnly?.(args) ?? false);
}
