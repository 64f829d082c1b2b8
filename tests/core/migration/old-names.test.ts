import { folderId, idsInName, numbering, parseOldName } from '../../../src/core/migration/old-names';

describe('parseOldName', () => {
	test.each([
		['1001-feature-storage', { id: '1001', type: 'feature', slug: 'storage' }],
		['12000-epic-platform', { id: '12000', type: 'epic', slug: 'platform' }],
		['2101-task-warm-storage-sata', { id: '2101', type: 'task', slug: 'warm-storage-sata' }],
		['E01-F01-story-login', { id: 'E01-F01', type: 'feature', slug: 'login' }],
		['1000-epic', { id: '1000', type: 'epic', slug: '' }],
	])('%s', (name, expected) => {
		expect(parseOldName(name)).toEqual(expected);
	});

	test.each(['1000', 'storage', 'epic', '2025-08-25.1013', 'notes-about-things'])('%s is not an old spec name', (name) => {
		expect(parseOldName(name)).toBeNull();
	});

	test('a folder name gives its id', () => {
		expect(folderId('1001-feature-storage')).toBe('1001');
		expect(folderId('1001')).toBe('1001');
	});
});

describe('numbering (epic X000, feature X00Y, task X0YZ)', () => {
	test.each([
		['1000', { type: 'epic', parent: null }],
		['1001', { type: 'feature', parent: '1000' }],
		['1014', { type: 'task', parent: '1001' }],
		['12011', { type: 'task', parent: '12001' }],
	])('%s', (id, expected) => {
		expect(numbering(id)).toEqual(expected);
	});

	test.each(['2101', 'E01', '100'])('%s follows no numbering', (id) => {
		expect(numbering(id)).toBeNull();
	});
});

test('a journal name gives the old spec name in it, and its tokens', () => {
	expect(idsInName('2025-08-25.1013-task-warm-storage-sata').oldNames).toEqual(['1013-task-warm-storage-sata']);
	expect(idsInName('plan-1014').words).toEqual([['plan', '1014']]);
	expect(idsInName(' -E01-F01-T05').words).toEqual([['E01', 'F01', 'T05']]);
});
