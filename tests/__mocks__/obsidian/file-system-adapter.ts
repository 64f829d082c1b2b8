import type { App } from './app';
import { FakeDataAdapter, type Vault } from './vault';

/**
 * Obsidian desktop's adapter: the vault is a folder on disk at `getBasePath()`. The fake keeps its
 * files in memory like FakeDataAdapter; only the base path is real, for features that run tools
 * (git) on the folder. Mobile's adapter is not one of these.
 */
export class FileSystemAdapter extends FakeDataAdapter {
	constructor(
		vault: Vault,
		private readonly basePath: string,
	) {
		super(vault);
	}

	getBasePath(): string {
		return this.basePath;
	}
}

/** Makes the fake vault a desktop vault whose folder is `basePath` (hidden files are kept). */
export function useFileSystemAdapter(app: App, basePath: string): FileSystemAdapter {
	const adapter = new FileSystemAdapter(app.vault, basePath);
	for (const [path, text] of app.vault.adapter.hidden) adapter.hidden.set(path, text);
	app.vault.adapter = adapter;
	return adapter;
}
