import { createFakeApp, folderAt, TFile } from '../__mocks__/obsidian';

function file(app: ReturnType<typeof createFakeApp>, path: string): TFile {
	const f = app.vault.getFileByPath(path);
	if (!f) throw new Error(`missing ${path}`);
	return f;
}

describe('fake FileManager.renameFile', () => {
	const files = {
		'specs/1000/epic.md': '# Epic\n- [[1001/spec|Feature]]\n',
		'specs/1000/1001/spec.md': [
			'---',
			'parent: "[[../epic|Parent Epic]]"',
			'---',
			'**Context**: [[context#Plan|Implementation Journal]]',
			'Script: [Setup](deliverables/scripts/setup.sh)',
			'```',
			'[[context]] in code stays',
			'```',
			'',
		].join('\n'),
		'specs/1000/1001/context.md': 'Spec: [[spec]]\r\nEpic: [[../epic]]\r\n',
		'specs/1000/1001/deliverables/scripts/setup.sh': '#!/bin/sh\n',
		'notes/other.md': 'Journal: [[specs/1000/1001/context|J]] and [[context]]\n',
	};

	it('rewrites links that pointed to the renamed note, keeping alias and subpath, and nothing else', async () => {
		const app = createFakeApp(files);
		await app.fileManager.renameFile(file(app, 'specs/1000/1001/context.md'), 'specs/1000/1001/journal.md');
		expect(await app.vault.read(file(app, 'specs/1000/1001/spec.md'))).toBe(
			[
				'---',
				'parent: "[[../epic|Parent Epic]]"',
				'---',
				'**Context**: [[journal#Plan|Implementation Journal]]',
				'Script: [Setup](deliverables/scripts/setup.sh)',
				'```',
				'[[context]] in code stays',
				'```',
				'',
			].join('\n'),
		);
		expect(await app.vault.read(file(app, 'notes/other.md'))).toBe('Journal: [[journal|J]] and [[journal]]\n');
		// The renamed note itself did not move folders: its relative links still resolve, untouched.
		expect(await app.vault.read(file(app, 'specs/1000/1001/journal.md'))).toBe('Spec: [[spec]]\r\nEpic: [[../epic]]\r\n');
	});

	it('rewrites property links and markdown links too', async () => {
		const app = createFakeApp(files);
		await app.fileManager.renameFile(file(app, 'specs/1000/epic.md'), 'specs/1000/Epic One.md');
		const spec = await app.vault.read(file(app, 'specs/1000/1001/spec.md'));
		expect(spec.split('\n')[1]).toBe('parent: "[[Epic One|Parent Epic]]"');
		expect(await app.vault.read(file(app, 'specs/1000/1001/context.md'))).toBe('Spec: [[spec]]\r\nEpic: [[Epic One]]\r\n');
		await app.fileManager.renameFile(file(app, 'specs/1000/1001/deliverables/scripts/setup.sh'), 'specs/1000/1001/deliverables/scripts/set up.sh');
		expect(await app.vault.read(file(app, 'specs/1000/1001/spec.md'))).toContain('Script: [Setup](set%20up.sh)');
	});

	it("fixes a moved note's own relative links", async () => {
		const app = createFakeApp({ 'a/x.md': 'up: [[../top]]\n', 'top.md': '' });
		await app.vault.createFolder('a/b/c');
		await app.fileManager.renameFile(file(app, 'a/x.md'), 'a/b/c/x.md');
		// `../top` from a/b/c no longer reaches top.md; the shortest form does.
		expect(await app.vault.read(file(app, 'a/b/c/x.md'))).toBe('up: [[top]]\n');
	});

	it('moves a folder and rewrites links whose target path no longer resolves', async () => {
		const app = createFakeApp(files);
		await app.fileManager.renameFile(folderAt(app, 'specs/1000/1001'), 'specs/1000/F1001');
		expect(await app.vault.read(file(app, 'specs/1000/epic.md'))).toBe('# Epic\n- [[spec|Feature]]\n');
		expect(await app.vault.read(file(app, 'notes/other.md'))).toBe('Journal: [[context|J]] and [[context]]\n');
		// Links inside the moved folder still resolve and stay byte for byte.
		expect(await app.vault.read(file(app, 'specs/1000/F1001/context.md'))).toBe('Spec: [[spec]]\r\nEpic: [[../epic]]\r\n');
	});

	it('leaves links alone when alwaysUpdateLinks is off', async () => {
		const app = createFakeApp(files, { config: { alwaysUpdateLinks: false } });
		await app.fileManager.renameFile(file(app, 'specs/1000/1001/context.md'), 'specs/1000/1001/journal.md');
		expect(await app.vault.read(file(app, 'notes/other.md'))).toBe(files['notes/other.md']);
		await app.flush();
		expect(app.metadataCache.unresolvedLinks['notes/other.md']).toEqual({ 'specs/1000/1001/context': 1, context: 1 });
	});
});

describe('fake FileManager.processFrontMatter', () => {
	it('rewrites the whole block from the mutated object, body untouched', async () => {
		const app = createFakeApp({
			'a.md': '---\nid: 1001   # comment is lost\nstatus: planning\ncreated: 2025-08-26\ntags: [a, b]\n---\nBody [[x]]\n',
		});
		await app.fileManager.processFrontMatter(file(app, 'a.md'), (fm: Record<string, unknown>) => {
			fm.status = 'implementing';
			fm.parent = '[[../epic|Epic]]';
			fm.empty = null;
		});
		expect(await app.vault.read(file(app, 'a.md'))).toBe(
			'---\nid: 1001\nstatus: implementing\ncreated: 2025-08-26\ntags:\n  - a\n  - b\nparent: "[[../epic|Epic]]"\nempty:\n---\nBody [[x]]\n',
		);
	});

	it('adds a block to a note without one, keeping CRLF', async () => {
		const app = createFakeApp({ 'a.md': 'Body\r\n', 'b.md': 'untouched' });
		await app.fileManager.processFrontMatter(file(app, 'a.md'), (fm: Record<string, unknown>) => {
			fm.type = 'task';
		});
		expect(await app.vault.read(file(app, 'a.md'))).toBe('---\r\ntype: task\r\n---\r\nBody\r\n');
		await app.fileManager.processFrontMatter(file(app, 'b.md'), () => undefined);
		expect(await app.vault.read(file(app, 'b.md'))).toBe('untouched');
	});

	it('throws on malformed YAML and writes nothing', async () => {
		const app = createFakeApp({ 'a.md': '---\nkey: [unclosed\n---\nBody\n' });
		await expect(app.fileManager.processFrontMatter(file(app, 'a.md'), () => undefined)).rejects.toThrow();
		expect(await app.vault.read(file(app, 'a.md'))).toBe('---\nkey: [unclosed\n---\nBody\n');
	});
});

describe('fake FileManager.generateMarkdownLink', () => {
	const files = { 'specs/1/spec.md': '', 'specs/1/context.md': '', 'specs/2/context.md': '', 'specs/1/deliverables/My Script.sh': '' };

	it('writes wikilinks by default, with subpath and alias', () => {
		const app = createFakeApp(files);
		expect(app.fileManager.generateMarkdownLink(file(app, 'specs/1/context.md'), 'specs/1/spec.md', '#Plan', 'Journal')).toBe('[[context#Plan|Journal]]');
		expect(app.fileManager.generateMarkdownLink(file(app, 'specs/2/context.md'), 'specs/1/spec.md')).toBe('[[specs/2/context]]');
		// Obsidian makes links to non-markdown files embeds.
		expect(app.fileManager.generateMarkdownLink(file(app, 'specs/1/deliverables/My Script.sh'), 'specs/1/spec.md')).toBe('![[My Script.sh]]');
	});

	it('writes markdown links when useMarkdownLinks is on, encoding the path', () => {
		const app = createFakeApp(files, { config: { useMarkdownLinks: true, newLinkFormat: 'relative' } });
		expect(app.fileManager.generateMarkdownLink(file(app, 'specs/2/context.md'), 'specs/1/spec.md', '#Plan', 'Journal')).toBe('[Journal](../2/context.md#Plan)');
		expect(app.fileManager.generateMarkdownLink(file(app, 'specs/1/context.md'), 'specs/1/spec.md')).toBe('[context](context.md)');
		expect(app.fileManager.generateMarkdownLink(file(app, 'specs/1/deliverables/My Script.sh'), 'specs/1/spec.md', undefined, 'ignored')).toBe('![](deliverables/My%20Script.sh)');
	});

	it('getNewFileParent follows newFileLocation', () => {
		const app = createFakeApp(files);
		expect(app.fileManager.getNewFileParent('specs/1/spec.md').isRoot()).toBe(true);
		app.vault.setConfig('newFileLocation', 'current');
		expect(app.fileManager.getNewFileParent('specs/1/spec.md').path).toBe('specs/1');
	});
});
