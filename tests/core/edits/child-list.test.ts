import { addToChildList } from '../../../src/core/edits/child-list';

describe('a child added to a Tasks list', () => {
	it('goes right after the list’s last item, not after a paragraph, a dataview block or a comment below the list', () => {
		const spec = (tasks: string) =>
			`# E01-F01: Hot storage\n\n## Tasks\n${tasks}\nProgress is tracked in the board.\n\n\`\`\`dataview\nTASK FROM "specs/E01"\n\`\`\`\n\n## Notes\nText.\n`;
		expect(addToChildList(spec('- [ ] Pick drives\n- [x] Benchmark\n'), 'specs/E01/F01/spec.md', 'Tasks', '- [[T01/E01-F01-T01.spec|E01-F01-T01 - Mount]]')).toBe(
			spec('- [ ] Pick drives\n- [x] Benchmark\n- [[T01/E01-F01-T01.spec|E01-F01-T01 - Mount]]\n'),
		);
		const commented = '# F\n\n## Tasks\n- [[a]]\n- [[b]]\n\n%% [[secret-draft]] %%\n<!-- a note -->\n';
		expect(addToChildList(commented, 'specs/x/spec.md', 'Tasks', '- [[c]]')).toBe('# F\n\n## Tasks\n- [[a]]\n- [[b]]\n- [[c]]\n\n%% [[secret-draft]] %%\n<!-- a note -->\n');
	});

	it('keeps an item’s own nested lines and lazy text with it', () => {
		const text = '# F\n\n## Tasks\n- [[a]]\n  - sub-step\n- [[b]] which goes on\nover this line\n\n    and this indented paragraph\n\nA note below.\n';
		expect(addToChildList(text, 'specs/x/spec.md', 'Tasks', '- [[c]]')).toBe(
			'# F\n\n## Tasks\n- [[a]]\n  - sub-step\n- [[b]] which goes on\nover this line\n\n    and this indented paragraph\n- [[c]]\n\nA note below.\n',
		);
	});
});
