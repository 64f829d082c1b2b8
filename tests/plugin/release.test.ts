import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';

/**
 * Releasing: `npm version` bumps package.json and runs version-bump.mjs, which keeps manifest.json
 * and versions.json in step; pushing the tag runs .github/workflows/release.yml, which builds and
 * drafts a release named exactly the version with main.js, manifest.json and styles.css.
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

describe('version-bump.mjs', () => {
	let dir: string;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'spec-workflow-bump-'));
		for (const file of ['manifest.json', 'versions.json']) copyFileSync(join(ROOT, file), join(dir, file));
	});

	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const bump = (env: Record<string, string>, args: string[] = []) =>
		spawnSync(process.execPath, [join(ROOT, 'version-bump.mjs'), ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });

	it("sets manifest.json's version and maps it to minAppVersion in versions.json, keeping the older entries", () => {
		writeFileSync(join(dir, 'manifest.json'), read('manifest.json').replace(/"minAppVersion": "[^"]*"/, '"minAppVersion": "1.8.0"'));
		writeFileSync(join(dir, 'versions.json'), '{\n  "0.1.0": "1.7.2"\n}\n');
		const r = bump({ npm_package_version: '0.2.0' });
		expect(r.status).toBe(0);
		expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(
			'{\n' +
				'  "id": "spec-workflow",\n' +
				'  "name": "Spec Workflow",\n' +
				'  "version": "0.2.0",\n' +
				'  "minAppVersion": "1.8.0",\n' +
				'  "description": "Keep specs, implementation journals and deliverables linked to each other, with sessions, plans and a status panel.",\n' +
				'  "author": "Spec Workflow contributors",\n' +
				'  "isDesktopOnly": false\n' +
				'}\n',
		);
		expect(readFileSync(join(dir, 'versions.json'), 'utf8')).toBe('{\n  "0.1.0": "1.7.2",\n  "0.2.0": "1.8.0"\n}\n');
	});

	it('leaves the files as they are when run again for the version they have (the repository keeps them in its format)', () => {
		const version = (JSON.parse(read('manifest.json')) as { version: string }).version;
		expect(bump({}, [version]).status).toBe(0);
		expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(read('manifest.json'));
		expect(readFileSync(join(dir, 'versions.json'), 'utf8')).toBe(read('versions.json'));
	});

	it('refuses a version Obsidian cannot compare, writing nothing', () => {
		for (const version of ['v0.2.0', '0.2', '0.2.0-beta.1']) {
			const r = bump({ npm_package_version: version });
			expect(r.status).toBe(1);
			expect(r.stderr).toContain('expected a version x.y.z');
		}
		expect(bump({}).status).toBe(1);
		expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(read('manifest.json'));
		expect(readFileSync(join(dir, 'versions.json'), 'utf8')).toBe(read('versions.json'));
	});
});

describe('npm version', () => {
	it('bumps the three files in one commit, tagged exactly the version', () => {
		const dir = mkdtempSync(join(tmpdir(), 'spec-workflow-npm-version-'));
		// A home of its own: no global git configuration (signing, hooks) and npm's cache outside the repository.
		const home = mkdtempSync(join(tmpdir(), 'spec-workflow-npm-home-'));
		try {
			for (const file of ['manifest.json', 'versions.json', 'version-bump.mjs', '.npmrc']) copyFileSync(join(ROOT, file), join(dir, file));
			const pkg = JSON.parse(read('package.json')) as { version: string; scripts: Record<string, string> };
			writeFileSync(
				join(dir, 'package.json'),
				`${JSON.stringify({ name: 'spec-workflow', version: pkg.version, private: true, scripts: { version: pkg.scripts.version } }, null, 2)}\n`,
			);
			const env = {
				PATH: process.env.PATH ?? '',
				HOME: home,
				GIT_AUTHOR_NAME: 't',
				GIT_AUTHOR_EMAIL: 't@example.org',
				GIT_COMMITTER_NAME: 't',
				GIT_COMMITTER_EMAIL: 't@example.org',
			};
			const sh = (cmd: string, args: string[]) => {
				const r = spawnSync(cmd, args, { cwd: dir, env, encoding: 'utf8' });
				if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
				return r.stdout;
			};
			sh('git', ['init', '-q']);
			sh('git', ['add', '.']);
			sh('git', ['commit', '-q', '-m', 'start']);
			sh('npm', ['version', 'minor', '--no-audit', '--no-fund']);
			const next = pkg.version.replace(/^(\d+)\.(\d+)\.\d+$/, (_m, major: string, minor: string) => `${major}.${Number(minor) + 1}.0`);
			expect(sh('git', ['tag']).trim()).toBe(next);
			expect(sh('git', ['show', '--name-only', '--format=%s', 'HEAD']).trim().split('\n')).toEqual([next, '', 'manifest.json', 'package.json', 'versions.json']);
			expect((JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version).toBe(next);
			expect(sh('git', ['status', '--porcelain'])).toBe('');
		} finally {
			rmSync(dir, { recursive: true, force: true });
			rmSync(home, { recursive: true, force: true });
		}
	});
});

describe('the release set-up', () => {
	it('keeps package.json, manifest.json and versions.json at one version, and npm tags it without a "v"', () => {
		const pkg = JSON.parse(read('package.json')) as { version: string; scripts: Record<string, string> };
		const manifest = JSON.parse(read('manifest.json')) as { version: string; minAppVersion: string };
		expect(manifest.version).toBe(pkg.version);
		expect((JSON.parse(read('versions.json')) as Record<string, string>)[manifest.version]).toBe(manifest.minAppVersion);
		expect(pkg.scripts.version).toBe('node version-bump.mjs && git add manifest.json versions.json');
		expect(read('.npmrc')).toContain('tag-version-prefix=""');
	});

	it('releases on a tag: builds with npm ci, checks the tag is the version, drafts a release named the tag with the three files', () => {
		interface Step {
			name?: string;
			run?: string;
			uses?: string;
		}
		const workflow = parse(read('.github/workflows/release.yml')) as {
			on: { push: { tags: string[] } };
			jobs: { release: { permissions: Record<string, string>; steps: Step[] } };
		};
		expect(workflow.on).toEqual({ push: { tags: ['*'] } });
		const { permissions, steps } = workflow.jobs.release;
		expect(permissions.contents).toBe('write');
		const runs = steps.map((s) => s.run ?? '').join('\n');
		expect(runs).toMatch(/npm ci\nnpm run build/);
		expect(runs).toContain(`if [ "$tag" != "$version" ]`);
		const create = steps.find((s) => s.name === 'Create release')?.run ?? '';
		expect(create.replace(/\\\n\s*/g, '')).toContain('gh release create "$tag" --title="$tag" --draft main.js manifest.json styles.css');
		expect(steps.findIndex((s) => s.name === 'Create release')).toBeGreaterThan(steps.findIndex((s) => s.run?.includes('npm run build')));
	});
});
