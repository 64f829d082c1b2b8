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

describe('SpecIndex on messy vaults', () => {
	it('reads the E01/F01/T04 layout from frontmatter ids and parents', async () => {
		const { index } = await indexOf({
			'specs/E01/E01.spec.md': '---\nid: E01\ntype: epic\ntitle: Platform\n---\n# Platform\n',
			'specs/E01/F01/E01-F01.spec.md': "---\nid: E01-F01\ntype: feature\nparent: 'E01'\n---\n# Auth\n",
			'specs/E01/F01/T04/E01-F01-T04.spec.md': "---\nid: E01-F01-T04\ntype: task\nparent: 'E01-F01'\nstatus: in-progress\n---\n# Login form\n",
		});
		const task = index.get('e01-f01-t04')!;
		expect(task.title).toBe('Login form');
		expect(task.status).toBe('implementing');
		expect(index.ancestorsOf(task).map((s) => s.id)).toEqual(['E01', 'E01-F01']);
		expect(index.typeOf(task)).toBe('task');
	});

	it('reads seed-format specs with no frontmatter, and plain notes that declare a type', async () => {
		const { index } = await indexOf({
			'specs/1000/epic.md': '# Foundation\n\n**Status**: done\n',
			'specs/1000/1001/1013.md': '---\ntype: task\ntitle: Warm storage\n---\n',
			'specs/1000/1001/notes.md': '# Just a note\n',
		});
		expect(index.all().map((s) => [s.id, s.title, s.status])).toEqual([
			['1000', 'Foundation', 'completed'],
			['1013', 'Warm storage', null],
		]);
		expect(index.parentOf(index.get('1013')!)?.id).toBe('1000');
	});

	it('reports duplicate ids, malformed YAML and a context with no spec, without throwing', async () => {
		const { index, store } = await indexOf({
			'specs/1000/epic.md': '---\nid: "1000"\n---\n# A\n',
			'specs/2000/1000.spec.md': '# Also 1000\n',
			'specs/3000/epic.md': '---\ntitle: [unclosed\n---\n# Broken\n',
			'specs/4000/context.md': '# Context: orphan\n',
			'specs/5000/epic.md': '',
		});
		const before = store.snapshot();
		expect(index.problems().map((p) => [p.severity, p.code, p.path])).toEqual([
			['error', 'duplicate-id', 'specs/2000/1000.spec.md'],
			['error', 'malformed-frontmatter', 'specs/3000/epic.md'],
			['warning', 'context-without-spec', 'specs/4000/context.md'],
		]);
		expect(index.problems()[1].message).toMatch(/^specs\/3000\/epic\.md line 2: Flow sequence in block collection must be sufficiently indented and end with a \]/);
		expect(index.lookup('1000').map((s) => s.path)).toEqual(['specs/1000/epic.md', 'specs/2000/1000.spec.md']);
		expect(index.get('5000')?.title).toBe('5000');
		expect(store.snapshot()).toEqual(before);
	});

	it('indexes a 5 MB spec without trouble', async () => {
		const big = '# Huge\n\n' + '- line of journal text\n'.repeat(230_000);
		const { index } = await indexOf({ 'specs/1000/epic.md': big });
		expect(big.length).toBeGreaterThan(5_000_000);
		expect(index.get('1000')?.title).toBe('Huge');
	});

	it('follows changes one file at a time: update, rename, remove', async () => {
		const { index } = await indexOf({
			'specs/1000/epic.md': '# Foundation\n',
			'specs/1000/1001/spec.md': '# Storage\n',
		});
		index.update('specs/1000/1001/1014.spec.md', '---\ntitle: Cold storage\nstatus: draft\n---\n');
		expect(index.parentOf(index.get('1014')!)?.id).toBe('1001');
		expect(index.get('1014')?.status).toBe('planning');

		index.update('specs/1000/1001/1014.spec.md', '---\ntitle: Cold storage\nstatus: done\n---\n');
		expect(index.get('1014')?.status).toBe('completed');

		index.rename('specs/1000/1001/1014.spec.md', 'specs/1000/1001/1015.spec.md', '---\ntitle: Cold storage\n---\n');
		expect(index.get('1014')).toBeNull();
		expect(index.get('1015')?.title).toBe('Cold storage');

		index.remove('specs/1000/1001/spec.md');
		expect(index.parentOf(index.get('1015')!)?.id).toBe('1000');
		expect(index.all().map((s) => s.id)).toEqual(['1000', '1015']);

		index.update('notes/elsewhere.md', '---\ntype: task\n---\n');
		expect(index.size).toBe(2);
	});

	it('sees an edit that keeps a spec in place through every view, and re-derives when it moves', async () => {
		const { index } = await indexOf({
			'specs/1000/epic.md': '# Foundation\n',
			'specs/1000/1001/spec.md': '# Storage\n',
			'specs/1000/1001/1014.spec.md': '---\ntitle: Cold storage\nstatus: draft\n---\n',
			'specs/1000/1001/1014.context.md': '# Context\n',
			'specs/1000/1001/1015.spec.md': '# Archive\n',
		});
		const feature = index.get('1001')!;
		index.update('specs/1000/1001/1014.spec.md', '---\ntitle: Cold storage NAS\nstatus: done\n---\n');
		// The feature's children, the context's owner and the id lookup all show the new reading.
		expect(index.childrenOf(feature).map((s) => [s.id, s.title, s.status])).toEqual([
			['1014', 'Cold storage NAS', 'completed'],
			['1015', 'Archive', null],
		]);
		expect(index.specForPath('specs/1000/1001/1014.context.md')?.title).toBe('Cold storage NAS');

		// A new parent moves it: the feature loses a child, the epic gains one.
		index.update('specs/1000/1001/1014.spec.md', '---\ntitle: Cold storage NAS\nparent: "1000"\n---\n');
		expect(index.parentOf(index.get('1014')!)?.id).toBe('1000');
		expect(index.childrenOf(feature).map((s) => s.id)).toEqual(['1015']);
		expect(index.childrenOf(index.get('1000')!).map((s) => s.id)).toEqual(['1001', '1014']);

		// A new id is found under it at once, and no longer under the old one.
		index.update('specs/1000/1001/1015.spec.md', '---\nid: ARCH-1\n---\n# Archive\n');
		expect(index.get('ARCH-1')?.path).toBe('specs/1000/1001/1015.spec.md');

		// An edited journal changes nothing; a new file in the deliverables folder is the feature's.
		index.update('specs/1000/1001/1014.context.md');
		expect(index.specForPath('specs/1000/1001/1014.context.md')?.id).toBe('1014');
		index.update('specs/1000/1001/deliverables/scripts/new.sh');
		expect(index.deliverablesOf(feature)).toEqual(['specs/1000/1001/deliverables/scripts/new.sh']);
	});

	it('builds the same index from entries the caller listed as from its own listing', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		const store = new MemoryFileStore(files);
		const resolver = new LinkResolver(Object.keys(files));
		const listed = new SpecIndex({ specsRoot: 'specs', resolveLink: (l, s) => resolver.resolve(l, s) });
		await listed.build(store);
		const given = new SpecIndex({ specsRoot: 'specs', resolveLink: (l, s) => resolver.resolve(l, s) });
		await given.build(store, { entries: (await store.list('')).filter((e) => e.path.startsWith('specs/')) });
		const summary = (index: SpecIndex) => index.all().map((s) => [s.path, index.parentOf(s)?.id ?? null, index.contextPathOf(s), index.deliverablesOf(s)]);
		expect(summary(given)).toEqual(summary(listed));
		expect(given.size).toBe(10);
	});
});
