import { parseMetricLines } from '../../../src/core/context/metrics';
import { parseSessions } from '../../../src/core/context/session';
import { headerValues } from '../../../src/core/migration/header-values';
import { finishSession } from '../../../src/core/workflow/finish-session';
import { memoryWorkspace } from '../../helpers/workspace';

/** A hand-kept journal whose fields are Dataview's bold inline fields (`**Name**:: value`). */
const JOURNAL = [
	'# Context',
	'',
	'## Implementation Timeline',
	'',
	'### Session 1: 2025-08-28 - Work',
	'**Duration**:: In progress',
	'**Status**:: active',
	'',
	'#### Issues & Resolutions',
	'- **Issue**:: disk full',
	'  - **Resolution**:: more disk',
	'',
].join('\n');

describe("session fields written as Dataview's `**Name**:: value`", () => {
	it('are read without the second colon', () => {
		const [session] = parseSessions(JOURNAL);
		expect(session.fields.duration.value).toBe('In progress');
		expect(session.fields.status.value).toBe('active');
		expect(session.issues.map((i) => [i.issue, i.resolution])).toEqual([['disk full', 'more disk']]);
		expect(parseMetricLines('- **Total Sessions**:: 2\n').map((m) => [m.name, m.value])).toEqual([['Total Sessions', '2']]);
		expect(headerValues('# J\n\n**ID**:: 1011\n').map((v) => [v.name, v.value])).toEqual([['id', '1011']]);
	});

	it('keep their `::` when finish closes the session', async () => {
		const ws = await memoryWorkspace(
			{
				'specs/1001/spec.md': '---\nid: "1001"\ntype: feature\nstatus: implementing\ncontext: "[[context]]"\n---\n# 1001 - Storage\n',
				'specs/1001/context.md': JOURNAL,
			},
			{ now: '2025-08-28T12:00:00' },
		);
		await finishSession(ws, { id: '1001' });
		const head = ws.store.snapshot()['specs/1001/context.md'].split('\n').slice(5, 7);
		expect(head).toEqual(['**Duration**:: unknown (no start time recorded)', '**Status**:: completed']);
	});
});
