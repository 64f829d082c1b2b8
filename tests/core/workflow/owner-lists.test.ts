import { join } from 'path';
import { deliverablesReport, formatDeliverablesReport } from '../../../src/core/reports/deliverables-report';
import { validate } from '../../../src/core/validate/validate';
import { formatProblems } from '../../../src/core/text/problems-text';
import { addToChildrenProperty } from '../../../src/core/validate/validate-specs';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

/**
 * A vault kept the way owners and agents keep one: `children:` lists instead of Features/Tasks
 * sections, a `deliverables:` list instead of a `## Deliverables` section. The lists count as the
 * sections they stand for; what they name that is not there is said once, plainly.
 */
const VAULT = join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'owner-lists');
const files = (): Record<string, string> => readVaultFiles(VAULT);

describe('validate reads children and deliverables lists as the sections they stand for', () => {
	it('reports only what the lists name that is not there', async () => {
		const result = await validate(await memoryWorkspace(files()));
		expect(formatProblems(result)).toBe(
			[
				'warning  specs/1000/1001/1014.spec.md:13  missing-deliverable  registered deliverable deliverables/config/gone.conf (deliverables property) does not exist',
				'warning  specs/1000/1001/deliverables/scripts/backup.sh:2  traceback-wikilink  the traceback header links [[../../1014.spec|1014 - Cold Storage]], which Obsidian does not follow outside a note; the fix writes the vault path specs/1000/1001/1014.spec.md',
				'warning  specs/1000/1002/spec.md:8  misplaced-child  children lists task 1011 (specs/1000/1001/1011.spec.md), whose parent is 1001 (specs/1000/1001/spec.md)',
				'warning  specs/1000/epic.md:13  unknown-child  children lists "1099", which is not a spec',
				'0 errors, 4 warnings (1 fixable)',
			].join('\n'),
		);
	});

	it('an unlisted child is added to the children list the parent keeps, its comments and quoting kept', async () => {
		const vault = files();
		vault['specs/1000/epic.md'] = vault['specs/1000/epic.md'].replace('  - "1002"\n', '');
		vault['specs/1000/1001/spec.md'] = vault['specs/1000/1001/spec.md'].replace('["1011", "1014"]', '["1011"]');
		const ws = await memoryWorkspace(vault);
		const before = await validate(ws);
		expect(before.problems.filter((p) => p.code === 'unlisted-child').map((p) => [p.path, p.message, p.fixable])).toEqual([
			['specs/1000/1001/spec.md', 'specs/1000/1001/spec.md: does not list its task 1014 (specs/1000/1001/1014.spec.md) in its children property', true],
			['specs/1000/epic.md', 'specs/1000/epic.md: does not list its feature 1002 (specs/1000/1002/spec.md) in its children property', true],
		]);
		const fixed = await validate(ws, { fix: true });
		expect(fixed.written.sort()).toEqual(['specs/1000/1001/deliverables/scripts/backup.sh', 'specs/1000/1001/spec.md', 'specs/1000/epic.md']);
		expect(await ws.store.read('specs/1000/1001/spec.md')).toContain('children: ["1011", "1014"] # tasks, in order\n');
		expect(await ws.store.read('specs/1000/epic.md')).toContain(
			'children:\n  - "1001" # storage infrastructure\n  # 1003 dropped in review\n  - "1099" # planned, not written yet\n  - "1002"\npriority: 2\n',
		);
		expect(fixed.problems.map((p) => p.code)).toEqual(['missing-deliverable', 'misplaced-child', 'unknown-child']);
	});

	it('lists that hold odd items give one line each, never a crash', async () => {
		const ids = Array.from({ length: 3000 }, (_, i) => `"${20000 + i}"`).join(', ');
		const paths = Array.from({ length: 3000 }, (_, i) => `"x/${i}.md"`).join(', ');
		const ws = await memoryWorkspace({
			'specs/5000/epic.md': [
				'---',
				`children: [42, "", "[[", "5000", "[[nowhere]]", ${ids}]`,
				`deliverables: [7, "", "[[", "[[gone.md]]", ${paths}]`,
				'---',
				'# 5000 - Odd',
				'',
			].join('\n'),
		});
		const result = await validate(ws);
		expect(result.problems.map((p) => [p.severity, p.code, p.line])).toEqual([
			['warning', 'unknown-child', 2],
			['warning', 'missing-deliverable', 3],
		]);
		expect(result.problems[0].message).toBe(
			'specs/5000/epic.md line 2: children lists "42", "[[", "[[nowhere]]", "20000", "20001", "20002", "20003", "20004", "20005", "20006" and 2993 more, which are not specs',
		);
		expect(result.problems[1].message).toBe(
			'specs/5000/epic.md line 3: registered deliverables 7, [[, [[gone.md]], x/0.md, x/1.md, x/2.md, x/3.md, x/4.md, x/5.md, x/6.md and 2993 more (deliverables property) do not exist',
		);
		const report = await deliverablesReport(ws, '5000');
		expect(report.missing).toHaveLength(3003);
		expect(report.missing.slice(0, 2)).toEqual(['specs/5000/gone.md', 'specs/5000/x/0.md']);
		expect(formatDeliverablesReport(report)).toContain('- Missing file: `specs/5000/gone.md` is registered but not there');
	});
});

describe('addToChildrenProperty', () => {
	it('writes the id as the list writes its items', () => {
		expect(addToChildrenProperty('---\nchildren: []\n---\n', 'a.md', '1001')).toBe('---\nchildren: ["1001"]\n---\n');
		expect(addToChildrenProperty("---\nchildren: ['1001']\n---\n", 'a.md', '1002')).toBe("---\nchildren: ['1001', '1002']\n---\n");
		expect(addToChildrenProperty('---\r\nchildren:\r\n- E01-F01\r\n---\r\n', 'a.md', 'E01-F02')).toBe('---\r\nchildren:\r\n- E01-F01\r\n- E01-F02\r\n---\r\n');
	});

	it('refuses a list it cannot extend in place (the problem stays reported)', () => {
		expect(() => addToChildrenProperty('---\nchildren: 1001\n---\n', 'a.md', '1002')).toThrow('a.md: the children property is not a one-line [...] list');
	});
});

describe('the deliverables report lists what the deliverables property names', () => {
	it('paths beside the spec, from the vault root, bare names, docs and code outside deliverables/, and the file that is gone', async () => {
		const ws = await memoryWorkspace(files());
		const report = await deliverablesReport(ws, '1014');
		expect(report.deliverables.map((d) => [d.type, d.path, d.exists])).toEqual([
			['scripts', 'specs/1000/1001/deliverables/scripts/backup.sh', true],
			['docs', 'specs/1000/1001/deliverables/docs/guide.md', true],
			['docs', 'specs/1000/1001/deliverables/docs/runbook.md', true],
			['docs', 'docs/architecture.md', true],
			['config', 'specs/1000/1001/deliverables/config/gone.conf', false],
			['other', 'src/parser.py', true],
		]);
		const text = formatDeliverablesReport(report);
		expect(text).toContain(
			[
				'### Documentation (3)',
				'| File | Purpose | Format | Pages |',
				'|------|---------|--------|-------|',
				'| guide.md | How to mount the share | Markdown | 1 |',
				'| runbook.md | What to do when the NAS is down | Markdown | 1 |',
				'| architecture.md | — | Markdown | 1 |',
				'',
				'### Configuration (1)',
				'| File | Purpose | Target Location |',
				'|------|---------|-----------------|',
				'| gone.conf (missing) | — | — |',
				'',
				'### Other (1)',
				'| File | Purpose | Size | Lines |',
				'|------|---------|------|-------|',
				'| parser.py | — | 119B | 3 |',
			].join('\n'),
		);
		// Files outside every deliverables/ folder are the owner's: no traceback is asked of them.
		expect(text.slice(text.indexOf('## Problems'))).toBe('## Problems\n- Missing file: `specs/1000/1001/deliverables/config/gone.conf` is registered but not there\n');
	});
});
