import { parseDeliverables } from '../../../src/core/context/registry';
import { withBaselineText } from '../../../src/core/context/registry-lines';

describe('a registry entry carries its baseline at the end of the line', () => {
	const text = [
		'## Deliverables',
		'### Scripts',
		'- [[deliverables/scripts/nas-setup.sh|NAS Setup Script]] - Automated NAS mount configuration `hash:1a2b3c4d`',
		'- [Guide](deliverables/docs/guide.md) `sha:ABCDEF0123`',
		'- [[deliverables/scripts/plain.sh|Plain]] - No baseline yet',
		'### Code Changes',
		'- `services/storage/nas-client.ts` - NAS client `hash:0badcafe`',
		'',
	].join('\n');
	const entries = parseDeliverables(text).entries;

	test('the baseline is read apart from the purpose, in lower case', () => {
		expect(entries.map((e) => [e.target, e.purpose, e.baseline])).toEqual([
			['deliverables/scripts/nas-setup.sh', 'Automated NAS mount configuration', '1a2b3c4d'],
			['deliverables/docs/guide.md', null, 'abcdef0123'],
			['deliverables/scripts/plain.sh', 'No baseline yet', null],
			['services/storage/nas-client.ts', 'NAS client', '0badcafe'],
		]);
	});

	test('a code span in the purpose that is no baseline stays in it', () => {
		const [entry] = parseDeliverables('- [[x.sh|X]] - runs `hash:xyz` daily\n').entries;
		expect([entry.purpose, entry.baseline]).toEqual(['runs `hash:xyz` daily', null]);
	});

	test('withBaselineText appends a baseline, or replaces the one there', () => {
		expect(withBaselineText('- [[x.sh|X]] - Purpose', '12345678')).toBe('- [[x.sh|X]] - Purpose `hash:12345678`');
		expect(withBaselineText('- [[x.sh|X]] - Purpose `hash:aaaaaaaa`', '12345678')).toBe('- [[x.sh|X]] - Purpose `hash:12345678`');
		expect(withBaselineText('- [[x.sh|X]]  ', '12345678')).toBe('- [[x.sh|X]] `hash:12345678`');
	});
});
