import fc from 'fast-check';
import { findSection, flattenSections, parseSections } from '../../../src/core/markdown/sections';
import { lineAt } from '../../../src/core/metadata/frontmatter';
import { CHILD_LIST } from '../../../src/core/edits/child-list';
import { VaultFacts } from '../../../src/core/validate/validate-facts';
import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';

const FOLDERS = ['specs/1000', 'specs/1000/1001', 'specs/1000/1002', 'specs/2000/2001', 'specs/2000/2001/deliverables/scripts'];
const NAMES = ['spec.md', 'context.md', 'epic.md', 'Notes.md', '1011.spec.md', '1011.context.md', 'run.sh', 'guide.md'];
const TARGETS = [
	'spec',
	'Spec.md',
	'context',
	'../epic',
	'../../1000/epic',
	'./notes',
	'notes',
	'1011.spec',
	'/specs/1000/epic.md',
	'deliverables/scripts/run.sh',
	'run.sh',
	'guide',
	'missing',
	'1001/spec',
	'#Heading',
	'spec#Tasks',
	'2001/spec|A',
	'../1002/context',
];

const link = fc.tuple(fc.constantFrom(...TARGETS), fc.boolean()).map(([t, md]) => (md && !t.includes('|') ? `[x](${t.split('#')[0].replace(/ /g, '%20') || '#h'})` : `[[${t}]]`));
const line = fc.oneof(
	fc.constantFrom('## Deliverables', '## Tasks', '### Scripts', '## Features', '# Title', '## Notes', '```', '```bash', '**Status**: planning', 'Text.', '', '---'),
	link.map((l) => `- ${l} - purpose`),
	link.map((l) => `See ${l} and \`${l}\`.`),
);
const markdown = fc
	.tuple(fc.boolean(), fc.array(line, { maxLength: 25 }), fc.constantFrom('', 'parent: "[[../epic]]"', 'spec: [[spec]]', 'context: "[[context]]"', 'bad: [unclosed'))
	.map(([fm, lines, prop]) => (fm ? `---\ntype: task\n${prop}\n---\n` : '') + lines.join('\n'));
const vault = fc
	.dictionary(
		fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES)).map(([f, n]) => `${f}/${n}`),
		markdown,
		{ maxKeys: 14 },
	)
	.map((files) => {
		const out: Record<string, string> = {};
		for (const [path, text] of Object.entries(files)) {
			// Scripts carry a traceback line instead of markdown.
			out[path] = path.endsWith('.sh') ? `#!/bin/sh\n# Generated from: [[../../spec]]\n# Spec: specs/1000/epic.md\necho\n${text}` : text;
		}
		return out;
	});

describe('VaultFacts', () => {
	test('links resolve, lines, targets and outlines agree with resolving and parsing each file on its own', async () => {
		await fc.assert(
			fc.asyncProperty(vault, async (files) => {
				const ws = await memoryWorkspace(files);
				const facts = await VaultFacts.load(ws);
				for (const path of facts.paths) {
					const file = facts.get(path);
					if (!file) continue;
					for (const l of file.links) {
						expect(l.resolved).toBe(l.target === '' ? path : ws.links.resolve(l.target, path));
						expect(l.line).toBe(lineAt(file.text, l.start));
						expect(file.lineOf(l.start)).toBe(l.line);
					}
					expect([...file.targets].sort()).toEqual([...new Set(file.links.flatMap((l) => (l.resolved ? [l.resolved] : [])))].sort());
					if (!file.markdown) continue;
					const root = parseSections(file.text);
					const deliverables = findSection(root, ['Deliverables']);
					const lists = flattenSections(root).filter((s) => CHILD_LIST.test(s.title));
					const outer = lists.filter((s) => !lists.some((o) => o !== s && o.headingStart < s.headingStart && s.end <= o.end));
					const range = (s: { headingStart: number; headingEnd: number; end: number }) => ({ headingStart: s.headingStart, headingEnd: s.headingEnd, end: s.end });
					expect(facts.outline(file)).toEqual({ deliverables: deliverables ? range(deliverables) : null, childLists: outer.map(range) });
				}
			}),
			{ numRuns: 150 },
		);
	});
});

describe('a journal kept outside the specs folder', () => {
	const epic = '# E01: Platform\n\n## Features\n- [[F02/spec|E01-F02 Storage tiers]]\n';
	const journal = (folder: string) =>
		`---\nspec: "[[specs/E01/F02/spec|E01-F02]]"\n---\n# E01-F02 log\n**Spec**: [[specs/E01/F02/spec|E01-F02]]\n\n## Sessions\n### 2025-08-02 - Tiers\n- Looked at [[missing-page]] and [gone](${folder}nothing.md)\n`;
	const broken = async (files: Record<string, string>) => (await validate(await memoryWorkspace(files))).problems.map((p) => [p.severity, p.code, p.path, p.line, p.message]);

	test.each([
		['journal/E01-F02 log.md', '[[journal/E01-F02 log|Log]]', '../specs/E01/F02/'],
		['specs/E01/F02/E01-F02 log.md', '[[E01-F02 log|Log]]', ''],
	])('has its links checked wherever it is: %s', async (path, link, folder) => {
		const problems = await broken({ 'specs/E01/epic.md': epic, 'specs/E01/F02/spec.md': `# E01-F02 - Storage tiers\n\n**Context**: ${link}\n`, [path]: journal(folder) });
		expect(problems).toEqual([
			['error', 'broken-link', path, 9, `${path} line 9: [[missing-page]] does not resolve to a file`],
			['error', 'broken-link', path, 9, `${path} line 9: [gone](${folder}nothing.md) does not resolve to a file`],
		]);
	});

	test('a note outside that is no journal of the spec is reported as such, its links unchecked', async () => {
		const problems = await broken({
			'specs/E01/epic.md': epic,
			'specs/E01/F02/spec.md': '# E01-F02 - Storage tiers\n\n**Context**: [[notes/Reading list|Log]]\n',
			'notes/Reading list.md': '# Reading list\n\n- [[missing-page]]\n',
		});
		expect(problems.map((p) => p[1])).toEqual(['context-of-other-spec']);
	});
});
