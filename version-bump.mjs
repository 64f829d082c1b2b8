/**
 * `npm version <patch|minor|major|x.y.z>` runs this (the "version" script) after bumping
 * package.json: manifest.json gets the new version, and versions.json maps it to the manifest's
 * minAppVersion, so Obsidian offers each release only to apps that can run it. Both files are
 * written as two-space JSON with a final newline, as they are kept in the repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const version = process.env.npm_package_version ?? process.argv[2];
// Obsidian compares plain x.y.z versions, and a release's tag must be exactly that.
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
	console.error(`version-bump: expected a version x.y.z (from npm version, or as the argument), got ${JSON.stringify(version ?? null)}`);
	process.exit(1);
}

const write = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
if (typeof manifest.minAppVersion !== 'string' || manifest.minAppVersion === '') {
	console.error('version-bump: manifest.json has no minAppVersion');
	process.exit(1);
}
manifest.version = version;
write('manifest.json', manifest);

const versions = JSON.parse(readFileSync('versions.json', 'utf8'));
versions[version] = manifest.minAppVersion;
write('versions.json', versions);
console.log(`manifest.json ${version}; versions.json ${version} → Obsidian ${manifest.minAppVersion}`);
