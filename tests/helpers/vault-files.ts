import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

/** Every file of a folder on disk as vault-relative path → text (skips .obsidian). */
export function readVaultFiles(root: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name === '.obsidian') continue;
			const abs = join(dir, entry.name);
			if (entry.isDirectory()) walk(abs);
			else out[relative(root, abs).split('\\').join('/')] = readFileSync(abs, 'utf8');
		}
	};
	walk(root);
	return out;
}

export const EXAMPLE_VAULT = join(__dirname, '..', '..', 'examples', 'vault');
