import { normalizeSessionStatus, normalizeStatus } from '../../../src/core/metadata/status';

describe('normalizeStatus', () => {
	it.each([
		['planning', 'planning'],
		['Draft', 'planning'],
		['reviewing', 'planning'],
		['In Review', 'planning'],
		['approved', 'planning'],
		['proposed', 'planning'],
		['TODO', 'planning'],
		['Not Started', 'planning'],
		['implementing', 'implementing'],
		['in-progress', 'implementing'],
		['In Progress', 'implementing'],
		['in_progress', 'implementing'],
		['active', 'implementing'],
		['Testing', 'implementing'],
		['WIP', 'implementing'],
		['completed', 'completed'],
		['Done', 'completed'],
		['complete', 'completed'],
		['finished', 'completed'],
		['closed', 'completed'],
		['blocked', 'blocked'],
		['On-Hold', 'blocked'],
		['stuck', 'blocked'],
	])('reads %p as %p', (raw, status) => {
		expect(normalizeStatus(raw)).toEqual({ status, raw });
	});

	it('reads through decorations, emoji and trailing notes, and keeps what was written', () => {
		expect(normalizeStatus('✅ Completed')).toEqual({ status: 'completed', raw: '✅ Completed' });
		expect(normalizeStatus('**completed**')).toEqual({ status: 'completed', raw: '**completed**' });
		expect(normalizeStatus('  🔄 In Progress (50%) ')).toEqual({ status: 'implementing', raw: '🔄 In Progress (50%)' });
		expect(normalizeStatus('Done - merged 2025-08-27')).toEqual({ status: 'completed', raw: 'Done - merged 2025-08-27' });
		expect(normalizeStatus('✅')).toEqual({ status: 'completed', raw: '✅' });
		expect(normalizeStatus('❌ waiting on vendor')).toEqual({ status: 'blocked', raw: '❌ waiting on vendor' });
	});

	it('keeps unknown values as written, with no status', () => {
		expect(normalizeStatus('Deferred to Q3')).toEqual({ status: null, raw: 'Deferred to Q3' });
		expect(normalizeStatus('not done')).toEqual({ status: null, raw: 'not done' });
		expect(normalizeStatus('')).toEqual({ status: null, raw: '' });
		expect(normalizeStatus(null)).toEqual({ status: null, raw: '' });
		expect(normalizeStatus(undefined)).toEqual({ status: null, raw: '' });
	});
});

describe('normalizeSessionStatus', () => {
	it('reads the session vocabulary and its synonyms', () => {
		expect(normalizeSessionStatus('active').status).toBe('active');
		expect(normalizeSessionStatus('In progress').status).toBe('active');
		expect(normalizeSessionStatus('completed').status).toBe('completed');
		expect(normalizeSessionStatus('✅ Done').status).toBe('completed');
		expect(normalizeSessionStatus('partial').status).toBe('partial');
		expect(normalizeSessionStatus('Partially completed').status).toBe('partial');
		expect(normalizeSessionStatus('blocked').status).toBe('blocked');
		expect(normalizeSessionStatus('someday')).toEqual({ status: null, raw: 'someday' });
	});
});
