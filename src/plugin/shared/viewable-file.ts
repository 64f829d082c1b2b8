import type { App } from 'obsidian';

/** Formats Obsidian opens in a tab of its own (notes, canvases, PDFs, images, audio, video). */
const BUILT_IN = new Set([
	'md',
	'canvas',
	'base',
	'pdf',
	'png',
	'jpg',
	'jpeg',
	'gif',
	'bmp',
	'svg',
	'webp',
	'avif',
	'mp3',
	'wav',
	'm4a',
	'ogg',
	'flac',
	'3gp',
	'webm',
	'mp4',
	'ogv',
	'mov',
	'mkv',
]);

/**
 * Whether Obsidian can show this file in a tab. Scripts and config files (`.sh`, `.conf`) are
 * not, unless a plugin registered their extension: opening one would only show an empty tab.
 */
export function opensInObsidian(app: App, path: string): boolean {
	const name = path.slice(path.lastIndexOf('/') + 1);
	const dot = name.lastIndexOf('.');
	const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	if (BUILT_IN.has(ext)) return true;
	// Obsidian's undocumented view registry (obsidian-private.d.ts) also knows the extensions other
	// plugins registered; without it, only the built-in formats count.
	const registry = app.viewRegistry;
	if (typeof registry?.isExtensionRegistered !== 'function') return false;
	return registry.isExtensionRegistered(ext) === true;
}
