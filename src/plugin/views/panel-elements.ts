import { SPEC_STATUSES } from '../../core/metadata/status';
import type { SpecProgress } from '../../core/reports/progress-rollup';

/** Small pieces the spec panel and the overview share. Classes only; the look is in styles.css. */

/** `implementing` as a coloured pill; a status outside the vocabulary is shown as written, in grey. */
export function statusPill(parent: HTMLElement, status: string): HTMLElement {
	const known = (SPEC_STATUSES as readonly string[]).includes(status);
	return parent.createSpan({
		cls: ['spec-workflow-pill', known ? `is-${status}` : 'is-other'],
		text: status === '' ? 'no status' : status,
	});
}

/** `71% · 5/7 tasks` (`71% · 5/7` where space is short), or what there is instead of a plan. */
export function progressText(p: SpecProgress, short = false): string {
	if (p.total === 0) return short ? 'No tasks' : 'No tasks yet';
	if (short) return `${p.percent}% · ${p.done}/${p.total}`;
	return `${p.percent}% · ${p.done}/${p.total} task${p.total === 1 ? '' : 's'}`;
}

/** A bar filled to the percentage; `is-complete` when everything is done. */
export function progressBar(parent: HTMLElement, p: SpecProgress, cls = 'spec-workflow-bar'): HTMLElement {
	const bar = parent.createDiv({ cls, attr: { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': p.percent } });
	const fill = bar.createDiv('spec-workflow-bar-fill');
	setFill(bar, fill, p);
	return bar;
}

/** Updates a bar made by progressBar (a task toggled in place). */
export function updateProgressBar(bar: HTMLElement, p: SpecProgress): void {
	const fill = bar.querySelector<HTMLElement>('.spec-workflow-bar-fill');
	if (fill) setFill(bar, fill, p);
	bar.setAttr('aria-valuenow', p.percent);
}

/** The fill's width: the exact share done (5 of 7 is 71.43%), as a CSS variable styles.css reads. */
export function fillWidth(p: SpecProgress): string {
	const share = p.total === 0 ? 0 : Math.min(1, p.done / p.total);
	return `${Math.round(share * 10000) / 100}%`;
}

function setFill(bar: HTMLElement, fill: HTMLElement, p: SpecProgress): void {
	fill.setCssProps({ '--spec-workflow-fill': fillWidth(p) });
	// The full wording for screen readers, where the figure beside the bar is short; not a tooltip.
	bar.setAttr('aria-valuetext', progressText(p));
	bar.toggleClass('is-complete', p.total > 0 && p.done === p.total);
	bar.toggleClass('is-empty', p.total === 0);
}

/** A titled section of the panel: `Deliverables 8`. */
export function panelSection(parent: HTMLElement, title: string, count?: number | string): HTMLElement {
	const section = parent.createDiv('spec-workflow-section');
	const heading = section.createDiv('spec-workflow-section-heading');
	heading.createSpan({ cls: 'spec-workflow-section-title', text: title });
	if (count !== undefined) heading.createSpan({ cls: 'spec-workflow-count', text: String(count) });
	return section;
}

/** A row that opens something when tapped or activated with the keyboard. */
export function tappableRow(parent: HTMLElement, cls: string, onTap: () => void, label?: string): HTMLElement {
	return makeTappable(parent.createDiv(cls), onTap, label);
}

/** Makes an element act on a tap or Enter/Space, as a button would. */
export function makeTappable<T extends HTMLElement>(el: T, onTap: () => void, label?: string): T {
	el.addClass('spec-workflow-tappable');
	el.setAttrs({ role: 'button', tabindex: 0 });
	if (label) el.setAttr('aria-label', label);
	el.addEventListener('click', () => onTap());
	el.addEventListener('keydown', (evt) => {
		if (evt.key === 'Enter' || evt.key === ' ') {
			evt.preventDefault();
			onTap();
		}
	});
	return el;
}

/** A button in the panel's style (`mod-cta` for the main action). */
export function panelButton(parent: HTMLElement, text: string, onClick: () => void, cta = false): HTMLButtonElement {
	const button = parent.createEl('button', { cls: cta ? ['spec-workflow-button', 'mod-cta'] : 'spec-workflow-button', text });
	button.addEventListener('click', () => onClick());
	return button;
}

/** `Scripts`, `Docs`, `Config`, a custom type with a capital. */
export function typeLabel(type: string): string {
	return type === '' ? 'Other' : type[0].toUpperCase() + type.slice(1);
}

export function fileName(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}
