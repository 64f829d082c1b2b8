import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';

describe('validate --fix for a spec that keeps its deliverables in a list property', () => {
	it('adds the unlisted file to that list, in its style, and makes no ## Deliverables section', async () => {
		const spec = '---\ntype: task\ndeliverables:\n  - "deliverables/docs/guide.md"  # the guide\n---\n# 1014 - Cold Storage\n\n**Context**: [[1014.context|Journal]]\n';
		const ws = await memoryWorkspace({
			'specs/1000/1001/spec.md': '# 1001 - Storage\n\n## Tasks\n- [[1014.spec|1014]]\n',
			'specs/1000/1001/1014.spec.md': spec,
			'specs/1000/1001/1014.context.md':
				'# Context: Cold Storage\n\n**Spec**: [[1014.spec|1014]]\n\n## Deliverables\n- [[deliverables/docs/guide.md|Guide]]\n- [[deliverables/scripts/check.sh|Check]]\n',
			'specs/1000/1001/deliverables/docs/guide.md': '---\nspec: "[[../../1014.spec]]"\n---\n# Guide\n',
			'specs/1000/1001/deliverables/scripts/check.sh': '#!/bin/sh\n# Generated from: specs/1000/1001/1014.spec.md\necho ok\n',
		});
		const before = await validate(ws);
		expect(before.problems.filter((p) => p.code === 'unregistered-deliverable').map((p) => p.path)).toEqual(['specs/1000/1001/1014.spec.md']);
		await validate(ws, { fix: true });
		expect(ws.store.snapshot()['specs/1000/1001/1014.spec.md']).toBe(spec.replace('  # the guide\n', '  # the guide\n  - "deliverables/scripts/check.sh"\n'));
		expect((await validate(ws)).problems.filter((p) => p.code === 'unregistered-deliverable')).toEqual([]);
	});
});
