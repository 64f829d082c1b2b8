import { specTree, TreeNode } from '../reports/spec-tree';
import { WorkflowError } from '../workspace/workflow-error';
import { Operation } from './operation';

export const LIST: Operation<Record<string, never>, TreeNode[]> = {
	name: 'list',
	summary: 'The tree of epics, features and tasks with status and progress',
	writes: false,
	input: [],
	async run(ws) {
		const tree = await specTree(ws);
		if (tree.length === 0) throw new WorkflowError('no-specs', `No specs under ${ws.settings.specsRoot}/ yet; create one with: spec-work new epic --title "…"`);
		return tree;
	},
};
