import fc from 'fast-check';
import type { CommentSyntax } from '../../../src/core/deliverables/file-kind';
import { deliverableComments, readLeadingComments } from '../../../src/core/deliverables/leading-comments';

/** The fields of a file's leading comment block, read in the syntax of its name. */
const fields = (path: string, text: string): [string, string][] => deliverableComments(path, text).map((f) => [f.name, f.value]);
const ANY: CommentSyntax = {
	line: ['#', '//'],
	block: [
		['/*', '*/'],
		['<!--', '-->'],
	],
};

describe('readLeadingComments', () => {
	test('reads the fields after a shebang and a banner, in # comments', () => {
		const text =
			'#!/bin/bash\n##########\n# NAS tools\n##########\n# Generated from: [[../../1014.spec|1014]]\n#   Purpose:   Monitor the NAS  \n\nset -e\n# Context: not in the header\n';
		expect(fields('nas.sh', text)).toEqual([
			['generated from', '[[../../1014.spec|1014]]'],
			['purpose', 'Monitor the NAS'],
		]);
	});

	test('reads //, --, ; and /* … */ comments, and HTML comments in markdown', () => {
		expect(fields('a.js', '// Generated from: [[a]]\n// Context: [[b]]\nconst x = 1;\n')).toEqual([
			['generated from', '[[a]]'],
			['context', '[[b]]'],
		]);
		expect(fields('a.sql', '-- Spec: [[a]]\nSELECT 1;\n')).toEqual([['spec', '[[a]]']]);
		expect(fields('a.ini', '; Generated from: [[a]]\n[section]\n')).toEqual([['generated from', '[[a]]']]);
		expect(fields('a.css', '/*\n * Generated from: [[a]]\n * Purpose: styles\n */\nbody {}\n')).toEqual([
			['generated from', '[[a]]'],
			['purpose', 'styles'],
		]);
		expect(fields('a.css', '/* Generated from: [[a]] */\nbody {}\n')).toEqual([['generated from', '[[a]]']]);
		expect(fields('a.md', '---\ntitle: x\n---\n<!-- Spec: [[../../spec|Spec]] -->\n<!--\nContext: [[../../context]]\n-->\n\n# Title\n<!-- Purpose: late -->\n')).toEqual([
			['spec', '[[../../spec|Spec]]'],
			['context', '[[../../context]]'],
		]);
	});

	test('a markdown heading is not a comment, and CRLF files read the same', () => {
		expect(fields('a.md', '# Spec: heading\n<!-- Spec: [[x]] -->\n')).toEqual([]);
		expect(fields('a.sh', '#!/bin/sh\r\n# Generated from: [[a]]\r\n# Purpose: p\r\necho\r\n')).toEqual([
			['generated from', '[[a]]'],
			['purpose', 'p'],
		]);
	});

	test('each value sits at its offset in the text, whatever the input', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('#!/bin/sh', '# Generated from: [[a|b]]', '// Spec: x', '/*', ' * Context: y */', '<!-- Purpose: z -->', '', 'code()', '-->', '\r'), {
					maxLength: 12,
				}),
				fc.boolean(),
				(lines, markdown) => {
					const text = lines.join('\n');
					for (const f of markdown ? deliverableComments('a.md', text) : readLeadingComments(text, ANY)) {
						expect(text.slice(f.valueStart, f.valueStart + f.value.length)).toBe(f.value);
					}
				},
			),
		);
	});
});
