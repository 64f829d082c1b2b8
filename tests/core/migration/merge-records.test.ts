import { keptPurpose, linkContextFrom, withKeptTraceback } from '../../../src/core/migration/merge-records';

const fields = { spec: '[[../../1011.spec|1011 - Hot]]', context: '[[../../1011.context|Implementation Journal]]', purpose: 'Original journal, merged as Session 2' };

describe('the kept original of a merged journal traces back to its spec, keeping every byte it had', () => {
	test('a journal without properties gets them, in its own line ends', () => {
		expect(withKeptTraceback('# J\r\n\r\nText\r\n', 'j.md', fields)).toBe(
			'---\r\nspec: "[[../../1011.spec|1011 - Hot]]"\r\ncontext: "[[../../1011.context|Implementation Journal]]"\r\npurpose: Original journal, merged as Session 2\r\n---\r\n# J\r\n\r\nText\r\n',
		);
	});

	test('properties it has are kept as written; the missing ones lead', () => {
		const text = '---\ntags: [log]   # mine\nspec: 1011\n---\n# J\n';
		expect(withKeptTraceback(text, 'j.md', fields)).toBe(
			'---\ncontext: "[[../../1011.context|Implementation Journal]]"\npurpose: Original journal, merged as Session 2\ntags: [log]   # mine\nspec: 1011\n---\n# J\n',
		);
	});

	test('malformed frontmatter is left alone', () => {
		const text = '---\ntags: [log\n---\n# J\n';
		expect(withKeptTraceback(text, 'j.md', fields)).toBe(text);
	});

	test.each([
		[[2], 'Original journal, merged as Session 2'],
		[[3, 4, 5], 'Original journal, merged as Sessions 3–5'],
	])('purpose for sessions %j', (sessions, purpose) => {
		expect(keptPurpose(sessions)).toBe(purpose);
	});
});

describe('a spec given a journal as its context links it', () => {
	test('as a header line when it shows them, as a property when it has frontmatter', () => {
		expect(linkContextFrom('# T\n\n**Status**: done\n', 't.md', '[[t.context|Implementation Journal]]', () => false)).toBe('# T\n\n**Status**: done  \n**Context**: [[t.context|Implementation Journal]]\n');
		expect(linkContextFrom('---\nstatus: done\n---\n# T\n', 't.md', '[[t.context|Implementation Journal]]', () => false)).toBe('---\nstatus: done\ncontext: "[[t.context|Implementation Journal]]"\n---\n# T\n');
	});

	test('not when it links the journal already, nor when its YAML is malformed', () => {
		const linked = '# T\n\nSee [[2025-08-20-session]].\n';
		expect(linkContextFrom(linked, 't.md', '[[t.context]]', (target) => target === '2025-08-20-session')).toBe(linked);
		const broken = '---\nstatus: [done\n---\n# T\n';
		expect(linkContextFrom(broken, 't.md', '[[t.context]]', () => false)).toBe(broken);
	});
});
