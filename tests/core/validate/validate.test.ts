import { Problem, validate, ValidateResult } from '../../../src/core/validate/validate';
import { formatProblems } from '../../../src/core/text/problems-text';
import { memoryWorkspace } from '../../helpers/workspace';

/**
 * A vault with one of each problem `validate` knows, in the seed's layout: epic 2000 with features
 * 2001–2004, plus a duplicate id (5000), malformed YAML (6000) and a context without a spec (7000).
 */
const EPIC = [
	'---',
	'type: epic',
	'title: Platform',
	'status: implementing',
	'context: "[[context|Implementation Journal]]"',
	'related: "[[../nowhere|Nowhere]]"',
	'---',
	'# Platform',
	'',
	'**Context**: [[context|Implementation Journal]]  ',
	'**Status**: planning',
	'',
	'## Overview',
	'See [[missing-note]] and `[[not-a-link]]`.',
	'',
	'```bash',
	'if [[ -d "$X" ]]; then echo; fi',
	'```',
	'',
	'## Features',
	'- [[2001/spec|Alpha]]',
	'',
].join('\n');

const PROBLEM_VAULT: Record<string, string> = {
	'specs/2000/epic.md': EPIC,
	'specs/2000/context.md': '# Context: Platform\n\n**Status**: implementing\n\n## Summary\nText.\n',
	'specs/2000/2001/spec.md': [
		'# Alpha',
		'',
		'**Parent**: [[../epic|2000 - Platform]]  ',
		'**Status**: planning',
		'',
		'## Overview',
		'Alpha.',
		'',
		'## Deliverables',
		'',
		'### Scripts',
		'- [[deliverables/scripts/run.sh|Run]]',
		'- [[deliverables/scripts/gone.sh|Gone]]',
		'',
		'### Documentation',
		'- ![[deliverables/docs/diagram.png]]',
		'',
	].join('\n'),
	'specs/2000/2001/context.md': [
		'# Context: Alpha',
		'',
		'**Spec**: [[spec|2001 - Alpha]]  ',
		'**Status**: planning',
		'',
		'## Deliverables',
		'',
		'### Scripts',
		'- [[deliverables/scripts/run.sh|Run]] - Runs it',
		'',
		'### Documentation',
		'- [[deliverables/docs/diagram.png|Diagram]] - Architecture diagram',
		'',
	].join('\n'),
	'specs/2000/2001/deliverables/scripts/run.sh':
		'#!/bin/sh\n# Generated from: [[../../spec|2001 - Alpha]]\n# Context: [[../../nowhere|Journal]]\n# Purpose: Runs it\necho hi\n# Spec: [[not-the-header]]\n',
	'specs/2000/2001/deliverables/scripts/bare.sh': '#!/bin/sh\n# Purpose: Bare script\necho bare\n',
	'specs/2000/2001/deliverables/config/app.json': '{"a": 1}\n',
	'specs/2000/2001/deliverables/docs/diagram.png': '\u0089PNG binary',
	'specs/2000/2001/deliverables/docs/guide.md': '---\ntitle: The Guide\nspec: "[[../../spec|Alpha]]"\npurpose: How to\n---\n# Guide\n',
	'specs/2000/2002/spec.md': '---\ntype: feature\ntitle: Beta\nparent: "[[../epic|2000 - Platform]]"\n---\n# Beta\n',
	'specs/2000/2002/context.md': '---\nspec: [unclosed\n---\n# Context: Beta\n',
	'specs/2000/2003/spec.md': '---\ntype: feature\ntitle: Gamma\nparent: E99\n---\n# Gamma\n',
	'specs/2000/2004/spec.md': '---\ntype: feature\ntitle: Delta\nparent: "[[../nope|Nope]]"\n---\n# Delta\n\n**Parent**: [[../nope|Nope]]\n',
	'specs/5000/epic.md': '# Five\n',
	'specs/other/5000.spec.md': '# Five again\n',
	'specs/6000/epic.md': '---\ntitle: [unclosed\n---\n# Six\n',
	'specs/7000/context.md': '# Context: Orphan\n',
};

type Row = [Problem['severity'], string, string, number | undefined, string, boolean];
const rows = (r: ValidateResult): Row[] => r.problems.map((p) => [p.severity, p.code, p.path, p.line, p.message, p.fixable === true]);

describe('validate', () => {
	test('the example vault has no problems', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await validate(ws);
		expect(result.problems).toEqual([]);
		expect(result.specs).toBe(10);
		expect(formatProblems(result)).toBe('No problems found in 10 specs.');
		expect(ws.store.snapshot()).toEqual(before);
	});

	test('reports each kind of problem with its file, line and a message naming them', async () => {
		const ws = await memoryWorkspace(PROBLEM_VAULT);
		const before = ws.store.snapshot();
		const result = await validate(ws);
		expect(rows(result)).toEqual([
			[
				'warning',
				'unregistered-deliverable',
				'specs/2000/2001/context.md',
				6,
				'specs/2000/2001/context.md line 6: specs/2000/2001/deliverables/config/app.json is not listed under ## Deliverables',
				true,
			],
			[
				'warning',
				'unregistered-deliverable',
				'specs/2000/2001/context.md',
				6,
				'specs/2000/2001/context.md line 6: specs/2000/2001/deliverables/docs/guide.md is not listed under ## Deliverables',
				true,
			],
			[
				'warning',
				'unregistered-deliverable',
				'specs/2000/2001/context.md',
				6,
				'specs/2000/2001/context.md line 6: specs/2000/2001/deliverables/scripts/bare.sh is not listed under ## Deliverables',
				true,
			],
			[
				'warning',
				'no-traceback',
				'specs/2000/2001/deliverables/scripts/bare.sh',
				undefined,
				'specs/2000/2001/deliverables/scripts/bare.sh: no traceback header to its spec (a "Generated from:" comment line at the top)',
				false,
			],
			[
				'warning',
				'traceback-wikilink',
				'specs/2000/2001/deliverables/scripts/run.sh',
				2,
				'specs/2000/2001/deliverables/scripts/run.sh line 2: the traceback header links [[../../spec|2001 - Alpha]], which Obsidian does not follow outside a note; the fix writes the vault path specs/2000/2001/spec.md',
				true,
			],
			[
				'error',
				'broken-link',
				'specs/2000/2001/deliverables/scripts/run.sh',
				3,
				'specs/2000/2001/deliverables/scripts/run.sh line 3: [[../../nowhere|Journal]] (traceback "context:") does not resolve to a file',
				false,
			],
			['warning', 'missing-context-link', 'specs/2000/2001/spec.md', undefined, 'specs/2000/2001/spec.md: does not link to its context file specs/2000/2001/context.md', true],
			[
				'warning',
				'unregistered-deliverable',
				'specs/2000/2001/spec.md',
				9,
				'specs/2000/2001/spec.md line 9: specs/2000/2001/deliverables/config/app.json is not listed under ## Deliverables',
				true,
			],
			[
				'warning',
				'unregistered-deliverable',
				'specs/2000/2001/spec.md',
				9,
				'specs/2000/2001/spec.md line 9: specs/2000/2001/deliverables/docs/guide.md is not listed under ## Deliverables',
				true,
			],
			[
				'warning',
				'unregistered-deliverable',
				'specs/2000/2001/spec.md',
				9,
				'specs/2000/2001/spec.md line 9: specs/2000/2001/deliverables/scripts/bare.sh is not listed under ## Deliverables',
				true,
			],
			[
				'error',
				'missing-deliverable',
				'specs/2000/2001/spec.md',
				13,
				'specs/2000/2001/spec.md line 13: registered deliverable [[deliverables/scripts/gone.sh|Gone]] does not exist',
				false,
			],
			['warning', 'missing-spec-link', 'specs/2000/2002/context.md', undefined, 'specs/2000/2002/context.md: does not link back to its spec specs/2000/2002/spec.md', false],
			[
				'error',
				'malformed-frontmatter',
				'specs/2000/2002/context.md',
				2,
				'specs/2000/2002/context.md line 2: Flow sequence in block collection must be sufficiently indented and end with a ]',
				false,
			],
			['warning', 'missing-context-link', 'specs/2000/2002/spec.md', undefined, 'specs/2000/2002/spec.md: does not link to its context file specs/2000/2002/context.md', true],
			['error', 'unknown-parent', 'specs/2000/2003/spec.md', 4, 'specs/2000/2003/spec.md line 4: parent E99 is not a spec', false],
			['error', 'unknown-parent', 'specs/2000/2004/spec.md', 4, 'specs/2000/2004/spec.md line 4: parent [[../nope|Nope]] is not a spec', false],
			['warning', 'missing-spec-link', 'specs/2000/context.md', undefined, 'specs/2000/context.md: does not link back to its spec specs/2000/epic.md', true],
			['warning', 'unlisted-child', 'specs/2000/epic.md', undefined, 'specs/2000/epic.md: does not list its feature 2002 (specs/2000/2002/spec.md) under ## Features', true],
			['error', 'broken-link', 'specs/2000/epic.md', 6, 'specs/2000/epic.md line 6: [[../nowhere|Nowhere]] (property "related") does not resolve to a file', false],
			[
				'warning',
				'mismatch',
				'specs/2000/epic.md',
				11,
				'specs/2000/epic.md line 11: status property "implementing" disagrees with **Status**: planning (the property wins); change the one that is wrong',
				false,
			],
			['error', 'broken-link', 'specs/2000/epic.md', 14, 'specs/2000/epic.md line 14: [[missing-note]] does not resolve to a file', false],
			[
				'error',
				'malformed-frontmatter',
				'specs/6000/epic.md',
				2,
				'specs/6000/epic.md line 2: Flow sequence in block collection must be sufficiently indented and end with a ]',
				false,
			],
			['warning', 'context-without-spec', 'specs/7000/context.md', undefined, 'specs/7000/context.md: a context file with no spec beside it (expected spec.md or epic.md)', false],
			['error', 'duplicate-id', 'specs/other/5000.spec.md', undefined, 'Duplicate id 5000: specs/5000/epic.md and specs/other/5000.spec.md', false],
		]);
		expect(result.fixed).toEqual([]);
		expect(result.written).toEqual([]);
		expect(ws.store.snapshot()).toEqual(before);
	});

	test('links in code are not links, and a broken parent link is reported once, as an unknown parent', async () => {
		const result = await validate(await memoryWorkspace(PROBLEM_VAULT));
		const text = result.problems.map((p) => p.message).join('\n');
		expect(text).not.toContain('not-a-link');
		expect(text).not.toContain('-d "$X"');
		// `# Spec: [[not-the-header]]` comes after the first command: not part of the header.
		expect(text).not.toContain('not-the-header');
		expect(result.problems.filter((p) => p.path === 'specs/2000/2004/spec.md').map((p) => p.code)).toEqual(['unknown-parent']);
	});

	test('a registered binary or JSON deliverable needs no traceback header', async () => {
		const result = await validate(await memoryWorkspace(PROBLEM_VAULT));
		const tracebacks = result.problems.filter((p) => p.code === 'no-traceback').map((p) => p.path);
		expect(tracebacks).toEqual(['specs/2000/2001/deliverables/scripts/bare.sh']);
	});

	test('malformed YAML is reported, not thrown, wherever it is', async () => {
		const ws = await memoryWorkspace({
			'specs/1/epic.md': '---\ntitle: "open\n---\n# One\n',
			'specs/1/context.md': '---\n: : :\n---\n# Context\n\n**Spec**: [[epic]]\n',
			'specs/1/deliverables/docs/a.md': '---\n- a list\n---\n<!-- Spec: [[../../epic]] -->\n',
		});
		const result = await validate(ws);
		expect(result.problems.map((p) => [p.code, p.path, p.line, p.fixable])).toEqual([
			['unregistered-deliverable', 'specs/1/context.md', undefined, true],
			['malformed-frontmatter', 'specs/1/context.md', 2, false],
			['malformed-frontmatter', 'specs/1/deliverables/docs/a.md', 2, false],
			// The spec has malformed YAML: no field is written into it blind.
			['missing-context-link', 'specs/1/epic.md', undefined, false],
			['unregistered-deliverable', 'specs/1/epic.md', undefined, true],
			['malformed-frontmatter', 'specs/1/epic.md', 2, false],
		]);
		expect(result.problems.find((p) => p.path === 'specs/1/deliverables/docs/a.md')?.message).toBe(
			'specs/1/deliverables/docs/a.md line 2: the frontmatter is a list, not a set of properties',
		);
	});
});

describe('validate --fix', () => {
	test('applies the safe fixes, writes exactly these bytes, and leaves every other file alone', async () => {
		const ws = await memoryWorkspace(PROBLEM_VAULT);
		const before = ws.store.snapshot();
		const found = await validate(ws);
		const result = await validate(ws, { fix: true });

		expect(result.fixed.map((p) => [p.code, p.path])).toEqual(found.problems.filter((p) => p.fixable).map((p) => [p.code, p.path]));
		expect(result.problems).toEqual(found.problems.filter((p) => !p.fixable));
		expect(result.written).toEqual([
			'specs/2000/2001/context.md',
			'specs/2000/2001/deliverables/scripts/run.sh',
			'specs/2000/2001/spec.md',
			'specs/2000/2002/spec.md',
			'specs/2000/context.md',
			'specs/2000/epic.md',
		]);
		const after = ws.store.snapshot();
		expect(after['specs/2000/epic.md']).toBe(EPIC.replace('- [[2001/spec|Alpha]]\n', '- [[2001/spec|Alpha]]\n- [[2002/spec|2002 - Beta]]\n'));
		expect(after['specs/2000/context.md']).toBe('# Context: Platform\n\n**Status**: implementing  \n**Spec**: [[epic|2000 - Platform]]\n\n## Summary\nText.\n');
		expect(after['specs/2000/2001/spec.md']).toBe(
			[
				'# Alpha',
				'',
				'**Parent**: [[../epic|2000 - Platform]]  ',
				'**Status**: planning  ',
				'**Context**: [[context|Implementation Journal]]',
				'',
				'## Overview',
				'Alpha.',
				'',
				'## Deliverables',
				'',
				'### Scripts',
				'- [[deliverables/scripts/run.sh|Run]]',
				'- [[deliverables/scripts/gone.sh|Gone]]',
				'- [[deliverables/scripts/bare.sh|bare.sh]]',
				'',
				'### Documentation',
				'- ![[deliverables/docs/diagram.png]]',
				'- [[deliverables/docs/guide.md|The Guide]]',
				'',
				// A spec's group heading is the seed's `### Configuration` (its context keeps `### Configuration Files`).
				'### Configuration',
				'- [[deliverables/config/app.json|app.json]]',
				'',
			].join('\n'),
		);
		expect(after['specs/2000/2001/context.md']).toBe(
			[
				'# Context: Alpha',
				'',
				'**Spec**: [[spec|2001 - Alpha]]  ',
				'**Status**: planning',
				'',
				'## Deliverables',
				'',
				'### Scripts',
				'- [[deliverables/scripts/run.sh|Run]] - Runs it',
				'- [[deliverables/scripts/bare.sh|bare.sh]] - Bare script',
				'',
				'### Documentation',
				'- [[deliverables/docs/diagram.png|Diagram]] - Architecture diagram',
				'- [[deliverables/docs/guide.md|The Guide]] - How to',
				'',
				'### Configuration Files',
				'- [[deliverables/config/app.json|app.json]]',
				'',
			].join('\n'),
		);
		// Only the link that resolves becomes a path; the broken one and the line below the header stay.
		expect(after['specs/2000/2001/deliverables/scripts/run.sh']).toBe(
			'#!/bin/sh\n# Generated from: specs/2000/2001/spec.md\n# Context: [[../../nowhere|Journal]]\n# Purpose: Runs it\necho hi\n# Spec: [[not-the-header]]\n',
		);
		expect(after['specs/2000/2002/spec.md']).toBe(
			'---\ntype: feature\ntitle: Beta\nparent: "[[../epic|2000 - Platform]]"\ncontext: "[[context|Implementation Journal]]"\n---\n# Beta\n',
		);
		for (const path of Object.keys(before)) if (!result.written.includes(path)) expect([path, after[path]]).toEqual([path, before[path]]);
	});

	test('a second validate finds none of the fixed problems, and a second fix writes nothing', async () => {
		const ws = await memoryWorkspace(PROBLEM_VAULT);
		const fixed = await validate(ws, { fix: true });
		const again = await validate(ws);
		const key = (p: Problem): string => `${p.code} ${p.path}`;
		// The same problems are left (a line may have moved: the fixes added lines above it).
		expect(again.problems.map(key)).toEqual(fixed.problems.map(key));
		const left = new Set(again.problems.map(key));
		expect(fixed.fixed.filter((p) => left.has(key(p)) && p.code !== 'unregistered-deliverable')).toEqual([]);
		expect(again.problems.filter((p) => p.code === 'unregistered-deliverable')).toEqual([]);
		const snapshot = ws.store.snapshot();
		const second = await validate(ws, { fix: true });
		expect(second.fixed).toEqual([]);
		expect(second.written).toEqual([]);
		expect(ws.store.snapshot()).toEqual(snapshot);
	});

	test('the example vault is left byte for byte as it is', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await validate(ws, { fix: true });
		expect(result).toEqual({ problems: [], fixed: [], written: [], specs: 10 });
		expect(ws.store.snapshot()).toEqual(before);
	});
});
