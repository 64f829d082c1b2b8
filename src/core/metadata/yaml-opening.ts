import { closingQuote } from './yaml-entries';

/** Where a YAML text leaves a flow collection (`[`, `{`) or a quoted scalar open, as offsets in it. */
export interface Unclosed {
	/** The outermost flow collection never closed; null when all close. */
	flow: number | null;
	/** A quoted scalar whose quote never closes; null when all close. */
	quote: number | null;
}

/**
 * Scans YAML for what it opens and never closes. The parsers report such a mistake where they
 * noticed it, the line after (`tags: [a, b` is blamed on the next property); this finds the line a
 * user has to mend. A `[`, `{` or quote counts only where a value may begin, so `title: a[1]` or
 * `it's` in a plain value opens nothing; a comment is skipped.
 */
export function unclosedIn(yaml: string): Unclosed {
	const flows: number[] = [];
	// Whether a collection or a quoted scalar may begin here.
	let valueStart = true;
	for (let i = 0; i < yaml.length; i++) {
		const c = yaml[i];
		const next = yaml[i + 1] ?? '\n';
		if (c === '\n') {
			if (flows.length === 0) valueStart = true;
		} else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]))) {
			const end = yaml.indexOf('\n', i);
			i = (end < 0 ? yaml.length : end) - 1;
		} else if (c === ' ' || c === '\t' || c === '\r') {
			continue;
		} else if ((c === '"' || c === "'") && valueStart) {
			const end = closingQuote(yaml, i);
			if (end < 0) return { flow: flows[0] ?? null, quote: i };
			i = end;
			valueStart = false;
		} else if ((c === '[' || c === '{') && valueStart) {
			flows.push(i);
		} else if ((c === ']' || c === '}') && flows.length > 0) {
			flows.pop();
			valueStart = false;
		} else {
			// After `,` in a collection, or an indicator (`key: `, `- `, `? `), a value may begin.
			valueStart = (c === ',' && flows.length > 0) || ((c === ':' || c === '-' || c === '?') && (/\s/.test(next) || (c === ':' && flows.length > 0)));
		}
	}
	return { flow: flows[0] ?? null, quote: null };
}
