import { contextRefProblem } from '../../../src/core/migration/context-ref';
import type { Spec } from '../../../src/core/index/spec';

function spec(path: string, contextRef: string | null): Spec {
	return {
		id: 'x',
		aliases: [],
		path,
		declaredType: null,
		title: 'X',
		status: null,
		statusRaw: '',
		parentRef: null,
		contextRef,
		deliverableRefs: [],
		deliverableProperty: [],
		childRefs: [],
		commits: [],
	};
}

const TASK = 'specs/1000/1001/1014.spec.md';
const TASK_CONTEXT = 'specs/1000/1001/1014.context.md';

describe('contextRefProblem: a kept link to a deleted context', () => {
	it.each([
		['[[1014.context|Implementation Journal]]'],
		['"[[1014.context]]"'],
		['1014.context.md'],
		['[[./1014.context.md]]'],
		['[[specs/1000/1001/1014.context]]'],
		['[[/specs/1000/1001/1014.context.md]]'],
		['[Journal](1014.context.md)'],
		['[[../1001/1014.CONTEXT]]'],
	])('%s names the context about to be created: no problem', (ref) => {
		expect(contextRefProblem(spec(TASK, ref), TASK_CONTEXT)).toBeNull();
	});

	it('no link at all is no problem', () => {
		expect(contextRefProblem(spec(TASK, null), TASK_CONTEXT)).toBeNull();
	});

	it('`[[context]]` from a feature spec names the context.md beside it', () => {
		expect(contextRefProblem(spec('specs/1000/1001/spec.md', '[[context|Journal]]'), 'specs/1000/1001/context.md')).toBeNull();
	});

	it.each([['[[journal/1014]]'], ['[[../1014.context]]'], ['[[1014-notes]]'], ['[[/1014.context]]']])('%s points elsewhere: the problem names the link and the way out', (ref) => {
		expect(contextRefProblem(spec(TASK, ref), TASK_CONTEXT)).toBe(
			`${TASK}: its context link ${ref} points to a file that does not exist; create that file, or remove the link to get ${TASK_CONTEXT}`,
		);
	});
});
