import fc from 'fast-check';
import { basename, dirname } from '../../../src/core/files/paths';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { matchJournal, specNames, specsNamedInside } from '../../../src/core/migration/journal-match';
import type { FoundSpec } from '../../../src/core/migration/old-layout-detection';
import { idsInName, parseOldName } from '../../../src/core/migration/old-names';

/** The plain rule the indexes stand in for: every spec looked at for every name in the journal's file name. */
function matchByScan(path: string, specs: FoundSpec[]): FoundSpec[] {
	const name = basename(path);
	const stem = name.toLowerCase() === 'context.md' ? basename(dirname(path)) : name.replace(/\.context\.md$/i, '');
	const { oldNames, words } = idsInName(stem.replace(/\d{4}-\d{2}-\d{2}/g, ' '));
	const found = new Set<FoundSpec>();
	for (const oldName of oldNames) {
		const lower = oldName.toLowerCase();
		for (const s of specs) if (s.aliases.some((a) => a.toLowerCase() === lower)) found.add(s);
		if (found.size > 0) continue;
		const id = parseOldName(oldName)?.id.toLowerCase();
		for (const s of specs) if (s.id.toLowerCase() === id) found.add(s);
	}
	if (found.size > 0) return [...found];
	for (const part of words) for (const s of scanWords(part, specs)) found.add(s);
	return [...found];
}

/** The longest runs of words, holding a digit, that are a spec's id, and are not the head of a longer id shaped as the words go on. */
function scanWords(words: string[], specs: FoundSpec[]): FoundSpec[] {
	const ids = (s: FoundSpec): string[] => [s.id.toLowerCase(), s.nameId.toLowerCase()];
	const shape = (w: string): string => w.toLowerCase().replace(/[0-9]/g, '#');
	for (let length = words.length; length > 0; length--) {
		const found = new Set<FoundSpec>();
		for (let i = 0; i + length <= words.length; i++) {
			const run = words.slice(i, i + length);
			if (!run.some((w) => /[0-9]/.test(w))) continue;
			const id = run.join('-').toLowerCase();
			const next = words[i + length];
			const longer = (other: string): boolean => {
				const rest = other.split('-');
				return other.startsWith(`${id}-`) && shape(rest[length]) === shape(next);
			};
			if (next !== undefined && specs.some((s) => ids(s).some(longer))) continue;
			for (const s of specs) if (ids(s).includes(id)) found.add(s);
		}
		if (found.size > 0) return [...found];
	}
	return [];
}

// Few names, so specs share ids, aliases differ only in case, and journal names hit several at once.
const id = fc.constantFrom('1013', '1013', '1001', 'E01', 'e01', 'E01-F01', 'E01-F01-T05', '2000', 'x1');
const oldName = fc
	.tuple(id, fc.constantFrom('task', 'Task', 'feature', 'epic'), fc.constantFrom('warm', 'cold-x', ''))
	.map(([i, t, s]) => (s === '' ? `${i}-${t}` : `${i}-${t}-${s}`));
const alias = fc.oneof(id, oldName);
const spec = fc.record({ nameId: id, id, extra: fc.array(alias, { maxLength: 3 }) }).map(({ nameId, id: own, extra }): FoundSpec => ({
	path: '',
	nameId,
	id: own,
	pathId: nameId,
	aliases: [...new Set([own, nameId, ...extra])],
	declaredType: null,
	nameType: null,
	title: '',
	parentRef: null,
	contextRef: null,
	ownsFolder: false,
}));
const journal = fc
	.tuple(
		fc.constantFrom('specs/context/', 'specs/plan/', 'specs/journal/1013-task-warm/'),
		fc.constantFrom('2025-08-25.', '', 'plan-'),
		fc.oneof(oldName, id, fc.constantFrom('notes', 'context', 'E01-F09', 'E01-F01-T05-2', '1013-1001', '2025-08-20-E01-F01-T05')),
		fc.constantFrom('.context.md', '.md', '_1001.context.md'),
	)
	.map(([dir, pre, n, ext]) => (n === 'context' ? `${dir}context.md` : `${dir}${pre}${n}${ext}`));

test('journals match the specs, in the order, that scanning every spec gives', () => {
	fc.assert(
		fc.property(fc.array(spec, { maxLength: 12 }), journal, (specs, path) => {
			specs.forEach((s, i) => (s.path = `specs/${i}.md`));
			expect(matchJournal(path, specNames(specs))).toEqual(matchByScan(path, specs));
		}),
		{ numRuns: 2000 },
	);
});

describe('the specs a journal names inside it', () => {
	const found = (path: string, nameId: string, aliases: string[] = []): FoundSpec => ({
		path,
		nameId,
		id: nameId,
		pathId: nameId,
		aliases: [nameId, ...aliases],
		declaredType: null,
		nameType: null,
		title: '',
		parentRef: null,
		contextRef: null,
		ownsFolder: false,
	});
	const TASK = 'specs/1000-epic-x/1001-feature-storage/1011-task-hot-storage-nvme.spec.md';
	const specs = [
		found('specs/1000-epic-x/1000-epic-x.spec.md', '1000'),
		found('specs/1000-epic-x/1001-feature-storage/1001-feature-storage.spec.md', '1001', ['1001-feature-storage']),
		found(TASK, '1011', ['1011-task-hot-storage-nvme']),
	];
	const names = specNames(specs);
	const paths = new LinkResolver(specs.map((s) => s.path));
	const named = (text: string): string[] => specsNamedInside(text, 'specs/context/2025-08-20-x.md', names, (l, s) => paths.resolve(l, s)).map((s) => s.id);

	test.each([
		['**ID**: 1011-hot-storage-nvme', ['1011']],
		['- **ID**: 1011', ['1011']],
		['**ID:** 1011', ['1011']],
		[`**Spec File**: ${TASK}`, ['1011']],
		// A path that no longer finds its file names the spec its file name names.
		['**Spec File**: `specs/old/1011-task-hot-storage-nvme.spec.md`', ['1011']],
		['**Spec**: specs/1000/1001/spec.md', ['1001']],
		['**Spec**: [[1001-feature-storage.spec|Storage]]', ['1001']],
		['**Spec**: Task 1011 - Hot storage', ['1011']],
		['**Spec**: [[1011-task-hot-storage-nvme.spec]]\n**Spec**: [[1000-epic-x.spec]]', ['1011', '1000']],
		// Code, other fields and empty values name nothing.
		['```\n**ID**: 1011\n```', []],
		['**Parent**: 1001\n**Date**: 2025-08-20\n**ID**:', []],
		// Properties name it as the lines do, comments and quotes aside.
		['---\n# planning notes\nspec: "[[1001-feature-storage.spec]]"  # the feature\ntags: [plan]\n---\n# 2025-08-18\n- [ ] decide tiers\n', ['1001']],
		['---\nid: 1011\n---\n# X', ['1011']],
		['---\nSpec_ID: 1011-hot-storage-nvme\n---\n# X', ['1011']],
		['---\nspecification: [[1011-task-hot-storage-nvme.spec]]\n---\n# X', ['1011']],
		['---\nspec:\n  - "[[1011-task-hot-storage-nvme.spec]]"\n---\n# X', ['1011']],
		// Other properties, and malformed frontmatter, name nothing.
		['---\nparent: 1001\ntags: [1011]\n---\n# X', []],
		['---\nspec: [unclosed 1011\n---\n# X', []],
	])('%s → %j', (text, ids) => {
		expect(named(text)).toEqual(ids);
	});
});
