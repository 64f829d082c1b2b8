import { normalizeSpecType } from '../../../src/core/metadata/spec-type';

describe('normalizeSpecType', () => {
	it.each([
		['epic', 'epic'],
		['Epic', 'epic'],
		['PRD', 'epic'],
		['feature', 'feature'],
		['story', 'feature'],
		['User Story', 'feature'],
		['task', 'task'],
		['subtask', 'task'],
		['sub-task', 'task'],
		['bug', 'task'],
		['spike', 'task'],
	])('reads %p as %p', (raw, type) => {
		expect(normalizeSpecType(raw)).toBe(type);
	});

	it('gives null for other types and for nothing', () => {
		expect(normalizeSpecType('meeting-notes')).toBeNull();
		expect(normalizeSpecType('')).toBeNull();
		expect(normalizeSpecType(undefined)).toBeNull();
	});
});
