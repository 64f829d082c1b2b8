import { specTree, type TreeNode } from '../../../src/core/reports/spec-tree';
import { formatTree } from '../../../src/core/text/tree-text';
import { memoryWorkspace } from '../../helpers/workspace';

describe('formatTree', () => {
	it('shows the example vault two spaces a level, with status and rolled-up progress', async () => {
		const tree = await specTree(await memoryWorkspace());
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

	it('shows a status as written when it is no known word, `no status` without one, and each child under its parent', () => {
		const node = (id: string, title: string, status: string, progress: TreeNode['progress'], children: TreeNode[] = []): TreeNode => ({
			id,
			title,
			type: 'epic',
			status,
			statusRaw: status,
			path: `specs/${id}.md`,
			progress,
			children,
		});
		const none: TreeNode['progress'] = { done: 0, total: 0, percent: 0, from: 'none' };
		const tree = [node('2000', 'Small', '', none), node('10000', 'Big', 'parked', none, [node('T9', 'Orphan', 'completed', { done: 1, total: 1, percent: 100, from: 'status' })])];
		expect(formatTree(tree)).toBe(['2000  Small  [no status]  no tasks', '10000  Big  [parked]  no tasks', '  T9  Orphan  [completed]  100% (1/1)', ''].join('\n'));
	});

	it('says so when there are no specs', () => {
		expect(formatTree([])).toBe('No specs found.\n');
	});
});
