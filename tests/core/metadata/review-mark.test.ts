import { baseTree } from '../../../src/core/bases/base-tree';
import { updatedSinceReview } from '../../../src/core/metadata/review-mark';
import { memoryWorkspace } from '../../helpers/workspace';

const SPEC = 'specs/1000/1001/1014.spec.md';

describe('updatedSinceReview (the Spec tree flag)', () => {
	it('compares updated with reviewed as the review core reads stamps: dates, times, a T, YAML dates', () => {
		expect(updatedSinceReview('2025-08-27', '2025-08-26 18:00')).toBe(true);
		expect(updatedSinceReview('2025-08-27 09:00', '2025-08-27T09:30:00')).toBe(false);
		expect(updatedSinceReview('2025-08-27 10:00', '2025-08-27')).toBe(true);
		expect(updatedSinceReview(new Date('2025-08-27T00:00:00Z'), '2025-08-26')).toBe(true);
	});

	it('flags nothing never reviewed, or with a date it cannot read', () => {
		expect(updatedSinceReview('2025-08-27', null)).toBe(false);
		expect(updatedSinceReview('2025-08-27', 'last week')).toBe(false);
		expect(updatedSinceReview(undefined, '2025-08-26')).toBe(false);
	});
});

describe("the Spec tree's flag reads the mark as the review core does", () => {
	it('a spec whose properties a sync merged into holding two reviewed lines counts the later one', async () => {
		const ws = await memoryWorkspace();
		await ws.store.process(SPEC, (t) => t.replace('updated: 2025-08-27\n', 'updated: 2025-08-27\nreviewed: 2025-08-28 09:00\nreviewed: 2025-08-26 18:00\n'));
		const flag = async () => (await baseTree(ws, [SPEC])).roots.map((n) => n.changedSinceReview);
		expect(await flag()).toEqual([false]);
		await ws.store.process(SPEC, (t) => t.replace('reviewed: 2025-08-28 09:00\n', ''));
		expect(await flag()).toEqual([true]);
	});
});
