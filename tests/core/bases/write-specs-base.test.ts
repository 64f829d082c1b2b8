import { load } from 'js-yaml';
import { readFileSync } from 'fs';
import { join } from 'path';
import { specsBasePath, specsBaseText } from '../../../src/core/bases/specs-base';
import { BASE } from '../../../src/core/operations/base';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { memoryWorkspace } from '../../helpers/workspace';

/** The base as Bases reads it (the keys of `BasesConfigFile`). */
interface BaseFile {
	filters: { and: (string | { or: string[] })[] };
	formulas: Record<string, string>;
	properties: Record<string, { displayName: string }>;
	views: {
		type: string;
		name: string;
		filters?: { and: string[] };
		groupBy?: { property: string; direction: string };
		order: string[];
		sort: { property: string; direction: string }[];
	}[];
}

const EXPECTED = readFileSync(join(__dirname, 'specs.base.expected'), 'utf8');

describe('the specs base', () => {
	it('is written to specs/Specs.base with these bytes, and nothing else is written', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const r = await BASE.run(ws, {}, undefined);
		expect(r).toEqual({ path: 'specs/Specs.base', action: 'created', written: ['specs/Specs.base'] });
		expect(ws.store.snapshot()['specs/Specs.base']).toBe(EXPECTED);
		expect(ws.store.snapshot()).toEqual({ ...before, 'specs/Specs.base': EXPECTED });
	});

	it('parses as YAML into the filters, formula, columns and three views Bases reads', () => {
		const base = load(specsBaseText('specs')) as BaseFile;
		expect(Object.keys(base)).toEqual(['filters', 'formulas', 'properties', 'views']);
		expect(base.filters.and[0]).toBe('file.inFolder("specs")');
		expect(base.filters.and[1]).toBe('file.ext == "md"');
		expect(base.filters.and[2]).toEqual({
			or: ['file.path.endsWith("/epic.md")', 'file.path.endsWith("/spec.md")', 'file.path.endsWith(".spec.md")', '["epic", "feature", "task"].contains(note.type)'],
		});
		expect(base.formulas).toEqual({ needs_review: 'note.reviewed.isEmpty() || date(note.updated) > date(note.reviewed)' });
		const columns = ['file.name', 'note.id', 'note.title', 'note.type', 'note.status', 'note.parent', 'note.updated', 'note.reviewed'];
		expect(base.views.map((v) => [v.type, v.name])).toEqual([
			['table', 'All specs'],
			['table', 'By status'],
			['table', 'Needs review'],
		]);
		for (const view of base.views) expect(view.order).toEqual(columns);
		expect(base.views[1].groupBy).toEqual({ property: 'note.status', direction: 'ASC' });
		expect(base.views[2].filters).toEqual({ and: ['formula.needs_review == true'] });
		expect(base.views[2].sort).toEqual([{ property: 'note.updated', direction: 'DESC' }]);
		for (const column of [...columns, 'formula.needs_review']) expect(base.properties[column].displayName).toEqual(expect.any(String));
	});

	it('names a specs folder holding quotes so the expression and the YAML still read it', () => {
		const base = load(specsBaseText(`it's "work"\\specs`)) as BaseFile;
		expect(base.filters.and[0]).toBe('file.inFolder("it\'s \\"work\\"\\\\specs")');
	});

	it('is left alone when it already holds these bytes', async () => {
		const ws = await memoryWorkspace({ 'specs/Specs.base': EXPECTED });
		expect(await BASE.run(ws, {}, undefined)).toEqual({ path: 'specs/Specs.base', action: 'unchanged', written: [] });
	});

	it("refuses to overwrite the user's edited base, writing nothing, and replaces it with force", async () => {
		const edited = EXPECTED.replace('name: All specs', 'name: Everything');
		const ws = await memoryWorkspace({ 'specs/Specs.base': edited });
		const refused = await BASE.run(ws, {}, undefined).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(WorkflowError);
		expect((refused as WorkflowError).code).toBe('base-exists');
		expect((refused as WorkflowError).message).toBe('specs/Specs.base exists and differs from the base spec-work writes; nothing was written');
		expect(ws.store.snapshot()['specs/Specs.base']).toBe(edited);
		expect(await BASE.run(ws, { force: true }, undefined)).toEqual({ path: 'specs/Specs.base', action: 'replaced', written: ['specs/Specs.base'] });
		expect(ws.store.snapshot()['specs/Specs.base']).toBe(EXPECTED);
	});

	it('takes another file name in the specs folder, adding .base, and refuses one outside it', async () => {
		const ws = await memoryWorkspace({}, { specsRoot: 'work/specs' });
		expect((await BASE.run(ws, { file: 'Review' }, undefined)).path).toBe('work/specs/Review.base');
		expect(ws.store.snapshot()['work/specs/Review.base']).toBe(specsBaseText('work/specs'));
		expect(specsBasePath('specs', 'views/All.base')).toBe('specs/views/All.base');
		expect(() => specsBasePath('specs', '../Elsewhere.base')).toThrow('The base file "../Elsewhere.base" is not a file name inside specs/');
	});
});
