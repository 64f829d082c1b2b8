import { validate } from '../../../src/core/validate/validate';
import { baselineOf } from '../../../src/core/deliverables/deliverable-drift';
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

describe('tool leftovers under deliverables/', () => {
	const spec = '# 1001 - Loader\n\n**Context**: [[context|Journal]]\n\n## Deliverables\n- [[deliverables/scripts/load.py|Loader]]\n';
	const context = '# Context: Loader\n\n**Spec**: [[spec|1001]]\n\n## Deliverables\n- [[deliverables/scripts/load.py|Loader]] - load bars\n';
	const script = '#!/usr/bin/env python3\n# Generated from: specs/1000/1001/spec.md\n# Context: specs/1000/1001/context.md\nimport json\n';

	test('compiled Python, editor backups and installed packages are not deliverables: nothing reported, --fix registers none', async () => {
		const files = {
			'specs/1000/epic.md': '# 1000 - Data\n\n## Features\n- [[1001/spec|1001 - Loader]]\n',
			'specs/1000/1001/spec.md': spec,
			'specs/1000/1001/context.md': context,
			'specs/1000/1001/deliverables/scripts/load.py': script,
			'specs/1000/1001/deliverables/scripts/__pycache__/load.cpython-311.pyc': 'B\r\r\n\0\0\0\0',
			'specs/1000/1001/deliverables/scripts/load.py~': script,
			'specs/1000/1001/deliverables/scripts/fetch.sh~': '#!/bin/sh\ncurl x\n',
			'specs/1000/1001/deliverables/scripts/#load.py#': script,
			'specs/1000/1001/deliverables/scripts/node_modules/left-pad/index.js': 'module.exports = 1;\n',
		};
		const ws = await memoryWorkspace(files);
		expect((await validate(ws)).problems).toEqual([]);
		await validate(ws, { fix: true });
		expect(await ws.store.read('specs/1000/1001/spec.md')).toBe(spec);
		expect(await ws.store.read('specs/1000/1001/context.md')).toBe(context);
	});
});

describe('a generated report gone stale', () => {
	test('its broken link says the report is out of date and how to write it again', async () => {
		const ws = await memoryWorkspace({
			'specs/1000/epic.md': '# 1000 - Storage\n',
			'specs/1000/1001/spec.md': '# 1001 - Hot\n',
			'specs/1000/1001/1001.deliverables.md': '---\ngenerated: spec-workflow\n---\n# Deliverables Report: Spec 1001\n\n- [[deliverables/config/hot.fstab|hot.fstab]]\n',
		});
		const problems = (await validate(ws)).problems.filter((p) => p.code === 'broken-link');
		expect(problems.map((p) => p.message)).toEqual([
			'specs/1000/1001/1001.deliverables.md line 6: [[deliverables/config/hot.fstab|hot.fstab]] does not resolve to a file; the report is generated and out of date: write it again with spec-work deliverables 1001 --write',
		]);
	});
});

describe('an Excalidraw drawing among the deliverables', () => {
	test('is registered by --fix under its file name, not under the plugin’s own Text Elements heading', async () => {
		const drawing = '---\nexcalidraw-plugin: parsed\nspec: "[[../../spec]]"\n---\n==⚠  Switch to EXCALIDRAW VIEW ⚠==\n\n# Text Elements\nHot tier ^abc123\n';
		const ws = await memoryWorkspace({
			'specs/E01/F01/spec.md': '---\ntype: feature\nid: E01-F01\n---\n# Hot storage\n',
			'specs/E01/F01/deliverables/docs/layout.excalidraw.md': drawing,
		});
		await validate(ws, { fix: true });
		const spec = await ws.store.read('specs/E01/F01/spec.md');
		expect(spec).toContain('- [[deliverables/docs/layout.excalidraw.md|layout.excalidraw.md]]\n');
		expect(spec).not.toContain('Text Elements');
	});
});

describe('a registry link that leads into a backup copy', () => {
	const fstab = '# Generated from: specs/1000/1001/spec.md\n# Context: specs/1000/1001/context.md\n/dev/nvme0n1 /mnt/hot ext4 noatime 0 2\n';
	const spec = '# 1001 - Hot\n\n**Context**: [[context|Journal]]\n\n## Deliverables\n- [[deliverables/config/hot.fstab|fstab]]\n';
	const context = `# Context: Hot\n\n**Spec**: [[spec|1001]]\n\n## Deliverables\n- [[deliverables/config/hot.fstab|fstab]] - fstab line \`hash:${baselineOf(fstab)}\`\n`;
	/** The spec's file renamed after a copy of its folder was kept as `copyRoot`. */
	const vault = (copyRoot: string, specText = spec): Record<string, string> => ({
		'specs/1000/epic.md': '# 1000 - Storage\n\n## Features\n- [[1001/spec|1001 - Hot]]\n',
		'specs/1000/1001/spec.md': specText,
		'specs/1000/1001/context.md': context,
		'specs/1000/1001/deliverables/config/hot-nvme.fstab': fstab,
		[`${copyRoot}/1001/spec.md`]: spec,
		[`${copyRoot}/1001/context.md`]: context,
		[`${copyRoot}/1001/deliverables/config/hot.fstab`]: fstab,
	});

	test.each([['specs/1000 copy'], ['specs_backup/1000']])('is a missing deliverable, naming the copy in %s; the renamed file is unregistered', async (copyRoot) => {
		const ws = await memoryWorkspace(vault(copyRoot));
		const copy = `${copyRoot}/1001/deliverables/config/hot.fstab`;
		const problems = (await validate(ws)).problems;
		expect(problems.map((p) => [p.severity, p.code, p.path, p.line, p.message])).toEqual([
			[
				'warning',
				'unregistered-deliverable',
				'specs/1000/1001/context.md',
				5,
				'specs/1000/1001/context.md line 5: specs/1000/1001/deliverables/config/hot-nvme.fstab is not listed under ## Deliverables',
			],
			[
				'error',
				'missing-deliverable',
				'specs/1000/1001/context.md',
				6,
				`specs/1000/1001/context.md line 6: registered deliverable [[deliverables/config/hot.fstab|fstab]] does not exist; the link leads into the copy ${copy}`,
			],
			[
				'warning',
				'unregistered-deliverable',
				'specs/1000/1001/spec.md',
				5,
				'specs/1000/1001/spec.md line 5: specs/1000/1001/deliverables/config/hot-nvme.fstab is not listed under ## Deliverables',
			],
			[
				'error',
				'missing-deliverable',
				'specs/1000/1001/spec.md',
				6,
				`specs/1000/1001/spec.md line 6: registered deliverable [[deliverables/config/hot.fstab|fstab]] does not exist; the link leads into the copy ${copy}`,
			],
		]);
	});

	test('a deliverables property item that finds only the copy is missing too', async () => {
		const withProperty = '---\ndeliverables:\n  - hot.fstab\n---\n# 1001 - Hot\n\n**Context**: [[context|Journal]]\n';
		const ws = await memoryWorkspace(vault('specs/1000 copy', withProperty));
		const missing = (await validate(ws)).problems.filter((p) => p.code === 'missing-deliverable' && p.path === 'specs/1000/1001/spec.md');
		expect(missing.map((p) => [p.severity, p.line, p.message])).toEqual([
			[
				'warning',
				3,
				'specs/1000/1001/spec.md line 3: registered deliverable hot.fstab (deliverables property) does not exist; hot.fstab leads into the copy specs/1000 copy/1001/deliverables/config/hot.fstab',
			],
		]);
	});
});
