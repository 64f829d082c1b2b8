import { TempVault } from '../helpers/cli-process';

/** C0 (but tab and line feed), DEL and C1: what a terminal acts on instead of showing. */
const CONTROL = /(?![\t\n])\p{Cc}/u;

describe('spec-work neither writes nor echoes control characters', () => {
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault()));
	afterEach(() => vault.cleanup());

	it('an id with an escape sequence is echoed in the error without it', () => {
		expect(vault.run(['status', '\x1b[2Jx\x07'])).toEqual({ code: 1, stdout: '', stderr: 'spec-work: No spec with id "[2Jx" under specs/\n' });
		const verb = vault.run(['st\x1b]0;title\x07atus']);
		expect(verb.code).toBe(2);
		expect(verb.stderr.split('\n')[0]).toBe('spec-work: unknown verb "st]0;titleatus"');
	});

	it('a session title and a log entry reach the journal and the terminal without them', () => {
		const start = vault.run(['start', '1014', '--title', 'Docs\x1b[1m pass\u009b']);
		expect(start.code).toBe(0);
		expect(start.stdout).toBe('Started session 3: 2025-08-28 - Docs[1m pass (spec 1014, specs/1000/1001/1014.context.md)\n');
		const log = vault.run(['log', '1014', 'implementation', 'Rang\x07 the bell\x1b[0m']);
		expect(log.code).toBe(0);
		const journal = vault.files()['specs/1000/1001/1014.context.md'];
		expect(journal).toContain('### Session 3: 2025-08-28 - Docs[1m pass\n');
		expect(journal).toContain('\n#### Implementation\n- Rang the bell[0m\n');
		expect(journal).not.toMatch(CONTROL);
		const status = vault.run(['resume', '1014']);
		// The session's line is what its Implementation says.
		expect(status.stdout).toContain('- Session 3 (2025-08-28): Rang the bell[0m\n');
		expect(status.stdout + status.stderr).not.toMatch(CONTROL);
	});
});
