import { TempVault } from '../helpers/cli-process';

describe('spec-work new with a title holding a wikilink', () => {
	it('is refused in one line and writes nothing, so no spec that fails validate is made', () => {
		const vault = new TempVault();
		try {
			const before = vault.files();
			expect(vault.run(['new', 'task', '--parent', '1001', '--title', 'a [[b]]'])).toEqual({
				code: 1,
				stdout: '',
				stderr: 'spec-work: A title cannot hold "[[" or "]]": it would be a link in the heading of the new task; write it without them (--title)\n',
			});
			expect(vault.files()).toEqual(before);
			expect(vault.run(['validate']).code).toBe(0);
		} finally {
			vault.cleanup();
		}
	});
});
