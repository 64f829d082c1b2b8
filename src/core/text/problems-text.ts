import type { Problem, ValidateResult } from '../validate/validate-types';

/**
 * Human text: one line per problem (`error    specs/1000/epic.md:4  broken-link  [[missing]] does
 * not resolve to a file`), the fixed ones marked `fixed`, then a summary line.
 */
export function formatProblems(result: ValidateResult): string {
	const lines: string[] = [];
	const row = (label: string, p: Problem): string => {
		const at = p.line !== undefined ? `${p.path}:${p.line}` : p.path;
		return `${label.padEnd(7)}  ${at}  ${p.code}  ${shortMessage(p)}`;
	};
	for (const p of result.fixed) lines.push(row('fixed', p));
	for (const p of result.problems) lines.push(row(p.severity, p));
	const errors = result.problems.filter((p) => p.severity === 'error').length;
	const warnings = result.problems.length - errors;
	const fixable = result.problems.filter((p) => p.fixable).length;
	const fixed = result.fixed.length;
	const specs = plural(result.specs, 'spec');
	if (result.problems.length === 0) {
		lines.push(fixed > 0 ? `Fixed ${plural(fixed, 'problem')}; no problems left in ${specs}.` : `No problems found in ${specs}.`);
	} else {
		const notes = [fixed > 0 ? `${fixed} fixed` : '', fixable > 0 ? `${fixable} fixable` : ''].filter((n) => n !== '');
		lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`);
	}
	return lines.join('\n');
}

/** The message without the `path line N: ` it starts with (the row or group heading shows where already). */
export function shortMessage(p: Problem): string {
	for (const prefix of [p.line !== undefined ? `${p.path} line ${p.line}: ` : null, `${p.path}: `]) {
		if (prefix !== null && p.message.startsWith(prefix)) return p.message.slice(prefix.length);
	}
	return p.message;
}

/** `1 problem`, `3 problems`. */
export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}
