import { parseDuration, formatDuration } from './duration';
import { parseHeading, scanLines } from './lines';
import type { SessionField } from './read-session';

/**
 * The `## Metrics` lines of a context file:
 *
 *     ### Implementation
 *     - **Total Sessions**: 3
 *     - **Total Duration**: 4.5 hours
 *     - **Lines of Code**: +1,250, -85
 *     - **Files Created**: 8
 *     - **Files Modified**: 12
 *
 *     ### Quality
 *     - **Acceptance Criteria Met**: 8/8 ✅
 */

/** A `- **Total Sessions**: 2` line: a field line as a session's are, under its `###` group. */
export interface MetricLine extends SessionField {
	/** The `###` group the line sits under (`Implementation`), or null. */
	group: string | null;
}

const METRIC = /^([ \t]*[-*+][ \t]+\*\*([^*\n]+?)(?::\*\*|\*\*[ \t]*::?)[ \t]*)(.*)$/;

export function parseMetricLines(text: string, from = 0, to = text.length): MetricLine[] {
	const out: MetricLine[] = [];
	let group: string | null = null;
	for (const line of scanLines(text, from, to)) {
		if (line.inFence) continue;
		const h = parseHeading(line.text);
		if (h) {
			group = h.level >= 3 ? h.text : null;
			continue;
		}
		const m = METRIC.exec(line.text);
		if (!m) continue;
		const value = m[3].replace(/\s+$/, '');
		const valueStart = line.start + m[1].length;
		out.push({ group, name: m[2].trim(), value, lineStart: line.start, lineEnd: line.start + line.text.length, valueStart, valueEnd: valueStart + value.length });
	}
	return out;
}

export interface ImplementationMetrics {
	totalSessions: number | null;
	totalDurationMinutes: number | null;
	linesAdded: number | null;
	linesRemoved: number | null;
	filesCreated: number | null;
	filesModified: number | null;
}

export interface CriteriaMet {
	met: number;
	total: number;
}

/** The metrics the workflow computes, read from their lines; a missing or unreadable one is null. */
export function readImplementationMetrics(lines: readonly MetricLine[]): ImplementationMetrics & { acceptanceCriteriaMet: CriteriaMet | null } {
	const get = (name: string) => lines.find((l) => l.name.toLowerCase() === name)?.value ?? null;
	const loc = get('lines of code');
	const changes = loc === null ? null : parseLinesOfCode(loc);
	const duration = get('total duration');
	const criteria = get('acceptance criteria met');
	return {
		totalSessions: parseCount(get('total sessions')),
		totalDurationMinutes: duration === null ? null : parseDuration(duration).minutes,
		linesAdded: changes?.added ?? null,
		linesRemoved: changes?.removed ?? null,
		filesCreated: parseCount(get('files created')),
		filesModified: parseCount(get('files modified')),
		acceptanceCriteriaMet: criteria === null ? null : parseCriteriaMet(criteria),
	};
}

function parseCount(value: string | null): number | null {
	if (value === null) return null;
	const m = /^\s*(\d[\d,]*)/.exec(value);
	return m ? Number(m[1].replace(/,/g, '')) : null;
}

/** `+1,250, -85` (also `+1250 / -85`, `1250 added, 85 removed`). */
export function parseLinesOfCode(value: string): { added: number; removed: number } | null {
	const plus = /\+\s*(\d[\d,]*)/.exec(value);
	const minus = /[-−]\s*(\d[\d,]*)/.exec(value);
	if (plus || minus) {
		return { added: plus ? num(plus[1]) : 0, removed: minus ? num(minus[1]) : 0 };
	}
	const added = /(\d[\d,]*)\s*(?:added|insertions?)/i.exec(value);
	const removed = /(\d[\d,]*)\s*(?:removed|deleted|deletions?)/i.exec(value);
	if (added || removed) return { added: added ? num(added[1]) : 0, removed: removed ? num(removed[1]) : 0 };
	return null;
}

function num(s: string): number {
	return Number(s.replace(/,/g, ''));
}

/** `8/8 ✅` → { met: 8, total: 8 }. */
export function parseCriteriaMet(value: string): CriteriaMet | null {
	const m = /(\d+)\s*\/\s*(\d+)/.exec(value);
	return m ? { met: Number(m[1]), total: Number(m[2]) } : null;
}

/** `+1,250, -85` (thousands separated with commas whatever the locale, as the reference layout writes them). */
export function formatLinesOfCode(added: number, removed: number): string {
	return `+${grouped(added)}, -${grouped(removed)}`;
}

function grouped(n: number): string {
	return String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `8/8 ✅` when every criterion is met, else `5/8`. */
export function formatCriteriaMet(met: number, total: number): string {
	return total > 0 && met >= total ? `${met}/${total} ✅` : `${met}/${total}`;
}

/** `- **Total Sessions**: 3`; with `separator` `::`, Dataview's form, for a section written so. */
export function formatMetricLine(name: string, value: string, separator: ':' | '::' = ':'): string {
	return `- **${name}**${separator} ${value}`;
}

/** The `### Implementation` lines in the reference layout's order, for the metrics that are known. */
export function formatImplementationMetrics(m: ImplementationMetrics): string[] {
	const lines: string[] = [];
	if (m.totalSessions !== null) lines.push(formatMetricLine('Total Sessions', String(m.totalSessions)));
	if (m.totalDurationMinutes !== null) lines.push(formatMetricLine('Total Duration', formatDuration(m.totalDurationMinutes)));
	if (m.linesAdded !== null || m.linesRemoved !== null) lines.push(formatMetricLine('Lines of Code', formatLinesOfCode(m.linesAdded ?? 0, m.linesRemoved ?? 0)));
	if (m.filesCreated !== null) lines.push(formatMetricLine('Files Created', String(m.filesCreated)));
	if (m.filesModified !== null) lines.push(formatMetricLine('Files Modified', String(m.filesModified)));
	return lines;
}

/** The edit that sets one metric's value, keeping its name, bullet and spacing. */
export function setMetricEdit(line: MetricLine, value: string): { start: number; end: number; text: string } {
	return { start: line.valueStart, end: line.valueEnd, text: value };
}
