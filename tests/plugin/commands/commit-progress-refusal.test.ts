/** @jest-environment jsdom */
import { createFakeApp, getOpenModal, loadPlugin, notices, resetPlatform, runCommand, useFileSystemAdapter } from '../../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { CommitProgressModal } from '../../../src/plugin/modals/commit-progress-modal';
import { readVaultFiles } from '../../helpers/vault-files';
import { GitFixture, gitEnv } from '../../node/git/git-fixture';
import { NOW, openNote, press, type, vaultFiles, waitForModal } from './artifact-harness';

const SPEC = 'specs/1000/1001/1014.spec.md';
const GUIDE = 'specs/1000/1001/deliverables/docs/nas-setup-guide.md';
const APP = 'src/app.ts';

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
	return app;
}

/** Session 3 of 1014 started and the guide changed; main and `other` change the same line of src/app.ts. */
function diverged(): GitFixture {
	const fx = new GitFixture();
	const commitApp = (text: string) => {
		fx.write(APP, text);
		fx.git('add', APP);
		fx.git('commit', '-q', '-m', text.trim());
	};
	commitApp('base\n');
	fx.git('checkout', '-q', '-b', 'other');
	commitApp('other\n');
	fx.git('checkout', '-q', 'main');
	commitApp('main\n');
	expect(fx.run(['start', '1014'], { now: NOW }).code).toBe(0);
	fx.append(GUIDE, '\nA new paragraph.\n');
	return fx;
}

function stopMerge(fx: GitFixture): void {
	expect(fx.gitStopping({}, 'merge', '-q', 'other').code).not.toBe(0);
}

const REFUSAL = (repo: string) => `a merge is in progress in ${repo} (MERGE_HEAD); finish or abort it first (git merge --continue / --abort); nothing was committed`;

describe('"Commit spec progress…" while a merge is unfinished', () => {
	const saved = { ...process.env };
	const fixtures: GitFixture[] = [];
	beforeEach(() => {
		resetPlatform();
		Object.assign(process.env, gitEnv());
	});
	afterEach(() => {
		for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
		Object.assign(process.env, saved);
		for (const fx of fixtures.splice(0)) fx.cleanup();
	});

	it('says so in a Notice before asking for a message, and commits nothing', async () => {
		const fx = diverged();
		fixtures.push(fx);
		stopMerge(fx);
		const head = fx.git('rev-parse', 'HEAD');
		const app = await desktopPlugin(fx);
		const before = await vaultFiles(app);
		await runCommand(app, 'spec-workflow:commit-spec-progress');
		await app.flush();
		expect(notices).toContain(REFUSAL(fx.dir));
		expect(getOpenModal(CommitProgressModal)).toBeNull();
		expect(fx.git('rev-parse', 'HEAD')).toBe(head);
		expect(fx.status()[APP]).toBe('UU');
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('refuses on Commit when the merge began after the modal opened; the modal stays open', async () => {
		const fx = diverged();
		fixtures.push(fx);
		const app = await desktopPlugin(fx);
		await runCommand(app, 'spec-workflow:commit-spec-progress');
		const modal = await waitForModal(CommitProgressModal);
		stopMerge(fx);
		const head = fx.git('rev-parse', 'HEAD');
		const before = await vaultFiles(app);
		type(modal.contentEl.querySelector('textarea')!, 'Progress');
		press(modal, 'Commit');
		await modal.submitting;
		await app.flush();
		expect(notices).toContain(REFUSAL(fx.dir));
		expect(getOpenModal(CommitProgressModal)).toBe(modal);
		expect(fx.git('rev-parse', 'HEAD')).toBe(head);
		expect(fx.status()[APP]).toBe('UU');
		expect(await vaultFiles(app)).toEqual(before);
	});
});
