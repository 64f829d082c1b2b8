import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { applyMigration } from '../../../src/core/migration/apply-migration';
import { rewriteCanvasFiles } from '../../../src/core/migration/canvas-edits';
import { readMigrationInput } from '../../../src/core/migration/migration-input';
import { planMigration } from '../../../src/core/migration/migration-plan';
import { revertMigration } from '../../../src/core/migration/revert-migration';
import { formatMigrationPlan } from '../../../src/core/text/migration-text';

const now = (): Date => new Date('2025-08-28T10:00:00');

/** A canvas as Obsidian writes it: tabs, its own key order, a card of a moving file, of a staying one, a text card. */
const canvas = (cold: string, cards = ''): string =>
	[
		'{',
		'\t"nodes":[',
		`\t\t{"id":"n1","type":"file","file":"${cold}","subpath":"#Goals","x":0,"y":0,"width":400,"height":400},`,
		'\t\t{"id":"n2","type":"text","text":"see \\"file\\": specs/E01/F02/F02.md","x":500,"y":0,"width":250,"height":60},',
		'\t\t{"id":"n3","type":"file","file":"notes/links.md","x":0,"y":500,"width":400,"height":400}' + cards,
		'\t],',
		'\t"edges":[{"id":"e1","fromNode":"n1","fromSide":"right","toNode":"n2","toSide":"left"}]',
		'}',
	].join('\n');

const VAULT = {
	'specs/E01/E01.md': '---\ntype: epic\nid: E01\n---\n# Storage\n',
	'specs/E01/F02/F02.md': '---\ntype: feature\nid: E01-F02\n---\n# Cold\n',
	'specs/E01/F02/docs/flow.canvas': canvas('specs/E01/F02/F02.md'),
	'notes/Map.canvas': canvas('specs/E01/F02/F02.md'),
	'notes/links.md': '# Links\n- [[F02]]\n',
	'notes/empty.canvas': '',
};

describe('canvases after a migration', () => {
	it('point their file cards at the moved notes, every other byte kept, listed with the link rewrites; a revert gives the bytes back', async () => {
		const store = new MemoryFileStore(VAULT);
		const plan = planMigration(await readMigrationInput(store, 'specs'));
		expect(formatMigrationPlan(plan).split('\n')).toEqual(
			expect.arrayContaining([
				'Link rewrites:',
				'  notes/Map.canvas',
				'    line 3: specs/E01/F02/F02.md → specs/E01/E01-F02/spec.md',
				'  specs/E01/F02/docs/flow.canvas (→ specs/E01/E01-F02/deliverables/docs/flow.canvas)',
				'    line 3: specs/E01/F02/F02.md → specs/E01/E01-F02/spec.md',
			]),
		);
		const log = await applyMigration(store, plan, { now });
		const after = store.snapshot();
		expect(after['notes/Map.canvas']).toBe(canvas('specs/E01/E01-F02/spec.md'));
		expect(after['specs/E01/E01-F02/deliverables/docs/flow.canvas']).toBe(canvas('specs/E01/E01-F02/spec.md'));
		expect(after['notes/empty.canvas']).toBe('');
		expect(after['notes/links.md']).toBe('# Links\n- [[../specs/E01/E01-F02/spec]]\n');
		await revertMigration(store, log);
		expect(store.snapshot()).toEqual(new MemoryFileStore(VAULT).snapshot());
	});

	it('leaves a canvas that is not JSON as it is, with a warning when it names a file that moves', async () => {
		const broken = canvas('specs/E01/F02/F02.md').replace('"edges"', 'edges');
		const store = new MemoryFileStore({ ...VAULT, 'notes/Map.canvas': broken, 'notes/other.canvas': '{"nodes":[' });
		const plan = planMigration(await readMigrationInput(store, 'specs'));
		expect(plan.problems).toEqual([
			{
				severity: 'warning',
				code: 'unreadable',
				path: 'notes/Map.canvas',
				message: 'notes/Map.canvas: not valid JSON, so its cards still show the old paths of the files that move; fix them in Obsidian',
			},
		]);
		await applyMigration(store, plan, { now });
		expect(store.snapshot()['notes/Map.canvas']).toBe(broken);
		expect(store.snapshot()['notes/other.canvas']).toBe('{"nodes":[');
	});
});

describe('rewriteCanvasFiles', () => {
	const moves = new Map([
		['specs/a b/ü.md', 'specs/E01/spec.md'],
		['specs/x.png', 'specs/E01/deliverables/assets/x.png'],
	]);

	it('changes only the file values of file cards, whatever the spacing, escapes and nesting around them', () => {
		const text =
			'\uFEFF{ "edges" : [], "nodes" : [ {"file":"specs/x.png","type":"file","meta":{"file":"specs/x.png","n":[1,-2.5e3,true,null]}} ,\n{"type":"group","label":"specs/x.png"},{"type":"file","file":"specs\\/a b\\/\\u00fc.md"} ] }\r\n';
		const r = rewriteCanvasFiles(text, moves);
		expect(r?.text).toBe(
			'\uFEFF{ "edges" : [], "nodes" : [ {"file":"specs/E01/deliverables/assets/x.png","type":"file","meta":{"file":"specs/x.png","n":[1,-2.5e3,true,null]}} ,\n{"type":"group","label":"specs/x.png"},{"type":"file","file":"specs/E01/spec.md"} ] }\r\n',
		);
		expect(r?.changes).toEqual([
			{ line: 1, from: 'specs/x.png', to: 'specs/E01/deliverables/assets/x.png' },
			{ line: 2, from: 'specs/a b/ü.md', to: 'specs/E01/spec.md' },
		]);
	});

	it('leaves a canvas without moved cards, an empty one, or one that is not an object byte for byte; null when it is not JSON', () => {
		for (const text of ['{"nodes":[{"type":"file","file":"notes/n.md"}]}', '', '  \n', '[]', '{}', '{"nodes":{}}'])
			expect(rewriteCanvasFiles(text, moves)).toEqual({ text, changes: [] });
		expect(rewriteCanvasFiles('{"nodes":[}', moves)).toBeNull();
	});
});
