import { join } from 'path';
import { specStatus } from '../../../src/core/reports/spec-status';
import { validate } from '../../../src/core/validate/validate';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';
import { OLD_VAULT } from '../migration/old-vault-fixture';

/** `E13/F01` folders whose headings and journals name `E13-F01`; status as bullets; bash in list items. */
const VAULT = readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'nested-ids'));

describe('nested ids as owners write them', () => {
	it('takes the fuller id a heading or a journal beside names, with the folder name as an alias', async () => {
		const ws = await memoryWorkspace(VAULT);
		expect(ws.index.all().map((s) => [s.id, s.title, s.aliases, ws.index.typeOf(s), ws.index.parentOf(s)?.id ?? null])).toEqual([
			['E13', 'Spec Tooling', [], 'epic', null],
			['E13-F01', 'Spec Parser Service', ['F01'], 'feature', 'E13'],
			['E13-F01-T01', 'Tokenizer', [], 'task', 'E13-F01'],
			['E13-F02', 'Renderer', ['F02'], 'feature', 'E13'],
		]);
		expect(ws.index.get('F01')?.id).toBe('E13-F01');
		expect(ws.index.contextPathOf(ws.index.get('E13-F01')!)).toBe('specs/E13/F01/E13-F01.context.md');
		expect(ws.index.specForPath('specs/E13/F01/E13-F01.context.md')?.id).toBe('E13-F01');
	});

	it('reads status written as a `- **Status**:` bullet', async () => {
		const ws = await memoryWorkspace(VAULT);
		expect(ws.index.get('E13-F01')).toMatchObject({ status: 'completed', statusRaw: 'Completed' });
		expect(ws.index.get('E13')).toMatchObject({ status: 'implementing', statusRaw: 'In Progress' });
	});

	it('answers status of E13-F01 from its own journal', async () => {
		const ws = await memoryWorkspace(VAULT);
		const report = await specStatus(ws, 'E13-F01');
		expect([report.id, report.title, report.context, report.sessions.length]).toEqual(['E13-F01', 'Spec Parser Service', 'specs/E13/F01/E13-F01.context.md', 1]);
	});

	it('finds no broken link in bash inside fences under list items, and reads the bracketed link text', async () => {
		const ws = await memoryWorkspace(VAULT);
		const problems = (await validate(ws)).problems;
		expect(problems.filter((p) => p.code === 'broken-link')).toEqual([]);
		expect(problems.filter((p) => p.code === 'unlisted-child')).toEqual([]);
	});
});

describe('old-layout names before the migration', () => {
	it('finds `1014-task-cold-storage.spec.md` as 1014, keeps the whole name as an alias and the journal beside it', async () => {
		const ws = await memoryWorkspace(OLD_VAULT);
		const spec = ws.index.get('1014')!;
		expect([spec.path, spec.title, spec.aliases]).toEqual([
			'specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.spec.md',
			'Cold storage',
			['1014-task-cold-storage'],
		]);
		expect(ws.index.get('1014-task-cold-storage')).toBe(spec);
		expect(ws.index.contextPathOf(spec)).toBe('specs/1000-epic-foundation/1001-feature-storage/1014-task-cold-storage.context.md');
		expect(ws.index.all().map((s) => s.id)).toEqual(['1000', '1001', '1011', '1013', '1014', '2000', '2001', '2011', '9000', '12000', '12001', '12011']);
		expect(ws.index.parentOf(spec)?.id).toBe('1001');
	});
});

describe('a fuller id from a context that comes or goes later', () => {
	it('is taken when the context is created beside the spec, and given back when it is removed', async () => {
		const ws = await memoryWorkspace({ 'specs/E13/epic.md': '# Spec Tooling\n', 'specs/E13/F01/spec.md': '# Spec Parser Service\n' });
		expect(ws.index.get('F01')?.id).toBe('F01');
		ws.index.update('specs/E13/F01/E13-F01.context.md');
		expect(ws.index.get('E13-F01')).toMatchObject({ id: 'E13-F01', aliases: ['F01'] });
		expect(ws.index.contextPathOf(ws.index.get('E13-F01')!)).toBe('specs/E13/F01/E13-F01.context.md');
		ws.index.remove('specs/E13/F01/E13-F01.context.md');
		expect(ws.index.get('E13-F01')).toBeNull();
		expect(ws.index.get('F01')).toMatchObject({ id: 'F01', aliases: [] });
	});
});

describe('a note that says its type in a header line', () => {
	it('is a spec: `E02.md` with `**Type**: Epic` is the parent of the feature below it', async () => {
		const ws = await memoryWorkspace({
			'specs/E02/E02.md': '# E02: Market Data\n\n**Type**: Epic\n**Status**: planning\n',
			'specs/E02/F01/spec.md': '# E02-F01: Feeds\n',
			'specs/E02/notes.md': '# Notes\n\n**Owner**: Ana\n',
		});
		expect(ws.index.all().map((s) => [s.id, ws.index.typeOf(s), ws.index.parentOf(s)?.id ?? null])).toEqual([
			['E02', 'epic', null],
			['E02-F01', 'feature', 'E02'],
		]);
	});
});

describe('a task in a folder of its own short name', () => {
	it('answers to the folder name too', async () => {
		const ws = await memoryWorkspace({ 'specs/E01/F01/spec.md': '# E01-F01: Storage\n', 'specs/E01/F01/T04/E01-F01-T04.spec.md': '# E01-F01-T04 Wire NFS mount options\n' });
		expect(ws.index.get('T04')).toMatchObject({ id: 'E01-F01-T04', aliases: ['T04'], title: 'Wire NFS mount options' });
	});
});

describe('a name that is an id and then words', () => {
	it('answers to the id its heading writes, the name and the short id being aliases, and shows the title once', async () => {
		const ws = await memoryWorkspace({
			'specs/E01/epic.md': '# E01: Ingestion\n\n## Features\n- [[F02-loader/spec|E01-F02 - Loader]]\n',
			'specs/E01/F02-loader/spec.md': '# E01-F02: Loader\n\n**Status**: implementing\n',
			'specs/1000/1001-nas.spec.md': '# 1001 - NAS mount\n',
			'specs/2000/2001 (v2)/spec.md': '# 2001 - Rack layout\n',
			'specs/E01/F02-loader/T01-parse-rows.spec.md': '# E01-F02-T01 Parse rows\n',
		});
		expect(ws.index.get('E01-F02')).toMatchObject({ id: 'E01-F02', aliases: ['F02-loader', 'F02'], title: 'Loader' });
		expect(ws.index.get('1001')).toMatchObject({ id: '1001', aliases: ['1001-nas'], title: 'NAS mount' });
		expect(ws.index.get('2001')).toMatchObject({ id: '2001', aliases: ['2001 (v2)'], title: 'Rack layout' });
		expect(ws.index.get('T01')).toMatchObject({ id: 'E01-F02-T01', title: 'Parse rows' });
		expect(ws.index.parentOf(ws.index.get('E01-F02-T01')!)?.id).toBe('E01-F02');
	});

	it('keeps the name when the note writes no id of it, and never reads an id of three parts as id and words', async () => {
		const ws = await memoryWorkspace({
			'specs/E01/F02-loader/spec.md': '# Loader\n',
			'specs/E01/F03-cache/spec.md': '# E07: Something else\n',
			'specs/E01/E01-F02-T04.spec.md': '# E01 - Misplaced heading\n',
		});
		expect(
			ws.index
				.all()
				.map((s) => s.id)
				.sort(),
		).toEqual(['E01-F02-T04', 'F02-loader', 'F03-cache']);
	});
});

describe('incremental updates give what a full read gives', () => {
	it('a title keeps no copy of an id a context beside the spec brings later', async () => {
		const ws = await memoryWorkspace({ 'specs/E13/epic.md': '# Tools\n', 'specs/E13/F01/spec.md': '---\ntitle: E13-F01 Parser\n---\n' });
		expect(ws.index.get('F01')?.title).toBe('E13-F01 Parser');
		ws.index.update('specs/E13/F01/E13-F01.context.md');
		expect(ws.index.get('E13-F01')).toMatchObject({ id: 'E13-F01', title: 'Parser' });
		ws.index.remove('specs/E13/F01/E13-F01.context.md');
		expect(ws.index.get('F01')).toMatchObject({ id: 'F01', title: 'E13-F01 Parser' });
	});

	it('a note edited with a byte-order mark is read by its frontmatter, as a full build reads it', async () => {
		const ws = await memoryWorkspace({ 'specs/E13/epic.md': '# Tools\n', 'specs/E13/F01/spec.md': '# Parser\n' });
		ws.index.update('specs/E13/F01/spec.md', '\uFEFF---\nid: E13-F01\nstatus: done\n---\n# Parser\n');
		expect(ws.index.get('E13-F01')).toMatchObject({ id: 'E13-F01', status: 'completed' });
	});
});
