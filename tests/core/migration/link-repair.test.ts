import { repairLinks } from '../../../src/core/migration/link-repair';

const where: Record<string, string> = { 'a/spec': 'a/spec.md', spec: 'b/spec.md', '../epic': 'epic.md', epic: 'epic.md', x: 'x.md' };
const resolve = (target: string): string | null => where[target] ?? null;

test("keeps Obsidian's own update where it resolves as planned, repairs the links it left wrong", () => {
	const planned = 'See [[a/spec|S]] and [[../epic#Goals|E]] and [[x]].\n';
	const obsidian = 'See [[spec|S]] and [[epic#Goals|E]] and [[x]].\n';
	expect(repairLinks(obsidian, planned, resolve)).toBe('See [[a/spec|S]] and [[epic#Goals|E]] and [[x]].\n');
});

test('a text that does not pair up with the plan (a journal appended) takes the planned text', () => {
	expect(repairLinks('[[x]]\n', '[[x]]\n\nAppended [[epic]].\n', resolve)).toBe('[[x]]\n\nAppended [[epic]].\n');
});
