import type { NodeWorkspace } from '../open-workspace';
import type { McpShell } from './shell';

/**
 * The vault, kept open between calls and following changes on disk: before each call the
 * workspace follows what changed since the last one (files added and removed, spec notes edited:
 * see DiskFollower) — a note a person saved in Obsidian, a file another spec-work wrote — and is
 * opened afresh when it cannot follow (the settings changed, say), so each call reads what is on
 * disk now.
 */
export class OpenVault {
	constructor(
		private readonly shell: McpShell,
		/** The workspace the server opened at start, following the disk (opened with `follow`). */
		private ws: NodeWorkspace,
	) {}

	/** The workspace for this call, brought up to the disk. */
	async current(): Promise<NodeWorkspace> {
		if (!(await this.ws.refresh?.())) this.ws = await this.shell.open();
		return this.ws;
	}
}
