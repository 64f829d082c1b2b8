import { cpSync, readdirSync } from 'fs';
import { join } from 'path';
import { TempVault } from '../helpers/cli-process';

const DATA = '.obsidian/plugins/spec-workflow/data.json';
const BACKUP = 'specs/backup-2025-08-01';
const OLD = 'specs/old-2024';

/** The ids `spec-work list` shows, one per line, as often as they appear. */
function listedIds(stdout: string): string[] {
	return stdout
		.split('\n')
		.map((line) => /^\s*(\d+)\s/.exec(line)?.[1])
		.filter((id): id is string => id !== undefined);
}

/** The example vault with copies of its specs in the given folders, as a backup leaves them. */
function vaultWithCopies(...folders: string[]): TempVault {
	const vault = new TempVault();
	const epics = readdirSync(join(vault.dir, 'specs'));
	for (const folder of folders) {
		for (const epic of epics) cpSync(join(vault.dir, 'specs', epic), join(vault.dir, folder, epic), { recursive: true });
	}
	return vault;
}

describe('spec-work leaves copies of specs out of discovery', () => {
	let vault: TempVault;
	afterEach(() => vault.cleanup());

	it('by default a backup folder is not read: every id once, and writes land in the real spec', () => {
		vault = vaultWithCopies(BACKUP);
		const list = vault.run(['list']);
		expect(list.code).toBe(0);
		expect(listedIds(list.stdout).filter((id) => id === '1001')).toEqual(['1001']);
		expect(vault.run(['validate']).code).toBe(0);

		const backupBefore = vault.files()[`${BACKUP}/1000/1001/1014.context.md`];
		expect(vault.run(['task', '1014', '6', 'done']).code).toBe(0);
		const files = vault.files();
		expect(files[`${BACKUP}/1000/1001/1014.context.md`]).toBe(backupBefore);
		expect(files['specs/1000/1001/1014.context.md']).not.toBe(backupBefore);
	});

	it("--ignore '' reads every folder, so the copy's ids are duplicates", () => {
		vault = vaultWithCopies(BACKUP);
		const list = vault.run(['list', '--ignore', '']);
		expect(list.code).toBe(0);
		expect(listedIds(list.stdout).filter((id) => id === '1001')).toEqual(['1001', '1001']);

		const status = vault.run(['status', '1001', '--ignore', '']);
		expect(status.code).toBe(1);
		expect(status.stderr).toContain(`Id "1001" is used by more than one spec: specs/1000/1001/spec.md, ${BACKUP}/1000/1001/spec.md`);

		const validate = vault.run(['validate', '--json', '--ignore=']);
		expect(validate.code).toBe(1);
		const { problems } = JSON.parse(validate.stdout) as { problems: { code: string; path: string }[] };
		expect(problems).toContainEqual(expect.objectContaining({ code: 'duplicate-id', path: `${BACKUP}/1000/1001/spec.md` }));
	});

	it("follows the plugin's ignoredFolders, which replace the defaults", () => {
		vault = vaultWithCopies(BACKUP, OLD);
		vault.write({ [DATA]: JSON.stringify({ ignoredFolders: ['old-*'] }) });
		const status = vault.run(['status', '1001']);
		expect(status.code).toBe(1);
		expect(status.stderr).toContain(`specs/1000/1001/spec.md, ${BACKUP}/1000/1001/spec.md\n`);
		expect(status.stderr).not.toContain(OLD);
	});

	it('--ignore replaces the saved list for this call: repeated, comma-separated, or a path from the specs folder', () => {
		vault = vaultWithCopies(BACKUP, OLD);
		vault.write({ [DATA]: JSON.stringify({ ignoredFolders: ['old-*'] }) });
		for (const ignore of [
			['--ignore', 'old-*', '--ignore', 'BACKUP-*'],
			['--ignore', 'old-*, *backup*'],
			['--ignore', 'old-2024/1000', '--ignore', 'backup-2025-08-01'],
		]) {
			const list = vault.run(['list', ...ignore]);
			expect(list.code).toBe(0);
			expect(listedIds(list.stdout).filter((id) => id === '1001')).toEqual(['1001']);
		}
		// Only the copy named is left out now; the saved old-* no longer applies.
		const status = vault.run(['status', '1001', '--ignore', '*backup*']);
		expect(status.code).toBe(1);
		expect(status.stderr).toContain(`specs/1000/1001/spec.md, ${OLD}/1000/1001/spec.md\n`);
	});

	it('documents --ignore in the usage, and asks for its value', () => {
		vault = new TempVault();
		expect(vault.run(['--help']).stdout).toMatch(
			/^ {2}--ignore GLOB {6}.*\n.*backup, backups, \* backup, \*-backup, \*_backup, backup-2\*, backup_2\*, backup 2\*, \*\.bak, \* copy, \*-copy, copy of \*, \* \(copy\), \* \(copy \*\), \* \(\?\), \*conflicted copy\*, \.trash, archive, archived, templates, _templates/m,
		);
		const missing = vault.run(['list', '--ignore']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('--ignore needs a value');
	});
});

describe('spec-work migrate leaves copies where they are', () => {
	let vault: TempVault;
	afterEach(() => vault.cleanup());

	it('moves the old-layout specs, never the backup copy of one, and reverts byte for byte', () => {
		const spec = '---\ntype: feature\n---\n# Feature 1002: Cold tier\n';
		vault = new TempVault({
			'.obsidian/app.json': '{}',
			'specs/1000-epic-foundation/1000-epic-foundation.spec.md': '---\ntype: epic\n---\n# Epic 1000: Foundation\n',
			'specs/1000-epic-foundation/1002-feature-cold.spec.md': spec,
			'specs/backup/1002-feature-cold.spec.md': spec,
		});
		const before = vault.files();
		const dry = vault.run(['migrate']);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('specs/1000-epic-foundation/1002-feature-cold.spec.md → specs/1000/1002/spec.md');
		// Never moved; the plan says it is left as it is.
		expect(dry.stdout).not.toContain('specs/backup/1002');
		expect(dry.stdout).toContain('warning: specs/backup/: ignored folder (a backup or archive copy); left as it is');
		expect(vault.run(['migrate', '--apply']).code).toBe(0);
		expect(vault.files()['specs/backup/1002-feature-cold.spec.md']).toBe(spec);
		expect(vault.run(['migrate', '--revert', 'last']).code).toBe(0);
		expect(vault.files()).toEqual(before);
	});
});
