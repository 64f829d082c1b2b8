jest.mock('yaml', () => jest.requireActual<typeof import('../../helpers/yaml-engines')>('../../helpers/yaml-engines').switchableYaml);
import { readSpecMetadata } from '../../../src/core/metadata/spec-metadata';
import { useYamlEngine, YAML_ENGINES } from '../../helpers/yaml-engines';

// The CLI reads YAML with the `yaml` package, main.js with Obsidian's parseYaml: both must pass.
describe.each(YAML_ENGINES)('%s', (_title, engine) => {
	useYamlEngine(engine);

	describe('readSpecMetadata', () => {
		it('reads a seed-format spec with header lines only, no frontmatter', () => {
			const text = [
				'# Spec 1014: Cold Storage NAS Integration',
				'',
				'**Parent**: [[spec|1001 - Storage Infrastructure]]  ',
				'**Context**: [[1014.context|Implementation Journal]]  ',
				'**Status**: implementing  ',
				'**Created**: 2025-08-26 14:30  ',
				'**Updated**: 2025-08-27 10:00',
				'',
				'## Deliverables',
				'- **Status**: not a header line',
				'',
			].join('\n');
			expect(readSpecMetadata(text, 'specs/1000/1001/1014.spec.md')).toEqual({
				title: 'Spec 1014: Cold Storage NAS Integration',
				heading: 'Spec 1014: Cold Storage NAS Integration',
				status: 'implementing',
				statusRaw: 'implementing',
				parent: '[[spec|1001 - Storage Infrastructure]]',
				context: '[[1014.context|Implementation Journal]]',
				created: '2025-08-26 14:30',
				updated: '2025-08-27 10:00',
				tags: [],
				children: [],
				deliverables: [],
				commits: [],
				properties: {},
				mismatches: [],
				problems: [],
			});
		});

		it('reads frontmatter-only metadata in the E01/F01/T04 layout, keeping unknown properties', () => {
			const text = [
				'---',
				'id: E01-F01-T04',
				'type: task',
				'title: Wire NFS mount options',
				'status: in-progress',
				"parent: 'E01-F01'",
				'created: 2025-08-26',
				'tags: [storage, nfs]',
				'estimate: 3',
				'---',
				'# E01-F01-T04 Wire NFS mount options',
				'',
			].join('\n');
			expect(readSpecMetadata(text, 'specs/E01/F01/T04/E01-F01-T04.spec.md')).toEqual({
				id: 'E01-F01-T04',
				type: 'task',
				typeRaw: 'task',
				title: 'Wire NFS mount options',
				heading: 'E01-F01-T04 Wire NFS mount options',
				status: 'implementing',
				statusRaw: 'in-progress',
				parent: 'E01-F01',
				created: '2025-08-26',
				tags: ['storage', 'nfs'],
				children: [],
				deliverables: [],
				commits: [],
				properties: {
					id: 'E01-F01-T04',
					type: 'task',
					title: 'Wire NFS mount options',
					status: 'in-progress',
					parent: 'E01-F01',
					created: '2025-08-26',
					tags: ['storage', 'nfs'],
					estimate: 3,
				},
				mismatches: [],
				problems: [],
			});
		});

		it('reads ids as strings and unquoted wikilinks as links', () => {
			const meta = readSpecMetadata('---\nid: 1014\nparent: [[../epic|Foundation]]\ncontext_file: 1014.context.md\n---\n', 'a.md');
			expect(meta.id).toBe('1014');
			expect(meta.parent).toBe('[[../epic|Foundation]]');
			expect(meta.context).toBe('1014.context.md');
		});

		it('reads mixed status vocabularies, property first, and reports a real disagreement', () => {
			const agree = readSpecMetadata('---\nstatus: Done\n---\n# T\n\n**Status**: ✅ Completed\n', 'a.md');
			expect([agree.status, agree.statusRaw, agree.mismatches]).toEqual(['completed', 'Done', []]);

			const differ = readSpecMetadata('---\nstatus: draft\n---\n# T\n\n**Status**: In Progress\n', 'specs/1000/epic.md');
			expect(differ.status).toBe('planning');
			expect(differ.mismatches).toEqual([{ field: 'status', property: 'draft', header: 'In Progress' }]);

			const unknown = readSpecMetadata('# T\n\n**Status**: Deferred to Q3\n', 'a.md');
			expect([unknown.status, unknown.statusRaw]).toEqual([undefined, 'Deferred to Q3']);
		});

		it('compares links by target, dates by precision, and ids against links only when the link names the id', () => {
			const header = (lines: string[]): string => `# T\n\n${lines.join('  \n')}\n`;
			const same = readSpecMetadata(
				'---\nparent: "[[../epic|Parent]]"\ncreated: 2025-08-26\ncontext: "[Journal](./context.md)"\n---\n' +
					header(['**Parent**: [[../epic|Foundation Infrastructure Epic]]', '**Created**: 2025-08-26 14:30', '**Context**: [[context|Implementation Journal]]']),
				'a.md',
			);
			expect(same.mismatches).toEqual([]);

			const idAndLink = readSpecMetadata('---\nparent: "1001"\n---\n' + header(['**Parent**: [[../spec|1001 - Storage]]']), 'a.md');
			expect(idAndLink.mismatches).toEqual([]);

			const differ = readSpecMetadata(
				'---\nparent: E01-F02\ncontext: "[[other.context]]"\n---\n' + header(['**Parent**: [[../E01-F01.spec|F01]]', '**Context**: [[1014.context]]']),
				'a.md',
			);
			expect(differ.parent).toBe('E01-F02');
			expect(differ.mismatches).toEqual([
				{ field: 'parent', property: 'E01-F02', header: '[[../E01-F01.spec|F01]]' },
				{ field: 'context', property: '[[other.context]]', header: '[[1014.context]]' },
			]);
		});

		it('falls back to the header lines when the YAML is malformed, and says where', () => {
			const text = '---\nstatus: done\n  parent: x\n---\n# Cold Storage\n\n**Status**: planning\n';
			const meta = readSpecMetadata(text, 'specs/1000/1001/1014.spec.md');
			expect(meta.status).toBe('planning');
			expect(meta.title).toBe('Cold Storage');
			// The `yaml` package names the mapping the stray line breaks, js-yaml the stray line.
			const [line, reason] = engine === 'cli' ? [2, 'Nested mappings are not allowed in compact mappings'] : [3, 'bad indentation of a mapping entry'];
			expect(meta.problems).toEqual([{ path: 'specs/1000/1001/1014.spec.md', line, message: `specs/1000/1001/1014.spec.md line ${line}: ${reason}` }]);
		});

		it('ignores a property of the wrong shape with a problem naming its line, and uses the header', () => {
			const meta = readSpecMetadata('---\nid: 7\nstatus:\n  - a\n  - b\n---\n**Status**: blocked\n', 'x.md');
			expect(meta.status).toBe('blocked');
			expect(meta.problems).toEqual([{ path: 'x.md', line: 3, message: 'x.md line 3: property "status" should be text, not a list; it was ignored', ignoredProperty: 'status' }]);
		});

		it('maps type synonyms and keeps unknown types as written', () => {
			expect(readSpecMetadata('---\ntype: PRD\n---\n', 'a.md')).toMatchObject({ type: 'epic', typeRaw: 'PRD' });
			expect(readSpecMetadata('---\ntype: story\n---\n', 'a.md')).toMatchObject({ type: 'feature', typeRaw: 'story' });
			const odd = readSpecMetadata('---\ntype: meeting\n---\n', 'a.md');
			expect([odd.type, odd.typeRaw]).toEqual([undefined, 'meeting']);
		});

		it('reads properties whose key differs in case, and tags in their usual shapes', () => {
			expect(readSpecMetadata('---\nStatus: Blocked\nTags: "#storage, nas"\n---\n', 'a.md')).toMatchObject({ status: 'blocked', tags: ['storage', 'nas'] });
			expect(readSpecMetadata('---\ntags:\n  - "#a"\n  - 2025\n---\n', 'a.md').tags).toEqual(['a', '2025']);
		});

		it('reads a context file: the Spec line links back to the spec', () => {
			const meta = readSpecMetadata('# Context: Cold Storage\n\n**Specification**: [[spec|Original Spec]]\n', 'specs/1000/1001/context.md');
			expect(meta.spec).toBe('[[spec|Original Spec]]');
			expect(meta.title).toBe('Context: Cold Storage');
		});

		it('reads nothing from an empty file', () => {
			expect(readSpecMetadata('', 'a.md')).toEqual({ tags: [], children: [], deliverables: [], commits: [], properties: {}, mismatches: [], problems: [] });
		});

		it('ignores headings in code blocks when finding the title', () => {
			expect(readSpecMetadata('```bash\n# not a title\n```\n# Real Title #\n', 'a.md').title).toBe('Real Title');
		});

		it('reads a 5 MB spec', () => {
			const body = 'Body text with **bold** and [[links]].\n'.repeat(140_000);
			expect(body.length).toBeGreaterThan(5_000_000);
			const meta = readSpecMetadata('---\nid: 9001\n---\n# Big\n\n**Status**: active\n\n' + body, 'big.md');
			expect([meta.id, meta.status, meta.title]).toEqual(['9001', 'implementing', 'Big']);
		});
	});

	describe('frontmatter is not markdown', () => {
		it('takes the title from the body, not from a YAML comment, and a ``` in a block scalar opens no fence', () => {
			const text = '---\n# the journal of spec 1014\nnotes: |\n  ```\n---\n# Cold storage\n\n**Status**: planning\n';
			const meta = readSpecMetadata(text, 'specs/1014.spec.md');
			expect(meta.title).toBe('Cold storage');
			expect(meta.status).toBe('planning');
		});
	});

	describe('list properties owners write', () => {
		it('reads children, deliverables and commits as text lists, links and numbers included', () => {
			const text = [
				'---',
				'# Owner notes: children are kept by hand',
				'children: ["1001", 1002, "[[1003/spec|Sync]]"]',
				'deliverables:',
				'  - deliverables/scripts/setup.sh',
				'  - [[deliverables/docs/guide.md]]',
				'  - "[Guide](deliverables/docs/guide.md)"',
				'commits: ["08e4cc5", "a1b2c3d: Add mount options"]',
				'---',
				'# 1000 - Foundation',
				'',
			].join('\n');
			const meta = readSpecMetadata(text, 'specs/1000/epic.md');
			expect(meta.children).toEqual(['1001', '1002', '[[1003/spec|Sync]]']);
			expect(meta.deliverables).toEqual(['deliverables/scripts/setup.sh', '[[deliverables/docs/guide.md]]', '[Guide](deliverables/docs/guide.md)']);
			expect(meta.commits).toEqual(['08e4cc5', 'a1b2c3d: Add mount options']);
			expect(meta.problems).toEqual([]);
		});

		it('reads one scalar as a list of one, and skips empty items and mappings', () => {
			const meta = readSpecMetadata('---\nchildren: 1001\ncommits:\n  - \n  - {hash: x}\n  - abc1234\n---\n', 'a.md');
			expect(meta.children).toEqual(['1001']);
			expect(meta.commits).toEqual(['abc1234']);
		});
	});
});
