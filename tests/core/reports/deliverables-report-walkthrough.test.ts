import { join } from 'path';
import { deliverablesReport, formatDeliverablesReport, writeDeliverablesReport } from '../../../src/core/reports/deliverables-report';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

/** The walkthrough's vault as its author keeps it: no frontmatter, id-titled headings, a ✅/⏳ plan. */
const WALKTHROUGH = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'seed-walkthrough');
const CONTEXT = 'specs/1000/1001/1014.context.md';
const REPORT = 'specs/1000/1001/1014.deliverables.md';

/** The lines of the report from `heading` up to the next heading of the same or a higher level. */
function section(text: string, heading: string): string[] {
	const lines = text.split('\n');
	const at = lines.indexOf(heading);
	if (at < 0) throw new Error(`no ${heading} in\n${text}`);
	const level = /^#+/.exec(heading)![0].length;
	let end = at + 1;
	while (end < lines.length && !(/^#+ /.test(lines[end]) && /^#+/.exec(lines[end])![0].length <= level)) end++;
	while (lines[end - 1] === '') end--;
	return lines.slice(at, end);
}

async function walkthrough(extra: Record<string, string> = {}) {
	return memoryWorkspace({ ...readVaultFiles(WALKTHROUGH), ...extra });
}

describe('the deliverables report on the walkthrough vault, as the walkthrough shows it', () => {
	it('lists scripts with the tools they need (nc, dd; dd, time; None), docs with pages, config with targets', async () => {
		const text = formatDeliverablesReport(await deliverablesReport(await walkthrough(), '1014'));
		expect(section(text, '### Scripts (4)')).toEqual([
			'### Scripts (4)',
			'| File | Purpose | Size | Dependencies |',
			'|------|---------|------|--------------|',
			'| optimize-network.sh | Network buffer optimization | 2.3KB | None |',
			'| nas-health-check.sh | Monitor NAS connectivity and performance | 3.4KB | nc, dd |',
			'| directory-setup.sh | Create directory structure | 838B | None |',
			'| benchmark.sh | Performance testing | 3.0KB | dd, time |',
		]);
		expect(section(text, '### Documentation (2)')).toEqual([
			'### Documentation (2)',
			'| File | Purpose | Format | Pages |',
			'|------|---------|--------|-------|',
			'| nas-setup-guide.md | Complete setup instructions | Markdown | 2 |',
			'| troubleshooting.md | Common issues and solutions | Markdown | 1 |',
		]);
		expect(section(text, '### Configuration (2)')).toEqual([
			'### Configuration (2)',
			'| File | Purpose | Target Location |',
			'|------|---------|-----------------|',
			'| fstab.nas | NFS mount entry | /etc/fstab |',
			'| sysctl.nas.conf | Network optimization | /etc/sysctl.d/ |',
		]);
	});

	it('says what each downstream spec uses and why, in the words of the journal, linked in the written note', async () => {
		const ws = await walkthrough();
		await writeDeliverablesReport(ws, '1014');
		const note = await ws.store.read(REPORT);
		expect(section(note, '### Direct Dependencies (3)')).toEqual([
			'### Direct Dependencies (3)',
			'- [[../../3000/3001/spec|3001 - Market Data Collection]]',
			'  - Uses: nas-health-check.sh',
			'  - Purpose: Ensure storage is available before writing',
			'',
			'- [[../../9000/9001/spec|9001 - Backtesting Framework]]',
			'  - Uses: Directory structure',
			'  - Purpose: Read historical data',
			'',
			'- [[../../4000/4005/spec|4005 - Strategy State Persistence]]',
			'  - Uses: NAS mount configuration',
			'  - Purpose: Store strategy snapshots',
		]);
		expect(section(note, '### Integration Points (5)')).toEqual([
			'### Integration Points (5)',
			'- Storage Manager Service (`services/storage-manager/`) → Uses all scripts',
			'- Data Pipeline (`services/data-pipeline/`) → Uses directory structure',
			'- Archive Service (`services/archive/`) → Uses NAS mount',
			'- Monitoring System (`services/monitoring/`) → Uses health-check.sh',
			'- Backup Service (`services/backup/`) → Uses entire NAS setup',
		]);
		// No other note links the deliverables in this vault.
		expect(note).not.toContain('### Referenced in Notes');
	});

	it('gives quality metrics from the journal, unknown where it records nothing', async () => {
		const text = formatDeliverablesReport(await deliverablesReport(await walkthrough(), '1014'));
		// The journal's own Metrics record `**Scripts Tested**: 4/4 ✅`; no review or integration test is logged.
		expect(section(text, '### Quality Metrics')).toEqual([
			'### Quality Metrics',
			'- Scripts tested: 4/4 ✅',
			'- Documentation reviewed: unknown',
			'- Integration tests passed: unknown',
		]);
	});

	it('counts tests, reviews and integration tests from the session entries when Metrics records none', async () => {
		const files = readVaultFiles(WALKTHROUGH);
		const context = files[CONTEXT].replace('- **Scripts Tested**: 4/4 ✅\n', '');
		// Without the recorded figure: three scripts named by file name in Testing entries; the health check is only "Health check".
		let ws = await walkthrough({ [CONTEXT]: context });
		expect((await deliverablesReport(ws, '1014')).quality).toEqual({ scriptsTested: { done: 3, total: 4 }, docsReviewed: null, integrationTestsPassed: null });

		const session3 = [
			'### Session 3: 2025-08-28 - Review and Integration',
			'**Duration**: 1 hour  ',
			'**Status**: completed',
			'',
			'#### Testing',
			'- [[deliverables/scripts/nas-health-check.sh|Health check]] with the NAS unplugged: `CRIT` ✅',
			'- Integration test with 3001: end-of-day roll waits for the health check ✅',
			'- Integration test with 9001: replay reads `market-data/normalized` ✅',
			'- Integration test with 4005: snapshot restore after a NAS reboot ✅',
			'',
			'#### Implementation',
			'- Setup Guide reviewed by the research team',
			'- troubleshooting.md reviewed with the on-call team',
			'',
		].join('\n');
		ws = await walkthrough({ [CONTEXT]: context.replace('## Deliverables\n', `${session3}\n## Deliverables\n`) });
		const report = await deliverablesReport(ws, '1014');
		expect(section(formatDeliverablesReport(report), '### Quality Metrics')).toEqual([
			'### Quality Metrics',
			'- Scripts tested: 4/4 ✅',
			'- Documentation reviewed: 2/2 ✅',
			'- Integration tests passed: 3/3 ✅',
		]);

		ws = await walkthrough({ [CONTEXT]: context.replace('## Deliverables\n', `${session3.replace('reboot ✅', 'reboot ❌ writes failed')}\n## Deliverables\n`) });
		expect((await deliverablesReport(ws, '1014')).quality.integrationTestsPassed).toEqual({ done: 2, total: 3 });
	});

	it('leaves out copies of the spec in backup folders and links that give no reason', async () => {
		const files = readVaultFiles(WALKTHROUGH);
		const ws = await walkthrough({
			// Copies of the journal and spec: they link the deliverables but use nothing.
			'specs_backup/1000/1001/1014.context.md': files[CONTEXT],
			'specs_backup/1000/1001/1014.spec.md': files['specs/1000/1001/1014.spec.md'],
			'specs/1000/1001/backup/1014.context.md': files[CONTEXT],
			'notes/Runbook.md': '# Runbook\n\n- [[nas-health-check.sh]], [[benchmark.sh]]\n\nSee [[troubleshooting]].\n',
		});
		const report = await deliverablesReport(ws, '1014');
		expect(report.usedBy.map((u) => u.path)).toEqual(['specs/3000/3001/spec.md', 'specs/9000/9001/spec.md', 'specs/4000/4005/spec.md', 'notes/Runbook.md']);
		const runbook = report.usedBy[3];
		expect([runbook.usesLabel, runbook.purposes]).toEqual(['nas-health-check.sh, benchmark.sh, troubleshooting.md', []]);
		expect(section(formatDeliverablesReport(report), '### Referenced in Notes (1)')).toEqual([
			'### Referenced in Notes (1)',
			'- Runbook',
			'  - Uses: nas-health-check.sh, benchmark.sh, troubleshooting.md',
		]);
	});

	it('names the part a note uses by the label it links it with, and never "spec 1014"', async () => {
		const ws = await walkthrough({
			'notes/Ops.md':
				'- [NAS health check](../specs/1000/1001/deliverables/scripts/nas-health-check.sh) - Paged when it exits 2\n- [[1014.spec|Cold storage]] - Where the archive lives\n',
			'notes/Plain.md': '- [[1014.spec]] - Background reading for the storage team\n',
		});
		const report = await deliverablesReport(ws, '1014');
		const text = formatDeliverablesReport(report);
		expect(section(text, '### Referenced in Notes (2)')).toEqual([
			'### Referenced in Notes (2)',
			'- Ops',
			'  - Uses: NAS health check',
			'  - Purpose: Paged when it exits 2',
			'',
			'- Plain',
			'  - Purpose: Background reading for the storage team',
		]);
	});
});
