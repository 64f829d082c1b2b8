import fc from 'fast-check';
import { keptPurpose, linkContextFrom, listDeliverable, listDeliverables, withKeptTraceback, type Listing, type Registry } from '../../../src/core/migration/merge-records';

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
		expect(linkContextFrom('# T\n\n**Status**: done\n', 't.md', '[[t.context|Implementation Journal]]', () => false)).toBe(
			'# T\n\n**Status**: done  \n**Context**: [[t.context|Implementation Journal]]\n',
		);
		expect(linkContextFrom('---\nstatus: done\n---\n# T\n', 't.md', '[[t.context|Implementation Journal]]', () => false)).toBe(
			'---\nstatus: done\ncontext: "[[t.context|Implementation Journal]]"\n---\n# T\n',
		);
	});

	test('not when it links the journal already, nor when its YAML is malformed', () => {
		const linked = '# T\n\nSee [[2025-08-20-session]].\n';
		expect(linkContextFrom(linked, 't.md', '[[t.context]]', (target) => target === '2025-08-20-session')).toBe(linked);
		const broken = '---\nstatus: [done\n---\n# T\n';
		expect(linkContextFrom(broken, 't.md', '[[t.context]]', () => false)).toBe(broken);
	});
});

// Notes of lines a registry edit meets: groups, loose and ticked items, fences (some left open),
// list-held fences, other sections around, headings a level off; in LF or CRLF, with or without a final line end.
const PATHS = ['n/deliverables/scripts/a.sh', 'n/deliverables/docs/b.md', 'n/deliverables/config/c.example', 'n/deliverables/Custom/d.txt', 'n/notes.md', 'n/deliverables/e.md'];
const LINES = [
	'## Deliverables',
	'### Deliverables',
	'# Deliverables',
	'## Overview',
	'## Acceptance Criteria',
	'## Implementation Timeline',
	'### Session 1: 2025-01-02 - Work',
	'### Scripts',
	'### Documentation',
	'### Configuration Files',
	'### Configuration',
	'### Custom',
	'### Code Changes',
	'#### Notes',
	'# Task 1: T',
	'- [[deliverables/scripts/a.sh|A]]',
	'- [B](deliverables/docs/b.md)',
	'- [x] [[b|B]] - done',
	'- [[c.example]]',
	'- `src/x.ts` - code',
	'- plain item',
	'  - nested [[deliverables/docs/b.md]]',
	'1. [[notes|Notes]]',
	'Some text.',
	'',
	'',
	'```bash',
	'```',
	'~~~',
	'- ```',
	'    ```',
	'> quote',
	'---',
	'type: task',
	'**Status**: done',
];
const note = fc
	.tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 18 }), fc.boolean(), fc.boolean())
	.map(([lines, crlf, finalEol]) => (lines.join('\n') + (finalEol ? '\n' : '')).replace(/\n/g, crlf ? '\r\n' : '\n'));
const listing: fc.Arbitrary<Listing> = fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom('wiki', 'markdown', 'odd')).map(([path, style]) => {
	const rel = path.slice(2);
	const link = style === 'wiki' ? `[[${rel.replace(/\.md$/, '')}|T]]` : style === 'markdown' ? `[T](${rel})` : `\`${rel}\``;
	return { path, link };
});
const registry: fc.Arbitrary<Registry> = fc.oneof(
	fc.constantFrom('epic', 'feature', 'task').map((type) => ({ type })),
	fc.constantFrom(null, 'Why it is kept').map((purpose) => ({ purpose })),
);

test('listing many deliverables at once gives the text listing them one by one gives', () => {
	fc.assert(
		fc.property(note, registry, fc.array(listing, { maxLength: 6 }), fc.option(fc.func(fc.constantFrom(null, ...PATHS))), (text, reg, items, resolve) => {
			const oneByOne = items.reduce(
				(out, item) => listDeliverable(out, 'n/spec.md', item.path, item.link, reg, resolve ? (linkpath) => resolve(linkpath) === item.path : undefined),
				text,
			);
			expect(listDeliverables(text, 'n/spec.md', reg, items, resolve ?? undefined)).toBe(oneByOne);
		}),
		{ numRuns: 3000 },
	);
});
