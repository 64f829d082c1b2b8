import { suggestId } from '../../../src/core/reports/suggest-id';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { memoryWorkspace } from '../../helpers/workspace';

const epic = (id: string) => `---\nid: "${id}"\ntype: epic\ntitle: E${id}\n---\n# E${id}\n`;
const feature = (id: string, parent: string) => `---\nid: "${id}"\ntype: feature\nparent: "${parent}"\n---\n# F${id}\n`;
const task = (id: string, parent: string) => `---\nid: "${id}"\ntype: task\nparent: "${parent}"\n---\n# T${id}\n`;

describe('suggestId on the example vault (epics 1000, 3000, 4000, 9000)', () => {
	it('suggests the next thousand above the highest epic: 10000 after 9000', async () => {
		expect(suggestId(await memoryWorkspace(), 'epic')).toBe('10000');
	});

	it('suggests the feature after the highest in the epic: 1002 under 1000, 4006 under 4000', async () => {
		const ws = await memoryWorkspace();
		expect(suggestId(ws, 'feature', '1000')).toBe('1002');
		expect(suggestId(ws, 'feature', '3000')).toBe('3002');
		expect(suggestId(ws, 'feature', '4000')).toBe('4006');
	});

	it('suggests 1015 for feature 1001 (1011 and 1014 exist; the dropped 1012/1013 stay unused)', async () => {
		expect(suggestId(await memoryWorkspace(), 'task', '1001')).toBe('1015');
	});

	it("starts a feature's tasks at X0Y1: 3011 for feature 3001, 4051 for feature 4005", async () => {
		const ws = await memoryWorkspace();
		expect(suggestId(ws, 'task', '3001')).toBe('3011');
		expect(suggestId(ws, 'task', '4005')).toBe('4051');
	});

	it('refuses a feature or task without a parent, and an unknown parent', async () => {
		const ws = await memoryWorkspace();
		expect(() => suggestId(ws, 'feature')).toThrow(new WorkflowError('missing-parent', 'A new feature needs a parent epic (--parent ID)'));
		expect(() => suggestId(ws, 'task', ' ')).toThrow('A new task needs a parent feature (--parent ID)');
		expect(() => suggestId(ws, 'task', '8001')).toThrow('No spec with id "8001" under specs/');
	});
});

describe('suggestId numbering rules', () => {
	it('gives 1000 in a vault with no epics', async () => {
		expect(suggestId(await memoryWorkspace({}), 'epic')).toBe('1000');
	});

	it('starts features at X001 and tasks at X0Y1', async () => {
		const ws = await memoryWorkspace({ 'specs/2000/epic.md': epic('2000'), 'specs/2000/2002/spec.md': feature('2002', '2000') });
		expect(suggestId(ws, 'epic')).toBe('3000');
		expect(suggestId(ws, 'feature', '2000')).toBe('2003');
		expect(suggestId(ws, 'task', '2002')).toBe('2021');
	});

	it("counts ids used anywhere (file names and frontmatter ids), not only the parent's children", async () => {
		const ws = await memoryWorkspace({
			'specs/1000/epic.md': epic('1000'),
			'specs/1000/1001/spec.md': feature('1001', '1000'),
			'specs/misc/1012.spec.md': task('1012', '1001'),
			'specs/misc/1011.md': '---\nid: "1013"\ntype: task\n---\n# aliased\n',
		});
		// 1011 (by name) and 1012, 1013 (by id) are all taken.
		expect(suggestId(ws, 'task', '1001')).toBe('1014');
	});

	it("past the ninth feature, takes the next number above every id in the epic's thousand", async () => {
		const files: Record<string, string> = { 'specs/1000/epic.md': epic('1000') };
		for (let i = 1; i <= 9; i++) files[`specs/1000/100${i}/spec.md`] = feature(`100${i}`, '1000');
		files['specs/1000/1001/1011.spec.md'] = task('1011', '1001');
		const ws = await memoryWorkspace(files);
		expect(suggestId(ws, 'feature', '1000')).toBe('1012');
	});

	it('numbers E01-style ids by counting siblings with the same prefix', async () => {
		const ws = await memoryWorkspace({
			'specs/E01/E01.spec.md': '---\nid: E01\ntype: epic\n---\n# Platform\n',
			'specs/E02/E02.spec.md': '---\nid: E02\ntype: epic\n---\n# Data\n',
			'specs/E01/F01/E01-F01.spec.md': "---\nid: E01-F01\ntype: feature\nparent: 'E01'\n---\n# Sync\n",
			'specs/E01/F01/T04/E01-F01-T04.spec.md': "---\nid: E01-F01-T04\ntype: task\nparent: 'E01-F01'\n---\n# Login\n",
		});
		expect(suggestId(ws, 'epic')).toBe('E03');
		expect(suggestId(ws, 'feature', 'E01')).toBe('E01-F02');
		expect(suggestId(ws, 'feature', 'E02')).toBe('E02-F01');
		expect(suggestId(ws, 'task', 'E01-F01')).toBe('E01-F01-T05');
	});
});
