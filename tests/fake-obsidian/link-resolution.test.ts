import { createFakeApp } from '../__mocks__/obsidian';

/** The DESIGN.md §5 table, as the fake's getFirstLinkpathDest answers it. */
const vault = {
	'README.md': '',
	'specs/1000/epic.md': '',
	'specs/1000/context.md': '',
	'specs/1000/1001/spec.md': '',
	'specs/1000/1001/context.md': '',
	'specs/1000/1001/README.md': '',
	'specs/1000/1001/1011.spec.md': '',
	'specs/1000/1001/1011.context.md': '',
	'specs/1000/1001/deliverables/scripts/setup.sh': '',
	'specs/2000/epic.md': '',
	'specs/2000/2001/deliverables/scripts/setup.sh': '',
	'notes/Unique Note.md': '',
	'notes/v1.2.md': '',
};

describe('fake getFirstLinkpathDest', () => {
	const app = createFakeApp(vault);
	const feature = 'specs/1000/1001/spec.md';

	it.each([
		// linkpath, source, expected
		['context', feature, 'specs/1000/1001/context.md'],
		['context', 'specs/1000/epic.md', 'specs/1000/context.md'],
		['CONTEXT', feature, 'specs/1000/1001/context.md'],
		['../epic', feature, 'specs/1000/epic.md'],
		['../context', 'specs/1000/1001/1011.spec.md', 'specs/1000/context.md'],
		['./1011.context', 'specs/1000/1001/1011.spec.md', 'specs/1000/1001/1011.context.md'],
		['../../2000/epic', feature, 'specs/2000/epic.md'],
		['unique note', 'README.md', 'notes/Unique Note.md'],
		['1011.spec', 'README.md', 'specs/1000/1001/1011.spec.md'],
		['1011.spec.md', 'README.md', 'specs/1000/1001/1011.spec.md'],
		['v1.2', 'README.md', 'notes/v1.2.md'],
		['deliverables/scripts/setup.sh', 'specs/2000/epic.md', 'specs/2000/2001/deliverables/scripts/setup.sh'],
		['deliverables/scripts/setup.sh', feature, 'specs/1000/1001/deliverables/scripts/setup.sh'],
		['setup.sh', 'README.md', 'specs/1000/1001/deliverables/scripts/setup.sh'],
		['setup.sh', 'specs/2000/epic.md', 'specs/2000/2001/deliverables/scripts/setup.sh'],
		['README', feature, 'README.md'],
		['/README', feature, 'README.md'],
		['epic', 'notes/Unique Note.md', 'specs/1000/epic.md'],
		['specs/2000/epic', feature, 'specs/2000/epic.md'],
		['', feature, feature],
	])('%j from %s → %s', (linkpath, source, expected) => {
		expect(app.metadataCache.getFirstLinkpathDest(linkpath, source)?.path).toBe(expected);
	});

	it.each([
		['setup', 'README.md'],
		['missing', 'README.md'],
		['/epic', feature],
		['../../../../outside', feature],
	])('%j from %s → nothing', (linkpath, source) => {
		expect(app.metadataCache.getFirstLinkpathDest(linkpath, source)).toBeNull();
	});
});
