import { chmodSync, existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { GitFixture } from './git-fixture';

const CONTEXT = 'specs/1000/1001/1014.context.md';
const GUIDE = 'specs/1000/1001/deliverables/docs/nas-setup-guide.md';
const OTHER_SPEC = 'specs/1000/1001/1011.spec.md';

/** A message a shell would mangle or execute; git and the journal must keep it as typed. */
function nastyMessage(dir: string): string {
	return `Add "quoted" and 'single' $(touch ${join(dir, 'PWNED')}) \`touch ${join(dir, 'PWNED2')}\`\n\nBody line with $HOME and \\n\n# not a comment`;
}

describe("spec-work commit: only the spec's files, the message verbatim, nothing else touched", () => {
	let fx: GitFixture;
	afterEach(() => fx.cleanup());

	it.each([
		['at the repository root', ''],
		['in a sub-folder of a code repository', 'docs/vault'],
	])('vault %s', (_label, vaultDir) => {
		fx = new GitFixture({ vaultDir });
		const prefix = vaultDir === '' ? '' : vaultDir + '/';
		expect(fx.run(['start', '1014', '--title', 'Git work']).code).toBe(0);
		fx.append(prefix + GUIDE, '\nA new paragraph.\n');
		// Unrelated work: a staged new file, a staged change, a dirty file, another spec's change, an untracked file.
		fx.write('src/app.ts', 'export const x = 1;\n');
		fx.git('add', 'src/app.ts');
		fx.append(prefix + 'README.md', 'staged change\n');
		fx.git('add', prefix + 'README.md');
		fx.append(prefix + 'README.md', 'and an unstaged one\n');
		fx.append(prefix + OTHER_SPEC, '\nAnother spec, not this commit.\n');
		fx.write('notes.txt', 'scratch\n');
		const before = fx.status();
		const unrelated = ['src/app.ts', prefix + 'README.md', prefix + OTHER_SPEC, 'notes.txt'];
		expect(unrelated.map((p) => before[p])).toEqual(['A ', 'MM', ' M', '??']);

		const message = nastyMessage(fx.dir);
		const r = fx.run(['commit', '1014', '-m', message, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const json = JSON.parse(r.stdout) as { hash: string; shortHash: string; branch: string; files: string[]; message: string; session: number };
		expect(json.branch).toBe('main');
		expect(json.files).toEqual([CONTEXT, GUIDE]);
		expect(json.message).toBe(message.split('\n')[0]);

		// Stored verbatim, nothing executed.
		expect(fx.git('cat-file', 'commit', 'HEAD').split('\n\n').slice(1).join('\n\n')).toBe(message + '\n');
		expect(existsSync(join(fx.dir, 'PWNED'))).toBe(false);
		expect(existsSync(join(fx.dir, 'PWNED2'))).toBe(false);
		expect(fx.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual([prefix + CONTEXT, prefix + GUIDE]);
		expect(fx.git('rev-parse', 'HEAD').trim()).toBe(json.hash);

		// Unrelated files exactly as they were; the committed guide is clean; the context only has the new journal line.
		const after = fx.status();
		expect(unrelated.map((p) => after[p])).toEqual(unrelated.map((p) => before[p]));
		expect(after[prefix + GUIDE]).toBeUndefined();
		expect(after[prefix + CONTEXT]).toBe(' M');
		expect(fx.git('diff', '--cached', '--name-only').trim().split('\n')).toEqual([prefix + 'README.md', 'src/app.ts']);
		expect(fx.git('diff', '-U0', '--', prefix + CONTEXT)).toContain(`\n+- \`${json.shortHash}\`: ${message.split('\n')[0]}\n`);
		expect(fx.read(CONTEXT)).toContain(`#### Commits\n- \`${json.shortHash}\`: ${message.split('\n')[0]}\n`);
	});

	it('leaves the index as it was when a hook rejects the commit, and no temporary index behind', () => {
		fx = new GitFixture();
		fx.run(['start', '1014']);
		fx.write('src/app.ts', 'export const x = 1;\n');
		fx.git('add', 'src/app.ts');
		fx.write('.git/hooks/pre-commit', '#!/bin/sh\necho "hook says no" >&2\nexit 1\n');
		chmodSync(join(fx.dir, '.git/hooks/pre-commit'), 0o755);
		const before = fx.status();
		const context = fx.read(CONTEXT);
		const r = fx.run(['commit', '1014', '-m', 'Rejected']);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe('spec-work: git commit failed: hook says no\n');
		expect(fx.status()).toEqual(before);
		expect(fx.read(CONTEXT)).toBe(context);
		expect(fx.git('rev-list', '--count', 'HEAD').trim()).toBe('1');
		expect(readdirSync(join(fx.dir, '.git')).filter((f) => f.startsWith('spec-work-index'))).toEqual([]);
	});

	it('says what it did in plain text', () => {
		fx = new GitFixture();
		fx.run(['start', '1014']);
		const r = fx.run(['commit', '1014', '-m', 'Journal: session 3 started']);
		expect(r.code).toBe(0);
		const short = fx.git('rev-parse', '--short', 'HEAD').trim();
		expect(r.stdout).toBe(
			`Committed ${short} on main: Journal: session 3 started\n  ${CONTEXT}\nRecorded in session 3 › Commits (the entry goes into your next commit)\nWrote ${CONTEXT}\n`,
		);
	});

	it('refuses without a repository, naming the vault, and changes nothing', () => {
		fx = new GitFixture({ git: 'none' });
		fx.run(['start', '1014']);
		const context = fx.read(CONTEXT);
		const r = fx.run(['commit', '1014', '-m', 'x']);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe(`spec-work: ${fx.vault} is not inside a git repository\n`);
		expect(fx.read(CONTEXT)).toBe(context);
		const list = fx.run(['commits', '1014']);
		expect(list.code).toBe(1);
		expect(list.stderr).toBe(`spec-work: ${fx.vault} is not inside a git repository\n`);
	});

	it('makes the first commit of a repository without commits, leaving other staged files staged', () => {
		fx = new GitFixture({ git: 'empty' });
		fx.run(['start', '1014']);
		fx.write('src/app.ts', 'export const x = 1;\n');
		fx.git('add', 'src/app.ts');
		const r = fx.run(['commit', '1014', '-m', 'First', '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const committed = fx.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n');
		expect(committed).toContain(CONTEXT);
		expect(committed).toContain('specs/1000/1001/1014.spec.md');
		expect(committed).toContain(GUIDE);
		expect(committed).not.toContain(OTHER_SPEC);
		expect(committed).not.toContain('src/app.ts');
		expect(fx.git('rev-list', '--count', 'HEAD').trim()).toBe('1');
		expect(fx.status()['src/app.ts']).toBe('A ');
		expect(fx.status()[OTHER_SPEC]).toBe('??');
	});

	it('lists no commits in a repository without commits', () => {
		fx = new GitFixture({ git: 'empty' });
		fx.run(['start', '1014']);
		const r = fx.run(['commits', '1014', '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toEqual({ id: '1014', session: 3, since: '2025-08-28 10:00', commits: [] });
	});

	it('commits on a detached HEAD and says so; the branch does not move', () => {
		fx = new GitFixture();
		fx.run(['start', '1014']);
		const main = fx.git('rev-parse', 'main').trim();
		fx.git('checkout', '-q', '--detach');
		const r = fx.run(['commit', '1014', '-m', 'Detached work']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^Committed [0-9a-f]{7,} on detached HEAD: Detached work\n/);
		expect(fx.git('rev-parse', 'main').trim()).toBe(main);
		expect(fx.git('log', '-1', '--format=%s', 'HEAD').trim()).toBe('Detached work');
	});

	it("refuses when the spec's files have no changes, or there is no active session, or no message", () => {
		fx = new GitFixture();
		const head = fx.git('rev-parse', 'HEAD').trim();
		const noSession = fx.run(['commit', '1014', '-m', 'x']);
		expect(noSession.code).toBe(1);
		expect(noSession.stderr).toBe('spec-work: Spec 1014 has no active session; start one with: spec-work start 1014\n');
		fx.run(['start', '1014']);
		fx.git('add', '-A');
		fx.git('commit', '-q', '-m', 'Session started');
		const context = fx.read(CONTEXT);
		const nothing = fx.run(['commit', '1014', '-m', 'x']);
		expect(nothing.code).toBe(1);
		expect(nothing.stderr).toBe('spec-work: Nothing to commit: the files of spec 1014 have no changes\n');
		const empty = fx.run(['commit', '1014', '-m', '  \n']);
		expect(empty.code).toBe(1);
		expect(empty.stderr).toBe('spec-work: The commit message is empty: its first line is what the session records\n');
		expect(fx.run(['commit', '1014']).code).toBe(2);
		expect(fx.read(CONTEXT)).toBe(context);
		expect(fx.git('rev-list', '--count', `${head}..HEAD`).trim()).toBe('1');
	});
});

describe("spec-work commits: the repository's commits since the session started", () => {
	let fx: GitFixture;
	afterEach(() => fx.cleanup());

	function commitAt(date: string, message: string, file: string): string {
		fx.write(file, `${message}\n`);
		fx.git('add', file);
		fx.gitWith({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, 'commit', '-q', '-m', message);
		return fx.git('rev-parse', '--short', 'HEAD').trim();
	}

	it('lists them oldest first and records nothing; --all records the unrecorded ones in order', () => {
		fx = new GitFixture();
		fx.run(['start', '1014'], { now: '2025-08-28T10:00' });
		const a = commitAt('2025-08-28T10:30:00+00:00', 'Add the archive tier\n\nWith a body.', 'src/a.ts');
		const b = commitAt('2025-08-28T11:00:00+00:00', 'Tune the mount', 'src/b.ts');
		const context = fx.read(CONTEXT);

		const list = fx.run(['commits', '1014']);
		expect(list.code).toBe(0);
		expect(list.stdout).toBe(
			`Commits since session 3 started (2025-08-28 10:00):\n  ${a}  2025-08-28 10:30  Add the archive tier\n  ${b}  2025-08-28 11:00  Tune the mount\nRecord them with: spec-work commits 1014 --all (or name the hashes)\n`,
		);
		const json = JSON.parse(fx.run(['commits', '1014', '--json']).stdout) as { commits: { shortHash: string; date: string; subject: string; recorded: boolean }[] };
		expect(json.commits.map((c) => [c.shortHash, c.date, c.subject, c.recorded])).toEqual([
			[a, '2025-08-28T10:30:00+00:00', 'Add the archive tier', false],
			[b, '2025-08-28T11:00:00+00:00', 'Tune the mount', false],
		]);
		expect(fx.read(CONTEXT)).toBe(context);

		const all = fx.run(['commits', '1014', '--all']);
		expect(all.code).toBe(0);
		expect(fx.read(CONTEXT)).toContain(`#### Commits\n- \`${a}\`: Add the archive tier\n- \`${b}\`: Tune the mount\n`);
		const again = fx.run(['commits', '1014', '--all']);
		expect(again.stdout).toBe('No commits to record.\nNothing changed.\n');
		expect(fx.run(['commits', '1014']).stdout).toContain(`  ${b}  2025-08-28 11:00  Tune the mount  (recorded)\n`);
	});

	it('records the hashes named, and refuses an unknown one without recording any', () => {
		fx = new GitFixture();
		fx.run(['start', '1014']);
		commitAt('2025-08-28T10:30:00+00:00', 'First', 'src/a.ts');
		const b = commitAt('2025-08-28T11:00:00+00:00', 'Second', 'src/b.ts');
		const context = fx.read(CONTEXT);
		const bad = fx.run(['commits', '1014', b, 'deadbeef']);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toBe(`spec-work: git knows no commit "deadbeef" in ${fx.dir}\n`);
		expect(fx.read(CONTEXT)).toBe(context);
		const r = fx.run(['commits', '1014', b]);
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(`Recorded in session 3 › Commits:\n  ${b}: Second\nWrote ${CONTEXT}\n`);
		expect(fx.read(CONTEXT)).toContain(`#### Commits\n- \`${b}\`: Second\n`);
		expect(fx.run(['commits', '1014', '--all', b]).code).toBe(2);
	});
});

describe('metrics and status from the recorded commits', () => {
	let fx: GitFixture;
	afterEach(() => fx.cleanup());

	it("finish fills Lines of Code and Files Created / Modified; status shows the last commit's date", () => {
		fx = new GitFixture();
		fx.run(['start', '1014'], { now: '2025-08-28T10:00' });
		// One commit creating two files (3 lines) and changing one line of the guide.
		fx.write('src/a.ts', 'one\ntwo\n');
		fx.write('src/b.ts', 'three\n');
		const guide = fx.read(GUIDE);
		fx.write(GUIDE, guide.replace(/\n/, '\nChanged line\n'));
		fx.git('add', 'src/a.ts', 'src/b.ts', GUIDE);
		fx.gitWith({ GIT_AUTHOR_DATE: '2025-08-28T11:15:00+00:00', GIT_COMMITTER_DATE: '2025-08-28T11:15:00+00:00' }, 'commit', '-q', '-m', 'Add sources');
		// A second one modifying a created file (still counts as created) and deleting a line.
		fx.write('src/a.ts', 'one\n');
		fx.git('add', 'src/a.ts');
		fx.gitWith({ GIT_AUTHOR_DATE: '2025-08-28T11:30:00+00:00', GIT_COMMITTER_DATE: '2025-08-28T11:30:00+00:00' }, 'commit', '-q', '-m', 'Trim');
		expect(fx.run(['commits', '1014', '--all']).code).toBe(0);

		const status = fx.run(['status', '1014']);
		const short = fx.git('rev-parse', '--short', 'HEAD').trim();
		expect(status.stdout).toContain(`### Last Commit: ${short} - "Trim" (2025-08-28 11:30)\n`);
		const json = JSON.parse(fx.run(['status', '1014', '--json']).stdout) as { lastCommit: unknown };
		expect(json.lastCommit).toEqual({ hash: short, message: 'Trim', date: '2025-08-28T11:30:00+00:00', from: 'session' });

		expect(fx.run(['finish', '1014'], { now: '2025-08-28T12:00' }).code).toBe(0);
		const context = fx.read(CONTEXT);
		const metrics = context.slice(context.indexOf('## Metrics'), context.indexOf('### Quality'));
		expect(metrics).toBe(
			'## Metrics\n\n### Implementation\n- **Total Sessions**: 3\n- **Total Duration**: 6 hours\n- **Lines of Code**: +4, -1\n- **Files Created**: 2\n- **Files Modified**: 1\n\n',
		);
	});

	it('finish without a repository leaves the git figures as written', () => {
		fx = new GitFixture({ git: 'none' });
		fx.run(['start', '1014']);
		const before = fx.read(CONTEXT);
		expect(fx.run(['finish', '1014'], { now: '2025-08-28T12:00' }).code).toBe(0);
		const after = fx.read(CONTEXT);
		const lines = (t: string) => t.split('\n').filter((l) => /Lines of Code|Files Created|Files Modified/.test(l));
		expect(lines(after)).toEqual(lines(before));
		expect(fx.run(['status', '1014']).stdout).toContain('### Last Commit: b2c3d4e - "Add performance benchmarking results"\n');
	});
});
