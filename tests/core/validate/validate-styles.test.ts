import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';

/** Vaults written with markdown links, in CRLF, and in the seed's header-lines-only format. */

const MARKDOWN_VAULT: Record<string, string> = {
	'specs/E01/epic.md': [
		'---',
		'type: epic',
		'title: Platform',
		'---',
		'# Platform',
		'',
		'**Context**: [Implementation Journal](context.md)',
		'',
		'## Overview',
		'See [Missing](missing.md), [the guide](F01/deliverables/docs/setup%20guide.md) and [docs](https://example.com/x.md).',
		'',
		'## Features',
		'- [F01 - First](F01/spec.md)',
		'',
	].join('\n'),
	'specs/E01/context.md': '# Context: Platform\n\n**Spec**: [E01 - Platform](epic.md)\n',
	'specs/E01/F01/spec.md': [
		'---',
		'type: feature',
		'title: First',
		'parent: "[E01 - Platform](../epic.md)"',
		'---',
		'# First',
		'',
		'## Deliverables',
		'',
		'### Documentation',
		'- [Setup Guide](deliverables/docs/setup%20guide.md)',
		'',
	].join('\n'),
	'specs/E01/F01/context.md': '# Context: First\n\n## Summary\nWork on the first feature.\n\n## Notes & Learnings\n- None yet\n',
	'specs/E01/F01/deliverables/docs/setup guide.md': '<!-- Spec: [First](../../spec.md) -->\n<!-- Purpose: Set up the platform -->\n\n# Setup\n',
	'specs/E01/F02/spec.md': '---\ntype: feature\ntitle: Second\nparent: E01\n---\n# Second\n',
};

describe('validate on a markdown-link vault', () => {
	test('reads markdown links (encoded spaces included) and reports the broken one as written', async () => {
		const result = await validate(await memoryWorkspace(MARKDOWN_VAULT, { linkStyle: 'markdown' }));
		expect(result.problems.map((p) => [p.code, p.path, p.line, p.message])).toEqual([
			['missing-spec-link', 'specs/E01/F01/context.md', undefined, 'specs/E01/F01/context.md: does not link back to its spec specs/E01/F01/spec.md'],
			[
				'unregistered-deliverable',
				'specs/E01/F01/context.md',
				undefined,
				'specs/E01/F01/context.md: specs/E01/F01/deliverables/docs/setup guide.md is not listed under ## Deliverables',
			],
			['missing-context-link', 'specs/E01/F01/spec.md', undefined, 'specs/E01/F01/spec.md: does not link to its context file specs/E01/F01/context.md'],
			['unlisted-child', 'specs/E01/epic.md', undefined, 'specs/E01/epic.md: does not list its feature F02 (specs/E01/F02/spec.md) under ## Features'],
			['broken-link', 'specs/E01/epic.md', 10, 'specs/E01/epic.md line 10: [Missing](missing.md) does not resolve to a file'],
		]);
	});

	test('fixes write markdown links', async () => {
		const ws = await memoryWorkspace(MARKDOWN_VAULT, { linkStyle: 'markdown' });
		const result = await validate(ws, { fix: true });
		expect(result.problems.map((p) => p.code)).toEqual(['broken-link']);
		const after = ws.store.snapshot();
		expect(after['specs/E01/epic.md']).toBe(MARKDOWN_VAULT['specs/E01/epic.md'].replace('(F01/spec.md)\n', '(F01/spec.md)\n- [F02 - Second](F02/spec.md)\n'));
		expect(after['specs/E01/F01/spec.md']).toBe(MARKDOWN_VAULT['specs/E01/F01/spec.md'].replace('---\n# First', 'context: "[Implementation Journal](context.md)"\n---\n# First'));
		expect(after['specs/E01/F01/context.md']).toBe(
			[
				'# Context: First',
				'',
				'**Spec**: [F01 - First](spec.md)',
				'',
				'## Summary',
				'Work on the first feature.',
				'',
				'## Deliverables',
				'',
				'### Documentation',
				'- [Setup Guide](deliverables/docs/setup%20guide.md) - Set up the platform',
				'',
				'## Notes & Learnings',
				'- None yet',
				'',
			].join('\n'),
		);
		expect((await validate(ws)).problems.map((p) => p.code)).toEqual(['broken-link']);
	});
});

/** The seed's format: no frontmatter, header lines only, CRLF line ends. */
const crlf = (lines: string[]): string => lines.join('\r\n');
const SEED_CRLF_VAULT: Record<string, string> = {
	'specs/1000/epic.md': crlf(['# Epic', '', '**Status**: planning', '', '## Overview', 'Text.', '', '## Features', '- [[1001/spec|1001 - Storage]]', '']),
	'specs/1000/1001/spec.md': crlf(['# Storage', '', '**Parent**: [[../epic|1000 - Epic]]  ', '**Status**: implementing', '', '## Overview', 'Text.', '']),
	'specs/1000/1001/context.md': crlf(['# Context: Storage', '', '**Status**: implementing', '', '## Summary', 'Text.', '']),
	'specs/1000/1001/1011.spec.md': crlf(['# Hot Storage', '', '**Context**: [[1011.context|Implementation Journal]]  ', '**Status**: planning', '']),
	'specs/1000/1001/1011.context.md': crlf(['# Context: Hot Storage', '', '**Spec**: [[1011.spec|1011 - Hot Storage]]', '']),
};

describe('validate on seed-format CRLF files', () => {
	test('fixes add header lines and list items with CRLF line ends', async () => {
		const ws = await memoryWorkspace(SEED_CRLF_VAULT);
		const found = await validate(ws);
		expect(found.problems.map((p) => [p.code, p.path])).toEqual([
			['missing-spec-link', 'specs/1000/1001/context.md'],
			['missing-context-link', 'specs/1000/1001/spec.md'],
			['unlisted-child', 'specs/1000/1001/spec.md'],
		]);
		const result = await validate(ws, { fix: true });
		expect(result.problems).toEqual([]);
		const after = ws.store.snapshot();
		expect(after['specs/1000/1001/spec.md']).toBe(
			crlf([
				'# Storage',
				'',
				'**Parent**: [[../epic|1000 - Epic]]  ',
				'**Status**: implementing  ',
				'**Context**: [[context|Implementation Journal]]',
				'',
				'## Overview',
				'Text.',
				'',
				'## Tasks',
				'- [[1011.spec|1011 - Hot Storage]]',
				'',
			]),
		);
		expect(after['specs/1000/1001/context.md']).toBe(
			crlf(['# Context: Storage', '', '**Status**: implementing  ', '**Spec**: [[spec|1001 - Storage]]', '', '## Summary', 'Text.', '']),
		);
		for (const path of ['specs/1000/epic.md', 'specs/1000/1001/1011.spec.md', 'specs/1000/1001/1011.context.md']) {
			expect(after[path]).toBe(SEED_CRLF_VAULT[path]);
		}
		expect((await validate(ws)).problems).toEqual([]);
	});

	test('a property that disagrees with its header line is reported, and --fix keeps both values', async () => {
		const spec = crlf(['---', 'status: implementing', 'created: 2025-08-19', '---', '# Task', '', '**Status**: planning  ', '**Created**: 2025-08-18 10:00', '']);
		const ws = await memoryWorkspace({ 'specs/1000/1000.spec.md': spec });
		const found = await validate(ws);
		expect(found.problems.map((p) => [p.code, p.line, p.message])).toEqual([
			['mismatch', 7, 'specs/1000/1000.spec.md line 7: status property "implementing" disagrees with **Status**: planning (the property wins); change the one that is wrong'],
			[
				'mismatch',
				8,
				'specs/1000/1000.spec.md line 8: created property "2025-08-19" disagrees with **Created**: 2025-08-18 10:00 (the property wins); change the one that is wrong',
			],
		]);
		const fixed = await validate(ws, { fix: true });
		expect([fixed.written, fixed.problems]).toEqual([[], found.problems]);
		expect(ws.store.snapshot()['specs/1000/1000.spec.md']).toBe(spec);
	});
});
