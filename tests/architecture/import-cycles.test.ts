import { folderCycles, runtimeImports, sourceFiles, type RuntimeImport } from './source-files';

/*
 * Imports point down between folders: two folders that import each other (directly or round a
 * loop) can no longer be understood, tested or moved one without the other. Type-only imports
 * are left out: they vanish in the build and tie nothing at run time.
 */

/** Folder groups known to import each other, each with why it is still there. */
const KNOWN_CYCLES: { folders: string[]; why: string }[] = [];

const imports = (edges: [string, string][]): RuntimeImport[] => edges.map(([from, to]) => ({ from, to }));

describe('folder import cycles', () => {
	const found = folderCycles(sourceFiles().flatMap(runtimeImports));

	it('finds none in src beyond the known ones', () => {
		const known = new Set(KNOWN_CYCLES.map((k) => k.folders.join(' ')));
		const unknown = found.filter((c) => !known.has(c.folders.join(' ')));
		expect(unknown).toEqual([]);
	});

	it('keeps no known cycle that is gone', () => {
		const present = new Set(found.map((c) => c.folders.join(' ')));
		expect(KNOWN_CYCLES.filter((k) => !present.has(k.folders.join(' '))).map((k) => k.folders)).toEqual([]);
	});

	it('sees a cycle through a third folder, names its imports, and ignores imports within a folder', () => {
		const cycles = folderCycles(
			imports([
				['src/a/x.ts', 'src/b/y'],
				['src/b/y.ts', 'src/c/z'],
				['src/c/z.ts', 'src/a/w'],
				['src/a/w.ts', 'src/a/x'],
				['src/c/z.ts', 'src/d/v'],
			]),
		);
		expect(cycles).toEqual([{ folders: ['src/a', 'src/b', 'src/c'], imports: ['src/a/x.ts -> src/b/y', 'src/b/y.ts -> src/c/z', 'src/c/z.ts -> src/a/w'] }]);
	});

	it('finds no cycle where imports only point down', () => {
		expect(
			folderCycles(
				imports([
					['src/a/x.ts', 'src/b/y'],
					['src/b/y.ts', 'src/c/z'],
					['src/a/x.ts', 'src/c/z'],
				]),
			),
		).toEqual([]);
	});
});
