import fc from 'fast-check';
import { applyEdits } from '../../../src/core/markdown/text-edit';
import { disjoint, inOrder } from '../../../src/core/migration/sorted-edits';

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

test('disjoint keeps edits in text order and drops only those starting inside one kept before', () => {
	const edit = fc.tuple(fc.nat(30), fc.nat(4), fc.string({ maxLength: 4 })).map(([start, len, text]) => ({ start, end: start + len, text }));
	fc.assert(
		fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
			const kept = disjoint(edits);
			for (const e of kept) expect(edits).toContain(e);
			for (let i = 1; i < kept.length; i++) expect(kept[i].start).toBeGreaterThanOrEqual(kept[i - 1].end);
			for (const e of edits) {
				if (!kept.includes(e)) expect(kept.some((k) => k.start <= e.start && e.start < k.end)).toBe(true);
			}
			// What it keeps, applyEdits takes without complaint.
			expect(() => applyEdits('x'.repeat(40), kept)).not.toThrow();
		}),
		{ numRuns: 1000 },
	);
});
