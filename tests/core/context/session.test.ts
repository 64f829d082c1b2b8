import fc from 'fast-check';
import { activeSession, formatCommit, lastActivity, parseCommitItem, parseSessionHeading, parseSessions, sessionSectionKey } from '../../../src/core/context/session';
import { SEED_COLD_STORAGE_CONTEXT, SEED_CONTEXT_TEMPLATE, SEED_STEP3_ENTRIES, sectionRange } from './seed-snippets';

describe('parseSessionHeading', () => {
	test.each<[string, ReturnType<typeof parseSessionHeading>]>([
		['### Session 1: 2025-08-26 - Initial Planning', { number: 1, date: '2025-08-26', time: null, title: 'Initial Planning', level: 3 }],
		['### Session 2: 2025-08-27 – Benchmarks', { number: 2, date: '2025-08-27', time: null, title: 'Benchmarks', level: 3 }],
		['### Session 3: 2025-08-28 — Docs - part 2', { number: 3, date: '2025-08-28', time: null, title: 'Docs - part 2', level: 3 }],
		['###   Session   4 :  2025-08-29   -   Spaced   ', { number: 4, date: '2025-08-29', time: null, title: 'Spaced', level: 3 }],
		['### Session 5: 2025-08-30', { number: 5, date: '2025-08-30', time: null, title: '', level: 3 }],
		['### Session 6', { number: 6, date: null, time: null, title: '', level: 3 }],
		['### Session 7 - Hotfix', { number: 7, date: null, time: null, title: 'Hotfix', level: 3 }],
		['### Session 8: 2025-09-01 09:15 - Morning', { number: 8, date: '2025-09-01', time: '09:15', title: 'Morning', level: 3 }],
		['### Session 9 (2025-09-02): Review', { number: 9, date: '2025-09-02', time: null, title: 'Review', level: 3 }],
		['## session 10: 2025-09-03 - Lowercase h2', { number: 10, date: '2025-09-03', time: null, title: 'Lowercase h2', level: 2 }],
		['### Session 11: 2025-09-04 - Closed ###', { number: 11, date: '2025-09-04', time: null, title: 'Closed', level: 3 }],
	])('%j', (line, expected) => {
		expect(parseSessionHeading(line)).toEqual(expected);
	});

	test.each(['#### Session 1: 2025-08-26', '### Sessions overview', '### Session: notes', 'Session 1: 2025-08-26', '### Session12x', '- ### Session 1'])(
		'%j is not a session heading',
		(line) => {
			expect(parseSessionHeading(line)).toBeNull();
		},
	);
});

describe('parseSessions on the seed template', () => {
	const text = SEED_CONTEXT_TEMPLATE;
	const [from, to] = sectionRange(text, '## Implementation Timeline');
	const sessions = parseSessions(text, from, to);

	test('finds both sessions; the second ends at the next ## section', () => {
		expect(sessions.map((s) => [s.number, s.date, s.title])).toEqual([
			[1, null, '{YYYY-MM-DD} - {Session Title}'],
			[2, null, '{YYYY-MM-DD} - {Session Title}'],
		]);
		expect(text.slice(sessions[0].end, sessions[0].end + 12)).toBe('### Session ');
		expect(sessions[1].end).toBe(to);
		expect(text.slice(sessions[1].headingStart, sessions[1].end)).toBe('### Session 2: {YYYY-MM-DD} - {Session Title}\n...\n\n');
		expect(text.slice(sessions[1].contentEnd - 4, sessions[1].contentEnd)).toBe('...\n');
	});

	test('reads the header fields with offsets that keep the hard break', () => {
		const s = sessions[0];
		expect(Object.keys(s.fields)).toEqual(['duration', 'participants', 'status']);
		const d = s.fields.duration;
		expect(d.name).toBe('Duration');
		expect(d.value).toBe('{X hours}');
		expect(text.slice(d.lineStart, d.lineEnd)).toBe('**Duration**: {X hours}  ');
		expect(text.slice(d.valueStart, d.valueEnd)).toBe('{X hours}');
		expect(text.slice(s.fieldsEnd, s.fieldsEnd + 15)).toBe('\n#### Planning\n');
		expect(s.durationMinutes).toBeNull();
		// The template's placeholder starts with a status word we know.
		expect(s.status).toBe('completed');
	});

	test('reads the six subsections and their top-level items', () => {
		const s = sessions[0];
		expect(s.entries.map((e) => [e.section, e.heading, e.items.length])).toEqual([
			['planning', 'Planning', 3],
			['changes', 'Changes to Spec', 3],
			['implementation', 'Implementation', 3],
			['testing', 'Testing', 2],
			['commits', 'Commits', 3],
			['issues', 'Issues & Resolutions', 3],
		]);
		expect(s.entries[2].items[0]).toBe('Created [[deliverables/scripts/setup.sh|Setup Script]]');
		expect(s.entries[3].items).toEqual(['Ran unit tests: ✅ All passing', 'Integration test results:']);
		const impl = s.entries[2];
		expect(text.slice(impl.headingStart, impl.start)).toBe('#### Implementation\n');
		expect(text.slice(impl.end, impl.end + 12)).toBe('#### Testing');
		expect(text.slice(impl.start, impl.contentEnd)).toBe(
			[
				'- Created [[deliverables/scripts/setup.sh|Setup Script]]',
				'- Modified `services/broker/api.ts` ([Line 45](file://services/broker/api.ts:45))',
				'- Added configuration to `.env.example`',
				'',
			].join('\n'),
		);
	});

	test('reads commits and issue pairs', () => {
		expect(sessions[0].commits.map((c) => [c.hash, c.message])).toEqual([
			['a1b2c3d', 'Initial NAS configuration script'],
			['d4e5f6g', 'Add network buffer optimizations'],
			['h7i8j9k', 'Create directory structure'],
		]);
		const c = sessions[0].commits[1];
		expect(text.slice(c.lineStart, c.lineEnd)).toBe('- `d4e5f6g`: Add network buffer optimizations');
		expect(sessions[0].issues).toEqual([
			{ issue: 'Permission denied on /mnt/nas', resolution: 'Added user to nas-users group', commit: 'l0m1n2o', lineStart: text.indexOf('- **Issue**') },
		]);
	});

	test('the Deliverables section after the timeline is not part of a session', () => {
		expect(parseSessions(text).map((s) => s.number)).toEqual([1, 2]);
		expect(parseSessions(text)[1].end).toBe(to);
	});
});

describe('parseSessions on the cold-storage example', () => {
	test('an active session in progress', () => {
		const [session] = parseSessions(SEED_COLD_STORAGE_CONTEXT);
		expect(session).toMatchObject({
			number: 1,
			date: '2025-08-26',
			title: 'Initial Planning',
			durationMinutes: null,
			inProgress: true,
			status: 'active',
			end: SEED_COLD_STORAGE_CONTEXT.length,
			contentEnd: SEED_COLD_STORAGE_CONTEXT.length,
		});
		expect(session.entries[0].items).toEqual(['Reviewing spec requirements', 'Analyzing current NAS setup', 'Planning implementation approach']);
		expect(activeSession([session])).toBe(session);
		expect(lastActivity([session])).toBe('Planning implementation approach');
	});

	test('items with nested lists and a nested code block; the code is not an item', () => {
		const text = `### Session 1: 2025-08-26 - Setup\n**Duration**: 2.5 hours  \n**Status**: completed\n\n${SEED_STEP3_ENTRIES}`;
		const [session] = parseSessions(text);
		expect(session.durationMinutes).toBe(150);
		expect(session.entries[0].items).toEqual([
			'Analyzing current NFS mount at 192.168.1.101:/storage',
			'Created [[deliverables/scripts/optimize-network.sh|Network Optimization Script]]',
			'Modified system configuration',
		]);
		expect(session.commits.map((c) => c.hash)).toEqual(['a1b2c3d', 'd4e5f6g']);
		expect(lastActivity([session])).toBe('Modified system configuration');
	});
});

describe('session fields', () => {
	test('colon inside the bold, bullets, Started, and CRLF', () => {
		const text =
			'### Session 2: 2025-08-27 - Bench\r\n- **Duration:** 1h 30m\r\n**Participants**: User, Claude  \r\n**Status**: Done ✅  \r\n**Started**: 2025-08-27 10:00\r\n\r\n#### Testing\r\n- ok\r\n';
		const [s] = parseSessions(text);
		expect(s.durationMinutes).toBe(90);
		expect(s.status).toBe('completed');
		expect(s.fields.started.value).toBe('2025-08-27 10:00');
		expect(s.fields.participants.value).toBe('User, Claude');
		expect(text.slice(s.fields.participants.valueStart, s.fields.participants.valueEnd)).toBe('User, Claude');
		expect(text.slice(s.fields.status.lineStart, s.fields.status.lineEnd)).toBe('**Status**: Done ✅  ');
		expect(s.entries[0].items).toEqual(['ok']);
		expect(text.slice(s.entries[0].contentEnd - 6)).toBe('- ok\r\n');
		expect(activeSession([s])).toBeNull();
	});

	test('a session with no fields: fieldsEnd is the end of the heading line; status null', () => {
		const text = '### Session 1: 2025-08-26\n\n#### Planning\n- x\n';
		const [s] = parseSessions(text);
		expect(s.fields).toEqual({});
		expect(s.fieldsEnd).toBe(text.indexOf('\n') + 1);
		expect(s.status).toBeNull();
	});

	test.each<[string, string]>([
		['active', 'active'],
		['In progress', 'active'],
		['completed', 'completed'],
		['Complete', 'completed'],
		['done', 'completed'],
		['partial', 'partial'],
		['Partially done', 'partial'],
		['BLOCKED on NAS', 'blocked'],
		['paused', 'partial'],
		['someday', 'someday'],
	])('status %j → %j', (raw, status) => {
		const [session] = parseSessions(`### Session 1: 2025-08-26 - Work\n**Status**: ${raw}\n`);
		expect(session.status).toBe(status);
	});
});

describe('subsections', () => {
	test.each<[string, string]>([
		['Planning', 'planning'],
		['Changes to Spec', 'changes'],
		['Implementation', 'implementation'],
		['Testing', 'testing'],
		['Commits', 'commits'],
		['Issues & Resolutions', 'issues'],
		['Issues and Resolutions', 'issues'],
		['issues', 'issues'],
		['Performance Notes', 'performance-notes'],
	])('%j → %j', (heading, key) => {
		expect(sessionSectionKey(heading)).toBe(key);
	});

	test('a deeper heading stays inside its subsection; headings in code fences are ignored', () => {
		const text = [
			'### Session 1: 2025-08-26 - A',
			'#### Implementation',
			'- one',
			'##### Detail',
			'- two',
			'```md',
			'### Session 99: 2025-01-01 - fake',
			'#### Commits',
			'- `deadbee`: fake',
			'```',
			'#### Commits',
			'- `abc1234`: real',
			'',
		].join('\n');
		const sessions = parseSessions(text);
		expect(sessions).toHaveLength(1);
		expect(sessions[0].entries.map((e) => [e.section, e.items])).toEqual([
			['implementation', ['one', 'two']],
			['commits', ['`abc1234`: real']],
		]);
		expect(sessions[0].commits.map((c) => c.hash)).toEqual(['abc1234']);
	});
});

describe('commits', () => {
	test.each<[string, { hash: string; message: string } | null]>([
		['`a1b2c3d`: Initial NAS configuration script', { hash: 'a1b2c3d', message: 'Initial NAS configuration script' }],
		['a1b2c3d: Initial script', { hash: 'a1b2c3d', message: 'Initial script' }],
		['`a1b2c3d` - Initial script', { hash: 'a1b2c3d', message: 'Initial script' }],
		['`a1b2c3d` Initial script', { hash: 'a1b2c3d', message: 'Initial script' }],
		['a1b2c3d - Initial script', { hash: 'a1b2c3d', message: 'Initial script' }],
		['`b2c3d4e` - "Add performance benchmarking results"', { hash: 'b2c3d4e', message: 'Add performance benchmarking results' }],
		['[a1b2c3d](https://github.com/o/r/commit/a1b2c3d): Linked', { hash: 'a1b2c3d', message: 'Linked' }],
		['h7i8j9k: seed-style fake hash', { hash: 'h7i8j9k', message: 'seed-style fake hash' }],
		['Fixed: something', null],
		['Refactored the parser', null],
	])('%j', (item, expected) => {
		expect(parseCommitItem(item)).toEqual(expected);
	});

	test('formatCommit writes the canonical form, which reads back', () => {
		const line = formatCommit('a1b2c3d', 'Add network optimization script for NAS');
		expect(line).toBe('- `a1b2c3d`: Add network optimization script for NAS');
		expect(parseCommitItem(line.slice(2))).toEqual({ hash: 'a1b2c3d', message: 'Add network optimization script for NAS' });
	});
});

describe('issues', () => {
	test('pairs Issue/Resolution/Commit; a new Issue starts a new record; nested and colon-in-bold forms', () => {
		const text = [
			'### Session 1: 2025-08-26 - A',
			'#### Issues & Resolutions',
			'- **Issue**: Permission denied',
			'  - **Resolution:** Added group',
			'- **Issue**: Slow writes',
			'- **Resolution**: Bigger buffers',
			'- **Commit**: `l0m1n2o`',
			'- **Resolution**: orphan fix without issue line',
			'',
		].join('\n');
		const [s] = parseSessions(text);
		expect(s.issues.map(({ issue, resolution, commit }) => ({ issue, resolution, commit }))).toEqual([
			{ issue: 'Permission denied', resolution: 'Added group', commit: null },
			{ issue: 'Slow writes', resolution: 'orphan fix without issue line', commit: 'l0m1n2o' },
		]);
	});
});

describe('lastActivity', () => {
	test('links become their alias; commits and issues lists are passed over for work entries', () => {
		const text = [
			'### Session 1: 2025-08-26 - A',
			'#### Implementation',
			'- Created network script',
			'### Session 2: 2025-08-27 - B',
			'#### Implementation',
			'- Benchmarked',
			'- Created [[deliverables/scripts/nas-health-check.sh|health monitoring script]]',
			'#### Commits',
			'- `abc1234`: Add health check',
			'#### Issues & Resolutions',
			'- **Issue**: x',
			'',
		].join('\n');
		expect(lastActivity(parseSessions(text))).toBe('Created health monitoring script');
	});

	test('markdown links, bold, and links without alias', () => {
		const mk = (item: string) => lastActivity(parseSessions(`### Session 1: 2025-08-26\n#### Testing\n- ${item}\n`));
		expect(mk('Wrote [Setup Guide](deliverables/docs/setup%20guide.md)')).toBe('Wrote Setup Guide');
		expect(mk('**Ran** [[deliverables/scripts/bench.sh]]')).toBe('Ran bench.sh');
		expect(mk('Read [[notes/Design.md#Goals]]')).toBe('Read Design');
	});

	test('a later session with no items falls back to the one before; only commits gives the message', () => {
		const text = '### Session 1: 2025-08-26\n#### Commits\n- `abc1234`: Only a commit\n### Session 2: 2025-08-27\n**Status**: active\n';
		const sessions = parseSessions(text);
		expect(lastActivity(sessions)).toBe('Only a commit');
		expect(activeSession(sessions)?.number).toBe(2);
		expect(lastActivity([])).toBeNull();
	});
});

describe('large input', () => {
	test('a 5 MB timeline parses without crashing', () => {
		const session = (n: number) =>
			`### Session ${n}: 2025-08-26 - Work ${n}\n**Duration**: 1.5 hours  \n**Participants**: User, Claude  \n**Status**: completed\n\n#### Implementation\n${'- did a thing with [[deliverables/scripts/x.sh|X]]\n'.repeat(40)}\n#### Commits\n- \`abc${String(n).padStart(4, '0')}\`: commit ${n}\n\n`;
		const parts: string[] = ['## Implementation Timeline\n\n'];
		let size = 0;
		let n = 0;
		while (size < 5_000_000) {
			const s = session(++n);
			parts.push(s);
			size += s.length;
		}
		const sessions = parseSessions(parts.join(''));
		expect(sessions).toHaveLength(n);
		expect(sessions[n - 1].commits[0].message).toBe(`commit ${n}`);
		expect(sessions.reduce((sum, s) => sum + (s.durationMinutes ?? 0), 0)).toBe(90 * n);
	});

	test('one huge list in one subsection parses without crashing', () => {
		const text = `### Session 1: 2025-08-26\n#### Implementation\n${'- item\n'.repeat(700_000)}`;
		expect(parseSessions(text)[0].entries[0].items).toHaveLength(700_000);
	});
});

describe('CRLF files', () => {
	test('the seed template with CRLF line ends reads the same, offsets excluding \\r', () => {
		const lf = parseSessions(SEED_CONTEXT_TEMPLATE);
		const crlfText = SEED_CONTEXT_TEMPLATE.replace(/\n/g, '\r\n');
		const crlf = parseSessions(crlfText);
		const shape = (ss: typeof lf) =>
			ss.map((s) => ({
				n: s.number,
				fields: Object.fromEntries(Object.entries(s.fields).map(([k, f]) => [k, f.value])),
				entries: s.entries.map((e) => [e.section, e.items]),
				commits: s.commits.map((c) => [c.hash, c.message]),
				issues: s.issues.map((i) => [i.issue, i.resolution, i.commit]),
			}));
		expect(shape(crlf)).toEqual(shape(lf));
		const d = crlf[0].fields.duration;
		expect(crlfText.slice(d.lineStart, d.lineEnd)).toBe('**Duration**: {X hours}  ');
		const c = crlf[0].commits[0];
		expect(crlfText.slice(c.lineStart, c.lineEnd)).toBe('- `a1b2c3d`: Initial NAS configuration script');
		expect(crlfText.slice(crlf[0].entries[0].contentEnd - 2, crlf[0].entries[0].contentEnd)).toBe('\r\n');
	});
});

describe('sessions written without subsections', () => {
	test('loose items after the fields are a heading-less notes entry; bulleted fields are not items', () => {
		const text =
			'### Session 1: 2025-08-26 - Quick fix\n- **Duration**: 30 minutes\n- **Status**: completed\n\n- Patched the mount script\n  - tested on staging\n- Updated [[deliverables/docs/guide.md|the guide]]\n\n#### Commits\n- `abc1234`: Fix mount\n';
		const [s] = parseSessions(text);
		expect(s.durationMinutes).toBe(30);
		expect(s.entries.map((e) => [e.section, e.heading, e.items])).toEqual([
			['notes', '', ['Patched the mount script', 'Updated [[deliverables/docs/guide.md|the guide]]']],
			['commits', 'Commits', ['`abc1234`: Fix mount']],
		]);
		const notes = s.entries[0];
		expect(text.slice(notes.start, notes.contentEnd)).toBe('- Patched the mount script\n  - tested on staging\n- Updated [[deliverables/docs/guide.md|the guide]]\n');
		expect(lastActivity([s])).toBe('Updated the guide');
	});
});

describe('any input', () => {
	test('parseSessions never throws and its offsets stay inside the range', () => {
		const piece = fc.constantFrom('### Session 1: 2025-08-26 - A', '#### Commits', '- `abc1234`: m', '**Duration**: 1h', '```', '- **Issue**: x', '## Next', '', '  - nested');
		fc.assert(
			fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), (parts, eol) => {
				const text = parts.join(eol);
				for (const s of parseSessions(text)) {
					expect(s.headingStart).toBeLessThan(s.end);
					expect(s.end).toBeLessThanOrEqual(text.length);
					for (const e of s.entries) expect(e.start <= e.contentEnd && e.contentEnd <= e.end && e.end <= s.end).toBe(true);
				}
			}),
		);
	});
});

describe('free-form journals', () => {
	const sessionsOf = (text: string) => parseSessions(text).map((s) => [s.number, s.date, s.title]);

	it('dates a session by its Date bullet or line when the heading has no date', () => {
		const text = ['## Session 1 - Parser', '- **Date**: 2025-08-20', '- **Duration**: 2 hours', '', '## Session 2: Rows', '**Date**: [[2025-08-21]]  ', ''].join('\n');
		expect(sessionsOf(text)).toEqual([
			[1, '2025-08-20', 'Parser'],
			[2, '2025-08-21', 'Rows'],
		]);
	});

	it('keeps the heading date over a Date line', () => {
		expect(sessionsOf('### Session 1: 2025-08-20 - A\n**Date**: 2025-08-19\n')).toEqual([[1, '2025-08-20', 'A']]);
	});

	it('reads headings led by a date, or a date after "Session", numbering them after the previous session', () => {
		const text = [
			'## Implementation Timeline',
			'',
			'### Session 1: 2025-08-18 - Start',
			'',
			'### 2025-08-20 - Quoted fields',
			'',
			'### Session 2025-08-22: Streaming',
			'',
			'### Session (2025-08-23)',
			'',
			'### Session 2 (2025-08-24)',
			'',
		].join('\n');
		expect(sessionsOf(text)).toEqual([
			[1, '2025-08-18', 'Start'],
			[2, '2025-08-20', 'Quoted fields'],
			[3, '2025-08-22', 'Streaming'],
			[4, '2025-08-23', ''],
			[2, '2025-08-24', ''],
		]);
	});

	test.each(['### 2025 plans', '### 2025-08 summary', '#### 2025-08-20 - Too deep', '### Sessions 2025-08-20', '### Notes 2025-08-20', '### Session Log'])(
		'%j is not a session',
		(line) => {
			expect(parseSessions(`${line}\n- text\n`)).toEqual([]);
		},
	);

	it('reads commit items written as a hash and a message', () => {
		expect(parseCommitItem('08e4cc5 Stream rows')).toEqual({ hash: '08e4cc5', message: 'Stream rows' });
		expect(parseCommitItem('08e4cc5')).toEqual({ hash: '08e4cc5', message: '' });
		expect(parseCommitItem('deadbeef is a word here')).toBeNull();
		expect(parseCommitItem('Refactored the parser')).toBeNull();
	});
});
