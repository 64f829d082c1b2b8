import fc from 'fast-check';
import {
	deliverableTypeKey,
	formatCodeChange,
	formatDeliverableEntry,
	formatDownstreamSpec,
	formatIntegrationPoint,
	parseDeliverables,
	parseDependenciesDelivered,
} from '../../../src/core/context/registry';
import { SEED_CONTEXT_TEMPLATE, sectionRange } from './seed-snippets';

describe('parseDeliverables on the seed template', () => {
	const text = SEED_CONTEXT_TEMPLATE;
	const [from, to] = sectionRange(text, '## Deliverables');
	const registry = parseDeliverables(text, from, to);

	test('groups map to type keys, whatever spacing the heading has', () => {
		expect(registry.groups.map((g) => [g.type, g.heading, g.entries.length])).toEqual([
			['scripts', 'Scripts', 2],
			['docs', 'Documentation', 2],
			['config', 'Configuration Files', 2],
			['code', 'Code Changes', 3],
		]);
	});

	test('link entries carry target, alias, purpose and offsets', () => {
		const [setup, health] = registry.groups[0].entries;
		expect(setup).toMatchObject({
			type: 'scripts',
			kind: 'wikilink',
			target: 'deliverables/scripts/nas-setup.sh',
			alias: 'NAS Setup Script',
			purpose: 'Automated NAS mount configuration',
		});
		expect(text.slice(setup.lineStart, setup.lineEnd)).toBe('- [[deliverables/scripts/nas-setup.sh|NAS Setup Script]] - Automated NAS mount configuration');
		expect(text.slice(setup.linkStart ?? 0, setup.linkEnd ?? 0)).toBe('[[deliverables/scripts/nas-setup.sh|NAS Setup Script]]');
		expect(health.purpose).toBe('Monitor NAS connectivity');
		expect(registry.groups[1].entries[0]).toMatchObject({ target: 'deliverables/docs/storage-guide.md', alias: 'Storage Configuration Guide', purpose: null });
	});

	test('code changes are code-span entries', () => {
		expect(registry.groups[3].entries.map((e) => [e.kind, e.target, e.purpose])).toEqual([
			['code', 'services/storage/nas-client.ts', 'NAS client implementation'],
			['code', 'config/storage.config.ts', 'Storage tier configuration'],
			['code', 'tests/storage/nas.test.ts', 'Unit tests for NAS operations'],
		]);
	});

	test('group offsets: heading, body and where to append', () => {
		const scripts = registry.groups[0];
		expect(text.slice(scripts.headingStart ?? 0, scripts.start)).toBe('### Scripts\n');
		expect(text.slice(scripts.contentEnd, scripts.end)).toBe('\n');
		expect(text.slice(scripts.end, scripts.end + 17)).toBe('### Documentation');
		const code = registry.groups[3];
		expect(code.end).toBe(to);
		expect(registry.entries).toHaveLength(9);
	});
});

describe('parseDeliverables, other shapes', () => {
	test("the cold-storage spec's `### Configuration` and markdown links", () => {
		const text = [
			'## Deliverables',
			'',
			'### Configuration',
			'- [[deliverables/config/fstab.nas|NFS Mount Configuration]]',
			'- [Network Optimization Settings](deliverables/config/sysctl.nas.conf) — kernel buffers',
			'- [Setup Guide](<deliverables/docs/setup guide.md> "title")',
			'### Docs',
			'- [[deliverables/docs/troubleshooting.md]]',
			'### Data Sets',
			'- [[deliverables/data/prices.csv|Prices]]: sample prices',
			'',
		].join('\n');
		const r = parseDeliverables(text);
		expect(r.entries.map((e) => [e.type, e.kind, e.target, e.alias, e.purpose])).toEqual([
			['config', 'wikilink', 'deliverables/config/fstab.nas', 'NFS Mount Configuration', null],
			['config', 'markdown', 'deliverables/config/sysctl.nas.conf', 'Network Optimization Settings', 'kernel buffers'],
			['config', 'markdown', 'deliverables/docs/setup guide.md', 'Setup Guide', null],
			['docs', 'wikilink', 'deliverables/docs/troubleshooting.md', null, null],
			['data-sets', 'wikilink', 'deliverables/data/prices.csv', 'Prices', 'sample prices'],
		]);
	});

	test('items above any group heading take their type from the deliverables/<type>/ folder', () => {
		const text = '## Deliverables\n- [[deliverables/scripts/a.sh|A]]\n- [[deliverables/docs/b.md|B]]\n- [[elsewhere/c.md|C]]\n- `src/x.ts` - code\n- a note with no link\n';
		const r = parseDeliverables(text);
		expect(r.groups).toHaveLength(1);
		expect(r.groups[0]).toMatchObject({ type: null, heading: null, headingStart: null, start: text.indexOf('- [[') });
		expect(r.entries.map((e) => [e.type, e.kind])).toEqual([
			['scripts', 'wikilink'],
			['docs', 'wikilink'],
			['other', 'wikilink'],
			['code', 'code'],
			['other', 'text'],
		]);
		expect(r.entries[4]).toMatchObject({ target: null, raw: 'a note with no link', linkStart: null });
	});

	test('a link after some words, ticked items, nested lines belong to their item, code fences ignored', () => {
		const text = [
			'### Scripts',
			'- Setup: [[deliverables/scripts/setup.sh|Setup]] (run once)',
			'  - needs root',
			'- [x] [[deliverables/scripts/b.sh|B]] - done',
			'```bash',
			'- [[ -d "$X" ]] && echo not a link',
			'```',
			'- `[[not a link]]` literal',
			'',
		].join('\n');
		const r = parseDeliverables(text);
		expect(r.entries.map((e) => [e.kind, e.target, e.purpose])).toEqual([
			['wikilink', 'deliverables/scripts/setup.sh', 'Setup (run once)'],
			['wikilink', 'deliverables/scripts/b.sh', 'done'],
			['code', '[[not a link]]', 'literal'],
		]);
		expect(text.slice(r.entries[0].lineStart, r.entries[0].end)).toBe('- Setup: [[deliverables/scripts/setup.sh|Setup]] (run once)\n  - needs root\n');
	});

	test('CRLF: offsets exclude the \\r', () => {
		const text = '### Scripts\r\n- [[deliverables/scripts/a.sh|A]] - does a\r\n';
		const [e] = parseDeliverables(text).entries;
		expect(text.slice(e.lineStart, e.lineEnd)).toBe('- [[deliverables/scripts/a.sh|A]] - does a');
		expect(e.purpose).toBe('does a');
		expect(text.slice(e.lineStart, e.end)).toBe('- [[deliverables/scripts/a.sh|A]] - does a\r\n');
	});

	test('an empty section has no groups', () => {
		expect(parseDeliverables('## Deliverables\n\n')).toEqual({ groups: [], entries: [] });
	});

	test.each<[string, string]>([
		['Scripts', 'scripts'],
		['Documentation', 'docs'],
		['Docs', 'docs'],
		['Configuration Files', 'config'],
		['Configuration', 'config'],
		['Code Changes', 'code'],
		['Scripts (4)', 'scripts'],
		['Data Sets', 'data-sets'],
		['Diagrams & Images', 'diagrams-images'],
	])('heading %j → %j', (heading, key) => {
		expect(deliverableTypeKey(heading)).toBe(key);
	});
});

describe('formatting registry lines', () => {
	test('canonical lines read back to the same entry', () => {
		const line = formatDeliverableEntry('[[deliverables/scripts/nas-setup.sh|NAS Setup Script]]', 'Automated NAS mount configuration');
		expect(line).toBe('- [[deliverables/scripts/nas-setup.sh|NAS Setup Script]] - Automated NAS mount configuration');
		expect(formatDeliverableEntry('[Guide](deliverables/docs/guide.md)', '  ')).toBe('- [Guide](deliverables/docs/guide.md)');
		const code = formatCodeChange('services/x.ts', 'X service');
		expect(code).toBe('- `services/x.ts` - X service');
		const r = parseDeliverables(`### Scripts\n${line}\n### Code Changes\n${code}\n`);
		expect(r.entries.map((e) => [e.target, e.alias, e.purpose])).toEqual([
			['deliverables/scripts/nas-setup.sh', 'NAS Setup Script', 'Automated NAS mount configuration'],
			['services/x.ts', null, 'X service'],
		]);
	});
});

describe('parseDependenciesDelivered', () => {
	test('the seed template: downstream specs and integration points', () => {
		const text = SEED_CONTEXT_TEMPLATE;
		const [from, to] = sectionRange(text, '## Dependencies Delivered To');
		const d = parseDependenciesDelivered(text, from, to);
		expect(d.downstream.map((s) => [s.target, s.alias, s.purpose])).toEqual([
			['../../3000/3001/spec', 'Market Data Collection', 'Uses cold storage for historical data'],
			['../../9000/9001/spec', 'Backtesting Framework', 'Reads historical data from NAS'],
		]);
		expect(d.integrationPoints.map((p) => [p.name, p.location, p.note])).toEqual([
			['Storage Manager Service', 'services/storage-manager/', null],
			['Data Pipeline', 'services/data-pipeline/', null],
			['Archive Service', 'services/archive/', null],
		]);
		expect(text.slice(d.downstreamGroup?.headingStart ?? 0, d.downstreamGroup?.start)).toBe('### Downstream Specs\n');
		expect(d.integrationGroup?.end).toBe(to);
		const p = d.integrationPoints[1];
		expect(text.slice(p.lineStart, p.lineEnd)).toBe('- Data Pipeline: `services/data-pipeline/` ');
	});

	test("the seed report's nested Uses/Purpose and arrow integration points", () => {
		const text = [
			'### Direct Dependencies (3)',
			'- [[../../3000/3001/spec|3001 - Market Data Collection]]',
			'  - Uses: nas-health-check.sh',
			'  - Purpose: Ensure storage available before writing',
			'',
			'### Integration Points (5)',
			'- Storage Manager Service → Uses all scripts',
			'- Monitoring System → Uses health-check.sh',
			'',
		].join('\n');
		const d = parseDependenciesDelivered(text);
		expect(d.downstream.map((s) => [s.alias, s.uses, s.purpose])).toEqual([['3001 - Market Data Collection', 'nas-health-check.sh', 'Ensure storage available before writing']]);
		expect(d.integrationPoints.map((p) => [p.name, p.location, p.note])).toEqual([
			['Storage Manager Service', null, 'Uses all scripts'],
			['Monitoring System', null, 'Uses health-check.sh'],
		]);
	});

	test('without headings, items are sorted by shape; an empty section gives empty lists', () => {
		const d = parseDependenciesDelivered('- [Backtesting](../../9000/9001/spec.md) - reads data\n- `services/archive/`\n');
		expect(d.downstream.map((s) => [s.kind, s.target])).toEqual([['markdown', '../../9000/9001/spec.md']]);
		expect(d.integrationPoints.map((p) => [p.name, p.location])).toEqual([['services/archive/', 'services/archive/']]);
		expect(parseDependenciesDelivered('')).toEqual({ downstream: [], integrationPoints: [], downstreamGroup: null, integrationGroup: null });
	});

	test('canonical lines read back', () => {
		const down = formatDownstreamSpec('[[../../3000/3001/spec|Market Data Collection]]', 'Uses cold storage for historical data');
		const point = formatIntegrationPoint('Storage Manager Service', 'services/storage-manager/');
		expect(down).toBe('- [[../../3000/3001/spec|Market Data Collection]] - Uses cold storage for historical data');
		expect(point).toBe('- Storage Manager Service: `services/storage-manager/`');
		const d = parseDependenciesDelivered(`### Downstream Specs\n${down}\n\n### Integration Points\n${point}\n`);
		expect(d.downstream[0]).toMatchObject({ target: '../../3000/3001/spec', purpose: 'Uses cold storage for historical data' });
		expect(d.integrationPoints[0]).toMatchObject({ name: 'Storage Manager Service', location: 'services/storage-manager/' });
	});
});

describe('any input', () => {
	test('a `#` heading after the entries ends the section instead of swallowing them', () => {
		const text = '- [[deliverables/scripts/a.sh|A]] - p\n#\n- [[b.sh|B]]\n';
		const { groups, entries } = parseDeliverables(text);
		expect(entries.map((e) => e.alias)).toEqual(['A']);
		expect(groups[0].start).toBe(0);
		expect(groups[0].end).toBe(text.indexOf('#'));
	});

	test('the registry parsers never throw and entries lie inside their groups', () => {
		const piece = fc.constantFrom('### Scripts', '- [[deliverables/scripts/a.sh|A]] - p', '- [A](a.md)', '- `x.ts` - y', '```', '- Name: `p/`', '', '  - Uses: x', '[[', '- [[');
		fc.assert(
			fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 20 }), (parts) => {
				const text = parts.join('\n');
				for (const g of parseDeliverables(text).groups) {
					for (const e of g.entries) expect(g.start <= e.lineStart && e.end <= g.end).toBe(true);
				}
				parseDependenciesDelivered(text);
			}),
		);
	});
});
