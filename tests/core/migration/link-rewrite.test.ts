import fc from 'fast-check';
import { linkRewriteContext, rewriteFileLinks } from '../../../src/core/migration/link-rewrite';
import { dirname, relativePath } from '../../../src/core/files/paths';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { linkpathEach, resolveEach } from '../../../src/core/links/resolve-memo';

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

test('a plain path in a **Name**: line is rewritten whole, spaces in its name too, in backticks or not', () => {
	const old = 'specs/1000-epic-lab/1001-feature-storage/1014-task-cold über NAS.spec.md';
	const ctx = context([old, 'notes/paths.md'], { [old]: 'specs/1000/1001/1014.spec.md' });
	const text = `# Notes\n**Spec File**: \`${old}\`\n- **Spec File**: ${old}\n**Spec File**: ${old} (old)\n`;
	const r = rewriteFileLinks(ctx, text, 'notes/paths.md', 'notes/paths.md');
	expect(r.text).toBe(`# Notes\n**Spec File**: \`specs/1000/1001/1014.spec.md\`\n- **Spec File**: specs/1000/1001/1014.spec.md\n**Spec File**: ${old} (old)\n`);
	expect(r.changes).toEqual([
		{ line: 2, from: old, to: 'specs/1000/1001/1014.spec.md' },
		{ line: 3, from: old, to: 'specs/1000/1001/1014.spec.md' },
	]);
});

describe('remembered answers (fast-check)', () => {
	// Few folders and names: notes share folders (the memos' hits), names repeat across folders, moves cross folders.
	const folder = fc.constantFrom('specs', 'specs/a', 'specs/a/b', 'specs/c', 'notes', 'specs/deliverables/docs');
	const name = fc.constantFrom('spec.md', 'context.md', 'Context.md', 'n.md', '1001-task-x.spec.md', 'setup.sh', 'd.png', 'epic.md');
	const path = fc.tuple(folder, name).map(([f, n]) => `${f}/${n}`);
	const style = fc.nat(7);
	const linkText = (from: string, to: string, kind: number, sub: string): string => {
		const rel = relativePath(dirname(from), to);
		const stem = to.slice(to.lastIndexOf('/') + 1);
		switch (kind) {
			case 0:
				return `[[${stem.replace(/\.md$/, '')}${sub}|A]]`;
			case 1:
				return `[x](${rel}${sub})`;
			case 2:
				return `![[${stem}${sub}]]`;
			case 3:
				return `[[${rel.replace(/\.md$/, '')}${sub}]]`;
			case 4:
				return `[[${to}]]`;
			case 5:
				return `[y](<${rel.replace(/\.md$/, '')}>)`;
			case 6:
				return `[[${sub === '' ? '#Top' : sub}]]`;
			default:
				return `[[/${to}]]`;
		}
	};
	const vault = fc
		.tuple(
			fc.uniqueArray(path, { minLength: 1, maxLength: 14, selector: (p) => p.toLowerCase() }),
			fc.array(fc.tuple(fc.nat(), path), { maxLength: 8 }),
			fc.array(fc.tuple(fc.nat(), fc.nat(), style, fc.constantFrom('', '#Goals', '#^b1')), { maxLength: 30 }),
		)
		.map(([paths, moveList, links]) => {
			const moves = new Map<string, string>();
			const taken = new Set(paths.map((p) => p.toLowerCase()));
			for (const [i, to] of moveList) {
				const from = paths[i % paths.length];
				if (moves.has(from) || taken.has(to.toLowerCase())) continue;
				moves.set(from, to);
				taken.add(to.toLowerCase());
			}
			const texts = new Map<string, string[]>(paths.map((p) => [p, []]));
			for (const [s, t, kind, sub] of links) texts.get(paths[s % paths.length])?.push(linkText(paths[s % paths.length], paths[t % paths.length], kind, sub));
			return { paths, moves, texts: new Map([...texts].map(([p, ls]) => [p, p.endsWith('.sh') ? `#!/bin/sh\n# Spec: ${ls[0] ?? ''}\n` : `# T\n\n${ls.join('\n')}\n`])) };
		});

	test('one context shared by every file rewrites each file as a context that remembers nothing does', () => {
		fc.assert(
			fc.property(vault, ({ paths, moves, texts }) => {
				const before = new LinkResolver(paths);
				const after = new LinkResolver(paths.map((p) => moves.get(p) ?? p));
				const shared = linkRewriteContext(before, after, moves);
				const plain = { before, after, moves, beforeMemo: resolveEach(before), afterMemo: resolveEach(after), linkpaths: linkpathEach };
				// Each file twice: its own new place, and (as a merged journal is) another file's.
				for (const p of [...paths, ...paths]) {
					const newPath = moves.get(p) ?? p;
					const text = texts.get(p) as string;
					expect(rewriteFileLinks(shared, text, p, newPath)).toEqual(rewriteFileLinks(plain, text, p, newPath));
					const other = moves.get(paths[0]) ?? paths[0];
					expect(rewriteFileLinks(shared, text, p, other)).toEqual(rewriteFileLinks(plain, text, p, other));
				}
			}),
			{ numRuns: 1000 },
		);
	});
});
