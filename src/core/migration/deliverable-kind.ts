import { extension } from '../files/paths';
import { isBinaryPath } from '../deliverables/file-kind';

export type DeliverableFolder = 'scripts' | 'docs' | 'config';

const SCRIPTS = new Set('sh bash zsh fish ksh ps1 psm1 py rb pl pm js mjs cjs ts go rs lua php r awk sed bat cmd sql tcl'.split(' '));
const CONFIG = new Set('conf cfg cnf ini yaml yml toml json jsonc json5 env properties service timer mount socket automount rules exports xml plist tf hcl nix'.split(' '));

/**
 * Which `deliverables/` folder a file from an old spec folder goes to: scripts (code, or any file
 * starting with a shebang), config (configuration formats and extension-less or unknown text files
 * such as `fstab.nas`), docs (markdown, text, images, PDFs and other binaries).
 */
export function deliverableFolder(path: string, text: string | null): DeliverableFolder {
	const ext = extension(path);
	if (SCRIPTS.has(ext) || (text !== null && text.startsWith('#!'))) return 'scripts';
	if (CONFIG.has(ext)) return 'config';
	if (ext === 'md' || ext === 'markdown' || ext === 'txt' || ext === 'canvas' || isBinaryPath(path)) return 'docs';
	return 'config';
}

export const DELIVERABLE_FOLDERS: ReadonlySet<string> = new Set(['scripts', 'docs', 'config']);
