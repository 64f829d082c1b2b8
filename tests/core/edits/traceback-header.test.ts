import { authorFromParticipants, commentStyleFor, tracebackLines, withTraceback, type TracebackFields } from '../../../src/core/edits/traceback-header';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';

const FIELDS: TracebackFields = {
	specLink: '[[../../1014.spec|1014 - Cold Storage NAS]]',
	contextLink: '[[../../1014.context|Implementation Journal]]',
	specPath: 'specs/1000/1001/1014.spec.md',
	contextPath: 'specs/1000/1001/1014.context.md',
	purpose: 'Monitor NAS connectivity and performance',
	created: '2025-08-26',
	author: 'Claude + User',
};

const HEADER_LINES = [
	'Generated from: specs/1000/1001/1014.spec.md',
	'Context: specs/1000/1001/1014.context.md',
	'Purpose: Monitor NAS connectivity and performance',
	'Created: 2025-08-26 by Claude + User',
];

const hashed = (lines = HEADER_LINES): string => lines.map((l) => `# ${l}\n`).join('');

describe('commentStyleFor', () => {
	it.each([
		['setup.sh', '#'],
		['run.bash', '#'],
		['tool.py', '#'],
		['deploy.rb', '#'],
		['sysctl.nas.conf', '#'],
		['compose.yaml', '#'],
		['app.yml', '#'],
		['pyproject.toml', '#'],
		['fstab.nas', '#'],
		['crontab', '#'],
		['Dockerfile', '#'],
		['Makefile', '#'],
		['settings.ini', ';'],
		['client.ts', '//'],
		['main.go', '//'],
		['lib.rs', '//'],
		['Main.java', '//'],
		['probe.c', '//'],
		['probe.cpp', '//'],
		['App.swift', '//'],
		['Job.kt', '//'],
		['index.js', '//'],
		['schema.sql', '--'],
		['init.lua', '--'],
	])('%s takes %s line comments', (name, prefix) => {
		expect(commentStyleFor(name)).toEqual({ kind: 'line', prefix });
	});

	it.each([
		['page.html', '<!--', '-->'],
		['pom.xml', '<!--', '-->'],
		['diagram.svg', '<!--', '-->'],
		['style.css', '/*', '*/'],
	])('%s takes %s … %s block comments', (name, open, close) => {
		expect(commentStyleFor(name)).toEqual({ kind: 'block', open, close });
	});

	it('gives markdown properties and JSON nothing', () => {
		expect(commentStyleFor('guide.md')).toEqual({ kind: 'frontmatter' });
		expect(commentStyleFor('dashboard.json')).toEqual({ kind: 'none' });
		expect(commentStyleFor('prices.csv')).toEqual({ kind: 'none' });
	});

	it('reads the extension case-insensitively', () => {
		expect(commentStyleFor('SETUP.SH')).toEqual({ kind: 'line', prefix: '#' });
		expect(commentStyleFor('Guide.MD')).toEqual({ kind: 'frontmatter' });
	});
});

describe('tracebackLines', () => {
	it('writes the example vault order: Generated from, Context, Purpose, Target, Created', () => {
		expect(tracebackLines({ ...FIELDS, purpose: 'NFS mount entry', target: '/etc/fstab' })).toEqual([
			'Generated from: specs/1000/1001/1014.spec.md',
			'Context: specs/1000/1001/1014.context.md',
			'Purpose: NFS mount entry',
			'Target: /etc/fstab',
			'Created: 2025-08-26 by Claude + User',
		]);
	});

	it('leaves out an empty purpose and keeps each field on one line', () => {
		expect(tracebackLines({ ...FIELDS, purpose: '  ', target: 'a\nb' })).toEqual([
			'Generated from: specs/1000/1001/1014.spec.md',
			'Context: specs/1000/1001/1014.context.md',
			'Target: a b',
			'Created: 2025-08-26 by Claude + User',
		]);
	});

	it('names a file by its link when the readers would not take its path for one (a space in it)', () => {
		expect(tracebackLines({ ...FIELDS, specPath: 'specs/Cold Storage/1014.spec.md', contextPath: 'specs/Cold Storage/1014.context.md' }).slice(0, 2)).toEqual([
			'Generated from: [[../../1014.spec|1014 - Cold Storage NAS]]',
			'Context: [[../../1014.context|Implementation Journal]]',
		]);
	});
});

describe('withTraceback', () => {
	it("writes the walkthrough's five lines for a script: shebang, then vault paths, purpose and author", () => {
		expect(withTraceback('nas-health-check.sh', '#!/bin/bash\n', FIELDS)).toBe(
			'#!/bin/bash\n' +
				'# Generated from: specs/1000/1001/1014.spec.md\n' +
				'# Context: specs/1000/1001/1014.context.md\n' +
				'# Purpose: Monitor NAS connectivity and performance\n' +
				'# Created: 2025-08-26 by Claude + User\n',
		);
	});

	it('keeps a shebang first and joins a comment banner with a bare # line, as the example scripts do', () => {
		const content = '#!/bin/bash\n# Usage: nas-health-check.sh [--quiet]\n\nset -uo pipefail\n';
		expect(withTraceback('nas-health-check.sh', content, FIELDS)).toBe('#!/bin/bash\n' + hashed() + '#\n# Usage: nas-health-check.sh [--quiet]\n\nset -uo pipefail\n');
	});

	it('separates the header from code with a blank line', () => {
		expect(withTraceback('probe.py', 'import os\n', FIELDS)).toBe(hashed() + '\nimport os\n');
	});

	it('writes only the header for empty content, and after a lone shebang without a line end', () => {
		expect(withTraceback('x.sh', '', FIELDS)).toBe(hashed());
		expect(withTraceback('x.sh', '#!/bin/sh', FIELDS)).toBe('#!/bin/sh\n' + hashed());
	});

	it('writes // comments for code', () => {
		expect(withTraceback('client.ts', 'export const x = 1;\n', FIELDS)).toBe(HEADER_LINES.map((l) => `// ${l}\n`).join('') + '\nexport const x = 1;\n');
	});

	it('joins a // banner with a bare // line', () => {
		expect(withTraceback('main.go', '// Package main probes the NAS.\npackage main\n', FIELDS)).toBe(
			HEADER_LINES.map((l) => `// ${l}\n`).join('') + '//\n// Package main probes the NAS.\npackage main\n',
		);
	});

	it('writes -- comments for SQL and ; for ini', () => {
		expect(withTraceback('schema.sql', 'CREATE TABLE t (id int);\n', FIELDS)).toBe(HEADER_LINES.map((l) => `-- ${l}\n`).join('') + '\nCREATE TABLE t (id int);\n');
		expect(withTraceback('nas.ini', '[nas]\nhost = 192.168.1.101\n', FIELDS)).toBe(HEADER_LINES.map((l) => `; ${l}\n`).join('') + '\n[nas]\nhost = 192.168.1.101\n');
	});

	it('wraps each line in <!-- --> for HTML, after an XML declaration for XML', () => {
		const html = HEADER_LINES.map((l) => `<!-- ${l} -->\n`).join('');
		expect(withTraceback('status.html', '<p>ok</p>\n', FIELDS)).toBe(html + '\n<p>ok</p>\n');
		expect(withTraceback('nas.xml', '<?xml version="1.0"?>\n<nas/>\n', FIELDS)).toBe('<?xml version="1.0"?>\n' + html + '\n<nas/>\n');
	});

	it('wraps each line in /* */ for CSS', () => {
		expect(withTraceback('style.css', 'body { margin: 0; }\n', FIELDS)).toBe(HEADER_LINES.map((l) => `/* ${l} */\n`).join('') + '\nbody { margin: 0; }\n');
	});

	it('breaks a comment closer in any value, so a purpose cannot end the HTML comment and run as markup', () => {
		// A path the readers would not take falls back to the link, which is made safe the same way.
		const fields = {
			...FIELDS,
			specLink: '[[../../1014.spec|1014 - a --> b]]',
			specPath: 'specs/a --> b/1014.spec.md',
			purpose: 'x --> <script>alert(1)</script>',
			author: 'Ana --!> Claude',
		};
		expect(withTraceback('status.html', '<p>ok</p>\n', fields)).toBe(
			'<!-- Generated from: [[../../1014.spec|1014 - a - -> b]] -->\n' +
				'<!-- Context: specs/1000/1001/1014.context.md -->\n' +
				'<!-- Purpose: x - -> <script>alert(1)</script> -->\n' +
				'<!-- Created: 2025-08-26 by Ana - -!> Claude -->\n' +
				'\n<p>ok</p>\n',
		);
		// XML allows no "--" inside a comment at all, and a lone <!-- opens nothing but reads as if it did.
		expect(withTraceback('nas.xml', '<nas/>\n', { ...FIELDS, purpose: 'a---b <!-- c' })).toContain('<!-- Purpose: a- - -b <!- - c -->\n');
	});

	it('breaks */ (and /*) in values written inside CSS and C block comments', () => {
		expect(withTraceback('style.css', 'body {}\n', { ...FIELDS, purpose: 'end */ body { display: none } /* x' })).toBe(
			'/* Generated from: specs/1000/1001/1014.spec.md */\n' +
				'/* Context: specs/1000/1001/1014.context.md */\n' +
				'/* Purpose: end * / body { display: none } / * x */\n' +
				'/* Created: 2025-08-26 by Claude + User */\n' +
				'\nbody {}\n',
		);
	});

	it('merges into the frontmatter of markdown content that starts with a byte-order mark, keeping the mark first', () => {
		expect(withTraceback('guide.md', '\uFEFF---\ntitle: Guide\n---\n# Guide\n', FIELDS)).toBe(
			'\uFEFF---\n' +
				'spec: "[[../../1014.spec|1014 - Cold Storage NAS]]"\n' +
				'context: "[[../../1014.context|Implementation Journal]]"\n' +
				'purpose: Monitor NAS connectivity and performance\n' +
				'created: 2025-08-26\n' +
				'title: Guide\n---\n# Guide\n',
		);
	});

	it('leaves JSON exactly as given', () => {
		expect(withTraceback('dash.json', '{"a": 1}\n', FIELDS)).toBe('{"a": 1}\n');
	});

	it("writes the header in the content's CRLF line ends and keeps a byte-order mark first", () => {
		const crlf = '#!/bin/bash\r\nset -e\r\n';
		expect(withTraceback('x.sh', crlf, FIELDS)).toBe('#!/bin/bash\r\n' + hashed().replace(/\n/g, '\r\n') + '\r\nset -e\r\n');
		expect(withTraceback('x.conf', '\uFEFFkey = 1\n', FIELDS)).toBe('\uFEFF' + hashed() + '\nkey = 1\n');
	});

	it('gives markdown spec/context/purpose/created properties above content without frontmatter', () => {
		expect(withTraceback('guide.md', '# Guide\n', { ...FIELDS, purpose: 'Complete setup instructions' })).toBe(
			'---\n' +
				'spec: "[[../../1014.spec|1014 - Cold Storage NAS]]"\n' +
				'context: "[[../../1014.context|Implementation Journal]]"\n' +
				'purpose: Complete setup instructions\n' +
				'created: 2025-08-26\n' +
				'---\n' +
				'# Guide\n',
		);
	});

	it('merges into frontmatter the content has: adds at the top, replaces stale links, keeps created and the rest', () => {
		const content = '---\ntags:\n  - deliverable   # ours\ncontext: old\ncreated: 2025-01-01\n---\n# Guide\n';
		expect(withTraceback('guide.md', content, FIELDS)).toBe(
			'---\n' +
				'spec: "[[../../1014.spec|1014 - Cold Storage NAS]]"\n' +
				'purpose: Monitor NAS connectivity and performance\n' +
				'tags:\n  - deliverable   # ours\n' +
				'context: "[[../../1014.context|Implementation Journal]]"\n' +
				'created: 2025-01-01\n' +
				'---\n# Guide\n',
		);
	});

	it('refuses markdown content whose frontmatter is malformed, naming the file', () => {
		const run = () => withTraceback('guide.md', '---\ntags: [a\n---\n# Guide\n', FIELDS, 'specs/x/deliverables/docs/guide.md');
		expect(run).toThrow(WorkflowError);
		expect(run).toThrow(/specs\/x\/deliverables\/docs\/guide\.md line \d/);
	});
});

describe('authorFromParticipants', () => {
	it('writes the session\'s "User, Claude" as the seed\'s "Claude + User": the agent first, then the people', () => {
		expect(authorFromParticipants('User, Claude')).toBe('Claude + User');
		expect(authorFromParticipants('Claude + User')).toBe('Claude + User');
		expect(authorFromParticipants('Ana and Claude')).toBe('Claude + Ana');
	});

	it("names other participants as the session names them, each group in the session's order", () => {
		expect(authorFromParticipants('Alice, Codex')).toBe('Codex + Alice');
		expect(authorFromParticipants('Alice, Bob')).toBe('Alice + Bob');
		expect(authorFromParticipants('Ana, GitHub Copilot, Ben, Claude Code')).toBe('GitHub Copilot + Claude Code + Ana + Ben');
		// A person whose name merely starts like an agent's is a person.
		expect(authorFromParticipants('Claudette, Gemini')).toBe('Gemini + Claudette');
	});
});
