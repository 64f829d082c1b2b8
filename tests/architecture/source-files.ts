import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import ts from 'typescript';
import { stronglyConnected } from '../../src/core/validate/validate-cycles';

/**
 * The sources under src, parsed once with the TypeScript compiler (no type-checking: the syntax
 * tree is all these checks read). Paths are relative to the repository, with forward slashes.
 */
export const ROOT = join(__dirname, '..', '..');

export interface SourceFile {
	path: string;
	tree: ts.SourceFile;
}

function walk(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = join(dir, e.name);
		if (e.isDirectory()) return walk(full);
		return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
	});
}

const toRepoPath = (full: string): string => relative(ROOT, full).split('\\').join('/');

let parsed: SourceFile[] | undefined;

export function sourceFiles(): SourceFile[] {
	parsed ??= walk(join(ROOT, 'src'))
		.sort()
		.map((full) => ({ path: toRepoPath(full), tree: ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true) }));
	return parsed;
}

/** A relative import or re-export that is still there at run time (type-only ones vanish in the build). */
export interface RuntimeImport {
	from: string;
	/** The imported module's path without extension, e.g. `src/core/context/session`. */
	to: string;
}

function typeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
	if (ts.isExportDeclaration(statement)) {
		if (statement.isTypeOnly) return true;
		const clause = statement.exportClause;
		return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
	}
	const clause = statement.importClause;
	if (!clause) return false; // `import './x'` runs x.
	if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return true;
	const named = clause.namedBindings;
	return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

export function runtimeImports(file: SourceFile): RuntimeImport[] {
	const found: RuntimeImport[] = [];
	for (const statement of file.tree.statements) {
		if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
		const spec = statement.moduleSpecifier;
		if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.') || typeOnly(statement)) continue;
		found.push({ from: file.path, to: toRepoPath(resolve(ROOT, dirname(file.path), spec.text)) });
	}
	return found;
}

export const lineOf = (tree: ts.SourceFile, pos: number): number => tree.getLineAndCharacterOfPosition(pos).line + 1;

/** A file's folder, e.g. `src/core/context` for `src/core/context/session`. */
export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/'));

export interface FolderCycle {
	/** The folders that reach each other through imports, sorted. */
	folders: string[];
	/** Each import from one of them into another: `src/a/x.ts -> src/b/y`. */
	imports: string[];
}

/**
 * The folders that import each other, directly or round a loop (the strongly connected groups of
 * the folder graph, found as validate finds parent cycles), with the imports that tie each together.
 */
export function folderCycles(imports: RuntimeImport[]): FolderCycle[] {
	const across = imports.filter((i) => folderOf(i.from) !== folderOf(i.to));
	const edges = new Map<string, string[]>();
	for (const i of across) edges.set(folderOf(i.from), [...(edges.get(folderOf(i.from)) ?? []), folderOf(i.to)]);
	return stronglyConnected([...edges.keys()].sort(), edges)
		.filter((group) => group.length > 1)
		.map((group) => {
			const folders = group.sort();
			const inside = across.filter((i) => folders.includes(folderOf(i.from)) && folders.includes(folderOf(i.to)));
			return { folders, imports: inside.map((i) => `${i.from} -> ${i.to}`) };
		})
		.sort((x, y) => x.folders[0].localeCompare(y.folders[0]));
}
