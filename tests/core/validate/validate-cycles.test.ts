import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';

/** Parents that lead back to the spec itself: every way the index derives a parent can make one. */
describe('validate reports a parent cycle once, and fixes nothing in it', () => {
	const loops: [string, Record<string, string>, string][] = [
		[
			'parent properties',
			{
				'specs/a/1001.spec.md': '---\nparent: 1014\n---\n# 1001 - A\n',
				'specs/b/1014.spec.md': '---\nparent: 1001\n---\n# 1014 - B\n',
			},
			'specs/a/1001.spec.md: parents form a cycle: 1001 (specs/a/1001.spec.md) → 1014 (specs/b/1014.spec.md) → 1001; give one of them another parent',
		],
		[
			'a folder and a parent property that disagree',
			{
				'specs/1000/epic.md': '---\nparent: 1001\n---\n# 1000 - Epic\n',
				'specs/1000/1001/spec.md': '# 1001 - Feature\n',
			},
			'specs/1000/epic.md: parents form a cycle: 1000 (specs/1000/epic.md) → 1001 (specs/1000/1001/spec.md) → 1000; give one of them another parent',
		],
		[
			'children lists',
			{
				'specs/1001.spec.md': '---\nchildren: [1014]\n---\n# 1001 - A\n',
				'specs/1014.spec.md': '---\nchildren: [1001]\n---\n# 1014 - B\n',
			},
			'specs/1001.spec.md: parents form a cycle: 1001 (specs/1001.spec.md) → 1014 (specs/1014.spec.md) → 1001; give one of them another parent',
		],
	];

	it.each(loops)('through %s: one error naming the specs in order, and nothing else about them', async (_how, files, message) => {
		const ws = await memoryWorkspace(files);
		const result = await validate(ws);
		expect(result.problems.map((p) => [p.severity, p.code, p.message])).toEqual([['error', 'parent-cycle', message]]);
	});

	it.each(loops)('through %s: --fix writes none of their files (no bogus ## Features)', async (_how, files) => {
		const ws = await memoryWorkspace(files);
		const result = await validate(ws, { fix: true });
		expect(result.written).toEqual([]);
		for (const [path, text] of Object.entries(files)) expect(await ws.store.read(path)).toBe(text);
		expect(result.problems.map((p) => p.code)).toEqual(['parent-cycle']);
	});

	it('still fixes the specs outside the cycle', async () => {
		const ws = await memoryWorkspace({
			...loops[1][1],
			'specs/2000/epic.md': '# 2000 - Other\n',
			'specs/2000/2001/spec.md': '# 2001 - Child\n',
		});
		const result = await validate(ws, { fix: true });
		expect(result.written).toEqual(['specs/2000/epic.md']);
		expect(await ws.store.read('specs/2000/epic.md')).toBe('# 2000 - Other\n\n## Features\n- [[2001/spec|2001 - Child]]\n');
		expect(await ws.store.read('specs/1000/epic.md')).toBe('---\nparent: 1001\n---\n# 1000 - Epic\n');
		expect(result.problems.map((p) => p.code)).toEqual(['parent-cycle']);
	});

	it('reports a longer cycle once, from its first spec, and each of two cycles', async () => {
		const ws = await memoryWorkspace({
			'specs/x/3003.spec.md': '---\nparent: 3001\n---\n',
			'specs/x/3001.spec.md': '---\nparent: 3002\n---\n',
			'specs/x/3002.spec.md': '---\nparent: 3003\n---\n',
			'specs/y/4001.spec.md': '---\nparent: 4002\n---\n',
			'specs/y/4002.spec.md': '---\nparent: 4001\n---\n',
		});
		const cycles = (await validate(ws)).problems.filter((p) => p.code === 'parent-cycle');
		expect(cycles.map((p) => p.message.replace(/ \(specs\/[^)]*\)/g, ''))).toEqual([
			'specs/x/3001.spec.md: parents form a cycle: 3001 → 3002 → 3003 → 3001; give one of them another parent',
			'specs/y/4001.spec.md: parents form a cycle: 4001 → 4002 → 4001; give one of them another parent',
		]);
	});
});
