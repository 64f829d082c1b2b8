import fc from 'fast-check';
import { readHeaderFields, setHeaderField } from '../../../src/core/metadata/header-lines';

/** The seed's context file head, byte for byte: every header line but the last ends in a two-space hard break. */
const seedContext = [
	'# Context: Cold Storage (NAS) Integration',
	'',
	'**Spec**: [[1014.spec|1014 - Cold Storage NAS]]  ',
	'**Parent**: [[spec|1001 - Storage Infrastructure]]  ',
	'**Status**: planning  ',
	'**Created**: 2025-08-26 14:30  ',
	'**Updated**: 2025-08-26 14:30',
	'',
	'## Summary',
	'Implementing NAS integration for 28TB cold storage tier.',
	'',
	'## Implementation Timeline',
	'',
	'### Session 1: 2025-08-26 - Initial Planning',
	'**Duration**: In progress  ',
	'**Participants**: User, Claude  ',
	'**Status**: active',
	'',
].join('\n');

describe('readHeaderFields', () => {
	it("reads the seed's header lines, values without the hard-break spaces", () => {
		const fields = readHeaderFields(seedContext);
		expect([...fields.keys()]).toEqual(['spec', 'parent', 'status', 'created', 'updated']);
		expect(fields.get('spec')?.value).toBe('[[1014.spec|1014 - Cold Storage NAS]]');
		expect(fields.get('status')?.value).toBe('planning');
		expect(fields.get('updated')?.value).toBe('2025-08-26 14:30');
		const status = fields.get('status');
		expect(status && seedContext.slice(status.start, status.end)).toBe('planning');
		expect(status && seedContext.slice(status.lineStart, status.lineEnd)).toBe('**Status**: planning  \n');
		expect(status?.name).toBe('Status');
	});

	it("stops at the first ## heading: a session's **Status** is not the note's", () => {
		expect(readHeaderFields(seedContext).has('duration')).toBe(false);
		expect(readHeaderFields(seedContext).get('status')?.value).toBe('planning');
	});

	it('reads them under frontmatter, in CRLF files, and in the **Name:** form; first occurrence wins', () => {
		const text = '---\nstatus: done\n---\r\n# T\r\n\r\n**Status:** Draft  \r\n**status**: later\r\n**Context**:\r\n';
		const fields = readHeaderFields(text);
		expect(fields.get('status')?.value).toBe('Draft');
		expect(fields.get('context')?.value).toBe('');
	});

	it("reads Dataview's bold inline field `**Name**:: value`, as a line or a bullet, without the second colon", () => {
		const text = '# 1001 - Storage\n\n**Status**:: planning\n- **Parent**::[[../epic|1000 - Lab]]\n**Context**::\n';
		const fields = readHeaderFields(text);
		expect(fields.get('status')?.value).toBe('planning');
		expect(fields.get('parent')?.value).toBe('[[../epic|1000 - Lab]]');
		expect(fields.get('context')?.value).toBe('');
	});

	it('ignores lines in code blocks, bold text without a colon, and files without header lines', () => {
		const text = ['# T', '', '```', '**Parent**: code', '```', '**Bold** text: no', '**Created**: 2025-08-26', ''].join('\n');
		expect([...readHeaderFields(text).keys()]).toEqual(['created']);
		expect(readHeaderFields('').size).toBe(0);
		expect(readHeaderFields('# Only a title\n\nSome text.\n').size).toBe(0);
	});
});

describe('setHeaderField', () => {
	it('replaces only the value, keeping the two-space hard break', () => {
		expect(setHeaderField(seedContext, 'Status', 'implementing')).toBe(seedContext.replace('**Status**: planning  \n', '**Status**: implementing  \n'));
		expect(setHeaderField(seedContext, 'updated', '2025-08-27 09:15')).toBe(seedContext.replace('**Updated**: 2025-08-26 14:30\n', '**Updated**: 2025-08-27 09:15\n'));
	});

	it('keeps CRLF and the **Name:** form', () => {
		const text = '# T\r\n\r\n**Status:** draft  \r\n**Updated:** x\r\n';
		expect(setHeaderField(text, 'status', 'planning')).toBe('# T\r\n\r\n**Status:** planning  \r\n**Updated:** x\r\n');
	});

	it("keeps Dataview's `::` and the spacing written around it", () => {
		const text = '# T\n\n**Status**:: planning  \n- **Owner**::Ana\n**Context**::\n';
		let out = setHeaderField(text, 'Status', 'implementing');
		out = setHeaderField(out, 'Owner', 'Bo');
		out = setHeaderField(out, 'Context', '[[context|Journal]]');
		expect(out).toBe('# T\n\n**Status**:: implementing  \n- **Owner**::Bo\n**Context**:: [[context|Journal]]\n');
	});

	it('fills an empty value', () => {
		expect(setHeaderField('# T\n\n**Context**:\n', 'Context', '[[context|Journal]]')).toBe('# T\n\n**Context**: [[context|Journal]]\n');
	});

	it('adds a missing line after the last header line, moving the hard break so both stay separate lines', () => {
		expect(setHeaderField(seedContext, 'Context', '[[1014.context|Implementation Journal]]')).toBe(
			seedContext.replace('**Updated**: 2025-08-26 14:30\n', '**Updated**: 2025-08-26 14:30  \n**Context**: [[1014.context|Implementation Journal]]\n'),
		);
		const crlf = '# T\r\n\r\n**Status**: a  \r\n**Parent**: b  \r\nText right after.\r\n';
		expect(setHeaderField(crlf, 'Updated', 'now')).toBe('# T\r\n\r\n**Status**: a  \r\n**Parent**: b  \r\n**Updated**: now  \r\nText right after.\r\n');
	});

	it('adds a missing line in the break style of the other header lines: none where they have none', () => {
		// The spec of a vault that writes one field a line without hard breaks.
		const plain = [
			'# 1014 - Cold Storage (NAS) Integration',
			'',
			'**Parent**: [[spec|1001 - Storage Infrastructure]]',
			'**Status**: planning',
			'**Updated**: 2025-08-20 11:15',
			'',
			'## Overview',
			'',
		].join('\n');
		const added = setHeaderField(plain, 'Context', '[[1014.context|Implementation Journal]]');
		expect(added).toBe(plain.replace('**Updated**: 2025-08-20 11:15\n', '**Updated**: 2025-08-20 11:15\n**Context**: [[1014.context|Implementation Journal]]\n'));
		// Rewriting Updated afterwards keeps it without trailing spaces too.
		expect(setHeaderField(added, 'Updated', '2025-08-26 14:30')).toBe(added.replace('**Updated**: 2025-08-20 11:15\n', '**Updated**: 2025-08-26 14:30\n'));
		const backslash = '# T\n\n**Status**: a\\\n**Updated**: b\n';
		expect(setHeaderField(backslash, 'Context', 'c')).toBe('# T\n\n**Status**: a\\\n**Updated**: b\\\n**Context**: c\n');
		// One header line shows no style of its own: the seed's two spaces.
		expect(setHeaderField('# T\n\n**Status**: a\n', 'Updated', 'b')).toBe('# T\n\n**Status**: a  \n**Updated**: b\n');
	});

	it('adds the first header line under the title after a blank line', () => {
		expect(setHeaderField('# Cold Storage\n\n## Summary\n', 'Status', 'planning')).toBe('# Cold Storage\n\n**Status**: planning\n\n## Summary\n');
		expect(setHeaderField('# Cold Storage\nText.\n', 'Status', 'planning')).toBe('# Cold Storage\n\n**Status**: planning\n\nText.\n');
		expect(setHeaderField('# Cold Storage', 'Status', 'planning')).toBe('# Cold Storage\n\n**Status**: planning\n');
		expect(setHeaderField('---\nid: 1\n---\n# T\n\n', 'Status', 'planning')).toBe('---\nid: 1\n---\n# T\n\n**Status**: planning\n');
	});

	it('adds it at the top of the body when there is no title', () => {
		expect(setHeaderField('---\nid: 1\n---\nSome text.\n', 'Status', 'planning')).toBe('---\nid: 1\n---\n**Status**: planning\n\nSome text.\n');
		expect(setHeaderField('', 'Status', 'planning')).toBe('**Status**: planning\n');
	});

	it('keeps a value on one line', () => {
		expect(setHeaderField('**Status**: a\n', 'Status', 'two\nlines')).toBe('**Status**: two lines\n');
	});

	it('changes nothing but the value of an existing field (fast-check)', () => {
		const names = ['Spec', 'Parent', 'Status', 'Created', 'Updated', 'Context'];
		const valueArb = fc.string({ maxLength: 30 }).filter((v) => !/[\r\n]/.test(v) && v.trim() === v);
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.record({ name: fc.constantFrom(...names), value: valueArb, trailing: fc.constantFrom('', '  ', ' ') }), { selector: (f) => f.name, minLength: 1 }),
				fc.constantFrom('\n', '\r\n'),
				fc.string({ maxLength: 40 }),
				fc.nat(),
				valueArb,
				(fields, eol, rest, pick, value) => {
					const head = `# Title${eol}${eol}`;
					const lines = fields.map((f) => `**${f.name}**: ${f.value}${f.trailing}${eol}`);
					const text = head + lines.join('') + `${eol}## Section${eol}` + rest;
					const i = pick % fields.length;
					const target = fields[i];
					const expected = head + lines.map((l, j) => (j === i ? `**${target.name}**: ${value}${target.trailing}${eol}` : l)).join('') + `${eol}## Section${eol}` + rest;
					expect(setHeaderField(text, target.name.toLowerCase(), value)).toBe(expected);
				},
			),
		);
	});
});

describe('fields written as list items', () => {
	it('reads `- **Status**: Completed` bullets under the title and in a `## Metadata` section', () => {
		const top = ['# 1014 - Cold Storage', '', '- **Status**: Completed', '- **Priority**: High', '', '## Overview', 'Text.', ''].join('\n');
		expect(readHeaderFields(top).get('status')?.value).toBe('Completed');
		const section = ['# 1014 - Cold Storage', '', '## Metadata', '* **Status:** In Progress', '+ **Owner**: Ana', '', '## Overview', '- **Parent**: not a field', ''].join('\n');
		const fields = readHeaderFields(section);
		expect(fields.get('status')?.value).toBe('In Progress');
		expect(fields.get('owner')?.value).toBe('Ana');
		expect(fields.has('parent')).toBe(false);
	});

	it("reads no bullets below another section, such as a session's details", () => {
		const text = ['# Context: X', '', '## Implementation Timeline', '', '### Session 1', '- **Status**: completed', ''].join('\n');
		expect(readHeaderFields(text).size).toBe(0);
	});

	it('sets a bullet field by changing its value only', () => {
		const text = '# T\r\n\r\n- **Status**: Completed\r\n- **Owner**: Ana\r\n';
		expect(setHeaderField(text, 'Status', 'implementing')).toBe('# T\r\n\r\n- **Status**: implementing\r\n- **Owner**: Ana\r\n');
	});
});

describe('a field added where the others are bullets', () => {
	it('is one more bullet, and the line above keeps its bytes', () => {
		const text = '# T\r\n\r\n- **Status**: in progress\r\n* **Depends on**: [[E01] Hot](../E01.spec.md)\r\n\r\n## Overview\r\n';
		expect(setHeaderField(text, 'Context', '[[T.context|Implementation Journal]]')).toBe(
			'# T\r\n\r\n- **Status**: in progress\r\n* **Depends on**: [[E01] Hot](../E01.spec.md)\r\n* **Context**: [[T.context|Implementation Journal]]\r\n\r\n## Overview\r\n',
		);
		expect(setHeaderField('# T\n\n- **Status**: done', 'Updated', '2025-08-28')).toBe('# T\n\n- **Status**: done\n- **Updated**: 2025-08-28');
	});
});
