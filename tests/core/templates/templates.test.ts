import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { readFrontmatter } from '../../../src/core/metadata/frontmatter';
import { parseSessions } from '../../../src/core/context/session';
import {
	CONTEXT_SECTION_ORDER,
	SESSION_SUBSECTION_ORDER,
	contextTemplate,
	formatSessionHeader,
	formatSessionHeading,
	formatSessionSubsection,
	sessionTemplate,
} from '../../../src/core/templates/context-template';
import { formatFrontmatter, yamlScalar } from '../../../src/core/templates/markdown-blocks';
import { SPEC_SECTION_ORDER, specHeadingTitle, specTemplate } from '../../../src/core/templates/spec-templates';
import { SEED_COLD_STORAGE_CONTEXT } from '../context/seed-snippets';
import { APPROVED } from './templates.fixtures';

/** Properties as Spec Workflow reads them (YAML 1.2 core schema, as Obsidian's properties: dates stay text). */
function yamlOf(file: string): Record<string, unknown> {
	const read = readFrontmatter(file, 'test.md');
	expect(read.error).toBeNull();
	return read.data;
}

describe('approved templates', () => {
	test.each(Object.keys(APPROVED))('%s matches its approved file byte for byte', (name) => {
		const approved = readFileSync(join(__dirname, '__approved__', name), 'utf8');
		expect(APPROVED[name]()).toBe(approved);
	});
});

describe('spec templates', () => {
	test('properties read back as the strings given (ids stay strings, times stay text)', () => {
		expect(yamlOf(APPROVED['feature-spec.md']())).toEqual({
			id: '1001',
			type: 'feature',
			title: 'Storage Infrastructure',
			status: 'planning',
			parent: '[[../epic|1000 - Foundation]]',
			context: '[[context|Implementation Journal]]',
			created: '2025-08-26 14:30',
			updated: '2025-08-26 14:30',
			tags: ['spec', 'feature'],
		});
		expect(yamlOf(APPROVED['task-markdown-links.spec.md']())).toMatchObject({
			id: 'E01-F01-T04',
			title: 'Retry: network "blips"',
			parent: '[E01-F01 - Sync](spec.md)',
			context: '[Implementation Journal](E01-F01-T04.context.md)',
			tags: ['spec/task', 'network'],
		});
	});

	test('an epic has no parent property or line', () => {
		const epic = APPROVED['epic.md']();
		expect(yamlOf(epic)).not.toHaveProperty('parent');
		expect(epic).not.toContain('**Parent**');
	});

	test.each(['epic', 'feature', 'task'] as const)('a %s has its sections in order', (type) => {
		const file = specTemplate({ id: '1', type, title: 'T', created: '2025-01-01 00:00', contextLink: '[[context]]', parentLink: type === 'epic' ? null : '[[../epic]]' });
		const headings = file
			.split('\n')
			.filter((l) => l.startsWith('## '))
			.map((l) => l.slice(3));
		expect(headings).toEqual(SPEC_SECTION_ORDER[type]);
		expect(file.endsWith(`## ${SPEC_SECTION_ORDER[type][3]}\n`)).toBe(true);
		expect(file).not.toContain('\r');
	});

	test('heading title', () => {
		expect(specHeadingTitle('1014', ' Cold Storage NAS ')).toBe('1014 - Cold Storage NAS');
		expect(specHeadingTitle('1014', '')).toBe('1014');
	});
});

describe('context template', () => {
	test("its header matches the seed's cold-storage context line for line", () => {
		const file = APPROVED['context-1014.context.md']();
		const body = file.slice(file.indexOf('# Context'));
		const seedHeader = SEED_COLD_STORAGE_CONTEXT.slice(0, SEED_COLD_STORAGE_CONTEXT.indexOf('\n## Summary'));
		expect(body.startsWith(seedHeader)).toBe(true);
		expect(yamlOf(file)).toEqual({
			type: 'context',
			spec: '[[1014.spec|1014 - Cold Storage NAS]]',
			parent: '[[spec|1001 - Storage Infrastructure]]',
			status: 'planning',
			created: '2025-08-26 14:30',
			updated: '2025-08-26 14:30',
		});
	});

	test('a new journal holds Summary and the timeline; Deliverables only when the spec lists some', () => {
		const headings = (file: string) =>
			file
				.split('\n')
				.filter((l) => l.startsWith('## '))
				.map((l) => l.slice(3));
		expect(headings(contextTemplate({ title: 'X', specLink: '[[spec|1 - X]]', created: '2025-01-01 00:00' }))).toEqual(['Summary', 'Implementation Timeline']);
		const listed = contextTemplate({ title: 'X', specLink: '[[spec|1 - X]]', created: '2025-01-01 00:00', deliverables: '### Scripts\n- [[deliverables/scripts/a.sh|A]]' });
		expect(headings(listed)).toEqual(['Summary', 'Implementation Timeline', 'Deliverables']);
		expect(listed.endsWith('## Implementation Timeline\n\n## Deliverables\n### Scripts\n- [[deliverables/scripts/a.sh|A]]\n')).toBe(true);
		// Whatever is written keeps the canonical order.
		const order = CONTEXT_SECTION_ORDER as readonly string[];
		expect(headings(listed).map((h) => order.indexOf(h))).toEqual([...headings(listed).map((h) => order.indexOf(h))].sort((a, b) => a - b));
	});

	test("without properties it is the seed's step-1 file up to its first session, byte for byte", () => {
		const seedHead = SEED_COLD_STORAGE_CONTEXT.slice(0, SEED_COLD_STORAGE_CONTEXT.indexOf('\n### Session 1'));
		expect(APPROVED['context-1014-header-lines.context.md']()).toBe(seedHead);
	});

	test('a session appended to the timeline reads back as an active session', () => {
		const file = APPROVED['context-1014.context.md']();
		const session = sessionTemplate({ number: 1, date: '2025-08-26', title: 'Initial Planning', participants: 'User, Claude', started: '2025-08-26 14:30' });
		const withSession = `${file}\n${session}\n${formatSessionSubsection('Planning')}\n- Reviewing spec requirements\n\n## Deliverables\n`;
		const [s] = parseSessions(withSession);
		expect(s).toMatchObject({ number: 1, date: '2025-08-26', title: 'Initial Planning', status: 'active', inProgress: true, durationMinutes: null });
		expect(s.fields.started.value).toBe('2025-08-26 14:30');
		expect(s.fields.participants.value).toBe('User, Claude');
		expect(s.entries.map((e) => [e.section, e.items])).toEqual([['planning', ['Reviewing spec requirements']]]);
		expect(withSession.slice(s.end, s.end + 15)).toBe('## Deliverables');
	});

	test('a session opened with an empty Planning subsection, one level below its heading', () => {
		expect(APPROVED['session-planning.md']()).toBe(`${APPROVED['session.md']()}\n#### Planning\n`);
		expect(sessionTemplate({ number: 2, date: '2025-08-27', participants: 'User', level: 2, subsections: ['Planning'] })).toBe(
			'## Session 2: 2025-08-27\n**Duration**: In progress  \n**Participants**: User  \n**Status**: active\n\n### Planning\n',
		);
	});
});

describe('session lines', () => {
	test('heading forms', () => {
		expect(formatSessionHeading(3, '2025-08-27', 'Benchmarking')).toBe('### Session 3: 2025-08-27 - Benchmarking');
		expect(formatSessionHeading(4, '2025-08-28', '  ')).toBe('### Session 4: 2025-08-28');
		expect(formatSessionHeading(5, '2025-08-28')).toBe('### Session 5: 2025-08-28');
	});

	test("header lines in the seed's order, hard breaks on all but the last", () => {
		expect(formatSessionHeader({ participants: 'User, Claude', started: '2025-08-26 14:30' })).toBe(
			'**Duration**: In progress  \n**Participants**: User, Claude  \n**Status**: active  \n**Started**: 2025-08-26 14:30\n',
		);
		expect(formatSessionHeader({ duration: '2.5 hours', participants: 'User', status: 'completed' })).toBe(
			'**Duration**: 2.5 hours  \n**Participants**: User  \n**Status**: completed\n',
		);
	});

	test('the subsection order', () => {
		expect(SESSION_SUBSECTION_ORDER).toEqual(['Planning', 'Changes to Spec', 'Implementation', 'Testing', 'Commits', 'Issues & Resolutions']);
	});
});

describe('YAML scalars', () => {
	test.each<[string, string]>([
		['Foundation', 'Foundation'],
		['1014', '"1014"'],
		['1.5', '"1.5"'],
		['1:30', '"1:30"'],
		['true', '"true"'],
		['No', '"No"'],
		['null', '"null"'],
		// Dates stay plain so Obsidian shows a date property; our reader keeps them text.
		['2025-08-26', '2025-08-26'],
		['2025-08-26 14:30', '2025-08-26 14:30'],
		['2025-08-26 14:30:00', '2025-08-26 14:30:00'],
		['[[context|Journal]]', '"[[context|Journal]]"'],
		['a: b', '"a: b"'],
		['C# #1', '"C# #1"'],
		['Cold Storage (NAS) Integration', 'Cold Storage (NAS) Integration'],
		['-leading dash', '"-leading dash"'],
		['', '""'],
		['line\nbreak', '"line\\nbreak"'],
	])('%j → %s', (value, yaml) => {
		expect(yamlScalar(value)).toBe(yaml);
	});

	test('any string reads back unchanged through YAML', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ unit: 'grapheme' }),
					fc.string({ unit: 'binary-ascii' }),
					fc.constantFrom('0x1F', '0o17', '0b101', '1_000', '+1', '.inf', '~', '190:20:30', '2025-8-6 1:02:03', 'y', 'on'),
				),
				(value) => {
					const data = yamlOf(
						`${formatFrontmatter([
							['k', value],
							['list', [value]],
						])}body\n`,
					);
					expect(data).toEqual({ k: value, list: [value] });
				},
			),
			{ numRuns: 500 },
		);
	});

	test('an empty list is written inline', () => {
		expect(
			formatFrontmatter([
				['tags', []],
				['skip', undefined],
			]),
		).toBe('---\ntags: []\n---\n');
	});
});
