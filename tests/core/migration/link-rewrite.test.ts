import { linkRewriteContext, rewriteFileLinks } from '../../../src/core/migration/link-rewrite';
import { LinkResolver } from '../../../src/core/links/link-resolver';

function context(paths: string[], moves: Record<string, string>) {
	return linkRewriteContext(new LinkResolver(paths), new LinkResolver(paths.map((p) => moves[p] ?? p)), new Map(Object.entries(moves)));
}

const PATHS = ['specs/a-epic-x/a-epic-x.spec.md', 'specs/My Notes/n.md', 'specs/b.md'];
const MOVES = { 'specs/a-epic-x/a-epic-x.spec.md': 'specs/a/epic.md' };

test('markdown links keep their form: .md or not, <angle brackets>, %20, titles', () => {
	const ctx = context(PATHS, MOVES);
	const text = '[A](../a-epic-x/a-epic-x.spec.md "t") [B](<../a-epic-x/a-epic-x.spec>) [C](../a-epic-x/a-epic-x.spec.md#Goals%20now)\n';
	const r = rewriteFileLinks(ctx, text, 'specs/My Notes/n.md', 'specs/My Notes/n.md');
	expect(r.text).toBe('[A](../a/epic.md "t") [B](<../a/epic>) [C](../a/epic.md#Goals%20now)\n');
});

test('a wikilink written with .md keeps it; a same-note heading link is untouched', () => {
	const ctx = context(PATHS, MOVES);
	const text = '[[a-epic-x/a-epic-x.spec.md|A]] [[#Top]]\n';
	expect(rewriteFileLinks(ctx, text, 'specs/b.md', 'specs/b.md').text).toBe('[[a/epic.md|A]] [[#Top]]\n');
});

test('a link that still resolves, and one that never did, are left byte for byte', () => {
	const ctx = context(PATHS, MOVES);
	const text = '[[b]] [[nowhere]] [x](missing.md)\n';
	expect(rewriteFileLinks(ctx, text, 'specs/My Notes/n.md', 'specs/My Notes/n.md')).toEqual({ text, changes: [] });
});
