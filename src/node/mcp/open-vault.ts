import type { NodeWorkspace } from '../open-workspace';
import type { McpShell } from './shell';

/** The settings files the workspace reads besides the vault's notes (the listing leaves .obsidian out). */
const SETTINGS_FILES = ['.obsidian/app.json', '.obsidian/plugins/spec-workflow/data.json'];

/**
 * The vault, kept open between calls and following changes on disk: before each call a cheap
 * listing (every file's path, size and modification time) is compared with the last one, and the
 * workspace is opened again when anything differs — a note a person saved in Obsidian, a file
 * another spec-work wrote — so each call reads what is on disk now.
 */
export class OpenVault {
	private ws: NodeWorkspace | null = null;
	private seen = '';

	constructor(
		private readonly shell: McpShell,
		/** A workspace already open on the vault, used only to list it before the first call. */
		private readonly first: NodeWorkspace,
	) {}

	/** The workspace for this call, opened again when the vault changed since the last one. */
	async current(): Promise<NodeWorkspace> {
		// Listed before opening: a change made while opening shows in the next listing and is read then.
		const now = await listing(this.ws ?? this.first, this.shell.lockFile);
		if (this.ws === null || now !== this.seen) {
			this.ws = await this.shell.open();
			this.seen = now;
		}
		return this.ws;
	}
}

/** Every vault file with its size and modification time, in one string that changes when any of them does. */
export async function listing(ws: NodeWorkspace, lockFile: string): Promise<string> {
	const lines: string[] = [];
	for (const file of await ws.store.list('')) {
		if (file.path !== lockFile) lines.push(`${file.path}\t${file.size}\t${file.mtime}`);
	}
	for (const path of SETTINGS_FILES) {
		const st = await ws.store.stat(path);
		if (st) lines.push(`${path}\t${st.size}\t${st.mtime}`);
	}
	return lines.sort().join('\n');
}
