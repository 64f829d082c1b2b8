import { App, FileSystemAdapter, Platform } from 'obsidian';
import { WorkflowError } from '../../core/workspace/workflow-error';
import { createGitHost } from '../../core/git/git-host';
import { GitRepository } from '../../core/git/git-runner';

/**
 * The git repository holding this vault, on desktop only. Node's modules are loaded here, at the
 * moment a git command runs and behind Platform.isDesktop, so the plugin still loads on mobile
 * (which has no require, child_process or fs) and never touches them there.
 */
export async function vaultRepository(app: App): Promise<GitRepository> {
	if (!Platform.isDesktop) {
		throw new WorkflowError('desktop-only', 'Git commands need Obsidian on desktop.');
	}
	const adapter = app.vault.adapter;
	if (!(adapter instanceof FileSystemAdapter)) {
		throw new WorkflowError('no-file-system', 'This vault is not a folder on disk, so git cannot be used here.');
	}
	// require, not import(): Electron's renderer resolves import() as a browser would.
	/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- Node's own require, only reached on desktop (guard above) */
	const childProcess = require('node:child_process') as typeof import('node:child_process');
	const fs = require('node:fs') as typeof import('node:fs');
	const nodeProcess = require('node:process') as typeof import('node:process');
	/* eslint-enable @typescript-eslint/no-require-imports, no-undef -- end of the desktop-only requires */
	const host = createGitHost({ childProcess, fs, env: nodeProcess.env });
	return GitRepository.find(host, adapter.getBasePath());
}
