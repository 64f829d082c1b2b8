import { readFileSync } from 'fs';
import { join } from 'path';
import { deliverablesReport, formatDeliverablesReport, writeDeliverablesReport, type Backlinks } from '../../../src/core/reports/deliverables-report';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { memoryWorkspace } from '../../helpers/workspace';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

const APPROVED = join(__dirname, '__approved__');
const approved = (name: string): string => readFileSync(join(APPROVED, name), 'utf8');
const D = 'specs/1000/1001/deliverables/';

describe('deliverablesReport on the example vault (1014)', () => {
	it('lists the 8 deliverables by type, with sizes, purposes, traceback and script dependencies', async () => {
		const ws = await memoryWorkspace();
		const r = await deliverablesReport(ws, '1014');
		expect(r.id).toBe('1014');
		expect(r.deliverables.map((d) => [d.type, d.path])).toEqual([
			['scripts', `${D}scripts/optimize-network.sh`],
			['scripts', `${D}scripts/nas-health-check.sh`],
			['scripts', `${D}scripts/directory-setup.sh`],
			['scripts', `${D}scripts/benchmark.sh`],
			['docs', `${D}docs/nas-setup-guide.md`],
			['docs', `${D}docs/troubleshooting.md`],
			['config', `${D}config/fstab.nas`],
			['config', `${D}config/sysctl.nas.conf`],
		]);
		const health = r.deliverables[1];
		expect(health).toMatchObject({
			title: 'Health Monitoring',
			purpose: 'Monitor NAS connectivity and performance',
			bytes: 3433,
			lines: 113,
			exists: true,
			traceback: true,
		});
		// The tools beyond a stock host, as the walkthrough's report lists them; every command stays in `commands`.
		expect(r.deliverables.slice(0, 4).map((d) => d.dependencies)).toEqual([[], ['nc', 'dd'], [], ['dd', 'time']]);
		expect(health.commands).toEqual(['date', 'dd', 'df', 'findmnt', 'mkdir', 'mountpoint', 'nc', 'rm', 'tail', 'timeout', 'tr']);
		expect(r.deliverables[4]).toMatchObject({ purpose: 'Complete setup instructions', format: 'Markdown', pages: 2, lines: 92 });
		expect(r.deliverables.slice(6).map((d) => d.target)).toEqual(['/etc/fstab', '/etc/sysctl.d/']);
		expect(r.deliverables.every((d) => d.exists && d.traceback === true)).toBe(true);
		for (const d of r.deliverables) {
			expect(Object.keys(d)).toEqual(expect.arrayContaining(['type', 'path', 'title', 'purpose', 'bytes', 'lines', 'exists', 'traceback', 'dependencies']));
		}
		expect(r.missing).toEqual([]);
		expect(r.withoutTraceback).toEqual([]);
	});

	it('finds who uses 1014: the three downstream specs with what they use and why, then the notes', async () => {
		const ws = await memoryWorkspace();
		const r = await deliverablesReport(ws, '1014');
		const specs = r.usedBy.filter((u) => u.kind === 'spec');
		expect(specs.map((u) => [u.id, u.title, u.path, u.uses, u.listed, u.linksBack])).toEqual([
			['3001', 'Market Data Collection', 'specs/3000/3001/spec.md', [`${D}scripts/nas-health-check.sh`], true, true],
			['9001', 'Backtesting Framework', 'specs/9000/9001/spec.md', [`${D}scripts/directory-setup.sh`, `${D}docs/nas-setup-guide.md`], true, true],
			['4005', 'Strategy State Persistence', 'specs/4000/4005/spec.md', [`${D}scripts/nas-health-check.sh`, `${D}config/fstab.nas`], true, true],
		]);
		// The journal's Downstream Specs entry (`Uses the NAS mount configuration to store strategy
		// snapshots`) names the part used and why; it wins over the using spec's own longer words.
		expect(specs.map((u) => [u.usesLabel, u.purposes])).toEqual([
			['nas-health-check.sh', ['Ensure storage is available before writing']],
			['Directory structure', ['Read historical data']],
			['NAS mount configuration', ['Store strategy snapshots']],
		]);
		// The parent (1001 lists its tasks) is not a user; notes that link to the deliverables are.
		expect(r.usedBy.some((u) => u.id === '1001')).toBe(false);
		expect(r.usedBy.filter((u) => u.kind === 'note').map((u) => u.path)).toEqual(['README.md', 'notes/2025-08-27 Storage sync.md', 'notes/Storage tiers.md']);
		expect(r.integrationPoints).toHaveLength(5);
		expect(r.integrationPoints[0]).toEqual({ name: 'Storage Manager Service', location: 'services/storage-manager/', note: 'Uses all scripts' });
		expect(r.statistics).toEqual({ totalLines: 511, byType: { scripts: 334, docs: 137, config: 40 }, commentLines: 77, blankLines: 80 });
	});

	it('formats the markdown report and saves it beside the spec, byte for byte as approved', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await writeDeliverablesReport(ws, '1014');
		expect(result).toEqual({ path: 'specs/1000/1001/1014.deliverables.md', written: true });
		const text = await ws.store.read(result.path);
		expect(text).toBe(approved('1014.deliverables.md'));
		// Only the report note was added.
		expect({ ...ws.store.snapshot(), [result.path]: undefined }).toEqual({ ...before, [result.path]: undefined });
		// Without a workspace, plain names instead of links.
		const plain = formatDeliverablesReport(await deliverablesReport(ws, '1014'));
		expect(plain).toContain('| nas-health-check.sh | Monitor NAS connectivity and performance | 3.4KB | nc, dd |\n');
		expect(plain).toContain('### Direct Dependencies (3)\n- 3001 - Market Data Collection\n  - Uses: nas-health-check.sh\n');
	});

	it('rewrites its own note in place (nothing written when unchanged) and leaves it out of the usage', async () => {
		const ws = await memoryWorkspace();
		await writeDeliverablesReport(ws, '1014');
		const first = await ws.store.read('specs/1000/1001/1014.deliverables.md');
		expect(await writeDeliverablesReport(ws, '1014')).toEqual({ path: 'specs/1000/1001/1014.deliverables.md', written: false });
		// A new user appears: the note is rewritten whole.
		ws.store.put('notes/New.md', '- [[nas-health-check.sh]] - Pages the on-call person\n');
		ws.links.add?.('notes/New.md');
		expect((await writeDeliverablesReport(ws, '1014')).written).toBe(true);
		const second = await ws.store.read('specs/1000/1001/1014.deliverables.md');
		expect(second).not.toBe(first);
		expect(second).toContain('- [[../../../notes/New|New]]\n  - Uses: nas-health-check.sh\n  - Purpose: Pages the on-call person\n');
		expect(second).not.toContain('1014.deliverables');
	});

	it("gives a user's purpose as the sentence that links, without the header line above it", async () => {
		const ws = await memoryWorkspace();
		ws.store.put(
			'notes/Drill.md',
			'# Restore drill\n\n**Context**: [[Drill log]]\nCalls [the check [v1]](../specs/1000/1001/deliverables/scripts/nas-health-check.sh) before each drill.\n',
		);
		ws.links.add?.('notes/Drill.md');
		const report = formatDeliverablesReport(await deliverablesReport(ws, '1014'));
		expect(report).toContain('- Drill\n  - Uses: Check [v1]\n  - Purpose: Calls the check [v1] before each drill.\n');
	});

	it('refuses to overwrite a note of the same name that it did not generate, and writes nothing', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		files['specs/1000/1001/1014.deliverables.md'] = '# My own notes on deliverables\n';
		const ws = await memoryWorkspace(files);
		const before = ws.store.snapshot();
		const attempt = writeDeliverablesReport(ws, '1014');
		await expect(attempt).rejects.toThrow(WorkflowError);
		await expect(writeDeliverablesReport(ws, '1014')).rejects.toThrow(
			'specs/1000/1001/1014.deliverables.md exists and was not generated by Spec Workflow (no "generated: spec-workflow" property); rename or move it, then write the report again',
		);
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('keeps a CRLF report note CRLF and writes markdown links in a markdown-link vault', async () => {
		const ws = await memoryWorkspace(readVaultFiles(EXAMPLE_VAULT), { linkStyle: 'markdown' });
		await writeDeliverablesReport(ws, '1014');
		const text = await ws.store.read('specs/1000/1001/1014.deliverables.md');
		expect(text.startsWith('---\ngenerated: spec-workflow\nspec: "[1014 - Cold Storage NAS Integration](1014.spec.md)"\n---\n')).toBe(true);
		expect(text).toContain('| [nas-health-check.sh](deliverables/scripts/nas-health-check.sh) |');
		expect(text).toContain('- [3001 - Market Data Collection](../../3000/3001/spec.md)\n');
		ws.store.put('specs/1000/1001/1014.deliverables.md', text.replace(/\n/g, '\r\n'));
		ws.store.put('notes/New.md', '- [[nas-health-check.sh]] - Pages the on-call person\n');
		ws.links.add?.('notes/New.md');
		await writeDeliverablesReport(ws, '1014');
		const crlf = await ws.store.read('specs/1000/1001/1014.deliverables.md');
		expect(crlf).toContain('Pages the on-call person\r\n');
		expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
	});

	it('takes backlinks from the caller (the plugin passes its metadata cache)', async () => {
		const ws = await memoryWorkspace();
		const backlinks: Backlinks = {
			linksTo: (path) => (path === `${D}scripts/benchmark.sh` ? [{ source: 'specs/9000/9001/spec.md', link: null }] : []),
		};
		const r = await deliverablesReport(ws, '1014', backlinks);
		// 9001 links to the directory script and the guide (read from its text); 3001 and 4005 only through the downstream list.
		expect(r.usedBy.map((u) => [u.id, u.linksBack, u.uses.length])).toEqual([
			['3001', false, 0],
			['9001', true, 2],
			['4005', false, 0],
		]);
		expect(r.usedBy[0].purpose).toBe('Ensure storage is available before writing');
	});
});

describe('deliverablesReport on a messy vault', () => {
	const files: Record<string, string> = {
		'specs/6000/epic.md': '---\ntype: epic\ntitle: Data\n---\n# Data\n',
		'specs/6000/6001/spec.md': [
			'---',
			'type: feature',
			'title: Loader',
			'---',
			'# Loader',
			'',
			'## Deliverables',
			'- [[deliverables/scripts/load.sh|Loader]] - Loads the data',
			'',
		].join('\n'),
		'specs/6000/6001/context.md': [
			'# Context: Loader',
			'',
			'## Deliverables',
			'',
			'### Scripts',
			'- [[deliverables/scripts/load.sh|Loader]]',
			'- [[deliverables/scripts/gone.sh|Old loader]] - Replaced by load.sh',
			'',
			'### Configuration Files',
			'- [[deliverables/config/settings.json|Settings]] - Loader settings',
			'',
			'### Code Changes',
			'- `src/loader.ts` - The loader itself',
			'',
			'## Dependencies Delivered To',
			'',
			'### Downstream Specs',
			'- [[../../7000/7001/spec|7001 - Reports]]',
			'  - Uses: the settings',
			'  - Purpose: Reads the same settings',
			'- [[../../8000/gone/spec|8001 - Removed]] - Was a user',
			'',
		].join('\n'),
		'specs/6000/6001/deliverables/scripts/load.sh': '#!/bin/sh\nset -e\ncurl -fsS "$URL" | psql data\n',
		'specs/6000/6001/deliverables/config/settings.json': '{\n  "batch": 500\n}\n',
		'specs/6000/6001/deliverables/docs/notes.md': '---\npurpose: Why the loader batches\n---\n# Notes\n\nText.\n',
		'specs/6000/6001/deliverables/docs/diagram.png': '\u0089PNG\r\n\u001a\n\u0000\u0000',
		'specs/7000/7001/spec.md': '---\ntype: feature\ntitle: Reports\n---\n# Reports\n',
	};

	it('flags the missing file and the file without traceback, exempts JSON, and keeps code changes apart', async () => {
		const ws = await memoryWorkspace(files);
		const before = ws.store.snapshot();
		const r = await deliverablesReport(ws, '6001');
		expect(r.deliverables.map((d) => [d.type, d.path.replace('specs/6000/6001/', ''), d.exists, d.traceback, d.purpose])).toEqual([
			['scripts', 'deliverables/scripts/load.sh', true, false, 'Loads the data'],
			['scripts', 'deliverables/scripts/gone.sh', false, null, 'Replaced by load.sh'],
			['docs', 'deliverables/docs/diagram.png', true, null, null],
			['docs', 'deliverables/docs/notes.md', true, false, 'Why the loader batches'],
			['config', 'deliverables/config/settings.json', true, null, 'Loader settings'],
		]);
		expect(r.deliverables[0].dependencies).toEqual(['curl', 'psql']);
		expect(r.deliverables[1]).toMatchObject({ bytes: null, lines: null, dependencies: [] });
		// A binary file: its size is known, its lines are not, and it needs no traceback.
		expect(r.deliverables[2]).toMatchObject({ bytes: 11, lines: null, pages: null, format: 'PNG' });
		expect(r.missing).toEqual(['specs/6000/6001/deliverables/scripts/gone.sh']);
		expect(r.withoutTraceback).toEqual(['specs/6000/6001/deliverables/scripts/load.sh', 'specs/6000/6001/deliverables/docs/notes.md']);
		expect(r.codeChanges).toEqual([{ path: 'src/loader.ts', purpose: 'The loader itself' }]);
		expect(r.usedBy.map((u) => [u.id, u.title, u.missing, u.usesText, u.purpose])).toEqual([
			['7001', 'Reports', false, 'the settings', 'Reads the same settings'],
			[null, '8001 - Removed', true, null, 'Was a user'],
		]);
		expect(r.statistics).toEqual({ totalLines: 12, byType: { scripts: 3, docs: 6, config: 3 }, commentLines: 0, blankLines: 1 });
		expect(ws.store.snapshot()).toEqual(before);

		const text = formatDeliverablesReport(r, ws, 'specs/6000/6001/6001.deliverables.md');
		expect(text).toBe(
			[
				'# Deliverables Report: Spec 6001',
				'',
				'## Created Artifacts',
				'',
				'### Scripts (2)',
				'| File | Purpose | Size | Dependencies |',
				'|------|---------|------|--------------|',
				'| [[deliverables/scripts/load.sh\\|load.sh]] | Loads the data | 46B | curl, psql |',
				'| gone.sh (missing) | Replaced by load.sh | missing | — |',
				'',
				'### Documentation (2)',
				'| File | Purpose | Format | Pages |',
				'|------|---------|--------|-------|',
				'| [[deliverables/docs/diagram.png\\|diagram.png]] | — | PNG | — |',
				'| [[deliverables/docs/notes\\|notes.md]] | Why the loader batches | Markdown | 1 |',
				'',
				'### Configuration (1)',
				'| File | Purpose | Target Location |',
				'|------|---------|-----------------|',
				'| [[deliverables/config/settings.json\\|settings.json]] | Loader settings | — |',
				'',
				'## Usage by Other Specs',
				'',
				'### Direct Dependencies (2)',
				'- [[../../7000/7001/spec|7001 - Reports]]',
				'  - Uses: Settings',
				'  - Purpose: Reads the same settings',
				'',
				'- 8001 - Removed (link resolves nowhere)',
				'  - Purpose: Was a user',
				'',
				'## Metrics',
				'',
				'### Code Statistics',
				'- Total Lines: 12',
				'- Scripts: 3 lines',
				'- Documentation: 6 lines',
				'- Configuration: 3 lines',
				'- Comments: 0',
				'- Blank Lines: 1',
				'',
				'### Quality Metrics',
				'- Scripts tested: unknown',
				'- Documentation reviewed: unknown',
				'- Integration tests passed: unknown',
				'',
				'## Problems',
				'- Missing file: `specs/6000/6001/deliverables/scripts/gone.sh` is registered but not there',
				'- No traceback header: [[deliverables/scripts/load.sh|load.sh]] has no `Generated from:` line (or `spec` property)',
				'- No traceback header: [[deliverables/docs/notes|notes.md]] has no `Generated from:` line (or `spec` property)',
				'- Downstream spec link resolves nowhere: `../../8000/gone/spec`',
				'',
			].join('\n'),
		);
	});

	it('reports a spec without context or deliverables plainly', async () => {
		const ws = await memoryWorkspace(files);
		const r = await deliverablesReport(ws, '7001');
		expect(r).toMatchObject({ deliverables: [], usedBy: [], integrationPoints: [], missing: [], withoutTraceback: [] });
		expect(r.statistics).toEqual({ totalLines: 0, byType: {}, commentLines: 0, blankLines: 0 });
		expect(formatDeliverablesReport(r)).toBe(
			[
				'# Deliverables Report: Spec 7001',
				'',
				'## Created Artifacts',
				'',
				'No deliverables yet.',
				'',
				'## Usage by Other Specs',
				'',
				'No other spec or note links to this spec or its deliverables.',
				'',
				'## Metrics',
				'',
				'### Code Statistics',
				'- Total Lines: 0',
				'- Comments: 0',
				'- Blank Lines: 0',
				'',
				'### Quality Metrics',
				'- Integration tests passed: unknown',
				'',
			].join('\n'),
		);
	});

	it('names an unknown id', async () => {
		const ws = await memoryWorkspace(files);
		await expect(deliverablesReport(ws, '9999')).rejects.toThrow('No spec with id "9999" under specs/');
	});
});
