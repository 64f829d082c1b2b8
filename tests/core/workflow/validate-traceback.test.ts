import fc from 'fast-check';
import { validate } from '../../../src/core/workflow/validate';
import { canHoldTraceback, readLeadingComments } from '../../../src/core/workflow/validate-traceback';
import { memoryWorkspace } from '../../helpers/workspace';

const fields = (text: string, markdown = false): [string, string][] => readLeadingComments(text, markdown).map((f) => [f.name, f.value]);

describe('readLeadingComments', () => {
	test('reads the fields after a shebang and a banner, in # comments', () => {
		const text = '#!/bin/bash\n##########\n# NAS tools\n##########\n# Generated from: [[../../1014.spec|1014]]\n#   Purpose:   Monitor the NAS  \n\nset -e\n# Context: not in the header\n';
		expect(fields(text)).toEqual([
			['generated from', '[[../../1014.spec|1014]]'],
			['purpose', 'Monitor the NAS'],
		]);
	});

	test('reads //, --, ; and /* … */ comments, and HTML comments in markdown', () => {
		expect(fields('// Generated from: [[a]]\n// Context: [[b]]\nconst x = 1;\n')).toEqual([['generated from', '[[a]]'], ['context', '[[b]]']]);
		expect(fields('-- Spec: [[a]]\nSELECT 1;\n')).toEqual([['spec', '[[a]]']]);
		expect(fields('; Generated from: [[a]]\n[section]\n')).toEqual([['generated from', '[[a]]']]);
		expect(fields('/*\n * Generated from: [[a]]\n * Purpose: styles\n */\nbody {}\n')).toEqual([['generated from', '[[a]]'], ['purpose', 'styles']]);
		expect(fields('/* Generated from: [[a]] */\nbody {}\n')).toEqual([['generated from', '[[a]]']]);
		expect(fields('---\ntitle: x\n---\n<!-- Spec: [[../../spec|Spec]] -->\n<!--\nContext: [[../../context]]\n-->\n\n# Title\n<!-- Purpose: late -->\n', true)).toEqual([
			['spec', '[[../../spec|Spec]]'],
			['context', '[[../../context]]'],
		]);
	});

	test('a markdown heading is not a comment, and CRLF files read the same', () => {
		expect(fields('# Spec: heading\n<!-- Spec: [[x]] -->\n', true)).toEqual([]);
		expect(fields('#!/bin/sh\r\n# Generated from: [[a]]\r\n# Purpose: p\r\necho\r\n')).toEqual([['generated from', '[[a]]'], ['purpose', 'p']]);
	});

	test('each value sits at its offset in the text, whatever the input', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('#!/bin/sh', '# Generated from: [[a|b]]', '// Spec: x', '/*', ' * Context: y */', '<!-- Purpose: z -->', '', 'code()', '-->', '\r'), { maxLength: 12 }), fc.boolean(), (lines, markdown) => {
				const text = lines.join('\n');
				for (const f of readLeadingComments(text, markdown)) {
					expect(text.slice(f.valueStart, f.valueStart + f.value.length)).toBe(f.value);
				}
			}),
		);
	});

	test('formats without comments, and binaries, need no traceback', () => {
		expect(['a.json', 'b.csv', 'c.png', 'd.PDF'].map(canHoldTraceback)).toEqual([false, false, false, false]);
		expect(['a.sh', 'fstab.nas', 'sysctl.nas.conf', 'x.md', 'Makefile'].map(canHoldTraceback)).toEqual([true, true, true, true, true]);
	});
});

describe('traceback checks in validate', () => {
	const spec = '# Storage\n\n**Context**: [[context|Journal]]\n\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/a.sh|A]]\n- [[deliverables/scripts/b.sh|B]]\n- [[deliverables/scripts/c.sh|C]]\n\n### Documentation\n- [[deliverables/docs/d.md|D]]\n- [[deliverables/docs/e.md|E]]\n- [[deliverables/docs/f.md|F]]\n';
	const context = spec.replace('# Storage\n\n**Context**: [[context|Journal]]', '# Context: Storage\n\n**Spec**: [[spec|Storage]]');

	test('the seed\'s plain-path header counts and is checked; a header after the code does not count', async () => {
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
			['warning', 'no-traceback', 'specs/1000/1001/deliverables/docs/f.md', 'specs/1000/1001/deliverables/docs/f.md: no traceback to its spec (a "spec" property or a <!-- Spec: … --> comment)'],
			['error', 'broken-link', 'specs/1000/1001/deliverables/scripts/b.sh', 'specs/1000/1001/deliverables/scripts/b.sh line 2: specs/1000/9999/spec.md (traceback "generated from:") does not resolve to a file'],
			['warning', 'no-traceback', 'specs/1000/1001/deliverables/scripts/c.sh', 'specs/1000/1001/deliverables/scripts/c.sh: no traceback header to its spec (a "Generated from:" comment line at the top)'],
		]);
	});
});
