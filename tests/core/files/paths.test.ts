import fc from 'fast-check';
import { normalizeVaultPath } from '../../../src/core/files/paths';

/** The rule, written plainly: split on either slash, drop empty and `.` segments, let `..` climb. */
function reference(path: string): string | null {
	const out: string[] = [];
	for (const part of path.split(/[\\/]/)) {
		if (part === '' || part === '.') continue;
		if (part === '..') {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(part);
	}
	return out.join('/');
}

describe('normalizeVaultPath', () => {
	it('leaves a normal path as it is', () => {
		expect(normalizeVaultPath('specs/1000/1001/1014.context.md')).toBe('specs/1000/1001/1014.context.md');
		expect(normalizeVaultPath('')).toBe('');
		expect(normalizeVaultPath('notes/..hidden/a.b.md')).toBe('notes/..hidden/a.b.md');
		expect(normalizeVaultPath('a/.../b')).toBe('a/.../b');
	});

	it('collapses dot segments, doubled, leading, trailing and back slashes', () => {
		expect(normalizeVaultPath('specs/1000/../2000/./epic.md')).toBe('specs/2000/epic.md');
		expect(normalizeVaultPath('/specs//1000/')).toBe('specs/1000');
		expect(normalizeVaultPath('specs\\1000\\epic.md')).toBe('specs/1000/epic.md');
		expect(normalizeVaultPath('./a')).toBe('a');
		expect(normalizeVaultPath('a/.')).toBe('a');
		expect(normalizeVaultPath('.')).toBe('');
	});

	it('refuses a path that climbs above the vault', () => {
		expect(normalizeVaultPath('..')).toBeNull();
		expect(normalizeVaultPath('specs/../../etc/passwd')).toBeNull();
	});

	it('agrees with the plain rule on any mix of names, dots and slashes', () => {
		const segment = fc.constantFrom('specs', 'a', '.', '..', '...', '.hidden', 'x..y', '', 'b.md', '..md');
		const separator = fc.constantFrom('/', '\\', '//');
		const path = fc.tuple(fc.array(fc.tuple(segment, separator), { maxLength: 6 }), segment).map(([parts, last]) => parts.map(([s, sep]) => s + sep).join('') + last);
		fc.assert(
			fc.property(path, (p) => expect(normalizeVaultPath(p)).toBe(reference(p))),
			{ numRuns: 2000 },
		);
	});
});
