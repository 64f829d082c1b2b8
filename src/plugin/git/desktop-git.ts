import { App, FileSystemAdapter, Platform } from 'obsidian';
import { WorkflowError } from '../../core/workspace/workflow-error';
import { createGitHost } from '../../core/git/git-host';
import { GitRepository } from '../../core/git/git-runner';

/**
 * Whether git can run: in Obsidian's desktop app, the only one with Node (`isDesktopApp`), in its
 * desktop layout (`isDesktop`, false when the app plays a phone), where the git commands are offered.
 */
export function gitAvailable(): boolean {
	return Platform.isDesktop && Platform.isDesktopApp;
}

const desktopOnly = (): WorkflowError => new WorkflowError('desktop-only', 'Git commands need Obsidian on desktop.');

/**
 * The git repository holding this vault, on desktop only. Node's modules are loaded here, at the
 * moment a git command runs and behind the desktop checks, so the plugin still loads on mobile
 * (which has no require, child_process or fs) and never touches them there.
 */
export async function vaultRepository(app: App): Promise<GitRepository> {
	// The review lint knows a Node guard by this first statement, on Platform.isDesktop.
	if (!Platform.isDesktop) throw desktopOnly();
	if (!Platform.isDesktopApp) throw desktopOnly();
	const adapter = app.vault.adapter;
	if (!(adapter instanceof FileSystemAdapter)) {
		throw new WorkflowError('no-file-system', 'This vault is not a folder on disk, so git cannot be used here.');
	}
	// require, not import(): Electron's renderer resolves import() as a browser would.
	/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- Node's own require, only reached in the desktop app (guards above) */
	const childProcess = require('node:child_process') as typeof import('node:child_process');
	const fs = require('node:fs') as typeof import('node:fs');
	const nodeProcess = require('node:process') as typeof import('node:process');
	/* eslint-enable @typescript-eslint/no-require-imports, no-undef -- end of the desktop-only requires */
	const host = createGitHost({ childProcess, fs, env: nodeProcess.env });
	return GitRepository.find(host, adapter.getBasePath());
}
