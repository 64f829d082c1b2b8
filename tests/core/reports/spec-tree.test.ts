import { formatTree, specTree, TreeNode } from '../../../src/core/reports/spec-tree';
import { memoryWorkspace } from '../../helpers/workspace';

function ids(nodes: TreeNode[]): unknown[] {
	return nodes.map((n) => (n.children.length > 0 ? [n.id, ids(n.children)] : n.id));
}

describe('specTree', () => {
	it('lists the example vault as epics, features and tasks with rolled-up progress', async () => {
		const ws = await memoryWorkspace();
		const tree = await specTree(ws);
		expect(ids(tree)).toEqual([['1000', [['1001', ['1011', '1014']]]], ['3000', ['3001']], ['4000', ['4005']], ['9000', ['9001']]]);
		expect(tree[0]).toMatchObject({ id: '1000', title: 'Foundation Infrastructure', type: 'epic', status: 'implementing', path: 'specs/1000/epic.md', progress: { done: 10, total: 12, percent: 83 } });
		// A status word read as a synonym is shown canonically; the raw word is kept.
		expect(tree[2].children[0]).toMatchObject({ id: '4005', status: 'planning', statusRaw: 'draft', type: 'feature' });
		expect(formatTree(tree)).toBe(
			[
				'1000  Foundation Infrastructure  [implementing]  83% (10/12)',
				'  1001  Storage Infrastructure  [implementing]  83% (10/12)',
				'    1011  Hot Storage NVMe Setup  [completed]  100% (5/5)',
				'    1014  Cold Storage NAS Integration  [implementing]  71% (5/7)',
				'3000  Market Data  [planning]  no tasks',
				'  3001  Market Data Collection  [planning]  no tasks',
				'4000  Strategy Engine  [planning]  no tasks',
				'  4005  Strategy State Persistence  [planning]  no tasks',
				'9000  Research & Backtesting  [planning]  no tasks',
				'  9001  Backtesting Framework  [planning]  no tasks',
				'',
			].join('\n'),
		);
	});

	it('puts orphans at the top level in natural id order, shows unknown statuses as written, and survives parent loops', async () => {
		const ws = await memoryWorkspace({
			'specs/10000/epic.md': '---\ntitle: Big\nstatus: parked\n---\n',
			'specs/2000/epic.md': '---\ntitle: Small\n---\n',
			'specs/loose/T9.md': '---\ntype: task\ntitle: Orphan\nparent: "[[nowhere]]"\nstatus: done\n---\n',
			'specs/loop/a.md': '---\ntype: feature\ntitle: A\nparent: b\n---\n',
			'specs/loop/b.md': '---\ntype: feature\ntitle: B\nparent: a\n---\n',
		});
		const tree = await specTree(ws);
		expect(ids(tree)).toEqual(['2000', '10000', ['a', ['b']], 'T9']);
		expect(formatTree(tree)).toBe(
			[
				'2000  Small  [no status]  no tasks',
				'10000  Big  [parked]  no tasks',
				'a  A  [no status]  no tasks',
				'  b  B  [no status]  no tasks',
				'T9  Orphan  [completed]  100% (1/1)',
				'',
			].join('\n'),
		);
	});

	it('says so when there are no specs', async () => {
		const ws = await memoryWorkspace({ 'notes/a.md': '# A\n' });
		expect(await specTree(ws)).toEqual([]);
		expect(formatTree([])).toBe('No specs found.\n');
	});
});
