jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import { readSpecMetadata } from '../../../src/core/metadata/spec-metadata';
import { loadYaml } from '../../../src/core/metadata/yaml-engine';
import { deliverablesReport } from '../../../src/core/reports/deliverables-report';
import { specStatus } from '../../../src/core/reports/spec-status';
import { validate } from '../../../src/core/validate/validate';
import { startSession } from '../../../src/core/workflow/start-session';
import { requireSpec } from '../../../src/core/workspace/workspace';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';
import { memoryWorkspace } from '../../helpers/workspace';

const EPIC = 'specs/2000/epic.md';
/** An epic copied from a core template whose `{{date}}` was never filled in: YAML reads it as a set of fields. */
const TEMPLATED = '---\nid: "2000"\ntype: epic\ncreated: {{date}}\n---\n# 2000 - Compute\n\n## Tasks\n- [ ] Rack it\n';
const MESSAGE = `${EPIC} line 4: property "created" should be text, not a set of fields; it was ignored`;

describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('a property of the wrong type in valid YAML (`created: {{date}}`)', () => {
		it('is left out and named, and the rest of the note is read', () => {
			const meta = readSpecMetadata(TEMPLATED, EPIC);
			expect(meta.created).toBeUndefined();
			expect([meta.id, meta.type, meta.title]).toEqual(['2000', 'epic', '2000 - Compute']);
			expect(meta.problems).toEqual([{ path: EPIC, line: 4, message: MESSAGE, ignoredProperty: 'created' }]);
		});

		it('does not stop status, deliverables or start; validate still reports it', async () => {
			const ws = await memoryWorkspace({ [EPIC]: TEMPLATED });
			expect(requireSpec(ws, '2000').path).toBe(EPIC);
			expect((await specStatus(ws, '2000')).progress).toMatchObject({ done: 0, total: 1 });
			expect((await deliverablesReport(ws, '2000')).path).toBe(EPIC);

			await startSession(ws, { id: '2000' });
			expect(ws.store.snapshot()[EPIC]).toBe(
				'---\nid: "2000"\ntype: epic\ncreated: {{date}}\ncontext: "[[context|Implementation Journal]]"\nstatus: implementing\n---\n# 2000 - Compute\n\n## Tasks\n- [ ] Rack it\n',
			);
			const { problems } = await validate(ws);
			expect(problems.map((p) => [p.severity, p.code, p.message])).toEqual([['error', 'malformed-frontmatter', MESSAGE]]);
		});
	});

	it('YAML that does not parse still refuses the spec', async () => {
		const ws = await memoryWorkspace({ [EPIC]: '---\nid: "2000"\ntype: [epic\n---\n# 2000 - Compute\n' });
		const refusal = (() => {
			try {
				requireSpec(ws, '2000');
			} catch (err) {
				return err;
			}
			return null;
		})();
		expect(refusal).toMatchObject({ code: 'malformed-yaml' });
	});
});

it("keeps the YAML library's own warnings off stderr", () => {
	const warned = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
	try {
		expect(loadYaml('created: {{date}}\n')).toEqual({ created: { '{ date }': null } });
		expect(warned).not.toHaveBeenCalled();
	} finally {
		warned.mockRestore();
	}
});
