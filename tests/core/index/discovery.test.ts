import fc from 'fast-check';
import { classifyPath, type PathRole } from '../../../src/core/index/discovery';
import { basename, extension, isUnder } from '../../../src/core/files/paths';

/** The rule as DESIGN.md §2 states it, segment by segment. */
function reference(path: string, specsRoot: string): PathRole {
	if (!isUnder(path, specsRoot) || path === specsRoot) return 'other';
	const parts = (specsRoot === '' ? path : path.slice(specsRoot.length + 1)).split('/');
	if (parts.some((p) => p.startsWith('.'))) return 'other';
	const name0 = parts[parts.length - 1];
	const leftover = name0.endsWith('~') || /^#.+#$/.test(name0) || ['pyc', 'pyo'].includes(extension(path));
	if (leftover || parts.slice(0, -1).some((p) => p === '__pycache__' || p === 'node_modules')) return 'other';
	if (parts.slice(0, -1).includes('deliverables')) return 'deliverable';
	if (extension(path) !== 'md') return 'other';
	const name = basename(path).toLowerCase();
	if (name === 'context.md' || name.endsWith('.context.md')) return 'context';
	if (name.endsWith('.deliverables.md')) return 'report';
	if (name === 'epic.md' || name === 'spec.md' || name.endsWith('.spec.md')) return 'spec';
	return 'maybe-spec';
}

describe('classifyPath', () => {
	it('names each kind of file under the specs root', () => {
		expect(classifyPath('specs/1000/epic.md', 'specs')).toBe('spec');
		expect(classifyPath('specs/1000/1001/1014.spec.md', 'specs')).toBe('spec');
		expect(classifyPath('specs/1000/1001/1014.context.md', 'specs')).toBe('context');
		expect(classifyPath('specs/1000/1001/1014.deliverables.md', 'specs')).toBe('report');
		expect(classifyPath('specs/1000/1001/deliverables/scripts/setup.sh', 'specs')).toBe('deliverable');
		expect(classifyPath('specs/1000/notes.md', 'specs')).toBe('maybe-spec');
		expect(classifyPath('specs/1000/diagram.png', 'specs')).toBe('other');
		expect(classifyPath('specs/.spec-workflow/log.md', 'specs')).toBe('other');
		expect(classifyPath('notes/1000.spec.md', 'specs')).toBe('other');
		expect(classifyPath('specs', 'specs')).toBe('other');
		// A file named like the folder is not in it; a folder whose name only contains it is not it.
		expect(classifyPath('specs/1000/deliverables', 'specs')).toBe('other');
		expect(classifyPath('specs/1000/old-deliverables/a.md', 'specs')).toBe('maybe-spec');
		expect(classifyPath('specs/1000/deliverables.md', 'specs')).toBe('maybe-spec');
	});

	it('takes no leftover of a tool for a deliverable or a spec: compiled Python, editor backups, installed packages', () => {
		const under = 'specs/1000/1001/deliverables/scripts/';
		for (const leftover of [
			'__pycache__/load.cpython-311.pyc',
			'load.pyc',
			'load.PYO',
			'load.py~',
			'notes.md~',
			'#load.py#',
			'node_modules/left-pad/index.js',
			'node_modules/left-pad/README.md',
			'.venv/bin/python',
		]) {
			expect([leftover, classifyPath(under + leftover, 'specs')]).toEqual([leftover, 'other']);
		}
		expect(classifyPath('specs/1000/node_modules/x/spec.md', 'specs')).toBe('other');
		// Only the whole name: these are someone's files.
		for (const kept of ['load.py', 'py~cache/x.sh', '#notes.md', 'x#.sh', 'my__pycache__/x.sh', 'node_modules.md', 'pyc']) {
			expect([kept, classifyPath(under + kept, 'specs')]).toEqual([kept, 'deliverable']);
		}
	});

	it('agrees with the segment-by-segment rule on any path', () => {
		const segment = fc.constantFrom(
			'specs',
			'deliverables',
			'deliverables.md',
			'xdeliverables',
			'deliverablesx',
			'.hidden',
			'a.b',
			'1000',
			'epic.md',
			'Spec.MD',
			'1014.spec.md',
			'x.context.md',
			'context.md',
			'r.deliverables.md',
			'run.sh',
			'.',
			'x.png',
			'__pycache__',
			'node_modules',
			'x.pyc',
			'run.sh~',
			'#run.sh#',
			'#',
			'~',
		);
		const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/'));
		const root = fc.constantFrom('', 'specs', 'specs/deliverables', 'a.b');
		fc.assert(
			fc.property(path, root, (p, r) => expect(classifyPath(p, r)).toBe(reference(p, r))),
			{ numRuns: 3000 },
		);
	});
});
