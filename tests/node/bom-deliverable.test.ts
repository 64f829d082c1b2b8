import { readFileSync } from 'fs';
import { join } from 'path';
import { TempVault } from '../helpers/cli-process';

describe('a markdown deliverable whose content starts with a byte-order mark', () => {
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it('gets the traceback properties merged into its own frontmatter, behind the mark', () => {
		expect(vault.run(['start', '1014']).code).toBe(0);
		const content = '\uFEFF---\ntitle: Guide\n---\n# Guide\n';
		const r = vault.run(['deliver', '1014', '--type', 'docs', '--file', 'guide.md', '--purpose', 'Setup', '--stdin'], { input: content });
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const bytes = readFileSync(join(vault.dir, 'specs/1000/1001/deliverables/docs/guide.md'));
		expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(bytes.toString('utf8')).toBe(
			'\uFEFF---\n' +
				'spec: "[[../../1014.spec|1014 - Cold Storage NAS Integration]]"\n' +
				'context: "[[../../1014.context|Implementation Journal]]"\n' +
				'purpose: Setup\n' +
				'created: 2025-08-28\n' +
				'title: Guide\n---\n# Guide\n',
		);
	});
});
