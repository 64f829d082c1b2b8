import { formatProblems } from '../../../src/core/text/problems-text';
import type { Problem } from '../../../src/core/validate/validate';

describe('formatProblems', () => {
	const problem = (p: Partial<Problem>): Problem => ({ severity: 'error', code: 'broken-link', path: 'specs/1000/epic.md', message: '', fixable: false, ...p });

	test('one line per problem, location as path:line, then the counts', () => {
		const text = formatProblems({
			problems: [
				problem({ line: 4, message: 'specs/1000/epic.md line 4: [[missing]] does not resolve to a file' }),
				problem({ severity: 'warning', code: 'unlisted-child', message: 'specs/1000/epic.md: does not list its feature 1002', fixable: true }),
				problem({ code: 'duplicate-id', path: 'specs/b.spec.md', message: 'Duplicate id 1: specs/a.spec.md and specs/b.spec.md' }),
			],
			fixed: [],
			written: [],
			specs: 3,
		});
		expect(text).toBe(
			[
				'error    specs/1000/epic.md:4  broken-link  [[missing]] does not resolve to a file',
				'warning  specs/1000/epic.md  unlisted-child  does not list its feature 1002',
				'error    specs/b.spec.md  duplicate-id  Duplicate id 1: specs/a.spec.md and specs/b.spec.md',
				'2 errors, 1 warning (1 fixable)',
			].join('\n'),
		);
	});

	test('fixed problems are listed as fixed, and the summary says what is left', () => {
		const fixed = problem({ severity: 'warning', code: 'mismatch', line: 11, message: 'specs/1000/epic.md line 11: status differs', fixable: true });
		expect(formatProblems({ problems: [], fixed: [fixed], written: ['specs/1000/epic.md'], specs: 1 })).toBe(
			'fixed    specs/1000/epic.md:11  mismatch  status differs\nFixed 1 problem; no problems left in 1 spec.',
		);
		expect(formatProblems({ problems: [problem({ message: 'x' })], fixed: [fixed], written: [], specs: 2 })).toBe(
			'fixed    specs/1000/epic.md:11  mismatch  status differs\nerror    specs/1000/epic.md  broken-link  x\n1 error, 0 warnings (1 fixed)',
		);
	});
});
