import { finishSession } from '../../../src/core/workflow/finish-session';
import { startSession } from '../../../src/core/workflow/start-session';
import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';

const EPIC = 'specs/1000/epic.md';
const SPEC = 'specs/1000/1001/spec.md';

/** A spec kept without frontmatter whose header lines are Dataview's bold inline fields. */
function vault(spec: string): Record<string, string> {
	return { [EPIC]: '# 1000 - Lab\n\n## Features\n- [[1001/spec|1001 - Storage]]\n', [SPEC]: spec };
}

describe("a spec whose header lines are Dataview's `**Name**:: value`", () => {
	it('is read with its status, and start and finish change only the value, keeping the `::`', async () => {
		const ws = await memoryWorkspace(vault('# 1001 - Storage\n\n**Status**:: planning\n- **Owner**:: Ana\n\n## Tasks\n- [ ] Mount NFS\n'));
		expect(ws.index.get('1001')?.status).toBe('planning');

		await startSession(ws, { id: '1001' });
		expect(ws.store.snapshot()[SPEC]).toBe(
			'# 1001 - Storage\n\n**Status**:: implementing\n- **Owner**:: Ana\n- **Context**:: [[context|Implementation Journal]]\n\n## Tasks\n- [ ] Mount NFS\n',
		);

		await finishSession(ws, { id: '1001', complete: true });
		expect(ws.store.snapshot()[SPEC]).toContain('**Status**:: completed\n');
	});

	it('takes `**Parent**:: [[link]]` for the link it is: no unknown-parent', async () => {
		const ws = await memoryWorkspace(vault('# 1001 - Storage\n\n**Parent**:: [[../epic|1000 - Lab]]\n'));
		const { problems } = await validate(ws);
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
	});
});
