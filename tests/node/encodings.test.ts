import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { runCli } from '../../src/node/cli';

/** Notes saved with a byte-order mark, and notes that are not UTF-8, in a real folder. */
describe('the bytes of notes as editors save them', () => {
	let vault: string;
	const write = (path: string, bytes: Buffer | string): void => {
		mkdirSync(dirname(join(vault, path)), { recursive: true });
		writeFileSync(join(vault, path), bytes);
	};
	const bytes = (path: string): Buffer => readFileSync(join(vault, path));
	async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
		let stdout = '';
		let stderr = '';
		const code = await runCli([...args, '--vault', vault], {
			cwd: vault,
			env: { SPEC_WORK_NOW: '2025-09-01T10:00' },
			stdout: (t) => (stdout += t),
			stderr: (t) => (stderr += t),
			readStdin: () => '',
		});
		return { code, stdout, stderr };
	}

	beforeEach(() => {
		vault = mkdtempSync(join(tmpdir(), 'encodings-'));
		mkdirSync(join(vault, '.obsidian'));
	});
	afterEach(() => rmSync(vault, { recursive: true, force: true }));

	it('reads a spec with a byte-order mark by its frontmatter, and keeps the mark first when it writes', async () => {
		write('specs/1000/1001/1014.spec.md', '\uFEFF---\ntype: task\nstatus: planning\n---\n# 1014 - Cold Storage\n');
		write('specs/1000/1001/1014.context.md', '\uFEFF# 1014 journal\n\n**Spec**: [[1014.spec]]\n\n## Log\n- mounted\n');
		expect((await cli(['status', '1014'])).stdout).toMatch(/^# Spec 1014: Cold Storage\n/);
		// With a plan work begins, so the status is edited behind the mark too.
		expect((await cli(['start', '1014', '--title', 'T', '--plan', 'Mount the share'])).code).toBe(0);
		const journal = bytes('specs/1000/1001/1014.context.md').toString('utf8');
		expect(journal.startsWith('\uFEFF# 1014 journal\n\n**Spec**: [[1014.spec]]  \n**Status**: implementing')).toBe(true);
		expect(journal.indexOf('\uFEFF', 1)).toBe(-1);
		// The property is edited (the frontmatter is seen behind the mark), and the mark stays first.
		expect(bytes('specs/1000/1001/1014.spec.md').toString('utf8')).toBe('\uFEFF---\ntype: task\nstatus: implementing\n---\n# 1014 - Cold Storage\n');
	});

	it('refuses to write a note that is not UTF-8, naming the file and the byte, and validate reports it', async () => {
		const latin1 = Buffer.concat([Buffer.from('---\ntype: epic\nstatus: implementing\n---\n# 2000 Caf'), Buffer.from([0xe9]), Buffer.from(' vu\n\n## Tasks\n- [ ] one\n')]);
		write('specs/2000/epic.md', latin1);
		write('specs/3000/epic.md', '---\ntype: epic\n---\n# 3000 - Fine\n');
		const task = await cli(['task', '2000', '1', 'done']);
		expect([task.code, task.stderr]).toEqual([1, 'spec-work: specs/2000/epic.md: not UTF-8 text (0xe9 at byte 50); it is left untouched: save it as UTF-8 to work on it\n']);
		expect(bytes('specs/2000/epic.md').equals(latin1)).toBe(true);
		const validate = await cli(['validate']);
		expect(validate.code).toBe(1);
		expect(validate.stdout).toContain('specs/2000/epic.md  unreadable  not UTF-8 text (0xe9 at byte 50)');
		expect(bytes('specs/2000/epic.md').equals(latin1)).toBe(true);
	});

	it('does not answer "no spec" for a spec it could not read, so an agent does not make it again', async () => {
		write('specs/E01/epic.md', '# E01: Ingestion\n\n## Features\n- [[F04/spec|E01-F04]]\n');
		write('specs/E01/F04/spec.md', Buffer.concat([Buffer.from('# E01-F04: Caf'), Buffer.from([0xe9]), Buffer.from(' export\n')]));
		const unreadable = 'spec-work: specs/E01/F04/spec.md: not UTF-8 text (0xe9 at byte 14); it is left untouched: save it as UTF-8 to work on it\n';
		expect((await cli(['status', 'E01-F04'])).stderr).toBe(unreadable);
		expect((await cli(['status', 'E01-F09'])).stderr).toBe(
			`spec-work: No spec with id "E01-F09" under specs/; a spec note could not be read, and may be it: ${unreadable.slice('spec-work: '.length)}`,
		);
		// A name that starts with the id (`E02-café`) is that spec's too, as it would be read.
		write('specs/E02-café/spec.md', Buffer.concat([Buffer.from('# E02: Caf'), Buffer.from([0xe9]), Buffer.from('\n**Type**: epic\n')]));
		expect((await cli(['status', 'E02'])).stderr).toBe(
			'spec-work: specs/E02-café/spec.md: not UTF-8 text (0xe9 at byte 10); it is left untouched: save it as UTF-8 to work on it\n',
		);
		const made = await cli(['new', 'feature', '--title', 'Cafe export', '--id', 'E01-F04', '--parent', 'E01']);
		expect([made.code, made.stderr]).toEqual([1, `${unreadable.trimEnd()}; it may be E01-F04: mend it first, or choose another id\n`]);
		expect(existsSync(join(vault, 'specs/E01/E01-F04'))).toBe(false);
	});
});

describe('deliverables that are not UTF-8 text', () => {
	let vault: string;
	beforeEach(() => {
		vault = mkdtempSync(join(tmpdir(), 'encodings-deliverables-'));
		const put = (path: string, bytes: Buffer | string): void => {
			mkdirSync(dirname(join(vault, path)), { recursive: true });
			writeFileSync(join(vault, path), bytes);
		};
		put('.obsidian/app.json', '{}');
		put(
			'specs/1000/epic.md',
			'---\ntype: epic\n---\n# 1000 - Tools\n\n## Deliverables\n- [[deliverables/docs/diagram.png|Diagram]]\n- [[deliverables/config/legacy.conf|Legacy]]\n',
		);
		put('specs/1000/deliverables/docs/diagram.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]));
		put('specs/1000/deliverables/config/legacy.conf', Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nx=1\n')]));
	});
	afterEach(() => rmSync(vault, { recursive: true, force: true }));

	it('are counted by the report and left unchecked by validate, untouched', async () => {
		let out = '';
		let err = '';
		const io = { cwd: vault, env: { SPEC_WORK_NOW: '2025-09-01T10:00' }, stdout: (t: string) => (out += t), stderr: (t: string) => (err += t), readStdin: () => '' };
		expect(await runCli(['deliverables', '1000', '--vault', vault], io)).toBe(0);
		expect(out).toContain('| diagram.png |');
		expect(out).toContain('| legacy.conf |');
		out = '';
		expect([await runCli(['validate', '--vault', vault], io), err]).toEqual([0, '']);
		expect(out).not.toContain('unreadable');
		expect(readFileSync(join(vault, 'specs/1000/deliverables/config/legacy.conf'))[5]).toBe(0xe9);
	});
});
