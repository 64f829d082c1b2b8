import { parseLinks } from '../../../src/core/links/link-parser';
import { scanBacklinks } from '../../../src/core/reports/backlinks';
import { linkPurpose } from '../../../src/core/reports/spec-usage';
import { memoryWorkspace } from '../../helpers/workspace';

/** The purpose found for the first link to `target` in `text`. */
function purposeOf(text: string, target: string): string | null {
	const link = parseLinks(text, { includeFrontmatter: true }).find((l) => l.target === target);
	if (!link) throw new Error(`no link to ${target}`);
	return linkPurpose(text, link);
}

describe('linkPurpose', () => {
	it('takes the text after a link that opens a list item, through its continuation lines', () => {
		expect(purposeOf('- [[x.sh|X]] - Checks the **mount**\n  before writing\n- next\n', 'x.sh')).toBe('Checks the mount before writing');
		expect(purposeOf('- [ ] [[x.sh]]: run it nightly\n', 'x.sh')).toBe('run it nightly');
		expect(purposeOf('1. [X](x.sh) — uses [[y.sh|Y]] too\n', 'x.sh')).toBe('uses Y too');
	});

	it('falls back to a nested Purpose item', () => {
		expect(purposeOf('- [[../../1000/spec|1000]]\n  - Uses: the mount\n  - Purpose: Store snapshots\n- [[other]]\n', '../../1000/spec')).toBe('Store snapshots');
		expect(purposeOf('- [[a]]\n- [[b]]\n  - Purpose: not for a\n', 'a')).toBeNull();
	});

	it('takes the whole item or paragraph for a link inside prose', () => {
		const note = 'Intro.\n\nWe call [[x.sh]] before each roll and keep the day\non the hot tier otherwise.\n\n- The layout in\n  [[y.sh]] is the contract.\n';
		expect(purposeOf(note, 'x.sh')).toBe('We call x.sh before each roll and keep the day on the hot tier otherwise.');
		expect(purposeOf(note, 'y.sh')).toBe('The layout in y.sh is the contract.');
	});

	it('gives no purpose for table rows, headings and properties', () => {
		expect(purposeOf('| Tier | Spec |\n|--|--|\n| Cold | [[1014.spec\\|1014]] |\n', '1014.spec')).toBeNull();
		expect(purposeOf('## About [[x.sh]]\n', 'x.sh')).toBeNull();
		expect(purposeOf('---\nrelated: "[[x.sh]]"\n---\nBody.\n', 'x.sh')).toBeNull();
	});

	it('keeps a header line out of the sentence below or above it', () => {
		const spec = '# E07-F02 - Restore drills\n\n**Context**: [[E07-F02.context]]\nUses [rotation [v1]](../F01/rotate.sh) before each drill.\n**Status**: planning\n';
		expect(purposeOf(spec, '../F01/rotate.sh')).toBe('Uses rotation [v1] before each drill.');
		expect(purposeOf('Runs [[x.sh]] each night to rotate.\n- **Owner:** Ana\n', 'x.sh')).toBe('Runs x.sh each night to rotate.');
	});

	it('reads a link on a header line by the value after it', () => {
		expect(purposeOf('**Status**: planning\n**Depends on**: [[x.sh]] - rotates the backups first\n', 'x.sh')).toBe('rotates the backups first');
		expect(purposeOf('Some intro line\n**Depends on**: [[x.sh]]\nThen the drill runs.\n', 'x.sh')).toBeNull();
	});

	it('reads CRLF notes like LF ones', () => {
		expect(purposeOf('- [[x.sh]] - Checks it\r\n  twice\r\n', 'x.sh')).toBe('Checks it twice');
	});
});

describe('scanBacklinks', () => {
	it('finds body and property links to a file, resolved by the vault rules, skipping code and hidden folders', async () => {
		const ws = await memoryWorkspace({
			'specs/1/1.spec.md': '# One\n',
			'specs/1/deliverables/scripts/x.sh': 'echo\n',
			'a.md': '---\nuses: "[[x.sh]]"\n---\nSee [[x.sh]] and `[[x.sh]]`.\n\n```\n[[x.sh]]\n```\n',
			'b.md': '[Run](specs/1/deliverables/scripts/x.sh)\n',
			'.trash/c.md': '[[x.sh]]\n',
			'c.txt': '[[x.sh]]\n',
		});
		const backlinks = await scanBacklinks(ws);
		expect(backlinks.linksTo('specs/1/deliverables/scripts/x.sh').map((b) => [b.source, b.link?.raw])).toEqual([
			['a.md', '[[x.sh]]'],
			['a.md', '[[x.sh]]'],
			['b.md', '[Run](specs/1/deliverables/scripts/x.sh)'],
		]);
		expect(backlinks.linksTo('specs/1/1.spec.md')).toEqual([]);
	});
});

describe('linkPurpose leaves out what is not a reason', () => {
	it('takes only the sentence that holds a link inside prose', () => {
		const note = '1. Tap any deliverable, e.g. [[x.md|the guide]]. Its properties lead back to the spec. Scripts carry the same links.\n';
		expect(purposeOf(note, 'x.md')).toBe('Tap any deliverable, e.g. the guide.');
	});

	it('gives none for fragments of fewer than two words besides links', () => {
		expect(purposeOf('- [[a.sh]], [[b.sh]]\n', 'a.sh')).toBeNull();
		expect(purposeOf('- [[a.sh]] and [[b.sh]]\n  - Purpose: Nightly checks\n', 'a.sh')).toBe('Nightly checks');
		expect(purposeOf('See [[a.sh]].\n', 'a.sh')).toBeNull();
		expect(purposeOf('- [[a.sh]] - Checks it\n', 'a.sh')).toBe('Checks it');
	});
});
