import { readFileSync } from 'fs';
import { join } from 'path';
import { specsBaseText } from '../../src/core/bases/specs-base';
import { TempVault } from '../helpers/cli-process';

const BASE_TEXT = specsBaseText('specs');
const EDITED = BASE_TEXT.replace('name: All specs', 'name: Everything');

let vault: TempVault;
beforeEach(() => (vault = new TempVault()));
afterEach(() => vault.cleanup());

const onDisk = (path: string): string => readFileSync(join(vault.dir, path), 'utf8');

describe('spec-work base', () => {
	it('refuses, in one line and exit 1, to overwrite an edited base, leaving it as it was', () => {
		vault.write({ 'specs/Specs.base': EDITED });
		const r = vault.run(['base']);
		expect(r).toEqual({
			code: 1,
			stdout: '',
			stderr: 'spec-work: specs/Specs.base exists and differs from the base spec-work writes; nothing was written; replace it with: spec-work base --force\n',
		});
		expect(onDisk('specs/Specs.base')).toBe(EDITED);
	});

	it('replaces it with --force', () => {
		vault.write({ 'specs/Specs.base': EDITED });
		expect(vault.run(['base', '--force'])).toEqual({ code: 0, stdout: 'Replaced specs/Specs.base\n', stderr: '' });
		expect(onDisk('specs/Specs.base')).toBe(BASE_TEXT);
	});

	it('writes another file name given with --file, and says what it did in JSON', () => {
		const r = vault.run(['base', '--file', 'Review', '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({ path: 'specs/Review.base', action: 'created', written: ['specs/Review.base'] });
		expect(onDisk('specs/Review.base')).toBe(BASE_TEXT);
	});
});
