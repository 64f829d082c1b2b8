import { deliverablesReport, formatDeliverablesReport } from '../../../src/core/reports/deliverables-report';
import { baselineOf } from '../../../src/core/deliverables/deliverable-drift';
import { markReviewed } from '../../../src/core/review/mark-reviewed';
import { sinceReview } from '../../../src/core/review/since-review';
import { memoryWorkspace } from '../../helpers/workspace';

const D = 'specs/1000/1001/deliverables/';
const BENCH = `${D}scripts/benchmark.sh`;

describe('the deliverables report marks deliverables changed since review', () => {
	it('before any review every registered deliverable is new, and none is marked changed', async () => {
		const ws = await memoryWorkspace();
		const r = await deliverablesReport(ws, '1014');
		expect(r.deliverables.map((d) => d.drift)).toEqual(Array(8).fill('new'));
		expect(r.changedSinceReview).toEqual([]);
		expect(formatDeliverablesReport(r)).not.toContain('changed since review');
	});

	it('a file edited after the review is changed, in the data and in the text; the others are unchanged', async () => {
		const ws = await memoryWorkspace();
		await markReviewed(ws, { id: '1014' });
		await ws.store.process(BENCH, (text) => text + 'echo more\n');
		const r = await deliverablesReport(ws, '1014');
		expect(r.deliverables.map((d) => [d.path.slice(D.length), d.drift])).toEqual([
			['scripts/optimize-network.sh', 'unchanged'],
			['scripts/nas-health-check.sh', 'unchanged'],
			['scripts/directory-setup.sh', 'unchanged'],
			['scripts/benchmark.sh', 'changed'],
			['docs/nas-setup-guide.md', 'unchanged'],
			['docs/troubleshooting.md', 'unchanged'],
			['config/fstab.nas', 'unchanged'],
			['config/sysctl.nas.conf', 'unchanged'],
		]);
		expect(r.changedSinceReview).toEqual([BENCH]);
		const lines = formatDeliverablesReport(r).split('\n');
		expect(lines.filter((l) => l.includes('changed since review'))).toEqual(['| benchmark.sh (changed since review) | Performance testing | 3.0KB | dd, time |']);
		expect(lines).toContain('| nas-health-check.sh | Monitor NAS connectivity and performance | 3.4KB | nc, dd |');
	});

	it('accepting the change clears the mark', async () => {
		const ws = await memoryWorkspace();
		await markReviewed(ws, { id: '1014' });
		await ws.store.process(BENCH, (text) => text + 'echo more\n');
		await markReviewed(ws, { id: '1014', accept: true });
		const r = await deliverablesReport(ws, '1014');
		expect(r.changedSinceReview).toEqual([]);
		expect(r.deliverables.find((d) => d.path === BENCH)?.drift).toBe('unchanged');
	});
});

describe('a registry entry that leads into a backup copy after its file was renamed', () => {
	const fstab = '# Generated from: specs/1000/1001/spec.md\n/dev/nvme0n1 /mnt/hot ext4 noatime 0 2\n';
	const spec = '# 1001 - Hot\n\n**Context**: [[context|Journal]]\n\n## Deliverables\n- [[deliverables/config/hot.fstab|fstab]]\n';
	const entry = '- [[deliverables/config/hot.fstab|fstab]] - fstab line';
	const context = (baseline: string) => `# Context: Hot\n\n**Spec**: [[spec|1001]]\n\n## Deliverables\n${entry}${baseline}\n`;
	const OWN = 'specs/1000/1001/deliverables/config/';
	const vault = (baseline: string): Record<string, string> => ({
		'specs/1000/epic.md': '# 1000 - Storage\n\n## Features\n- [[1001/spec|1001 - Hot]]\n',
		'specs/1000/1001/spec.md': spec,
		'specs/1000/1001/context.md': context(baseline),
		// An editor's backup of the file before it was renamed (listed first): not where it went.
		[`${OWN}hot.fstab~`]: fstab,
		[`${OWN}nvme.fstab`]: fstab,
		'specs/1000 copy/1001/spec.md': spec,
		'specs/1000 copy/1001/context.md': context(baseline),
		'specs/1000 copy/1001/deliverables/config/hot.fstab': fstab,
	});

	it('the report lists the spec own file as missing and renamed, never the copy', async () => {
		const ws = await memoryWorkspace(vault(` \`hash:${baselineOf(fstab)}\``));
		const r = await deliverablesReport(ws, '1001');
		expect(r.deliverables.map((d) => [d.path, d.exists, d.drift])).toEqual([
			[`${OWN}hot.fstab`, false, 'renamed'],
			[`${OWN}nvme.fstab`, true, null],
		]);
		expect(r.missing).toEqual([`${OWN}hot.fstab`]);
	});

	it('review sees the rename to the spec own file', async () => {
		const ws = await memoryWorkspace(vault(` \`hash:${baselineOf(fstab)}\``));
		const since = await sinceReview(ws, '1001');
		expect(since.deliverables.map((d) => [d.path, d.state, d.renamedTo])).toEqual([[`${OWN}hot.fstab`, 'renamed', `${OWN}nvme.fstab`]]);
	});

	it('marking reviewed gives the entry no baseline from the copy', async () => {
		const ws = await memoryWorkspace(vault(''));
		const r = await markReviewed(ws, { id: '1001' });
		expect(r.baselined).toEqual([]);
		expect(await ws.store.read('specs/1000/1001/context.md')).toBe(context(''));
	});
});
