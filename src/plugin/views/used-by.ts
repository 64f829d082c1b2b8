import type { MetadataCache } from 'obsidian';
import type { SpecUsage } from '../../core/reports/deliverables-report';
import { panelSection, tappableRow } from './panel-elements';

/**
 * "Used by": the specs and notes that link to the spec or its deliverables. The list itself comes
 * from the core's specUsage over Obsidian's resolvedLinks (metadataBacklinks); this file shows it
 * and answers the one question the panel asks on every link change.
 */

export function renderUsedBy(root: HTMLElement, usedBy: readonly SpecUsage[], actions: { open(path: string): void }): void {
	const section = panelSection(root, 'Used by', usedBy.length);
	section.addClass('spec-workflow-used-by');
	if (usedBy.length === 0) {
		section.createDiv({ cls: 'spec-workflow-empty', text: 'No other spec or note links here yet.' });
		return;
	}
	for (const u of usedBy) {
		const label = u.id === null ? u.title : `${u.id} ${u.title}`;
		const row = u.missing ? section.createDiv('spec-workflow-user') : tappableRow(section, 'spec-workflow-user', () => actions.open(u.path), `Open ${label}`);
		row.setAttr('data-path', u.path);
		row.addClass(u.kind === 'spec' ? 'is-spec' : 'is-note');
		const top = row.createDiv('spec-workflow-user-top');
		if (u.id !== null) top.createSpan({ cls: 'spec-workflow-id', text: u.id });
		top.createSpan({ cls: 'spec-workflow-user-title', text: u.title });
		if (u.kind === 'note') top.createSpan({ cls: 'spec-workflow-kind', text: 'note' });
		if (u.missing) top.createSpan({ cls: ['spec-workflow-flag', 'is-missing'], text: 'Missing' });
		// The report's own words (`Uses: Directory structure`), so the panel and the note agree.
		if (u.usesLabel) row.createDiv({ cls: 'spec-workflow-user-uses', text: `Uses: ${u.usesLabel}` });
	}
}

/** Whether `source` links (as Obsidian resolved it) to any of `targets`: one lookup, no scan. */
export function linksToAny(metadataCache: MetadataCache, source: string, targets: ReadonlySet<string>): boolean {
	const links = metadataCache.resolvedLinks[source];
	if (!links) return false;
	for (const target of Object.keys(links)) if (targets.has(target)) return true;
	return false;
}
