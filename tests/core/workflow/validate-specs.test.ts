import { addChildLink } from '../../../src/core/workflow/validate-specs';
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
