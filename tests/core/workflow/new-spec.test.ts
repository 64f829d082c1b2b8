import { newSpec } from '../../../src/core/workflow/new-spec';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

const vault = readVaultFiles(EXAMPLE_VAULT);

function inserted(text: string, anchor: string, insert: string): string {
	expect(text.split(anchor)).toHaveLength(2);
	return text.replace(anchor, () => anchor + insert);
}

async function refusal(run: () => Promise<unknown>): Promise<WorkflowError> {
	try {
		await run();
	} catch (e) {
		if (e instanceof WorkflowError) return e;
		throw e;
	}
	throw new Error('expected a WorkflowError');
}

const STAMP = '2025-08-28 10:00';

describe('newSpec on the example vault', () => {
	it('creates an epic with the next free thousand and its context', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await newSpec(ws, { type: 'epic', title: 'Operations' });
		expect(result).toEqual({
			spec: { id: '10000', path: 'specs/10000/epic.md' },
			contextPath: 'specs/10000/context.md',
			written: ['specs/10000/epic.md', 'specs/10000/context.md'],
		});
		const after = ws.store.snapshot();
		expect(after['specs/10000/epic.md']).toBe(
			'---\nid: "10000"\ntype: epic\ntitle: Operations\nstatus: planning\ncontext: "[[context|Implementation Journal]]"\n' +
				`created: ${STAMP}\nupdated: ${STAMP}\ntags:\n  - spec\n  - epic\n---\n` +
				'# 10000 - Operations\n\n' +
				`**Context**: [[context|Implementation Journal]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Overview\n\n## Features\n\n## Deliverables\n\n## Acceptance Criteria\n',
		);
		expect(after['specs/10000/context.md']).toBe(
			`---\ntype: context\nspec: "[[epic|10000 - Operations]]"\nstatus: planning\ncreated: ${STAMP}\nupdated: ${STAMP}\n---\n` +
				'# Context: Operations\n\n' +
				`**Spec**: [[epic|10000 - Operations]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Summary\n\n## Implementation Timeline\n',
		);
		const { ['specs/10000/epic.md']: _e, ['specs/10000/context.md']: _c, ...rest } = after;
		expect(rest).toEqual(before);
	});

	it("creates a feature in its epic's folder and lists it under the epic's Features", async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await newSpec(ws, { type: 'feature', title: 'Backup', parent: '1000' });
		expect(result).toEqual({
			spec: { id: '1002', path: 'specs/1000/1002/spec.md' },
			contextPath: 'specs/1000/1002/context.md',
			written: ['specs/1000/1002/spec.md', 'specs/1000/1002/context.md', 'specs/1000/epic.md'],
		});
		const after = ws.store.snapshot();
		expect(after['specs/1000/1002/spec.md']).toBe(
			'---\nid: "1002"\ntype: feature\ntitle: Backup\nstatus: planning\nparent: "[[../epic|1000 - Foundation Infrastructure]]"\n' +
				`context: "[[context|Implementation Journal]]"\ncreated: ${STAMP}\nupdated: ${STAMP}\ntags:\n  - spec\n  - feature\n---\n` +
				'# 1002 - Backup\n\n' +
				`**Context**: [[context|Implementation Journal]]  \n**Parent**: [[../epic|1000 - Foundation Infrastructure]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Overview\n\n## Tasks\n\n## Acceptance Criteria\n\n## Deliverables\n',
		);
		expect(after['specs/1000/1002/context.md']).toBe(
			`---\ntype: context\nspec: "[[spec|1002 - Backup]]"\nparent: "[[../epic|1000 - Foundation Infrastructure]]"\nstatus: planning\ncreated: ${STAMP}\nupdated: ${STAMP}\n---\n` +
				'# Context: Backup\n\n' +
				`**Spec**: [[spec|1002 - Backup]]  \n**Parent**: [[../epic|1000 - Foundation Infrastructure]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Summary\n\n## Implementation Timeline\n',
		);
		expect(after['specs/1000/epic.md']).toBe(inserted(before['specs/1000/epic.md'], '- [[1001/spec|Storage Infrastructure]]\n', '- [[1002/spec|1002 - Backup]]\n'));
		// The index knows the new feature and its parent at once.
		const spec = ws.index.get('1002');
		expect(spec && ws.index.parentOf(spec)?.id).toBe('1000');
		expect(spec && ws.index.typeOf(spec)).toBe('feature');
	});

	it('creates a task beside its feature and lists it after the last task, above the note below the list', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await newSpec(ws, { type: 'task', title: 'Snapshot Rotation', parent: '1001' });
		expect(result).toEqual({
			spec: { id: '1015', path: 'specs/1000/1001/1015.spec.md' },
			contextPath: 'specs/1000/1001/1015.context.md',
			written: ['specs/1000/1001/1015.spec.md', 'specs/1000/1001/1015.context.md', 'specs/1000/1001/spec.md'],
		});
		const after = ws.store.snapshot();
		expect(after['specs/1000/1001/1015.spec.md']).toBe(
			'---\nid: "1015"\ntype: task\ntitle: Snapshot Rotation\nstatus: planning\nparent: "[[spec|1001 - Storage Infrastructure]]"\n' +
				`context: "[[1015.context|Implementation Journal]]"\ncreated: ${STAMP}\nupdated: ${STAMP}\ntags:\n  - spec\n  - task\n---\n` +
				'# 1015 - Snapshot Rotation\n\n' +
				`**Context**: [[1015.context|Implementation Journal]]  \n**Parent**: [[spec|1001 - Storage Infrastructure]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Overview\n\n## Requirements\n\n## Acceptance Criteria\n\n## Deliverables\n',
		);
		expect(after['specs/1000/1001/1015.context.md']).toBe(
			`---\ntype: context\nspec: "[[1015.spec|1015 - Snapshot Rotation]]"\nparent: "[[spec|1001 - Storage Infrastructure]]"\nstatus: planning\ncreated: ${STAMP}\nupdated: ${STAMP}\n---\n` +
				'# Context: Snapshot Rotation\n\n' +
				`**Spec**: [[1015.spec|1015 - Snapshot Rotation]]  \n**Parent**: [[spec|1001 - Storage Infrastructure]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Summary\n\n## Implementation Timeline\n',
		);
		expect(after['specs/1000/1001/spec.md']).toBe(
			inserted(before['specs/1000/1001/spec.md'], '- [[1014.spec|1014 - Cold Storage NAS Integration]]\n', '- [[1015.spec|1015 - Snapshot Rotation]]\n'),
		);
		// The next suggestion moves on.
		const next = await newSpec(ws, { type: 'task', title: 'Quota Alerts', parent: '1001' });
		expect(next.spec.id).toBe('1016');
	});

	it("creates the parent's Tasks section at its place when the parent has none", async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await newSpec(ws, { type: 'task', title: 'Feed Parser', parent: '3001' });
		expect(result.spec).toEqual({ id: '3011', path: 'specs/3000/3001/3011.spec.md' });
		expect(ws.store.snapshot()['specs/3000/3001/spec.md']).toBe(
			inserted(before['specs/3000/3001/spec.md'], 'never drop data\n', '\n## Tasks\n- [[3011.spec|3011 - Feed Parser]]\n'),
		);
	});

	it('writes a title without its control characters (ESC, BEL, C1) into every file', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await newSpec(ws, { type: 'task', title: 'Cold\x07 Tier\x1b\u0085', parent: '1001' });
		const after = ws.store.snapshot();
		for (const path of result.written) expect(after[path]).not.toMatch(/(?![\t\n])\p{Cc}/u);
		expect(after[result.spec.path]).toContain('# 1015 - Cold Tier\n');
		expect(after['specs/1000/1001/spec.md']).toBe(
			inserted(before['specs/1000/1001/spec.md'], '- [[1014.spec|1014 - Cold Storage NAS Integration]]\n', '- [[1015.spec|1015 - Cold Tier]]\n'),
		);
	});

	it('takes the id the user types', async () => {
		const ws = await memoryWorkspace();
		const result = await newSpec(ws, { type: 'feature', title: 'Networking', parent: '1000', id: ' 1005 ' });
		expect(result.spec).toEqual({ id: '1005', path: 'specs/1000/1005/spec.md' });
	});

	it('writes markdown links in a markdown-link vault', async () => {
		const ws = await memoryWorkspace(undefined, { linkStyle: 'markdown' });
		const before = ws.store.snapshot();
		await newSpec(ws, { type: 'task', title: 'Snapshot Rotation', parent: '1001' });
		const after = ws.store.snapshot();
		expect(after['specs/1000/1001/1015.spec.md']).toContain('parent: "[1001 - Storage Infrastructure](spec.md)"\ncontext: "[Implementation Journal](1015.context.md)"\n');
		expect(after['specs/1000/1001/1015.spec.md']).toContain('**Context**: [Implementation Journal](1015.context.md)  \n**Parent**: [1001 - Storage Infrastructure](spec.md)  \n');
		expect(after['specs/1000/1001/1015.context.md']).toContain('**Spec**: [1015 - Snapshot Rotation](1015.spec.md)  \n');
		expect(after['specs/1000/1001/spec.md']).toBe(
			inserted(before['specs/1000/1001/spec.md'], '- [[1014.spec|1014 - Cold Storage NAS Integration]]\n', '- [1015 - Snapshot Rotation](1015.spec.md)\n'),
		);
	});

	it('keeps a CRLF parent CRLF', async () => {
		const crlf = (s: string) => s.replace(/\n/g, '\r\n');
		const ws = await memoryWorkspace({ ...vault, 'specs/1000/epic.md': crlf(vault['specs/1000/epic.md']) });
		await newSpec(ws, { type: 'feature', title: 'Backup', parent: '1000' });
		expect(ws.store.snapshot()['specs/1000/epic.md']).toBe(
			crlf(inserted(vault['specs/1000/epic.md'], '- [[1001/spec|Storage Infrastructure]]\n', '- [[1002/spec|1002 - Backup]]\n')),
		);
	});
});

describe('newSpec in the E01 layout', () => {
	const files = {
		'specs/E01/E01.spec.md': '---\nid: E01\ntype: epic\ntitle: Platform\n---\n# Platform\n\n## Features\n- [[F01/E01-F01.spec|E01-F01 - Sync]]\n',
		'specs/E01/F01/E01-F01.spec.md': "---\nid: E01-F01\ntype: feature\ntitle: Sync\nparent: 'E01'\n---\n# Sync\n",
		'specs/E01/F01/T04/E01-F01-T04.spec.md': "---\nid: E01-F01-T04\ntype: task\nparent: 'E01-F01'\n---\n# Login form\n",
	};

	it('numbers a task after the highest sibling and creates the Tasks section', async () => {
		const ws = await memoryWorkspace(files);
		const result = await newSpec(ws, { type: 'task', title: 'Retry', parent: 'E01-F01' });
		expect(result.spec).toEqual({ id: 'E01-F01-T05', path: 'specs/E01/F01/E01-F01-T05.spec.md' });
		expect(ws.store.snapshot()['specs/E01/F01/E01-F01.spec.md']).toBe(
			"---\nid: E01-F01\ntype: feature\ntitle: Sync\nparent: 'E01'\n---\n# Sync\n\n## Tasks\n- [[E01-F01-T05.spec|E01-F01-T05 - Retry]]\n",
		);
	});

	it('puts a feature folder beside the epic file and lists it', async () => {
		const ws = await memoryWorkspace(files);
		const result = await newSpec(ws, { type: 'feature', title: 'Search', parent: 'E01' });
		expect(result.spec).toEqual({ id: 'E01-F02', path: 'specs/E01/E01-F02/spec.md' });
		expect(ws.store.snapshot()['specs/E01/E01.spec.md']).toBe(
			'---\nid: E01\ntype: epic\ntitle: Platform\n---\n# Platform\n\n## Features\n- [[F01/E01-F01.spec|E01-F01 - Sync]]\n- [[E01-F02/spec|E01-F02 - Search]]\n',
		);
		const spec = ws.index.get('E01-F02');
		expect(spec && ws.index.parentOf(spec)?.id).toBe('E01');
	});
});

describe('newSpec with a title that starts with the new id', () => {
	const files = {
		'specs/E01/epic.md': '# E01 - Hot Storage\n',
		'specs/E01/F01/spec.md': '---\ntype: feature\nid: E01-F01\nchildren: ["E01-F01-T04"]\n---\n# E01-F01: Ingest pipeline\n',
		'specs/E01/F01/E01-F01-T04.spec.md': '---\ntype: task\n---\n# E01-F01-T04 - Parse CSV headers\n',
	};

	it('writes the id once in the heading, the title property, the journal and the links', async () => {
		const ws = await memoryWorkspace(files);
		const result = await newSpec(ws, { type: 'task', title: 'E01-F01-T05: Quote handling', parent: 'E01-F01' });
		expect(result.spec).toEqual({ id: 'E01-F01-T05', path: 'specs/E01/F01/E01-F01-T05.spec.md' });
		const after = ws.store.snapshot();
		expect(after['specs/E01/F01/E01-F01-T05.spec.md']).toBe(
			'---\nid: E01-F01-T05\ntype: task\ntitle: Quote handling\nstatus: planning\nparent: "[[spec|E01-F01 - Ingest pipeline]]"\n' +
				`context: "[[E01-F01-T05.context|Implementation Journal]]"\ncreated: ${STAMP}\nupdated: ${STAMP}\ntags:\n  - spec\n  - task\n---\n` +
				'# E01-F01-T05 - Quote handling\n\n' +
				`**Context**: [[E01-F01-T05.context|Implementation Journal]]  \n**Parent**: [[spec|E01-F01 - Ingest pipeline]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Overview\n\n## Requirements\n\n## Acceptance Criteria\n\n## Deliverables\n',
		);
		expect(after['specs/E01/F01/E01-F01-T05.context.md']).toBe(
			`---\ntype: context\nspec: "[[E01-F01-T05.spec|E01-F01-T05 - Quote handling]]"\nparent: "[[spec|E01-F01 - Ingest pipeline]]"\nstatus: planning\ncreated: ${STAMP}\nupdated: ${STAMP}\n---\n` +
				'# Context: Quote handling\n\n' +
				`**Spec**: [[E01-F01-T05.spec|E01-F01-T05 - Quote handling]]  \n**Parent**: [[spec|E01-F01 - Ingest pipeline]]  \n**Status**: planning  \n**Created**: ${STAMP}  \n**Updated**: ${STAMP}\n\n` +
				'## Summary\n\n## Implementation Timeline\n',
		);
		expect(ws.index.get('E01-F01-T05')?.title).toBe('Quote handling');
	});

	it.each([
		['[E01-F01-T05] Quote handling'],
		['Task E01-F01-T05: Quote handling'],
		['e01-f01-t05 - Quote handling'],
		['**E01-F01-T05**: Quote handling'],
		['E01-F01-T05. Quote handling'],
	])('strips %s as the index does', async (title) => {
		const ws = await memoryWorkspace(files);
		await newSpec(ws, { type: 'task', title, parent: 'E01-F01' });
		const spec = ws.store.snapshot()['specs/E01/F01/E01-F01-T05.spec.md'];
		expect(spec).toContain('\ntitle: Quote handling\n');
		expect(spec).toContain('\n# E01-F01-T05 - Quote handling\n');
	});

	it('strips a typed id from an epic and a numbered task', async () => {
		const ws = await memoryWorkspace(files);
		await newSpec(ws, { type: 'epic', title: 'E03: Search v2', id: 'E03' });
		expect(ws.store.snapshot()['specs/E03/epic.md']).toContain('\ntitle: Search v2\n');
		expect(ws.store.snapshot()['specs/E03/epic.md']).toContain('\n# E03 - Search v2\n');
		expect(ws.store.snapshot()['specs/E03/context.md']).toContain('**Spec**: [[epic|E03 - Search v2]]  \n');
		const numbered = await memoryWorkspace();
		await newSpec(numbered, { type: 'task', title: 'Task 1015: Cold Tier', parent: '1001' });
		expect(numbered.store.snapshot()['specs/1000/1001/1015.spec.md']).toContain('\n# 1015 - Cold Tier\n');
	});

	it('keeps a title that starts with another id or a longer number', async () => {
		const ws = await memoryWorkspace();
		await newSpec(ws, { type: 'task', title: '1014 - follow-up', parent: '1001' });
		await newSpec(ws, { type: 'task', title: '10160 racks', parent: '1001' });
		expect(ws.store.snapshot()['specs/1000/1001/1015.spec.md']).toContain('\n# 1015 - 1014 - follow-up\n');
		expect(ws.store.snapshot()['specs/1000/1001/1016.spec.md']).toContain('\n# 1016 - 10160 racks\n');
	});
});

describe('newSpec refusals change nothing', () => {
	it.each([
		[{ type: 'feature' as const, title: 'X' }, 'missing-parent', 'A new feature needs a parent epic (--parent ID)'],
		[{ type: 'task' as const, title: 'X' }, 'missing-parent', 'A new task needs a parent feature (--parent ID)'],
		[{ type: 'task' as const, title: 'X', parent: '1000' }, 'bad-parent', "1000 (specs/1000/epic.md) is an epic; a task's parent must be a feature"],
		[{ type: 'feature' as const, title: 'X', parent: '1014' }, 'bad-parent', "1014 (specs/1000/1001/1014.spec.md) is a task; a feature's parent must be an epic"],
		[{ type: 'epic' as const, title: 'X', parent: '1000' }, 'bad-parent', 'An epic has no parent (got --parent 1000)'],
		[{ type: 'feature' as const, title: 'X', parent: '8000' }, 'unknown-id', 'No spec with id "8000" under specs/'],
		[{ type: 'task' as const, title: 'X', parent: '1001', id: '1014' }, 'duplicate-id', 'Id "1014" is already used by specs/1000/1001/1014.spec.md'],
		[{ type: 'epic' as const, title: '  ' }, 'bad-title', 'A new epic needs a title of one non-empty line (--title)'],
		[{ type: 'epic' as const, title: 'a\nb' }, 'bad-title', 'A new epic needs a title of one non-empty line (--title)'],
		[
			{ type: 'task' as const, title: 'a [[b]]', parent: '1001' },
			'bad-title',
			'A title cannot hold "[[" or "]]": it would be a link in the heading of the new task; write it without them (--title)',
		],
		[
			{ type: 'epic' as const, title: 'end ]] here' },
			'bad-title',
			'A title cannot hold "[[" or "]]": it would be a link in the heading of the new epic; write it without them (--title)',
		],
		[{ type: 'epic' as const, title: 'X', id: 'deliverables' }, 'unsafe-id', 'Id "deliverables" cannot name a spec folder: deliverables/ folders hold deliverables'],
	])('%j → %s', async (input, code, message) => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const error = await refusal(() => newSpec(ws, input));
		expect(error.code).toBe(code);
		expect(error.message).toBe(message);
		expect(ws.store.snapshot()).toEqual(before);
	});

	it.each(['../x', 'a/b', '', '..', '1014#2', 'x|y', 'a:b', 'a*b', 'a"b', 'a<b', 'a>b', 'a?b', 'a^b', '[x]', 'a\\b', '.hidden'])('refuses the id %j', async (id) => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const error = await refusal(() => newSpec(ws, { type: 'epic', title: 'X', id }));
		expect(error.code).toBe('unsafe-id');
		expect(error.message).toContain(`Unsafe id ${JSON.stringify(id.trim())}`);
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('refuses a path that is taken by a file the index does not count as a spec', async () => {
		const ws = await memoryWorkspace({ ...vault, 'specs/5000/context.md': '# Context: orphan\n' });
		const before = ws.store.snapshot();
		const error = await refusal(() => newSpec(ws, { type: 'epic', title: 'X', id: '5000' }));
		expect(error.code).toBe('exists');
		expect(error.message).toBe('specs/5000/context.md already exists; nothing was written');
		expect(ws.store.snapshot()).toEqual(before);
	});
});

describe('newSpec with a parent that keeps a children property', () => {
	const FEATURE = 'specs/1000/1001/spec.md';
	const feature = (children: string): string =>
		`---\nid: "1001"\ntype: feature\ntitle: Storage\n${children}status: implementing # by hand\n---\n# Storage\n\n## Tasks\n- [ ] Order the disks\n- [x] Rack the NAS\n`;
	const files = (children: string): Record<string, string> => ({
		'specs/1000/epic.md': '---\nid: "1000"\ntype: epic\ntitle: Foundation\n---\n# Foundation\n',
		[FEATURE]: feature(children),
		'specs/1000/1001/1011.spec.md': '---\nid: "1011"\ntype: task\nparent: "1001"\n---\n# Disks\n',
		'specs/1000/1001/1012.spec.md': '---\nid: "1012"\ntype: task\nparent: "1001"\n---\n# NAS\n',
	});

	it("adds the id to a one-line list in its quoting and leaves the body's own checklist alone", async () => {
		const ws = await memoryWorkspace(files('children: ["1011", "1012"] # the tasks\n'));
		const result = await newSpec(ws, { type: 'task', title: 'Archive Tier', parent: '1001', id: '1015' });
		expect(result.written).toEqual(['specs/1000/1001/1015.spec.md', 'specs/1000/1001/1015.context.md', FEATURE]);
		expect(ws.store.snapshot()[FEATURE]).toBe(feature('children: ["1011", "1012", "1015"] # the tasks\n'));
		const spec = ws.index.get('1015');
		expect(spec && ws.index.parentOf(spec)?.id).toBe('1001');
	});

	it('adds a "- id" line to a block list, after a comment under its last item', async () => {
		const ws = await memoryWorkspace(files("children:\n  - '1011'\n  - '1012'\n  # more to come\n"));
		await newSpec(ws, { type: 'task', title: 'Archive Tier', parent: '1001', id: '1015' });
		expect(ws.store.snapshot()[FEATURE]).toBe(feature("children:\n  - '1011'\n  - '1012'\n  # more to come\n  - '1015'\n"));
	});

	it('lists the child in the body as before when the list spans lines', async () => {
		const children = 'children: [\n  "1011",\n  "1012"]\n';
		const ws = await memoryWorkspace(files(children));
		await newSpec(ws, { type: 'task', title: 'Archive Tier', parent: '1001', id: '1015' });
		expect(ws.store.snapshot()[FEATURE]).toBe(`${feature(children)}- [[1015.spec|1015 - Archive Tier]]\n`);
	});
});
