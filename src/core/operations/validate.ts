import { validate } from '../validate/validate';
import type { ValidateResult } from '../validate/validate-types';
import { Operation, writeOperation } from './operation';

export const VALIDATE: Operation<{ fix?: boolean }, ValidateResult> = writeOperation({
	name: 'validate',
	summary: 'Check links, spec ↔ context links, tracebacks, registries and ids; fix applies the safe fixes',
	writes: (input) => input.fix === true,
	input: [{ name: 'fix', kind: 'flag', summary: 'Apply only safe, reversible fixes' }],
	run: (ws, input) => validate(ws, { fix: input.fix === true }),
});
