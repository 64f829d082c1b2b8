import { canHoldTraceback, commentSyntaxFor, fileKind, isBinary, prologueEnd } from '../../../src/core/deliverables/file-kind';
import { deliverableComments, headerFields } from '../../../src/core/deliverables/leading-comments';
import { readDeliverableHeader } from '../../../src/core/deliverables/deliverable-file';
import { withTraceback, type TracebackFields } from '../../../src/core/edits/traceback-header';

describe('commentSyntaxFor', () => {
	it('goes by extension, then by the first line, then defaults to #', () => {
		expect(commentSyntaxFor('x.js', '')).toEqual({ line: ['//'], block: [['/*', '*/']] });
		expect(commentSyntaxFor('x.json', '')).toBeNull();
		expect(commentSyntaxFor('x.unknown', '-- hi\n')).toEqual({ line: ['--'], block: [] });
		expect(commentSyntaxFor('Makefile', 'all:\n')).toEqual({ line: ['#'], block: [] });
	});

	it("reads an unknown file's first line after its prologue: a shebang means #, an XML declaration <!--", () => {
		expect(commentSyntaxFor('run', '#!/usr/bin/env node\n// tool\n')).toEqual({ line: ['#'], block: [] });
		expect(commentSyntaxFor('layout.tpl', '<?xml version="1.0"?>\n<root/>\n')).toEqual({ line: [], block: [['<!--', '-->']] });
		expect(commentSyntaxFor('fstab.nas', '\n\n; comment\n')).toEqual({ line: [';'], block: [] });
	});
});

describe('fileKind and canHoldTraceback', () => {
	it('formats without comments, and binaries, need no traceback', () => {
		expect(['a.json', 'b.csv', 'c.png', 'd.PDF'].map((p) => canHoldTraceback(p))).toEqual([false, false, false, false]);
		expect(['a.sh', 'fstab.nas', 'sysctl.nas.conf', 'x.md', 'Makefile'].map((p) => canHoldTraceback(p))).toEqual([true, true, true, true, true]);
	});

	it('one answer for every reader: geojson and canvas are comment-less, text and log files take #, NULs make a file binary', () => {
		expect(['map.geojson', 'board.canvas', 'nb.ipynb', 'a.tsv'].map((p) => fileKind(p))).toEqual(['uncommented', 'uncommented', 'uncommented', 'uncommented']);
		expect(['notes.txt', 'run.log', 'guide.MD', 'x.sqlite'].map((p) => fileKind(p))).toEqual(['commented', 'commented', 'markdown', 'binary']);
		expect([isBinary('data', 'PK\u0003\u0004\u0000'), canHoldTraceback('data', 'PK\u0003\u0004\u0000'), isBinary('data', 'plain\n')]).toEqual([true, false, false]);
	});
});

describe('prologueEnd', () => {
	it('covers a byte-order mark, then a shebang or XML declaration line', () => {
		expect(prologueEnd('#!/bin/sh\necho\n')).toBe(10);
		expect(prologueEnd('\uFEFF<?xml version="1.0"?>\r\n<a/>')).toBe(24);
		expect(prologueEnd('\uFEFFecho\n')).toBe(1);
		expect(prologueEnd('#!/bin/sh')).toBe(9);
		expect(prologueEnd('# comment\n')).toBe(0);
		expect(prologueEnd('<?php\necho 1;\n')).toBe(6);
	});
});

describe('what the traceback writer writes, the readers read', () => {
	const FIELDS: TracebackFields = {
		specLink: '[[../../spec|Spec]]',
		contextLink: '[[../../context|Journal]]',
		specPath: 'specs/1/spec.md',
		contextPath: 'specs/1/context.md',
		purpose: 'Does things',
		created: '2025-08-26',
		author: 'User',
	};
	it.each([
		['setup.sh', '#!/bin/bash\n# banner\necho hi\n'],
		['notes.txt', 'plain notes\n'],
		['settings.ini', '[x]\na=1\n'],
		['client.ts', 'export {};\n'],
		['style.scss', '$a: 1;\n'],
		['page.html', '<p>x</p>\n'],
		['pom.xml', '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<project/>\r\n'],
		['style.css', 'body {}\n'],
		['init.vim', 'set number\n'],
		['run.bat', '@echo off\n'],
		['tool.vbs', 'WScript.Echo 1\n'],
		['fstab.nas', '# fstab\n//nas/share /mnt cifs\n'],
		['crontab', '0 * * * * run\n'],
		['layout.tpl', '<?xml version="1.0"?>\n<root/>\n'],
		['deploy.php', '<?php\necho 1;\n'],
	])('%s', (name, content) => {
		const written = withTraceback(name, content, FIELDS);
		const fields = headerFields(deliverableComments(name, written));
		expect([fields.get('generated from'), fields.get('context'), fields.get('purpose')]).toEqual(['specs/1/spec.md', 'specs/1/context.md', 'Does things']);
		expect(readDeliverableHeader(name, written).traceback).toBe(true);
		expect(canHoldTraceback(name, written)).toBe(true);
		// What must come first (shebang, XML declaration, PHP's opening tag) still does.
		const prologue = content.slice(0, prologueEnd(content));
		expect(written.startsWith(prologue)).toBe(true);
	});

	it("keeps PHP's opening tag first, so the header is a PHP comment and not page output", () => {
		expect(withTraceback('deploy.php', '<?php\necho 1;\n', FIELDS)).toMatch(/^<\?php\n(?:#|\/\/) Generated from: specs\/1\/spec\.md\n/);
	});

	it('writes nothing into a comment-less or binary file, and no reader expects a header there', () => {
		for (const [name, content] of [
			['a.json', '{}\n'],
			['b.geojson', '{}\n'],
			['c.png', '\u0089PNG'],
			['data', 'x\u0000y'],
		]) {
			expect(withTraceback(name, content, FIELDS)).toBe(content);
			expect([readDeliverableHeader(name, content).traceback, canHoldTraceback(name, content)]).toEqual([null, false]);
		}
	});
});
