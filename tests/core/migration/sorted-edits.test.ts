import fc from 'fast-check';
import { applyEdits } from '../../../src/core/markdown/text-edit';
import { applyInOrder, disjoint, inOrder } from '../../../src/core/migration/sorted-edits';

const byKey = (a: { k: number }, b: { k: number }): number => a.k - b.k;

test('inOrder gives what a stable sort gives, sorted input or not', () => {
	fc.assert(
		fc.property(fc.array(fc.record({ k: fc.nat(5), id: fc.nat() }), { maxLength: 12 }), fc.boolean(), (items, presort) => {
			const input = presort ? [...items].sort(byKey) : items;
			expect(inOrder(input, byKey)).toEqual([...input].sort(byKey));
		}),
		{ numRuns: 1000 },
	);
});

test('applyInOrder of disjoint edits gives what applyEdits gives', () => {
	const edit = fc.tuple(fc.nat(30), fc.nat(4), fc.string({ maxLength: 4 })).map(([start, len, text]) => ({ start, end: start + len, text }));
	fc.assert(
		fc.property(fc.string({ minLength: 34, maxLength: 40 }), fc.array(edit, { maxLength: 8 }), (text, edits) => {
			const kept = disjoint(edits);
			expect(applyInOrder(text, kept)).toBe(applyEdits(text, kept));
		}),
		{ numRuns: 1000 },
	);
});
