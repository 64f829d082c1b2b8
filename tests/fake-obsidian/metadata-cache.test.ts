import type { CachedMetadata } from 'obsidian';
import { createFakeApp, fileAt, type TAbstractFile, type TFile } from '../__mocks__/obsidian';

const spec = [
	'---',
	'id: 1001',
	'type: feature',
	'created: 2025-08-26',
	'parent: "[[../epic|Epic]]"',
	'related:',
	'  - "[[1011.spec]]"',
	'  - plain text',
	'---',
	'# Feature 1001',
	'',
	'**Context**: [[context|Implementation Journal]] and ![[diagram.png]]',
	'See [setup](deliverables/scripts/setup.sh), [site](https://example.com) and [[missing#Part]].',
	'',
	'## Plan',
	'- [ ] pending',
	'  - [x] nested done',
	'- [/] in progress',
	'- plain item',
	'',
	'```bash',
	'[[ -d "$X" ]] && echo [[not a link]]',
	'```',
	'Inline `[[not a link either]]` code, #tag and #123.',
	'## Done ##',
].join('\n');

function cacheOf(app: ReturnType<typeof createFakeApp>, path: string): CachedMetadata {
	const cache = app.metadataCache.getCache(path);
	if (!cache) throw new Error(`no cache for ${path}`);
	return cache;
}

describe('fake MetadataCache: parsing', () => {
	const app = createFakeApp({
		'specs/1000/epic.md': '# Epic',
		'specs/1000/1001/spec.md': spec,
		'specs/1000/1001/context.md': '',
		'specs/1000/1001/1011.spec.md': '',
		'specs/1000/1001/deliverables/scripts/setup.sh': '#!/bin/sh',
	});
	const cache = cacheOf(app, 'specs/1000/1001/spec.md');

	it('parses frontmatter with dates kept as written, and its position', () => {
		expect(cache.frontmatter).toEqual({
			id: 1001,
			type: 'feature',
			created: '2025-08-26',
			parent: '[[../epic|Epic]]',
			related: ['[[1011.spec]]', 'plain text'],
		});
		expect(cache.frontmatterPosition).toEqual({ start: { line: 0, col: 0, offset: 0 }, end: { line: 8, col: 3, offset: spec.indexOf('\n---') + 4 } });
	});

	it('lists property links with their keys', () => {
		expect(cache.frontmatterLinks).toEqual([
			{ key: 'parent', link: '../epic', original: '[[../epic|Epic]]', displayText: 'Epic' },
			{ key: 'related.0', link: '1011.spec', original: '[[1011.spec]]', displayText: '1011.spec' },
		]);
	});

	it('finds headings with level and position', () => {
		expect(cache.headings?.map((h) => [h.level, h.heading, h.position.start.line])).toEqual([
			[1, 'Feature 1001', 9],
			[2, 'Plan', 14],
			[2, 'Done', 24],
		]);
	});

	it('finds wikilinks, embeds and local markdown links, never in code', () => {
		expect(cache.links?.map((l) => [l.link, l.displayText, l.original])).toEqual([
			['context', 'Implementation Journal', '[[context|Implementation Journal]]'],
			['deliverables/scripts/setup.sh', 'setup', '[setup](deliverables/scripts/setup.sh)'],
			['missing#Part', 'missing > Part', '[[missing#Part]]'],
		]);
		expect(cache.embeds?.map((e) => e.link)).toEqual(['diagram.png']);
		const first = cache.links?.[0];
		expect(spec.slice(first?.position.start.offset, first?.position.end.offset)).toBe('[[context|Implementation Journal]]');
	});

	it('lists list items with task characters and parents', () => {
		expect(cache.listItems?.map((i) => [i.position.start.line, i.task, i.parent])).toEqual([
			[15, ' ', -15],
			[16, 'x', 15],
			[17, '/', -15],
			[18, undefined, -15],
		]);
	});

	it('finds body tags but not numbers or code', () => {
		expect(cache.tags?.map((t) => t.tag)).toEqual(['#tag']);
	});

	it('keeps resolved and unresolved link counts per source', () => {
		expect(app.metadataCache.resolvedLinks['specs/1000/1001/spec.md']).toEqual({
			'specs/1000/1001/context.md': 1,
			'specs/1000/1001/deliverables/scripts/setup.sh': 1,
			'specs/1000/epic.md': 1,
			'specs/1000/1001/1011.spec.md': 1,
		});
		expect(app.metadataCache.unresolvedLinks['specs/1000/1001/spec.md']).toEqual({ 'diagram.png': 1, missing: 1 });
		expect(app.metadataCache.resolvedLinks['specs/1000/epic.md']).toEqual({});
	});

	it('has no cache for non-markdown files', () => {
		const sh = fileAt(app, 'specs/1000/1001/deliverables/scripts/setup.sh');
		expect(app.metadataCache.getFileCache(sh)).toBeNull();
	});
});

describe('fake MetadataCache: keeping up with the vault', () => {
	it('updates after a write on a later tick, firing changed then resolved; flush settles it', async () => {
		const app = createFakeApp({ 'a.md': 'no links' });
		const file = fileAt(app, 'a.md');
		const events: string[] = [];
		app.metadataCache.on('changed', (f: TFile, data: string, c: CachedMetadata) => events.push(`changed ${f.path} ${data} ${c.links?.length ?? 0}`));
		app.metadataCache.on('resolved', () => events.push('resolved'));
		let seenInModify: CachedMetadata | null | undefined;
		app.vault.on('modify', () => {
			seenInModify = app.metadataCache.getFileCache(file);
		});
		await app.vault.modify(file, '[[b]]');
		// Like Obsidian: the cache lags the write.
		expect(seenInModify?.links).toBeUndefined();
		expect(app.metadataCache.getFileCache(file)?.links).toBeUndefined();
		await app.flush();
		expect(app.metadataCache.getFileCache(file)?.links?.[0].link).toBe('b');
		expect(events).toEqual(['changed a.md [[b]] 1', 'resolved']);
		expect(app.metadataCache.unresolvedLinks['a.md']).toEqual({ b: 1 });
	});

	it('resolves a dangling link once its target is created, and re-keys on rename', async () => {
		const app = createFakeApp({ 'a.md': 'see [[b]]' });
		await app.vault.createFolder('folder');
		const created = await app.vault.create('folder/b.md', '');
		expect(app.metadataCache.getFileCache(created)).toBeNull();
		await app.flush();
		expect(app.metadataCache.resolvedLinks['a.md']).toEqual({ 'folder/b.md': 1 });
		expect(app.metadataCache.unresolvedLinks['a.md']).toEqual({});
		const a = fileAt(app, 'a.md');
		await app.vault.rename(a, 'folder/a2.md');
		expect(app.metadataCache.getFileCache(a)?.links?.[0].link).toBe('b');
		await app.flush();
		expect(app.metadataCache.resolvedLinks['folder/a2.md']).toEqual({ 'folder/b.md': 1 });
		expect(app.metadataCache.resolvedLinks['a.md']).toBeUndefined();
		const vault: { delete(f: TAbstractFile): Promise<void> } = app.vault;
		await vault.delete(created);
		await app.flush();
		expect(app.metadataCache.unresolvedLinks['folder/a2.md']).toEqual({ b: 1 });
	});

	it("with metadata: 'sync' the cache is current as soon as the write returns", async () => {
		const app = createFakeApp({ 'a.md': '' }, { metadata: 'sync' });
		const file = fileAt(app, 'a.md');
		await app.vault.modify(file, '# Title');
		expect(app.metadataCache.getFileCache(file)?.headings?.[0].heading).toBe('Title');
	});

	it('fileToLinktext gives the shortest unambiguous text, or per newLinkFormat', () => {
		const app = createFakeApp({ 'specs/1/context.md': '', 'specs/2/context.md': '', 'notes/Unique.md': '', 'img/x.png': '' });
		const unique = fileAt(app, 'notes/Unique.md');
		const ctx2 = fileAt(app, 'specs/2/context.md');
		expect(app.metadataCache.fileToLinktext(unique, 'specs/1/spec.md')).toBe('Unique');
		expect(app.metadataCache.fileToLinktext(unique, 'specs/1/spec.md', false)).toBe('Unique.md');
		expect(app.metadataCache.fileToLinktext(ctx2, 'specs/2/spec.md')).toBe('context');
		expect(app.metadataCache.fileToLinktext(ctx2, 'specs/1/spec.md')).toBe('specs/2/context');
		expect(app.metadataCache.fileToLinktext(fileAt(app, 'img/x.png'), 'a.md')).toBe('x.png');
		app.vault.setConfig('newLinkFormat', 'relative');
		expect(app.metadataCache.fileToLinktext(ctx2, 'specs/1/spec.md')).toBe('../2/context');
		app.vault.setConfig('newLinkFormat', 'absolute');
		expect(app.metadataCache.fileToLinktext(unique, 'specs/1/spec.md')).toBe('notes/Unique');
	});
});
