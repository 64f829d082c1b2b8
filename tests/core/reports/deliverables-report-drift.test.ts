import { deliverablesReport, formatDeliverablesReport } from '../../../src/core/reports/deliverables-report';
import { markReviewed } from '../../../src/core/review/mark-reviewed';
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
