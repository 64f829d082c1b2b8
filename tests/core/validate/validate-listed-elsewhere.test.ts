import { validate } from '../../../src/core/validate/validate';
import { formatProblems } from '../../../src/core/text/problems-text';
import { memoryWorkspace } from '../../helpers/workspace';

/**
 * A child whose parent does not list it, when something else does: another spec's list (its Parent
 * line was copied from elsewhere), or its own twin (a sync-conflict copy with the same id). Which
 * side is wrong is the owner's call, so validate says so once and `--fix` lists it nowhere new.
 */
describe('a task whose Parent line names another feature than the one that lists it', () => {
	const task = 'specs/E01/F01/T04/E01-F01-T04.spec.md';
	const files = (): Record<string, string> => ({
		'specs/E01/epic.md': '# E01: Platform\n\n## Features\n- [E01-F01 Ingestion](F01/spec.md)\n- [E01-F02 Storage](F02/spec.md)\n',
		'specs/E01/F01/spec.md': '# E01-F01: Ingestion\n\n**Parent**: [E01](../epic.md)\n\n## Tasks\n- [x] [E01-F01-T04 Fetch script](T04/E01-F01-T04.spec.md)\n',
		'specs/E01/F02/spec.md': '# E01-F02: Storage\n\n**Parent**: [E01](../epic.md)\n\n## Overview\nTiers.\n',
		[task]: '# E01-F01-T04: Fetch script\n\n**Parent**: [E01-F02](../../F02/spec.md)  \n**Status**: completed\n',
	});

	it('reports the list and the Parent line disagreeing, once, on the list that names it', async () => {
		const result = await validate(await memoryWorkspace(files()));
		expect(formatProblems(result)).toBe(
			[
				`warning  specs/E01/F01/spec.md:6  misplaced-child  ## Tasks lists task E01-F01-T04 (${task}), but its parent link names E01-F02 (specs/E01/F02/spec.md); correct the one that is wrong`,
				'0 errors, 1 warning',
			].join('\n'),
		);
	});

	it('--fix does not list the task under the feature its Parent line names', async () => {
		const vault = files();
		const ws = await memoryWorkspace(vault);
		const result = await validate(ws, { fix: true });
		expect(result.fixed).toEqual([]);
		expect(result.written).toEqual([]);
		expect(await ws.store.read('specs/E01/F02/spec.md')).toBe(vault['specs/E01/F02/spec.md']);
	});

	it('a list item naming the task by id counts as listing it, and the folder stands for a missing Parent line', async () => {
		const vault = files();
		vault['specs/E01/F01/spec.md'] = '# E01-F01: Ingestion\n\n## Tasks\n- [ ] fetch it\n';
		vault['specs/E01/F02/spec.md'] = '# E01-F02: Storage\n\n## Tasks\n- [x] E01-F01-T04 Fetch script\n';
		vault[task] = '# E01-F01-T04: Fetch script\n\n**Status**: completed\n';
		const ws = await memoryWorkspace(vault);
		const result = await validate(ws, { fix: true });
		expect(result.problems.map((p) => [p.code, p.path, p.line, p.message, p.fixable])).toEqual([
			[
				'misplaced-child',
				'specs/E01/F02/spec.md',
				4,
				`specs/E01/F02/spec.md line 4: ## Tasks lists task E01-F01-T04 (${task}), but it sits in the folder of E01-F01 (specs/E01/F01/spec.md); correct the one that is wrong`,
				false,
			],
		]);
		expect(result.written).toEqual([]);
	});

	it('an epic listing its features’ tasks under them does not stand in for the feature: the feature is told to list its task', async () => {
		const vault = files();
		vault['specs/E01/epic.md'] += `  - [E01-F01-T04](F01/T04/E01-F01-T04.spec.md)\n`;
		vault['specs/E01/F01/spec.md'] = '# E01-F01: Ingestion\n\n**Parent**: [E01](../epic.md)\n';
		vault[task] = '# E01-F01-T04: Fetch script\n\n**Status**: completed\n';
		const ws = await memoryWorkspace(vault);
		const result = await validate(ws, { fix: true });
		expect(result.fixed.map((p) => [p.code, p.path])).toEqual([['unlisted-child', 'specs/E01/F01/spec.md']]);
		expect(result.problems).toEqual([]);
		expect(await ws.store.read('specs/E01/F01/spec.md')).toBe(
			'# E01-F01: Ingestion\n\n**Parent**: [E01](../epic.md)\n\n## Tasks\n- [[T04/E01-F01-T04.spec|E01-F01-T04 - Fetch script]]\n',
		);
	});
});

describe('a sync-conflict copy of a spec (its id duplicated)', () => {
	const copy = "specs/1000/1001/spec (Ana's conflicted copy 2025-08-01).md";
	const spec = '---\nid: "1001"\ntype: feature\nparent: "[[../epic]]"\ncontext: "[[context]]"\n---\n# 1001 - Hot storage\n';
	const files = (): Record<string, string> => ({
		'specs/1000/epic.md': '---\nid: "1000"\ntype: epic\nchildren:\n  - "1001"   # hot tier\n---\n# 1000 - Storage\n',
		'specs/1000/1001/spec.md': spec,
		'specs/1000/1001/context.md': '---\ntype: context\nspec: "[[spec]]"\n---\n# Context: Hot storage\n',
		[copy]: spec,
	});

	it('is reported once, as the duplicate id, and --fix writes the copy into no list', async () => {
		const vault = files();
		const ws = await memoryWorkspace(vault);
		const result = await validate(ws, { fix: true });
		expect(formatProblems(result)).toBe([`error    ${copy}  duplicate-id  Duplicate id 1001: specs/1000/1001/spec.md and ${copy}`, '1 error, 0 warnings'].join('\n'));
		expect(result.written).toEqual([]);
		expect(await ws.store.read('specs/1000/epic.md')).toBe(vault['specs/1000/epic.md']);
	});

	it('a copy with no parent property, beside its original, is not taken for a child the original must list', async () => {
		const vault = files();
		const bare = '---\nid: "1001"\ntype: feature\ncontext: "[[context]]"\n---\n# 1001 - Hot storage\n';
		vault['specs/1000/1001/spec.md'] = bare;
		vault[copy] = bare;
		const ws = await memoryWorkspace(vault);
		const result = await validate(ws, { fix: true });
		expect(result.problems.map((p) => p.code)).toEqual(['duplicate-id']);
		expect(result.written).toEqual([]);
	});

	it('a folder copy named by hand (`2001 old`; `2001 (1)` is left out as a copy) is not added to the Features list that links the original', async () => {
		const feature = '---\nid: "2001"\n---\n# 2001 - Hot\n\n**Context**: [[context|Journal]]\n';
		const context = '# Context: Hot\n\n**Spec**: [[spec|2001]]\n';
		const epic = '# 2000 - Storage\n\n## Features\n- [[2001/spec|2001 - Hot]]\n';
		const vault = {
			'specs/2000/epic.md': epic,
			'specs/2000/2001/spec.md': feature,
			'specs/2000/2001/context.md': context,
			'specs/2000/2001 old/spec.md': feature,
			'specs/2000/2001 old/context.md': context,
		};
		const ws = await memoryWorkspace(vault);
		const result = await validate(ws, { fix: true });
		expect(result.problems.map((p) => [p.code, p.path])).toEqual([['duplicate-id', 'specs/2000/2001/spec.md']]);
		expect(result.written).toEqual([]);
		expect(await ws.store.read('specs/2000/epic.md')).toBe(epic);
	});

	it('when the parent lists neither, it is still said, with no fix offered', async () => {
		const vault = files();
		vault['specs/1000/epic.md'] = '---\nid: "1000"\ntype: epic\nchildren: []\n---\n# 1000 - Storage\n';
		const ws = await memoryWorkspace(vault);
		const result = await validate(ws, { fix: true });
		expect(result.problems.filter((p) => p.code === 'unlisted-child').map((p) => [p.path, p.fixable])).toEqual([
			['specs/1000/epic.md', false],
			['specs/1000/epic.md', false],
		]);
		expect(result.written).toEqual([]);
		expect(await ws.store.read('specs/1000/epic.md')).toBe(vault['specs/1000/epic.md']);
	});
});
