// `npm start`: build the plugin and install it into examples/vault, so that folder opens in
// Obsidian as a vault with Spec Workflow ready; then show the CLI working on the same vault.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const vault = 'examples/vault';
const pluginDir = join(vault, '.obsidian', 'plugins', 'spec-workflow');

execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { stdio: 'inherit' });
mkdirSync(pluginDir, { recursive: true });
for (const file of ['main.js', 'manifest.json', 'styles.css']) copyFileSync(file, join(pluginDir, file));
console.log(`\nInstalled Spec Workflow into ${pluginDir}.`);
console.log(`Open "${vault}" as a vault in Obsidian (Open folder as vault); the plugin is enabled there.\n`);

const cli = 'dist/cli.js';
if (existsSync(cli)) {
	for (const args of [
		['status', '1014'],
		['deliverables', '1014'],
	]) {
		console.log(`$ spec-work ${args.join(' ')} --vault ${vault}`);
		execFileSync(process.execPath, [cli, ...args, '--vault', vault], { stdio: 'inherit' });
		console.log('');
	}
}
