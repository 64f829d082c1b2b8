import { ContextCache, specProgress } from '../../../src/core/reports/progress-rollup';
import { memoryWorkspace } from '../../helpers/workspace';

describe('specProgress', () => {
	it('counts a spec own plan, cancelled tasks left out', async () => {
		const ws = await memoryWorkspace({
			'specs/1/1.spec.md': '---\ntype: task\ntitle: One\n---\n',
			'specs/1/1.context.md': '## Plan\n- [x] a\n- [x] b\n- [-] c\n- [ ] d\n',
		});
		expect(await specProgress(ws, ws.index.get('1')!)).toEqual({ done: 2, total: 3, percent: 67, from: 'plan' });
	});

	it('prefers a feature own plan to its children, and rolls up only when its plan counts nothing', async () => {
		const files = {
			'specs/5000/epic.md': '---\ntype: epic\ntitle: E\n---\n',
			'specs/5000/5001/spec.md': '---\ntype: feature\ntitle: F\n---\n',
			// Only cancelled tasks: nothing to count, so the children speak.
			'specs/5000/5001/context.md': '## Plan\n- [-] dropped\n',
			'specs/5000/5001/5011.spec.md': '---\ntype: task\ntitle: T1\n---\n',
			'specs/5000/5001/5011.context.md': '## Plan\n- [x] a\n- [ ] b\n',
			'specs/5000/5001/5012.spec.md': '---\ntype: task\ntitle: T2\n---\n',
			'specs/5000/5001/5012.context.md': '## Plan\n- [x] a\n- [x] b\n- [x] c\n',
			'specs/5000/5002/spec.md': '---\ntype: feature\ntitle: G\n---\n',
			'specs/5000/5002/context.md': '## Plan\n- [x] own\n- [ ] own 2\n',
			'specs/5000/5002/5021.spec.md': '---\ntype: task\ntitle: T3\n---\n',
			'specs/5000/5002/5021.context.md': '## Plan\n- [x] a\n',
		};
		const ws = await memoryWorkspace(files);
		expect(await specProgress(ws, ws.index.get('5001')!)).toEqual({ done: 4, total: 5, percent: 80, from: 'children' });
		expect(await specProgress(ws, ws.index.get('5002')!)).toEqual({ done: 1, total: 2, percent: 50, from: 'plan' });
		// The epic sums its features' figures: 4/5 and 1/2.
		expect(await specProgress(ws, ws.index.get('5000')!)).toEqual({ done: 5, total: 7, percent: 71, from: 'children' });
	});

	it('gives nothing, not an error, for a spec without plan or children', async () => {
		const ws = await memoryWorkspace();
		expect(await specProgress(ws, ws.index.get('3001')!)).toEqual({ done: 0, total: 0, percent: 0, from: 'none' });
	});

	it('reads each file once for a whole call tree when given a cache, a spec file only when its plan counts nothing', async () => {
		const ws = await memoryWorkspace();
		const reads: string[] = [];
		const read = ws.store.read.bind(ws.store);
		ws.store.read = (path: string) => {
			reads.push(path);
			return read(path);
		};
		const cache: ContextCache = new Map();
		for (const id of ['1000', '1001', '1011', '1014']) await specProgress(ws, ws.index.get(id)!, cache);
		// 1011 and 1014 have plans; the feature and the epic have none, so their checklists are looked for.
		expect(reads.sort()).toEqual([
			'specs/1000/1001/1011.context.md',
			'specs/1000/1001/1014.context.md',
			'specs/1000/1001/context.md',
			'specs/1000/1001/spec.md',
			'specs/1000/context.md',
			'specs/1000/epic.md',
		]);
	});

	it('goes plan, then checklist, then children, then status', async () => {
		const files = {
			'specs/6000/epic.md': '---\ntype: epic\ntitle: E\nstatus: completed\n---\n',
			'specs/6000/6001/spec.md': '---\ntype: feature\ntitle: F\n---\n## Tasks\n- [x] own a\n- [ ] own b\n',
			'specs/6000/6001/6011.spec.md': '---\ntype: task\ntitle: T\n---\n## Tasks\n- [x] from the spec\n',
			// The plan wins over the spec's checklist.
			'specs/6000/6001/6011.context.md': '## Plan\n- [ ] from the plan\n',
			'specs/6000/6002/spec.md': '---\ntype: feature\ntitle: G\nstatus: completed\n---\n',
			'specs/6000/6002/6021.spec.md': '---\ntype: task\ntitle: U\nstatus: done\n---\n# U\n',
			'specs/6000/6002/6022.spec.md': '---\ntype: task\ntitle: V\nstatus: planning\n---\n# V\n',
			'specs/6000/6003/spec.md': '---\ntype: feature\ntitle: H\nstatus: completed\n---\n',
		};
		const ws = await memoryWorkspace(files);
		const of = async (id: string) => specProgress(ws, ws.index.get(id)!);
		expect(await of('6011')).toEqual({ done: 0, total: 1, percent: 0, from: 'plan' });
		expect(await of('6001')).toEqual({ done: 1, total: 2, percent: 50, from: 'checklist' });
		// A completed task without tasks is 1/1; a planning one without tasks counts nothing.
		expect(await of('6021')).toEqual({ done: 1, total: 1, percent: 100, from: 'status' });
		expect(await of('6022')).toEqual({ done: 0, total: 0, percent: 0, from: 'none' });
		expect(await of('6002')).toEqual({ done: 1, total: 1, percent: 100, from: 'children' });
		expect(await of('6003')).toEqual({ done: 1, total: 1, percent: 100, from: 'status' });
		// The completed epic still shows what its features count: 1/2 + 1/1 + 1/1.
		expect(await of('6000')).toEqual({ done: 3, total: 4, percent: 75, from: 'children' });
	});

	it('survives a parent loop, counting each spec once', async () => {
		const ws = await memoryWorkspace({
			'specs/a.md': '---\ntype: feature\ntitle: A\nparent: b\n---\n',
			'specs/b.md': '---\ntype: feature\ntitle: B\nparent: a\n---\n',
			'specs/c.md': '---\ntype: task\ntitle: C\nparent: b\n---\n',
			'specs/c.context.md': '## Plan\n- [x] only\n- [ ] other\n',
		});
		expect(ws.index.childrenOf(ws.index.get('b')!).map((s) => s.id)).toEqual(['a', 'c']);
		expect(await specProgress(ws, ws.index.get('a')!)).toEqual({ done: 1, total: 2, percent: 50, from: 'children' });
		expect(await specProgress(ws, ws.index.get('b')!)).toEqual({ done: 1, total: 2, percent: 50, from: 'children' });
	});
});
