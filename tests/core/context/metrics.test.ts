import {
	formatCriteriaMet,
	formatImplementationMetrics,
	formatLinesOfCode,
	formatMetricLine,
	parseCriteriaMet,
	parseLinesOfCode,
	parseMetricLines,
	readImplementationMetrics,
	setMetricEdit,
} from '../../../src/core/context/metrics';
import { SEED_CONTEXT_TEMPLATE, sectionRange } from './seed-snippets';

describe('parseMetricLines on the seed template', () => {
	const text = SEED_CONTEXT_TEMPLATE;
	const [from, to] = sectionRange(text, '## Metrics');
	const lines = parseMetricLines(text, from, to);

	test('reads every metric line with its group', () => {
		expect(lines.map((l) => [l.group, l.name, l.value])).toEqual([
			['Implementation', 'Total Sessions', '3'],
			['Implementation', 'Total Duration', '4.5 hours'],
			['Implementation', 'Lines of Code', '+1,250, -85'],
			['Implementation', 'Files Created', '8'],
			['Implementation', 'Files Modified', '12'],
			['Quality', 'Test Coverage', '92%'],
			['Quality', 'Performance', '1.0 GB/s write, 899 MB/s read'],
			['Quality', 'Acceptance Criteria Met', '8/8 ✅'],
		]);
	});

	test('interprets the computed metrics', () => {
		expect(readImplementationMetrics(lines)).toEqual({
			totalSessions: 3,
			totalDurationMinutes: 270,
			linesAdded: 1250,
			linesRemoved: 85,
			filesCreated: 8,
			filesModified: 12,
			acceptanceCriteriaMet: { met: 8, total: 8 },
		});
	});

	test('setMetricEdit replaces only the value', () => {
		const sessions = lines[0];
		const edit = setMetricEdit(sessions, '4');
		const out = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
		expect(out).toBe(text.replace('- **Total Sessions**: 3\n', '- **Total Sessions**: 4\n'));
	});
});

describe('metric lines, other shapes', () => {
	test('colon inside bold, CRLF, trailing spaces, missing and unreadable values', () => {
		const text = '### Implementation\r\n* **Total Sessions:** 2  \r\n- **Files Created**: several\r\n```\r\n- **Files Modified**: 99\r\n```\r\n';
		const lines = parseMetricLines(text);
		expect(lines.map((l) => [l.name, l.value])).toEqual([
			['Total Sessions', '2'],
			['Files Created', 'several'],
		]);
		expect(text.slice(lines[0].valueStart, lines[0].valueEnd)).toBe('2');
		expect(readImplementationMetrics(lines)).toEqual({
			totalSessions: 2,
			totalDurationMinutes: null,
			linesAdded: null,
			linesRemoved: null,
			filesCreated: null,
			filesModified: null,
			acceptanceCriteriaMet: null,
		});
	});

	test.each<[string, { added: number; removed: number } | null]>([
		['+1,250, -85', { added: 1250, removed: 85 }],
		['+1250 / -85', { added: 1250, removed: 85 }],
		['+40', { added: 40, removed: 0 }],
		['1,250 added, 85 removed', { added: 1250, removed: 85 }],
		['lots', null],
	])('lines of code %j', (raw, expected) => {
		expect(parseLinesOfCode(raw)).toEqual(expected);
	});

	test.each<[string, { met: number; total: number } | null]>([
		['8/8 ✅', { met: 8, total: 8 }],
		['5 / 8', { met: 5, total: 8 }],
		['all', null],
	])('criteria met %j', (raw, expected) => {
		expect(parseCriteriaMet(raw)).toEqual(expected);
	});
});

describe('formatting metrics', () => {
	test('canonical values', () => {
		expect(formatLinesOfCode(1250, 85)).toBe('+1,250, -85');
		expect(formatLinesOfCode(1234567, 0)).toBe('+1,234,567, -0');
		expect(formatCriteriaMet(8, 8)).toBe('8/8 ✅');
		expect(formatCriteriaMet(5, 8)).toBe('5/8');
		expect(formatCriteriaMet(0, 0)).toBe('0/0');
		expect(formatMetricLine('Acceptance Criteria Met', formatCriteriaMet(8, 8))).toBe('- **Acceptance Criteria Met**: 8/8 ✅');
	});

	test("the Implementation block in the seed's order, reading back to the same values", () => {
		const metrics = { totalSessions: 3, totalDurationMinutes: 270, linesAdded: 1250, linesRemoved: 85, filesCreated: 8, filesModified: 12 };
		const block = formatImplementationMetrics(metrics);
		expect(block.join('\n')).toBe(
			['- **Total Sessions**: 3', '- **Total Duration**: 4.5 hours', '- **Lines of Code**: +1,250, -85', '- **Files Created**: 8', '- **Files Modified**: 12'].join('\n'),
		);
		expect(readImplementationMetrics(parseMetricLines(block.join('\n')))).toEqual({ ...metrics, acceptanceCriteriaMet: null });
	});

	test('unknown metrics are left out', () => {
		expect(formatImplementationMetrics({ totalSessions: 1, totalDurationMinutes: null, linesAdded: null, linesRemoved: null, filesCreated: null, filesModified: null })).toEqual([
			'- **Total Sessions**: 1',
		]);
	});
});
