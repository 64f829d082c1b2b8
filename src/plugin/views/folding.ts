import { type App, requireApiVersion, setIcon } from 'obsidian';

/** Which of the panel's sections are folded: remembered by key, with a default for those never touched. */
export interface Folds {
	isFolded(key: string, byDefault: boolean): boolean;
	setFolded(key: string, folded: boolean): void;
}

/** The local-storage key (Obsidian scopes it to the vault). */
export const FOLDS_KEY = 'spec-workflow-folds';

/** The group of done tasks starts folded: on a phone the work left is what matters. */
const FOLDED_BY_DEFAULT = new Set(['group:done']);

/**
 * Folds remembered per device, in Obsidian's local storage rather than data.json: a phone with a
 * short screen folds what a desktop keeps open, and data.json syncs between them. Before Obsidian
 * 1.8.7 (no local storage API) they last until the app closes.
 */
export class DeviceFolds implements Folds {
	private readonly folds: Record<string, boolean>;

	constructor(private readonly app: App) {
		const saved: unknown = requireApiVersion('1.8.7') ? app.loadLocalStorage(FOLDS_KEY) : null;
		this.folds = saved !== null && typeof saved === 'object' && !Array.isArray(saved) ? { ...(saved as Record<string, boolean>) } : {};
	}

	isFolded(key: string, byDefault: boolean): boolean {
		const folded = this.folds[key];
		return typeof folded === 'boolean' ? folded : byDefault;
	}

	setFolded(key: string, folded: boolean): void {
		this.folds[key] = folded;
		if (requireApiVersion('1.8.7')) this.app.saveLocalStorage(FOLDS_KEY, this.folds);
	}
}

/**
 * Makes each section and task group under `root` fold on a tap of its heading, with Obsidian's
 * collapse indicator; its folded state comes from and goes to `folds`, keyed by the section's title
 * (`section:Sessions`) or the group's state (`group:done`), so it holds for every spec.
 */
export function makeSectionsFoldable(root: HTMLElement, folds: Folds): void {
	for (const section of Array.from(root.querySelectorAll<HTMLElement>('.spec-workflow-section'))) {
		const heading = section.querySelector<HTMLElement>(':scope > .spec-workflow-section-heading');
		const title = heading?.querySelector('.spec-workflow-section-title')?.textContent;
		if (heading && title) foldable(section, heading, `section:${title}`, folds);
	}
	for (const group of Array.from(root.querySelectorAll<HTMLElement>('.spec-workflow-task-group'))) {
		const heading = group.querySelector<HTMLElement>(':scope > .spec-workflow-group-heading');
		const state = Array.from(group.classList)
			.find((c) => c.startsWith('is-'))
			?.slice(3);
		if (heading && state) foldable(group, heading, `group:${state}`, folds);
	}
}

function foldable(container: HTMLElement, heading: HTMLElement, key: string, folds: Folds): void {
	container.setAttr('data-fold', key);
	heading.addClass('spec-workflow-fold-heading');
	const icon = createSpan({ cls: ['spec-workflow-fold-icon', 'collapse-icon'] });
	heading.prepend(icon);
	setIcon(icon, 'right-triangle');
	heading.setAttrs({ role: 'button', tabindex: 0 });
	const show = (folded: boolean): void => {
		container.toggleClass('is-collapsed', folded);
		icon.toggleClass('is-collapsed', folded);
		heading.setAttr('aria-expanded', folded ? 'false' : 'true');
	};
	show(folds.isFolded(key, FOLDED_BY_DEFAULT.has(key)));
	const toggle = (): void => {
		const folded = !container.hasClass('is-collapsed');
		folds.setFolded(key, folded);
		show(folded);
	};
	heading.addEventListener('click', toggle);
	heading.addEventListener('keydown', (evt) => {
		if (evt.key === 'Enter' || evt.key === ' ') {
			evt.preventDefault();
			toggle();
		}
	});
}
