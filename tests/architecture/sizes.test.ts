import ts from 'typescript';
import { lineOf, sourceFiles, type SourceFile } from './source-files';

/*
 * A file over 400 lines or a function over 80 is one a reader can no longer hold in view: past
 * these, split by what the parts do. The exceptions are today's, each capped at its present size
 * so it can only shrink, and dropped from the list once it fits.
 */
const FILE_LINES = 400;
const FUNCTION_LINES = 80;

/** `path` for a file, `path: name` for a function; the most lines it may have, and why it has them. */
const EXCEPTIONS: Record<string, { lines: number; why: string }> = {};

interface Measured {
	key: string;
	lines: number;
	limit: number;
}

function fileLines(file: SourceFile): number {
	const text = file.tree.text;
	return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** What a function is called: its own name, else the variable or property it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration): string {
	if (node.name) return node.name.getText();
	if (ts.isConstructorDeclaration(node)) return 'constructor';
	const holder = node.parent;
	if ((ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder) || ts.isPropertyDeclaration(holder)) && holder.name) return holder.name.getText();
	return `(anonymous, line ${lineOf(node.getSourceFile(), node.getStart())})`;
}

function measure(files: SourceFile[]): Measured[] {
	const out: Measured[] = [];
	for (const file of files) {
		out.push({ key: file.path, lines: fileLines(file), limit: FILE_LINES });
		const visit = (node: ts.Node): void => {
			if (ts.isFunctionLike(node) && 'body' in node && node.body) {
				const lines = lineOf(file.tree, node.end) - lineOf(file.tree, node.getStart()) + 1;
				out.push({ key: `${file.path}: ${nameOf(node)}`, lines, limit: FUNCTION_LINES });
			}
			ts.forEachChild(node, visit);
		};
		visit(file.tree);
	}
	return out;
}

const show = (m: Measured): string => `${m.key} (${m.lines} lines)`;

describe('sizes in src', () => {
	const measured = measure(sourceFiles());

	it(`keeps files within ${FILE_LINES} lines and functions within ${FUNCTION_LINES}, or an exception's size`, () => {
		const over = measured.filter((m) => m.lines > (EXCEPTIONS[m.key]?.lines ?? m.limit));
		expect(over.map(show)).toEqual([]);
	});

	it('lists no exception that now fits, or is gone', () => {
		const byKey = new Map(measured.map((m) => [m.key, m]));
		const stale = Object.keys(EXCEPTIONS).filter((key) => {
			const m = byKey.get(key);
			return !m || m.lines <= m.limit;
		});
		expect(stale).toEqual([]);
	});

	it('measures a function from its first line to its last, by its name or what holds it', () => {
		const text = ['export function f() {', ...Array<string>(80).fill('\tg();'), '}', 'const h = () => {', '\treturn 1;', '};', ''].join('\n');
		const file = { path: 'src/x.ts', tree: ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true) };
		expect(measure([file]).map(show)).toEqual(['src/x.ts (85 lines)', 'src/x.ts: f (82 lines)', 'src/x.ts: h (3 lines)']);
	});
});
