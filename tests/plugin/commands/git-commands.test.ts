/** @jest-environment jsdom */
import { createFakeApp, loadPlugin, notices, resetPlatform, runCommand, useFileSystemAdapter } from '../../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { CommitProgressModal } from '../../../src/plugin/modals/commit-progress-modal';
import { RecordCommitsModal } from '../../../src/plugin/modals/record-commits-modal';
import { readVaultFiles } from '../../helpers/vault-files';
import { GitFixture, gitEnv } from '../../node/git/git-fixture';
import { NOW, openNote, press, type, vaultFiles, waitForModal } from './artifact-harness';

const SPEC = 'specs/1000/1001/1014.spec.md';
const CONTEXT = 'specs/1000/1001/1014.context.md';
const GUIDE = 'specs/1000/1001/deliverables/docs/nas-setup-guide.md';
const COMMIT_DATE = '2025-08-29T09:00:00+00:00';

/** The plugin over the files of a vault folder on disk, as Obsidian desktop opens it. */
async function desktopPlugin(fx: GitFixture) {
	const files = Object.fromEntries(Object.entries(readVaultFiles(fx.vault)).filter(([p]) => !p.startsWith('.git/')));
	const app = createFakeApp(files);
	useFileSystemAdapter(app, fx.vault);
	const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
	plugin.now = () => new Date(NOW);
	app.layoutReady();
	await plugin.indexReady;
	await openNote(app, SPEC);
	return { app, plugin };
}

/** A repository with session 3 of 1014 started by the CLI and the guide changed. */
function prepared(): GitFixture {
	const fx = new GitFixture();
	expect(fx.run(['start', '1014'], { now: NOW }).code).toBe(0);
	fx.append(GUIDE, '\nA new paragraph.\n');
	return fx;
}

describe('git commands on desktop', () => {
	const saved = { ...process.env };
	const fixtures: GitFixture[] = [];
	beforeEach(() => {
		resetPlatform();
		// The plugin's git runs with this process's environment: the same fixed identity and dates as the CLI's.
		Object.assign(process.env, gitEnv({ GIT_AUTHOR_DATE: COMMIT_DATE, GIT_COMMITTER_DATE: COMMIT_DATE }));
	});
	afterEach(() => {
		for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
		Object.assign(process.env, saved);
		for (const fx of fixtures.splice(0)) fx.cleanup();
	});

	it('"Commit spec progress…" makes the same commit and journal line as spec-work commit', async () => {
		const cli = prepared();
		const desk = prepared();
		fixtures.push(cli, desk);
		const message = 'Guide: "mount" notes $(id) `uname`\n\nDetails.';
		const r = cli.run(['commit', '1014', '-m', message], { now: NOW, env: { GIT_AUTHOR_DATE: COMMIT_DATE, GIT_COMMITTER_DATE: COMMIT_DATE } });
		expect(r.code).toBe(0);

		const { app } = await desktopPlugin(desk);
		desk.write('staged.txt', 'mine\n');
		desk.git('add', 'staged.txt');
		expect(await runCommand(app, 'spec-workflow:commit-spec-progress')).toBe(true);
		const modal = await waitForModal(CommitProgressModal);
		expect(Array.from(modal.contentEl.querySelectorAll('li'), (li) => li.textContent)).toContain(GUIDE);
		type(modal.contentEl.querySelector('textarea')!, message);
		press(modal, 'Commit');
		await modal.submitting;
		await app.flush();

		expect(desk.git('rev-parse', 'HEAD')).toBe(cli.git('rev-parse', 'HEAD'));
		expect((await vaultFiles(app))[CONTEXT]).toBe(cli.read(CONTEXT));
		expect(desk.status()['staged.txt']).toBe('A ');
		const short = cli.git('rev-parse', '--short', 'HEAD').trim();
		expect(notices).toContain(`Committed ${short} (2 files) and recorded it in session 3.`);
	});

	it('"Record commits from Git…" offers the session\'s commits with checkboxes and records the ticked ones', async () => {
		const fx = prepared();
		fixtures.push(fx);
		const commit = (file: string, message: string) => {
			fx.write(file, message + '\n');
			fx.git('add', file);
			fx.gitWith({ GIT_AUTHOR_DATE: COMMIT_DATE, GIT_COMMITTER_DATE: COMMIT_DATE }, 'commit', '-q', '-m', message);
			return fx.git('rev-parse', '--short', 'HEAD').trim();
		};
		const a = commit('src/a.ts', 'Add a');
		const b = commit('src/b.ts', 'Add b');
		const { app } = await desktopPlugin(fx);
		expect(await runCommand(app, 'spec-workflow:record-commits-from-git')).toBe(true);
		const modal = await waitForModal(RecordCommitsModal);
		const boxes = Array.from(modal.contentEl.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
		expect(boxes.map((b) => b.checked)).toEqual([true, true]);
		expect(modal.contentEl.textContent).toContain(`${a}Add a`);
		boxes[0].click();
		press(modal, 'Record commits');
		await modal.submitting;
		await app.flush();
		const context = (await vaultFiles(app))[CONTEXT];
		expect(context).toContain(`#### Commits\n- \`${b}\`: Add b\n`);
		expect(context).not.toContain(`\`${a}\``);
		expect(notices).toContain('Recorded 1 commit in session 3.');
	});

	it('a vault outside any repository gets a Notice naming it, and nothing changes', async () => {
		const fx = new GitFixture({ git: 'none' });
		fixtures.push(fx);
		fx.run(['start', '1014'], { now: NOW });
		const { app } = await desktopPlugin(fx);
		const before = await vaultFiles(app);
		await runCommand(app, 'spec-workflow:commit-spec-progress');
		await app.flush();
		expect(notices).toContain(`${fx.vault} is not inside a git repository`);
		expect(await vaultFiles(app)).toEqual(before);
	});
});
