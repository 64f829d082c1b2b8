import { lineStatistics, readDeliverableHeader } from '../../../src/core/deliverables/deliverable-file';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

const vault = readVaultFiles(EXAMPLE_VAULT);
const D = 'specs/1000/1001/deliverables/';

describe('readDeliverableHeader', () => {
	it('reads the example deliverables: script and config headers, markdown property and HTML-comment forms', () => {
		const script = readDeliverableHeader(`${D}scripts/nas-health-check.sh`, vault[`${D}scripts/nas-health-check.sh`]);
		expect(script.traceback).toBe(true);
		expect(script.fields.get('purpose')).toBe('Monitor NAS connectivity and performance');
		expect(script.fields.get('generated from')).toBe('specs/1000/1001/1014.spec.md');
		// fstab.nas has an extension no table knows: its own first line shows the `#` comments.
		const fstab = readDeliverableHeader(`${D}config/fstab.nas`, vault[`${D}config/fstab.nas`]);
		expect([fstab.traceback, fstab.fields.get('target')]).toEqual([true, '/etc/fstab']);
		const guide = readDeliverableHeader(`${D}docs/nas-setup-guide.md`, vault[`${D}docs/nas-setup-guide.md`]);
		expect([guide.traceback, guide.properties.purpose]).toEqual([true, 'Complete setup instructions']);
		const trouble = readDeliverableHeader(`${D}docs/troubleshooting.md`, vault[`${D}docs/troubleshooting.md`]);
		expect([trouble.traceback, trouble.fields.get('purpose')]).toEqual([true, 'Common issues and solutions']);
	});

	it('finds the header anywhere in the leading comment block, in each comment style', () => {
		const cases: [string, string][] = [
			['a.sh', '#!/bin/bash\n\n# ====== banner ======\n#\n# Generated from: [[../../spec]]\nset -e\n'],
			['a.ts', '// Tool\n// Generated from: [[../../spec]]\nexport {};\n'],
			['a.sql', '-- Generated from: [[../../spec]]\nSELECT 1;\n'],
			['a.ini', '; Generated from: [[../../spec]]\n[x]\n'],
			['a.css', '/*\n * Generated from: [[../../spec]]\n */\nbody {}\n'],
			['a.html', '<!--\nGenerated from: [[../../spec]]\n-->\n<p>x</p>\n'],
			['a.md', '<!-- Spec: [[../../spec|Spec]] -->\n# Doc\n'],
			['b.md', '---\nspec: "[[../../spec]]"\n---\n# Doc\n'],
		];
		for (const [path, text] of cases) expect([path, readDeliverableHeader(path, text).traceback]).toEqual([path, true]);
	});

	it('flags files that could carry a header and do not; a header below the code does not count', () => {
		expect(readDeliverableHeader('a.sh', '#!/bin/bash\necho hi\n# Generated from: [[spec]]\n').traceback).toBe(false);
		expect(readDeliverableHeader('a.md', '# Doc\n\nSome text.\n').traceback).toBe(false);
		expect(readDeliverableHeader('a.py', '# A helper\nprint(1)\n').traceback).toBe(false);
		expect(readDeliverableHeader('crontab', '0 * * * * run\n').traceback).toBe(false);
	});

	it('exempts formats without comments (JSON, CSV) and binary files: traceback null', () => {
		expect(readDeliverableHeader('a.json', '{"a": 1}\n')).toEqual({ traceback: null, fields: new Map(), properties: {} });
		expect(readDeliverableHeader('a.csv', 'a,b\n').traceback).toBeNull();
		// Plain text takes # comments, as the traceback writer gives it and validate expects.
		expect(readDeliverableHeader('a.txt', 'notes\n').traceback).toBe(false);
		expect(readDeliverableHeader('a.txt', '# Generated from: [[spec]]\nnotes\n').traceback).toBe(true);
		expect(readDeliverableHeader('a.bin', 'PK\u0003\u0004\u0000\u0000').traceback).toBeNull();
		expect(readDeliverableHeader('scan.pdf', '%PDF-1.4\n').traceback).toBeNull();
		expect(readDeliverableHeader('data', 'PK\u0003\u0004\u0000\u0000').traceback).toBeNull();
	});

	it('never throws on malformed markdown frontmatter', () => {
		expect(readDeliverableHeader('a.md', '---\nspec: [[x\n---\n').traceback).toBe(false);
	});
});

describe('lineStatistics', () => {
	it('counts lines, comment lines and blank lines by the file comment syntax', () => {
		expect(lineStatistics('a.sh', '#!/bin/bash\n# one\n\necho hi # not a comment line\n  # two\n')).toEqual({ lines: 5, commentLines: 2, blankLines: 1 });
		expect(lineStatistics('a.md', '# Heading\n<!-- one -->\n<!--\ntwo\n-->\n\ntext')).toEqual({ lines: 7, commentLines: 4, blankLines: 1 });
		expect(lineStatistics('a.css', '/* a */\nb {}\n/*\n c\n*/\n')).toEqual({ lines: 5, commentLines: 4, blankLines: 0 });
		expect(lineStatistics('a.json', '{\n\n}\n')).toEqual({ lines: 3, commentLines: 0, blankLines: 1 });
		expect(lineStatistics('a.sh', '')).toEqual({ lines: 0, commentLines: 0, blankLines: 0 });
		expect(lineStatistics('a.png', '\u0089PNG\r\n\n# x\n')).toEqual({ lines: 0, commentLines: 0, blankLines: 0 });
		expect(lineStatistics('a.sh', '# x\r\n\r\necho\r\n')).toEqual({ lines: 3, commentLines: 1, blankLines: 1 });
	});

	it('gives the example deliverables their figures', () => {
		expect(lineStatistics(`${D}scripts/directory-setup.sh`, vault[`${D}scripts/directory-setup.sh`])).toEqual({ lines: 32, commentLines: 6, blankLines: 5 });
		expect(lineStatistics(`${D}config/sysctl.nas.conf`, vault[`${D}config/sysctl.nas.conf`])).toEqual({ lines: 27, commentLines: 13, blankLines: 5 });
	});
});
