import { validate } from '../../../src/core/validate/validate';
import { addChildLink } from '../../../src/core/validate/validate-specs';
import { memoryWorkspace } from '../../helpers/workspace';

describe('addChildLink (validate --fix for an unlisted child: the same edit as new spec)', () => {
	const child = 'specs/1000/1002/spec.md';
	const files = { 'specs/1000/epic.md': '', 'specs/1000/1001/spec.md': '# A\n', [child]: '# B\n' };

	test('goes after the last item of the list the parent keeps, before a note written below it', async () => {
		const ws = await memoryWorkspace(files);
		const text = '# Epic\n\n## User Stories\n- [[1001/spec|1001 - A]]\n\nMore to come.\n\n## Acceptance Criteria\n- [ ] x\n';
		expect(addChildLink(ws, text, 'specs/1000/epic.md', child, 'Features', '[[1002/spec|1002 - B]]')).toBe(
			'# Epic\n\n## User Stories\n- [[1001/spec|1001 - A]]\n- [[1002/spec|1002 - B]]\n\nMore to come.\n\n## Acceptance Criteria\n- [ ] x\n',
		);
	});

	test('a parent without a list gets ## Features at its place; one that links the child already is left alone', async () => {
		const ws = await memoryWorkspace(files);
		expect(addChildLink(ws, '# Epic\n\n## Overview\nText.\n\n## Deliverables\n', 'specs/1000/epic.md', child, 'Features', '[[1002/spec|1002 - B]]')).toBe(
			'# Epic\n\n## Overview\nText.\n\n## Features\n- [[1002/spec|1002 - B]]\n\n## Deliverables\n',
		);
		const listed = '# Epic\n\n## Features\n- [[1002/spec]]\n';
		expect(addChildLink(ws, listed, 'specs/1000/epic.md', child, 'Features', '[[1002/spec|1002 - B]]')).toBe(listed);
	});
});

describe('a context naming its spec by a plain path links back', () => {
	const spec = 'specs/1000/1001/1014.spec.md';
	const codes = async (context: string): Promise<string[]> => {
		const ws = await memoryWorkspace({
			'specs/1000/epic.md': '# 1000\n\n## Features\n- [[1001/spec]]\n',
			'specs/1000/1001/spec.md': '# 1001\n\n## Tasks\n- [[1014.spec]]\n- [[1015.spec]]\n',
			[spec]: '# 1014\n\n**Context**: [[1014.context]]\n',
			'specs/1000/1001/1015.spec.md': '# 1015\n',
			'specs/1000/1001/1014.context.md': context,
		});
		return (await validate(ws)).problems.filter((p) => p.path === 'specs/1000/1001/1014.context.md').map((p) => p.code);
	};

	test.each([
		['**Spec File**: specs/1000/1001/1014.spec.md'],
		['**Spec File**: `specs/1000/1001/1014.spec.md`'],
		['- **Spec Path**: specs/1000/1001/1014.spec.md'],
		['**Spec**: specs/1000/1001/1014.spec.md'],
	])('%s', async (line) => {
		expect(await codes(`# Context\n\n${line}\n\n## Implementation Timeline\n`)).toEqual([]);
	});

	test('a path naming another spec, or a Spec File line below the header, is no link back', async () => {
		expect(await codes('# Context\n\n**Spec File**: specs/1000/1001/1015.spec.md\n')).toContain('missing-spec-link');
		expect(await codes('# Context\n\n## Notes\n\n**Spec File**: specs/1000/1001/1014.spec.md\n')).toContain('missing-spec-link');
	});
});
