const customIcons = new Map<string, string>();

/** Puts an `<svg data-icon="id">` in `parent` (emptied first), so tests can see which icon is shown. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.empty();
	parent.createSvg('svg', { cls: ['svg-icon', `lucide-${iconId}`], attr: { 'data-icon': iconId } });
}

export function getIcon(iconId: string): SVGSVGElement | null {
	const holder = createDiv();
	setIcon(holder, iconId);
	return holder.querySelector('svg');
}

export function addIcon(iconId: string, svgContent: string): void {
	customIcons.set(iconId, svgContent);
}

export function removeIcon(iconId: string): void {
	customIcons.delete(iconId);
}

export function getIconIds(): string[] {
	return [...customIcons.keys()];
}
