import { readSpec } from '../../../src/core/index/read-spec';
import fc from 'fast-check';
import { extendsId, headingId, stripIdPrefix, stripIdPrefixByRule } from '../../../src/core/index/spec-title';
import { specHeadingTitle } from '../../../src/core/templates/spec-templates';

describe('stripIdPrefix: a title keeps no copy of the id', () => {
	it.each([
		['1014 - Cold Storage NAS Integration', ['1014'], 'Cold Storage NAS Integration'],
		['1014: Cold Storage', ['1014'], 'Cold Storage'],
		['1014 – Cold Storage', ['1014'], 'Cold Storage'],
		['E13-F01: Spec Parser Service', ['E13-F01', 'F01'], 'Spec Parser Service'],
		['Task 1014: Cold Storage', ['1014'], 'Cold Storage'],
		['Spec 1014: Cold Storage', ['1014'], 'Cold Storage'],
		['Epic 1000 - Foundation', ['1000'], 'Foundation'],
		['[1014] Cold Storage', ['1014'], 'Cold Storage'],
		['[1014] - Cold Storage', ['1014'], 'Cold Storage'],
		['e13-f01: lower case heading', ['E13-F01'], 'lower case heading'],
		['1014 Cold Storage', ['1014'], 'Cold Storage'],
		['E01-F01-T03. Dotted', ['E01-F01-T03'], 'Dotted'],
		['[1014]. Cold', ['1014'], 'Cold'],
		['**E01-F01-T07**: Bold', ['E01-F01-T07'], 'Bold'],
		['**E01-F01-T07:** Bold', ['E01-F01-T07'], 'Bold'],
		['*1014* - Italic', ['1014'], 'Italic'],
		['_1014_. Italic', ['1014'], 'Italic'],
		['__1014__ Bold', ['1014'], 'Bold'],
		['***[1014]*** Both', ['1014'], 'Both'],
		['**Task 1014**: Bold kind', ['1014'], 'Bold kind'],
		['Task **1014**: Bold id', ['1014'], 'Bold id'],
		['1001-feature-storage: Storage', ['1001'], 'Storage'],
		['1001-feature-cold-storage - Cold Storage', ['1001'], 'Cold Storage'],
		['E01-F01-task-quote-handling Quote handling', ['E01-F01-T05', 'E01-F01'], 'Quote handling'],
		['Feature 1001-Feature-storage | Storage', ['1001'], 'Storage'],
		['1000-epic-lab', ['1000'], 'Lab'],
		['1000-epic-cold-lab', ['1000', '1000-epic-cold-lab'], 'Cold lab'],
		['1001-sub-task-x', ['1001'], 'X'],
		['E06 -- Reporting', ['E06'], 'Reporting'],
		['E05-F01-T07 · Tax IDs', ['E05-F01-T07'], 'Tax IDs'],
		['**1014** -- Bold', ['1014'], 'Bold'],
		['[1014]·Cold', ['1014'], 'Cold'],
		['1001-feature-storage -- Storage', ['1001'], 'Storage'],
	])('%s → %s', (title, ids, expected) => {
		expect(stripIdPrefix(title, ids)).toBe(expected);
	});

	it.each([
		['10140 Racks', ['1014']],
		['1014', ['1014']],
		['Cold Storage 1014', ['1014']],
		['E13-F012: Other', ['E13-F01']],
		['Task list for 1014', ['1014']],
		['1014.5 Racks', ['1014']],
		['1014.Racks', ['1014']],
		['E01-F01-T03.1 Sub-step', ['E01-F01-T03']],
		['**10140** Racks', ['1014']],
		['**1014* Unbalanced', ['1014']],
		['**Cold** 1014', ['1014']],
		['**1014**', ['1014']],
		['1001-feature-storage: Storage', ['1002']],
	])('leaves %s alone', (title, ids) => {
		expect(stripIdPrefix(title, ids)).toBe(title);
	});
});

describe('headingId and extendsId', () => {
	it('finds the id a heading starts with', () => {
		expect(headingId('E13-F01: Spec Parser Service')).toBe('E13-F01');
		expect(headingId('Feature E13-F01 - Parser')).toBe('E13-F01');
		expect(headingId('[1014] Cold')).toBe('1014');
		expect(headingId('Cold storage')).toBeNull();
		expect(headingId('E01-F01-T03. Dotted')).toBe('E01-F01-T03');
		expect(headingId('v2.0 Release')).toBe('v2.0');
		expect(headingId('**E13-F01**: Parser')).toBe('E13-F01');
		expect(headingId('Task _1014_ - Cold')).toBe('1014');
	});

	it('knows a fuller id only at a dash', () => {
		expect(extendsId('E13-F01', 'F01')).toBe(true);
		expect(extendsId('E13-F01', 'e13-f01')).toBe(false);
		expect(extendsId('XF01', 'F01')).toBe(false);
	});
});

describe('readSpec: ids and titles as owners write them', () => {
	it('gives a heading-titled spec its title without the id', () => {
		const { spec } = readSpec('specs/1000/1001/1014.spec.md', '# 1014 - Cold Storage NAS Integration\n\n**Status**: planning\n');
		expect(spec.id).toBe('1014');
		expect(spec.title).toBe('Cold Storage NAS Integration');
	});

	it('strips the id from a title property too, so no view prints it twice', () => {
		const { spec } = readSpec('specs/1000/1001/1014.spec.md', '---\ntitle: "1014 - Cold Storage"\n---\n');
		expect(spec.title).toBe('Cold Storage');
	});

	it('takes the fuller id a heading names over the folder name, which stays an alias', () => {
		const { spec } = readSpec('specs/E13/F01/spec.md', '# E13-F01: Spec Parser Service\n');
		expect(spec.id).toBe('E13-F01');
		expect(spec.aliases).toEqual(['F01']);
		expect(spec.title).toBe('Spec Parser Service');
	});

	it('takes the fuller id from the context file beside it', () => {
		const { spec } = readSpec('specs/E13/F01/spec.md', '# Spec Parser Service\n', ['E13-F01.context.md']);
		expect(spec.id).toBe('E13-F01');
		expect(spec.aliases).toEqual(['F01']);
	});

	it('takes the fuller id from the id property; a frontmatter id that is not fuller stays an alias', () => {
		expect(readSpec('specs/E13/F01/spec.md', '---\nid: E13-F01\n---\n# Parser\n').spec).toMatchObject({ id: 'E13-F01', aliases: ['F01'] });
		expect(readSpec('specs/1000/1001/1014.spec.md', '---\nid: NAS-COLD\n---\n').spec).toMatchObject({ id: '1014', aliases: ['NAS-COLD'] });
	});

	it('reads the title of a dotted or bold heading without the id', () => {
		expect(readSpec('specs/E01/F01/E01-F01-T03.spec.md', '---\ntype: task\n---\n# E01-F01-T03. Dotted\n').spec.title).toBe('Dotted');
		expect(readSpec('specs/E01/F01/E01-F01-T07.spec.md', '---\ntype: task\n---\n# **E01-F01-T07**: Bold\n').spec.title).toBe('Bold');
		expect(readSpec('specs/E13/F01/spec.md', '# **E13-F01**: Parser\n').spec).toMatchObject({ id: 'E13-F01', aliases: ['F01'], title: 'Parser' });
		expect(readSpec('specs/E13/F01/spec.md', '# E13-F01. Parser\n').spec).toMatchObject({ id: 'E13-F01', aliases: ['F01'], title: 'Parser' });
	});

	it('keeps the id as the title when the heading is only the id', () => {
		expect(readSpec('specs/1000/1001/1014.spec.md', '# 1014\n').spec.title).toBe('1014');
	});

	it('reads no old-layout name into the title, before migration or after', () => {
		const heading = '# 1001-feature-storage: Storage\n';
		expect(readSpec('specs/1000-epic-lab/1001-feature-storage/1001-feature-storage.spec.md', heading).spec.title).toBe('Storage');
		expect(readSpec('specs/1000/1001/spec.md', heading).spec.title).toBe('Storage');
		expect(readSpec('specs/1000-epic-lab/1000-epic-lab.spec.md', '# 1000-epic-lab\n').spec.title).toBe('Lab');
		expect(readSpec('specs/1000/epic.md', '---\ntype: epic\n---\n# 1000-epic-lab\n').spec.title).toBe('Lab');
		// Only the spec's own old name: another spec's is a title like any other.
		expect(readSpec('specs/1000/1002/spec.md', heading).spec.title).toBe('1001-feature-storage: Storage');
	});
});

describe('specHeadingTitle prints the id once', () => {
	it('gives `id - title`, or the id alone when the title is the id or empty', () => {
		expect(specHeadingTitle('1014', 'Cold Storage')).toBe('1014 - Cold Storage');
		expect(specHeadingTitle('1014', '1014')).toBe('1014');
		expect(specHeadingTitle('E13-F01', 'e13-f01')).toBe('E13-F01');
		expect(specHeadingTitle('1014', '  ')).toBe('1014');
	});
});

describe('stripIdPrefix reads in place what the plain pattern says', () => {
	const piece = fc.constantFrom(
		'1014',
		'E13',
		'F01',
		'E13-F01',
		'e13-f01',
		'Task',
		'task',
		'Spec',
		'[',
		']',
		' ',
		'  ',
		'\t',
		'-',
		' - ',
		': ',
		'–',
		'—',
		'|',
		'--',
		' -- ',
		'·',
		' · ',
		'Cold',
		'É',
		'é',
		'x',
		'10140',
		'.',
		'. ',
		'0',
		'*',
		'**',
		'_',
		'__',
		'-feature-',
		'-task',
		'epic-',
		'cold-lab',
	);
	const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
	const ids = fc.array(
		fc.oneof(
			fc.constantFrom('1014', 'E13-F01', 'F01', 'Spec', 'É1', 'é1', 'a.b', '_1', '1*', ''),
			fc.string({ maxLength: 4 }).filter((id) => !/\s/.test(id)),
		),
		{ maxLength: 3 },
	);

	it('gives the same title as stripIdPrefixByRule', () => {
		fc.assert(
			fc.property(text, ids, (title, list) => {
				expect(stripIdPrefix(title, list)).toBe(stripIdPrefixByRule(title, list));
			}),
			{ numRuns: 5000 },
		);
	});
});
