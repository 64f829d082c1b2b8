import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';

describe('traceback checks in validate', () => {
	const spec =
		'# Storage\n\n**Context**: [[context|Journal]]\n\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/a.sh|A]]\n- [[deliverables/scripts/b.sh|B]]\n- [[deliverables/scripts/c.sh|C]]\n\n### Documentation\n- [[deliverables/docs/d.md|D]]\n- [[deliverables/docs/e.md|E]]\n- [[deliverables/docs/f.md|F]]\n';
	const context = spec.replace('# Storage\n\n**Context**: [[context|Journal]]', '# Context: Storage\n\n**Spec**: [[spec|Storage]]');

	test('a plain vault-path header counts and is checked; a header after the code does not count', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/1001/spec.md': spec,
			'specs/1000/1001/context.md': context,
			'specs/1000/1001/deliverables/scripts/a.sh': '#!/bin/bash\n# Generated from: specs/1000/1001/spec.md\n# Context: specs/1000/1001/context.md\necho a\n',
			'specs/1000/1001/deliverables/scripts/b.sh': '#!/bin/bash\n# Generated from: specs/1000/9999/spec.md\necho b\n',
			'specs/1000/1001/deliverables/scripts/c.sh': '#!/bin/bash\necho c\n# Generated from: [[../../spec]]\n',
			'specs/1000/1001/deliverables/docs/d.md': '---\nspec: "[[../../spec|Storage]]"\n---\n# D\n',
			'specs/1000/1001/deliverables/docs/e.md': '<!-- Spec: [[../../missing|Storage]] -->\n# E\n',
			'specs/1000/1001/deliverables/docs/f.md': '# F\n\nNo way back.\n',
		});
		const result = await validate(ws);
		expect(result.problems.map((p) => [p.severity, p.code, p.path, p.message])).toEqual([
			['error', 'broken-link', 'specs/1000/1001/deliverables/docs/e.md', 'specs/1000/1001/deliverables/docs/e.md line 1: [[../../missing|Storage]] does not resolve to a file'],
			[
				'warning',
				'no-traceback',
				'specs/1000/1001/deliverables/docs/f.md',
				'specs/1000/1001/deliverables/docs/f.md: no traceback to its spec (a "spec" property or a <!-- Spec: … --> comment)',
			],
			[
				'error',
				'broken-link',
				'specs/1000/1001/deliverables/scripts/b.sh',
				'specs/1000/1001/deliverables/scripts/b.sh line 2: specs/1000/9999/spec.md (traceback "generated from:") does not resolve to a file',
			],
			[
				'warning',
				'no-traceback',
				'specs/1000/1001/deliverables/scripts/c.sh',
				'specs/1000/1001/deliverables/scripts/c.sh: no traceback header to its spec (a "Generated from:" comment line at the top)',
			],
		]);
	});
});
