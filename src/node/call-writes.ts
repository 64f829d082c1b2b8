import { callWrites as operationWrites } from '../core/operations/operation';
import type { ParsedArgs } from './args';
import { pickOperation, rawInput, Verb } from './verb-adapter';

/**
 * Whether this call of a verb may change files, and so must hold the vault lock: the operation it
 * runs says (`writes`). Read-only calls run without the lock: files are replaced by atomic rename,
 * so a reader always sees a whole file (docs/cli.md, "When two writers meet").
 */
export function callWrites(verb: Verb, args: ParsedArgs): boolean {
	const op = pickOperation(verb, args);
	return operationWrites(op, rawInput(verb, op, args) as never);
}
