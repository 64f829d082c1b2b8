import { specFiles } from '../../../src/core/reports/spec-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

describe('specFiles: what "commit progress" may stage', () => {
	it('task 1014: its spec, context, registered deliverables and report note; not the feature or 1011', async () => {
		const ws = await memoryWorkspace();
		const files = await specFiles(ws, '1014');
		expect(files.spec).toBe('specs/1000/1001/1014.spec.md');
		expect(files.context).toBe('specs/1000/1001/1014.context.md');
		expect(files.report).toBe('specs/1000/1001/1014.deliverables.md');
		expect([...files.deliverables].sort()).toEqual([
			'specs/1000/1001/deliverables/config/fstab.nas',
			'specs/1000/1001/deliverables/config/sysctl.nas.conf',
			'specs/1000/1001/deliverables/docs/nas-setup-guide.md',
			'specs/1000/1001/deliverables/docs/troubleshooting.md',
			'specs/1000/1001/deliverables/scripts/benchmark.sh',
			'specs/1000/1001/deliverables/scripts/directory-setup.sh',
			'specs/1000/1001/deliverables/scripts/nas-health-check.sh',
			'specs/1000/1001/deliverables/scripts/optimize-network.sh',
		]);
		expect(files.paths.slice(0, 2)).toEqual([files.spec, files.context]);
		expect(files.paths[files.paths.length - 1]).toBe(files.report);
		expect(files.paths).toHaveLength(11);
		expect(files.paths).not.toContain('specs/1000/1001/spec.md');
		expect(files.paths).not.toContain('specs/1000/1001/1011.spec.md');
	});

	it('a spec without a context yet still names where the context will be', async () => {
		const all = readVaultFiles(EXAMPLE_VAULT);
		delete all['specs/1000/1001/1011.context.md'];
		const ws = await memoryWorkspace(all);
		const files = await specFiles(ws, '1011');
		expect(files.paths.slice(0, 2)).toEqual(['specs/1000/1001/1011.spec.md', 'specs/1000/1001/1011.context.md']);
	});

	it('an unknown id is the usual error', async () => {
		const ws = await memoryWorkspace();
		await expect(specFiles(ws, '9999')).rejects.toThrow('No spec with id "9999" under specs/');
	});
});
