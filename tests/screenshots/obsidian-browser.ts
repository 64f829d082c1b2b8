/**
 * The Obsidian fake for the screenshot page: the same module the tests use, with `setIcon` drawing
 * the few Lucide icons the panel and the modals show (the fake only leaves a placeholder `<svg>`).
 */
export * from '../__mocks__/obsidian';

const PATHS: Record<string, string[]> = {
	'chevron-down': ['m6 9 6 6 6-6'],
	'chevron-right': ['m9 18 6-6-6-6'],
	'right-triangle': ['M3 8L12 17L21 8'],
	'list-checks': ['m3 17 2 2 4-4', 'm3 7 2 2 4-4', 'M13 6h8', 'M13 12h8', 'M13 18h8'],
	'file-text': ['M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z', 'M14 2v4a2 2 0 0 0 2 2h4', 'M10 9H8', 'M16 13H8', 'M16 17H8'],
	search: ['m21 21-4.3-4.3', 'M11 3a8 8 0 1 0 0 16 8 8 0 0 0 0-16z'],
	folder: ['M20 20a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-7.9a2 2 0 0 1-1.69-.9L9.6 3.9A2 2 0 0 0 7.93 3H4a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2Z'],
	menu: ['M4 12h16', 'M4 6h16', 'M4 18h16'],
	x: ['M18 6 6 18', 'm6 6 12 12'],
	'arrow-up': ['m5 12 7-7 7 7', 'M12 19V5'],
	'arrow-down': ['M12 5v14', 'm19 12-7 7-7-7'],
	'list-tree': ['M21 12h-8', 'M21 6H8', 'M21 18h-8', 'M3 6v4c0 1.1.9 2 2 2h3', 'M3 10v6c0 1.1.9 2 2 2h3'],
	table: ['M3 5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2Z', 'M3 9h18', 'M3 15h18', 'M12 3v18'],
};

export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	const svg = parent.createSvg('svg', {
		cls: ['svg-icon', `lucide-${iconId}`],
		attr: { 'data-icon': iconId, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
	});
	for (const d of PATHS[iconId] ?? []) svg.createSvg('path', { attr: { d } });
}

/**
 * Draws the placeholders the fake's own components leave (extra buttons set their icon through the
 * fake's `setIcon`, not this one), and the modal's close button, which is an `x` in Obsidian.
 */
export function drawIcons(root: HTMLElement): void {
	for (const close of Array.from(root.querySelectorAll<HTMLElement>('.modal-close-button'))) if (!close.firstElementChild) setIcon(close, 'x');
	for (const svg of Array.from(root.querySelectorAll<SVGElement>('svg[data-icon]'))) {
		const parent = svg.parentElement;
		if (parent && svg.childElementCount === 0 && parent.childElementCount === 1) setIcon(parent, svg.getAttribute('data-icon') ?? '');
	}
}

/** Desktop-only adapter the plugin's git support checks for; the page is never a desktop vault. */
export class FileSystemAdapter {}
