import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The overview's rows are laid out by styles.css alone, which jsdom does not lay out: these check the
 * rules that keep a deep task's title readable on a phone (checked by eye in the rendered screenshots).
 */
const CSS = readFileSync(join(__dirname, '..', '..', '..', 'styles.css'), 'utf8');

/** The declarations of the rule whose selector list is exactly `selector`, in order. */
function declarations(selector: string): string[] {
	const rules = Array.from(CSS.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^}]*)\}/g));
	const found = rules.filter(([, sel]) => sel.trim() === selector);
	return found.flatMap(([, , body]) =>
		body
			.split(';')
			.map((d) => d.trim().replace(/\s+/g, ' '))
			.filter(Boolean),
	);
}

describe('an overview row beside a long id', () => {
	it('never breaks the id at its dashes, so the row counts its whole width', () => {
		expect(declarations('.spec-workflow-tree-main .spec-workflow-id')).toContain('white-space: nowrap');
	});

	it('moves the pill and figures under the title before the title gets less than 5em beside the id', () => {
		expect(declarations('.spec-workflow-tree-main .spec-workflow-tree-top')).toEqual(['flex: 1 1 9em', 'min-width: auto']);
		expect(declarations('.spec-workflow-tree-main .spec-workflow-tree-title')).toEqual(['min-width: 5em', 'min-width: min(5em, 40cqi)']);
		// The 40cqi share needs the row as the container it is measured against.
		expect(declarations('.spec-workflow-tree-main')).toContain('container-type: inline-size');
	});
});
