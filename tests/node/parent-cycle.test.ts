import { TempVault } from '../helpers/cli-process';

/**
 * An epic whose `parent` property names its own feature: 1000 → 1001 → 1000 (the folder makes
 * 1000 the feature's parent). Every view of the hierarchy ends, and validate says why it is wrong.
 */
describe('a parent cycle through the built spec-work', () => {
	const FILES = {
		'.obsidian/app.json': '{}',
		'specs/1000/epic.md': '---\nparent: 1001\nstatus: implementing\n---\n# 1000 - Epic\n',
		'specs/1000/1001/spec.md': '---\nstatus: implementing\ncontext: "[[context]]"\n---\n# 1001 - Feature\n',
		'specs/1000/1001/context.md': '# Context\n\n**Spec**: [[spec]]\n\n## Plan\n- [x] Draft\n- [ ] Review\n',
	};
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault(FILES)));
	afterEach(() => vault.cleanup());

	it('validate reports the cycle once as an error, and --fix writes nothing', () => {
		const line =
			'error    specs/1000/epic.md  parent-cycle  parents form a cycle: 1000 (specs/1000/epic.md) → 1001 (specs/1000/1001/spec.md) → 1000; give one of them another parent';
		for (const args of [['validate'], ['validate', '--fix']]) {
			const r = vault.run(args);
			expect(r).toEqual({ code: 1, stdout: `${line}\n1 error, 0 warnings\n`, stderr: '' });
		}
		expect(vault.files()).toEqual(Object.fromEntries(Object.entries(FILES).filter(([path]) => path.startsWith('specs/'))));
	});

	it('list and status --all show each spec once, with progress rolled up', () => {
		expect(vault.run(['list']).stdout).toBe('1000  Epic  [implementing]  50% (1/2)\n  1001  Feature  [implementing]  50% (1/2)\n');
		expect(vault.run(['status', '--all']).stdout).toBe('Open specs (2):\n\n1000  Epic  [implementing]  50% (1/2)\n  1001  Feature  [implementing]  50% (1/2)  next: 2. Review\n');
	});

	it('status of either spec ends, rolling the epic up from its feature once', () => {
		const epic = vault.run(['status', '1000']);
		expect(epic.code).toBe(0);
		expect(epic.stdout).toContain('## Progress: 50% Complete (1/2 tasks, rolled up from children)\n');
		expect(epic.stdout).toContain('### Parent: 1001 - Feature - 50% (1/2 tasks)\n\n### Children:\n- 1001 - Feature [implementing] - 50% (1/2 tasks)\n');
		const feature = vault.run(['status', '1001']);
		expect(feature.code).toBe(0);
		expect(feature.stdout).toContain('### Parent: 1000 - Epic - 50% (1/2 tasks)\n\n### Children:\n- 1000 - Epic [implementing] - 50% (1/2 tasks)\n');
	});

	it('next picks the pending task of the feature', () => {
		expect(vault.run(['next'])).toEqual({
			code: 0,
			stdout: 'Next: 1001 Feature, task 2: Review (pending)\nProgress 50% (1/2); context specs/1000/1001/context.md\n',
			stderr: '',
		});
	});
});
