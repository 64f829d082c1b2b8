import { ownerOfFile } from '../../../src/core/deliverables/spec-deliverables';
import { deliverablesReport } from '../../../src/core/reports/deliverables-report';
import { memoryWorkspace } from '../../helpers/workspace';
import { FEATURE as F, SHARED_DELIVERABLES_VAULT as VAULT } from '../../helpers/shared-deliverables-vault';

describe('ownerOfFile', () => {
	it('gives each deliverable to the spec whose deliverables report lists it: registered, else traced, else the folder’s', async () => {
		const ws = await memoryWorkspace(VAULT);
		const listedBy: Record<string, string[]> = {};
		for (const id of ['2001', '2011']) {
			for (const d of (await deliverablesReport(ws, id)).deliverables) (listedBy[d.path] ??= []).push(id);
		}
		const owners: Record<string, string[]> = {};
		for (const path of Object.keys(VAULT).filter((p) => p.includes('/deliverables/'))) owners[path] = [(await ownerOfFile(ws, path))?.id ?? 'none'];
		expect(owners).toEqual(listedBy);
		expect(owners).toEqual({
			[`${F}/deliverables/docs/registered.md`]: ['2011'],
			[`${F}/deliverables/docs/handwritten.md`]: ['2011'],
			[`${F}/deliverables/scripts/mount.sh`]: ['2011'],
			[`${F}/deliverables/docs/feature-guide.md`]: ['2001'],
			[`${F}/deliverables/scripts/plain.sh`]: ['2001'],
		});
	});

	it('answers as the index for a spec and its journal', async () => {
		const ws = await memoryWorkspace(VAULT);
		expect((await ownerOfFile(ws, `${F}/2011.spec.md`))?.id).toBe('2011');
		expect((await ownerOfFile(ws, `${F}/2011.context.md`))?.id).toBe('2011');
		expect(await ownerOfFile(ws, 'notes/elsewhere.md')).toBeNull();
	});
});
