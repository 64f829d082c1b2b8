import * as fc from 'fast-check';
import { isLinkSource, linkGraphBacklinks, linkNames, linkNamesFast, outgoingTargets, scanBacklinks } from '../../../src/core/reports/backlinks';
import { Workspace } from '../../../src/core/workspace/workspace';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

/** The link graph built as the CLI builds it from its cache: each note's targets as written. */
async function graphOf(ws: Workspace, files: Record<string, string>) {
	const notes = Object.entries(files)
		.filter(([path]) => isLinkSource(path))
		.map(([path, text]) => [path, outgoingTargets(text)] as const);
	return linkGraphBacklinks(notes, (l, s) => ws.links.resolve(l, s));
}

/** Who links to each file, by the plain scan (the rule) and by the link graph (the fast path). */
async function bothWays(files: Record<string, string>): Promise<[string, string[], string[]][]> {
	const ws = await memoryWorkspace(files);
	const scan = await scanBacklinks(ws);
	const graph = await graphOf(ws, files);
	return Object.keys(files).map((target) => [target, [...new Set(scan.linksTo(target).map((b) => b.source))], graph.linksTo(target).map((b) => b.source)]);
}

const FILES = [
	'specs/1/epic.md',
	'specs/1/2/spec.md',
	'specs/1/2/deliverables/scripts/run.sh',
	'notes/Run.md',
	'notes/run.md.md',
	'Makefile',
	'notes/a b.md',
	'x/Makefile.md',
	'specs/1.md',
	'notes.md',
	'.obsidian/n.md',
];
const SOURCES = ['notes/a.md', 'specs/1/2/2.context.md', 'deep/er/n.md', 'specs/1/epic.md', '.trash/old.md'];

/** Spellings a person or an agent writes: names, paths, `../`, `./`, upper case, `.md` or not, headings and aliases, backslashes, a trailing slash. */
const linkpath = fc.oneof(
	fc.constantFrom(...FILES).chain((f) => {
		const name = f.slice(f.lastIndexOf('/') + 1);
		return fc.constantFrom(
			f,
			name,
			name.replace(/\.md$/, ''),
			f.toUpperCase(),
			`../${f}`,
			`./${name}`,
			`../../${f}`,
			`/${f}`,
			f.replace(/\//g, '\\'),
			`${name}#Heading`,
			`${name}|alias`,
			`${f}/`,
		);
	}),
	fc.constantFrom('..', '.', '../', './', '../..', 'notes/..', 'specs/1/2/..', '', '#Top', 'nowhere', 'specs/1'),
);
const link = fc.tuple(linkpath, fc.constantFrom('wiki', 'md', 'embed', 'prop')).map(([p, kind]) => {
	if (kind === 'md') return `[label [x]](${p.replace(/ /g, '%20')})`;
	if (kind === 'embed') return `![[${p}]]`;
	return `[[${p}]]`;
});

describe('backlinks from the link graph', () => {
	it('names the sources the scan names, for every file of the example vault', async () => {
		for (const [target, scanned, graph] of await bothWays(readVaultFiles(EXAMPLE_VAULT))) expect({ target, graph }).toEqual({ target, graph: scanned });
	});

	it('names the sources the scan names, whatever the spelling of the links', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...SOURCES), fc.array(link, { maxLength: 4 })), { minLength: 1, maxLength: 6 }), async (notes) => {
				const files: Record<string, string> = Object.fromEntries(FILES.map((f) => [f, `# ${f}\n`]));
				for (const [source, links] of notes) files[source] = `${files[source] ?? ''}See ${links.join(' and ')}.\n`;
				for (const [target, scanned, graph] of await bothWays(files)) expect({ target, graph }).toEqual({ target, graph: scanned });
			}),
			{ numRuns: 300 },
		);
	});

	it('finds the file names of each link as the plain rule does, fast path or not', () => {
		const part = fc.constantFrom('a', 'B.md', 'x.MD.md', 'run.sh', '.', '..', '', 'n b', 'İ', '.md');
		const spelling = fc.tuple(fc.array(part, { maxLength: 4 }), fc.constantFrom('/', '\\'), fc.constantFrom('', '#H', '|alias', '#H|a', '|a#H', '/'));
		fc.assert(
			fc.property(spelling, ([parts, slash, tail]) => {
				const linkpath = parts.join(slash) + tail;
				expect(linkNamesFast(linkpath)).toEqual(linkNames(linkpath));
			}),
			{ numRuns: 3000 },
		);
		expect(linkNamesFast('specs/1/Run.md#Goal|see')).toEqual(['run.md', 'run']);
	});

	it('keeps of a note only where its links go, each once, frontmatter included', () => {
		expect(outgoingTargets('---\nparent: "[[epic]]"\n---\nSee [[run.sh]], [[epic#Goal]] and [the script](run.sh).\n')).toEqual(['epic', 'run.sh']);
	});
});
