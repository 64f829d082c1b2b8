import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { SpecIndex } from '../../../src/core/index/spec-index';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

async function indexOf(files: Record<string, string>, specsRoot = 'specs'): Promise<{ index: SpecIndex; store: MemoryFileStore }> {
	const store = new MemoryFileStore(files);
	const resolver = new LinkResolver(Object.keys(files));
	const index = new SpecIndex({ specsRoot, resolveLink: (l, s) => resolver.resolve(l, s) });
	await index.build(store);
	return { index, store };
}

describe('SpecIndex on the example vault', () => {
	let index: SpecIndex;
	beforeAll(async () => {
		({ index } = await indexOf(readVaultFiles(EXAMPLE_VAULT)));
	});

	it('finds every spec with its id, type and parent', () => {
		const rows = index.all().map((s) => [s.id, index.typeOf(s), index.parentOf(s)?.id ?? null]);
		expect(rows).toEqual([
			['1000', 'epic', null],
			['1001', 'feature', '1000'],
			['1011', 'task', '1001'],
			['1014', 'task', '1001'],
			['3000', 'epic', null],
			['3001', 'feature', '3000'],
			['4000', 'epic', null],
			['4005', 'feature', '4000'],
			['9000', 'epic', null],
			['9001', 'feature', '9000'],
		]);
		expect(index.problems()).toEqual([]);
	});

	it('links specs to their context files and back', () => {
		const task = index.get('1014')!;
		expect(index.contextPathOf(task)).toBe('specs/1000/1001/1014.context.md');
		expect(index.hasContext(task)).toBe(true);
		expect(index.specForPath('specs/1000/1001/1014.context.md')?.id).toBe('1014');
		expect(index.specForPath('specs/1000/1001/context.md')?.id).toBe('1001');
		expect(index.specForPath('specs/1000/context.md')?.id).toBe('1000');
		expect(index.specForPath('specs/1000/1001/1014.deliverables.md')?.id).toBe('1014');
	});

	it('gives deliverables to the spec that registers them', () => {
		const task = index.get('1014')!;
		expect(index.deliverablesOf(task).map((p) => p.replace('specs/1000/1001/deliverables/', ''))).toEqual([
			'config/fstab.nas',
			'config/sysctl.nas.conf',
			'docs/nas-setup-guide.md',
			'docs/troubleshooting.md',
			'scripts/benchmark.sh',
			'scripts/directory-setup.sh',
			'scripts/nas-health-check.sh',
			'scripts/optimize-network.sh',
		]);
		expect(index.specForPath('specs/1000/1001/deliverables/scripts/nas-health-check.sh')?.id).toBe('1014');
		expect(index.childrenOf(index.get('1001')!).map((s) => s.id)).toEqual(['1011', '1014']);
	});
});
