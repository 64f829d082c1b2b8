import { inboxSummary, reviewInbox } from '../../../src/core/review/review-inbox';
import { formatProblems } from '../../../src/core/text/problems-text';
import { validate } from '../../../src/core/validate/validate';
import { requireSpec } from '../../../src/core/workspace/workspace';
import { memoryWorkspace } from '../../helpers/workspace';

/**
 * A mixed vault: `E01/F01/spec.md` headed `E01-F01` (its folder's name F01 only an alias) beside
 * `E03/F01/spec.md` headed with no id (its id is F01). The spec's own id wins over the other's alias.
 */
describe("a folder's short name that is another spec's id", () => {
	const files = (): Record<string, string> => ({
		'specs/E01/epic.md': '# E01: Ingest\n\n## Features\n- [[F01/spec|E01-F01 - CSV loader]]\n',
		'specs/E03/epic.md': '# E03: Alerts\n\n## Features\n- [[F01/spec|F01 - Thresholds]]\n',
		'specs/E01/F01/spec.md': '# E01-F01: CSV loader\n\n**Status**: implementing\n**Context**: [[context]]\n',
		'specs/E03/F01/spec.md': '# Thresholds\n\n**Status**: planning\n',
		'specs/E01/F01/context.md':
			'# Context: CSV loader\n\n**Spec**: [[spec]]\n\n## Implementation Timeline\n\n### Session 1: 2025-08-01 - Kickoff\n**Duration**: 1 hour\n**Status**: completed\n',
	});

	it('finds the spec whose id it is, and the other spec is no duplicate', async () => {
		const ws = await memoryWorkspace(files());
		expect(requireSpec(ws, 'F01').path).toBe('specs/E03/F01/spec.md');
		expect(requireSpec(ws, 'E01-F01').path).toBe('specs/E01/F01/spec.md');
		expect(ws.index.idTwins(ws.index.byPath('specs/E01/F01/spec.md')!)).toEqual([]);
		expect(ws.index.idTwins(ws.index.byPath('specs/E03/F01/spec.md')!)).toEqual([]);
	});

	it('an edit that only adds or removes the id property claiming the alias is seen, as a fresh build sees it', async () => {
		const claimed = '---\nid: F01\n---\n# E01-F01: CSV loader\n\n**Status**: implementing\n**Context**: [[context]]\n';
		const ws = await memoryWorkspace(files());
		ws.index.update('specs/E01/F01/spec.md', claimed);
		const fresh = await memoryWorkspace({ ...files(), 'specs/E01/F01/spec.md': claimed });
		const twins = (w: typeof ws) => w.index.idTwins(w.index.byPath('specs/E03/F01/spec.md')!).map((s) => s.path);
		expect(twins(ws)).toEqual(twins(fresh));
		expect(twins(ws)).toEqual(['specs/E01/F01/spec.md']);
		ws.index.update('specs/E01/F01/spec.md', files()['specs/E01/F01/spec.md']);
		expect(twins(ws)).toEqual([]);
	});

	it('validate warns once that the alias finds the other spec, and reports no duplicate id', async () => {
		const result = await validate(await memoryWorkspace(files()));
		expect(formatProblems(result)).toBe(
			[
				'warning  specs/E01/F01/spec.md  alias-taken  F01 is the id of specs/E03/F01/spec.md, so it finds that spec, not this one: call this one E01-F01',
				'0 errors, 1 warning',
			].join('\n'),
		);
	});

	it('the review inbox lists the spec with nothing to rename', async () => {
		const inbox = await reviewInbox(await memoryWorkspace(files(), { now: '2025-08-26T14:30:00' }));
		expect(inbox.map((s) => `${s.id} - ${s.title}: ${inboxSummary(s)}`)).toEqual(['E01-F01 - CSV loader: 1 session']);
		expect(inbox[0].sharesIdWith).toBeUndefined();
	});

	it('a spec writing that id as its id property is still a duplicate of the one whose id it is', async () => {
		const vault: Record<string, string> = { ...files(), 'specs/E01/F02/spec.md': '---\nid: E01-F01\n---\n# E01-F02: Copy\n' };
		vault['specs/E01/epic.md'] += '- [[F02/spec|E01-F02 - Copy]]\n';
		const ws = await memoryWorkspace(vault);
		expect(ws.index.lookup('E01-F01').map((s) => s.path)).toEqual(['specs/E01/F01/spec.md', 'specs/E01/F02/spec.md']);
		expect(ws.index.idTwins(ws.index.byPath('specs/E01/F01/spec.md')!).map((s) => s.path)).toEqual(['specs/E01/F02/spec.md']);
		const result = await validate(ws);
		expect(result.problems.map((p) => [p.severity, p.code, p.path, p.message])).toEqual([
			['warning', 'alias-taken', 'specs/E01/F01/spec.md', 'F01 is the id of specs/E03/F01/spec.md, so it finds that spec, not this one: call this one E01-F01'],
			['error', 'duplicate-id', 'specs/E01/F02/spec.md', 'Duplicate id E01-F01: specs/E01/F01/spec.md and specs/E01/F02/spec.md'],
		]);
	});

	it('two specs sharing a folder name as alias only (E01-F01 and E02-F01) stay ambiguous, with no problem', async () => {
		const ws = await memoryWorkspace({
			'specs/E01/epic.md': '# E01: Ingest\n\n## Features\n- [[F01/spec|E01-F01 - A]]\n',
			'specs/E02/epic.md': '# E02: Export\n\n## Features\n- [[F01/spec|E02-F01 - B]]\n',
			'specs/E01/F01/spec.md': '# E01-F01: A\n',
			'specs/E02/F01/spec.md': '# E02-F01: B\n',
		});
		expect(ws.index.lookup('F01').map((s) => s.path)).toEqual(['specs/E01/F01/spec.md', 'specs/E02/F01/spec.md']);
		expect((await validate(ws)).problems).toEqual([]);
	});
});
