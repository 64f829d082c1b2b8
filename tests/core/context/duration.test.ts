import { formatDuration, formatLocalDateTime, minutesBetween, parseDuration, parseLocalDateTime } from '../../../src/core/context/duration';

describe('parseDuration', () => {
	test.each<[string, number | null]>([
		['2.5 hours', 150],
		['1.5h', 90],
		['45 minutes', 45],
		['45 min', 45],
		['1h 30m', 90],
		['1h30m', 90],
		['1 hour 30 minutes', 90],
		['~60 minutes (under estimate)', 60],
		['90m', 90],
		['2 hrs', 120],
		['1 hr', 60],
		['4 hours', 240],
		['1 hour', 60],
		['0.25 hours', 15],
		['1,5 hours', 90],
		['1:30', 90],
		['**2 hours**', 120],
		['  3 hours  ', 180],
		['about 2 hours', 120],
		['', null],
		['garbage', null],
		['2.5', null],
		['soon', null],
		['{X hours}', null],
	])('%j → %p minutes', (raw, minutes) => {
		expect(parseDuration(raw)).toEqual({ minutes, inProgress: false });
	});

	test.each(['In progress', 'in progress', 'In-progress', 'IN PROGRESS (started 14:30)', 'ongoing'])('%j is in progress', (raw) => {
		expect(parseDuration(raw)).toEqual({ minutes: null, inProgress: true });
	});
});

describe('formatDuration', () => {
	test.each<[number, string]>([
		[0, '0 minutes'],
		[1, '1 minute'],
		[45, '45 minutes'],
		[59, '59 minutes'],
		[60, '1 hour'],
		[90, '1.5 hours'],
		[105, '1.75 hours'],
		[100, '1.67 hours'],
		[150, '2.5 hours'],
		[240, '4 hours'],
		[270, '4.5 hours'],
		[44.6, '45 minutes'],
		[-5, '0 minutes'],
		[Number.NaN, '0 minutes'],
	])('%p → %j', (minutes, text) => {
		expect(formatDuration(minutes)).toBe(text);
	});

	test('what it writes reads back as the same whole minutes', () => {
		for (let m = 0; m <= 24 * 60; m++) {
			expect(parseDuration(formatDuration(m)).minutes).toBe(m);
		}
	});
});

describe('local date-times', () => {
	test('YYYY-MM-DD HH:MM is local wall time', () => {
		const d = parseLocalDateTime('2025-08-26 14:30') as Date;
		expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2025, 7, 26, 14, 30]);
		expect(formatLocalDateTime(d)).toBe('2025-08-26 14:30');
	});

	test('T separator and bare dates are read; impossible dates are not', () => {
		expect(formatLocalDateTime(parseLocalDateTime('2025-08-26T09:05') as Date)).toBe('2025-08-26 09:05');
		expect(formatLocalDateTime(parseLocalDateTime('2025-08-26') as Date)).toBe('2025-08-26 00:00');
		expect(parseLocalDateTime('2025-02-30 10:00')).toBeNull();
		expect(parseLocalDateTime('2025-08-26 25:00')).toBeNull();
		expect(parseLocalDateTime('yesterday')).toBeNull();
	});

	test('minutesBetween counts whole minutes from the start to now', () => {
		expect(minutesBetween('2025-08-26 14:30', new Date(2025, 7, 26, 17, 0))).toBe(150);
		expect(minutesBetween('2025-08-26 14:30', new Date(2025, 7, 26, 14, 30, 59))).toBe(0);
		expect(minutesBetween('2025-08-26 23:30', new Date(2025, 7, 27, 0, 15))).toBe(45);
	});

	test('a start in the future counts as 0 and an unreadable start gives null', () => {
		expect(minutesBetween('2025-08-26 14:30', new Date(2025, 7, 26, 14, 0))).toBe(0);
		expect(minutesBetween('In progress', new Date(2025, 7, 26, 14, 0))).toBeNull();
		expect(minutesBetween('2025-08-26 14:30', new Date(Number.NaN))).toBeNull();
	});
});
