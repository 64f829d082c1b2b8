import { specTree, TreeNode } from '../../../src/core/reports/spec-tree';
import { memoryWorkspace } from '../../helpers/workspace';

function ids(nodes: TreeNode[]): unknown[] {
	return nodes.map((n) => (n.children.length > 0 ? [n.id, ids(n.children)] : n.id));
}

describe('specTree', () => {
	it('lists the example vault as epics, features and tasks with rolled-up progress', async () => {
		const ws = await memoryWorkspace();
		const tree = await specTree(ws);
		expect(ids(tree)).toEqual([
			['1000', [['1001', ['1011', '1014']]]],
			['3000', ['3001']],
			['4000', ['4005']],
			['9000', ['9001']],
		]);
		expect(tree[0]).toMatchObject({
			id: '1000',
			title: 'Foundation Infrastructure',
			type: 'epic',
			status: 'implementing',
			path: 'specs/1000/epic.md',
			progress: { done: 10, total: 12, percent: 83 },
		});
		// A status word read as a synonym is shown canonically; the raw word is kept.
		expect(tree[2].children[0]).toMatchObject({ id: '4005', status: 'planning', statusRaw: 'draft', type: 'feature' });
	});

	it('puts orphans at the top level in natural id order and survives parent loops', async () => {
		const ws = await memoryWorkspace({
			'specs/10000/epic.md': '---\ntitle: Big\nstatus: parked\n---\n',
			'specs/2000/epic.md': '---\ntitle: Small\n---\n',
			'specs/loose/T9.md': '---\ntype: task\ntitle: Orphan\nparent: "[[nowhere]]"\nstatus: done\n---\n',
			'specs/loop/a.md': '---\ntype: feature\ntitle: A\nparent: b\n---\n',
			'specs/loop/b.md': '---\ntype: feature\ntitle: B\nparent: a\n---\n',
		});
		const tree = await specTree(ws);
		expect(ids(tree)).toEqual(['2000', '10000', ['a', ['b']], 'T9']);
	});

	it('says so when there are no specs', async () => {
		const ws = await memoryWorkspace({ 'notes/a.md': '# A\n' });
		expect(await specTree(ws)).toEqual([]);
	});
});
