import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { spawnCli } from '../../helpers/cli-process';
import { GitFixture, gitEnv } from './git-fixture';

const CONTEXT = 'specs/1000/1001/1014.context.md';
const GUIDE = 'specs/1000/1001/deliverables/docs/nas-setup-guide.md';
const APP = 'src/app.ts';

/** A commit changing src/app.ts to `text`, by `author` when given. */
function commitApp(fx: GitFixture, text: string, author?: string): string {
	fx.write(APP, text);
	fx.git('add', APP);
	const who: Record<string, string> = author ? { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: 'other@example.com' } : {};
	fx.gitWith(who, 'commit', '-q', '-m', `app: ${text.trim()}`);
	return fx.git('rev-parse', 'HEAD').trim();
}

/** main and `other` both change the same line of src/app.ts since a common base; main is checked out. */
function diverge(fx: GitFixture): void {
	commitApp(fx, 'base\n');
	fx.git('checkout', '-q', '-b', 'other');
	commitApp(fx, 'other\n', 'Other Author');
	fx.git('checkout', '-q', 'main');
	commitApp(fx, 'main\n');
}

/** Starts git's operation and checks that git really stopped in the middle of it. */
function stopped(fx: GitFixture, env: Record<string, string>, ...args: string[]): void {
	const r = fx.gitStopping(env, ...args);
	expect(r.code).not.toBe(0);
}

/** Everything the refusal must leave alone: HEAD, the index (with its conflict stages), the status, every file's bytes. */
function snapshot(fx: GitFixture, dir: string = fx.dir) {
	const git = (...args: string[]) => fx.gitWith({}, '-C', dir, ...args);
	return {
		head: git('rev-parse', 'HEAD'),
		branch: fx.gitStopping({}, '-C', dir, 'symbolic-ref', '-q', 'HEAD').stdout,
		index: git('ls-files', '-s'),
		status: git('status', '--porcelain=v1', '--untracked-files=all'),
		files: fx.files(dir),
	};
}

interface Case {
	name: string;
	/** Brings the repository into the middle of the operation. */
	begin(fx: GitFixture): void;
	/** The file or folder in the git dir that marks it. */
	marker: string;
	line: (repo: string) => string;
}

const CASES: Case[] = [
	{
		name: 'a merge stopped on a conflict',
		begin(fx) {
			diverge(fx);
			stopped(fx, {}, 'merge', '-q', 'other');
		},
		marker: 'MERGE_HEAD',
		line: (repo) => `spec-work: a merge is in progress in ${repo} (MERGE_HEAD); finish or abort it first (git merge --continue / --abort); nothing was committed\n`,
	},
	{
		name: 'a cherry-pick stopped on a conflict',
		begin(fx) {
			diverge(fx);
			stopped(fx, {}, 'cherry-pick', 'other');
		},
		marker: 'CHERRY_PICK_HEAD',
		line: (repo) =>
			`spec-work: a cherry-pick is in progress in ${repo} (CHERRY_PICK_HEAD); finish or abort it first (git cherry-pick --continue / --abort); nothing was committed\n`,
	},
	{
		name: 'a revert stopped on a conflict',
		begin(fx) {
			const first = commitApp(fx, 'one\n');
			commitApp(fx, 'two\n');
			stopped(fx, {}, 'revert', '--no-edit', first);
		},
		marker: 'REVERT_HEAD',
		line: (repo) => `spec-work: a revert is in progress in ${repo} (REVERT_HEAD); finish or abort it first (git revert --continue / --abort); nothing was committed\n`,
	},
	{
		name: 'a rebase stopped on a conflict',
		begin(fx) {
			diverge(fx);
			fx.git('checkout', '-q', 'other');
			stopped(fx, {}, 'rebase', '--merge', 'main');
		},
		marker: 'rebase-merge',
		line: (repo) => `spec-work: a rebase is in progress in ${repo} (rebase-merge); finish or abort it first (git rebase --continue / --abort); nothing was committed\n`,
	},
	{
		name: 'an interactive rebase stopped at an edit (no conflict)',
		begin(fx) {
			commitApp(fx, 'one\n');
			commitApp(fx, 'two\n');
			// Stops after the commit is applied, on a detached HEAD, with a clean tree.
			const stop = fx.gitStopping({ GIT_SEQUENCE_EDITOR: 'sed -i -e 1s/^pick/edit/' }, 'rebase', '-i', 'HEAD~1');
			expect(stop.code).toBe(0);
		},
		marker: 'rebase-merge',
		line: (repo) => `spec-work: a rebase is in progress in ${repo} (rebase-merge); finish or abort it first (git rebase --continue / --abort); nothing was committed\n`,
	},
	{
		name: 'a rebase of the apply backend stopped on a conflict',
		begin(fx) {
			diverge(fx);
			fx.git('checkout', '-q', 'other');
			stopped(fx, {}, 'rebase', '--apply', 'main');
		},
		marker: 'rebase-apply',
		line: (repo) => `spec-work: a rebase is in progress in ${repo} (rebase-apply); finish or abort it first (git rebase --continue / --abort); nothing was committed\n`,
	},
	{
		name: 'a git am stopped on a patch that does not apply',
		begin(fx) {
			diverge(fx);
			fx.write('other.patch', fx.git('format-patch', '-1', '--stdout', 'other'));
			stopped(fx, {}, 'am', 'other.patch');
		},
		marker: 'rebase-apply',
		line: (repo) => `spec-work: a git am session is in progress in ${repo} (rebase-apply); finish or abort it first (git am --continue / --abort); nothing was committed\n`,
	},
	{
		name: 'a bisect',
		begin(fx) {
			const good = commitApp(fx, 'one\n');
			commitApp(fx, 'two\n');
			commitApp(fx, 'three\n');
			commitApp(fx, 'four\n');
			fx.git('bisect', 'start', 'HEAD', good);
		},
		marker: 'BISECT_LOG',
		line: (repo) => `spec-work: a bisect is in progress in ${repo} (BISECT_LOG); end it first (git bisect reset); nothing was committed\n`,
	},
];

describe('spec-work commit refuses while git is in the middle of an operation', () => {
	let fx: GitFixture;
	afterEach(() => fx.cleanup());

	it.each(CASES.map((c) => [c.name, c] as const))('%s: exit 1, one line, nothing committed or changed', (_name, c) => {
		fx = new GitFixture();
		c.begin(fx);
		// The session and the spec's change come after git stopped: a rebase refuses to start on a dirty tree.
		expect(fx.run(['start', '1014']).code).toBe(0);
		fx.append(GUIDE, '\nA new paragraph.\n');
		const before = snapshot(fx);
		const context = fx.read(CONTEXT);

		const r = fx.run(['commit', '1014', '-m', 'Progress']);
		expect(r.stderr).toBe(c.line(fx.dir));
		expect(r.stdout).toBe('');
		expect(r.code).toBe(1);
		expect(snapshot(fx)).toEqual(before);
		expect(fx.read(CONTEXT)).toBe(context);
		// git still knows where it stopped: the user can continue or abort as if spec-work had not run.
		expect(existsSync(join(fx.dir, '.git', c.marker))).toBe(true);
	});

	it('commits again once the merge is aborted', () => {
		fx = new GitFixture();
		diverge(fx);
		stopped(fx, {}, 'merge', '-q', 'other');
		fx.run(['start', '1014']);
		fx.append(GUIDE, '\nA new paragraph.\n');
		expect(fx.run(['commit', '1014', '-m', 'Progress']).code).toBe(1);
		fx.git('merge', '--abort');
		const r = fx.run(['commit', '1014', '-m', 'Progress']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(fx.git('log', '-1', '--format=%P%n%an%n%s').split('\n').slice(0, 3)).toEqual([fx.git('rev-parse', 'HEAD~1').trim(), 'Test User', 'Progress']);
		expect(fx.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual([CONTEXT, GUIDE]);
	});

	it("looks in the work tree's own git dir: a merge in a linked work tree refuses there, not in the main one", () => {
		fx = new GitFixture();
		const linked = `${fx.dir}-linked`;
		try {
			diverge(fx);
			fx.git('worktree', 'add', '-q', '-b', 'side', linked, 'main');
			// The linked work tree has a .git file, not a folder; its merge state lives under .git/worktrees/.
			expect(fx.gitStopping({}, '-C', linked, 'merge', '-q', 'other').code).not.toBe(0);
			const run = (vault: string, args: string[]) => spawnCli([...args, '--vault', vault], { cwd: vault, env: gitEnv() });
			expect(run(linked, ['start', '1014']).code).toBe(0);
			const before = snapshot(fx, linked);

			const refused = run(linked, ['commit', '1014', '-m', 'Progress']);
			expect(refused.stderr).toBe(
				`spec-work: a merge is in progress in ${linked} (MERGE_HEAD); finish or abort it first (git merge --continue / --abort); nothing was committed\n`,
			);
			expect(refused.code).toBe(1);
			expect(snapshot(fx, linked)).toEqual(before);

			expect(fx.run(['start', '1014']).code).toBe(0);
			const main = fx.run(['commit', '1014', '-m', 'Progress on main']);
			expect(main.stderr).toBe('');
			expect(main.code).toBe(0);
			expect(fx.git('log', '-1', '--format=%s', 'main').trim()).toBe('Progress on main');
		} finally {
			rmSync(linked, { recursive: true, force: true });
		}
	});
});
