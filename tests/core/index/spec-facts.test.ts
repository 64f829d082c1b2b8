import { join } from 'path';
import { readdirSync } from 'fs';
import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { readSpec, readSpecFacts, specFromFacts, SpecFacts } from '../../../src/core/index/read-spec';
import { SpecIndex } from '../../../src/core/index/spec-index';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { indexSnapshot } from './index-snapshot';

const REAL_VAULTS = join(__dirname, '..', '..', 'fixtures', 'real-vaults');
const VAULTS: [string, string][] = [['example', EXAMPLE_VAULT], ...readdirSync(REAL_VAULTS).map((name): [string, string] => [name, join(REAL_VAULTS, name)])];

/** A store whose reads are counted, to see which files a build read. */
class CountingStore extends MemoryFileStore {
	readonly reads: string[] = [];
	override read(path: string): Promise<string> {
		this.reads.push(path);
		return super.read(path);
	}
}

function newIndex(files: Record<string, string>): SpecIndex {
	const links = new LinkResolver(Object.keys(files));
	return new SpecIndex({ specsRoot: 'specs', resolveLink: (l, s) => links.resolve(l, s) });
}

describe('a spec note read as facts, kept as JSON and given back', () => {
	it.each(VAULTS)('%s: the index built from kept facts, without reading a spec, equals the one built from the files', async (_name, root) => {
		const files = readVaultFiles(root);
		const fromFiles = newIndex(files);
		await fromFiles.build(new MemoryFileStore(files));
		// What a shell would have kept from an earlier run: plain JSON, no text.
		const kept = new Map<string, SpecFacts>();
		const first = newIndex(files);
		await first.build(new MemoryFileStore(files), {
			facts: (entry) => {
				const facts = readSpecFacts(entry.path, files[entry.path]);
				kept.set(entry.path, JSON.parse(JSON.stringify(facts)) as SpecFacts);
				return Promise.resolve(facts);
			},
		});
		const store = new CountingStore(files);
		const fromFacts = newIndex(files);
		await fromFacts.build(store, { facts: (entry) => Promise.resolve(kept.get(entry.path)!) });
		expect(store.reads).toEqual([]);
		expect(kept.size).toBeGreaterThan(0);
		expect(indexSnapshot(fromFacts)).toEqual(indexSnapshot(fromFiles));
	});

	it('a record made from facts shares no list with them, so the index may change it in place', () => {
		const facts = readSpecFacts('specs/1000/1001/1014.spec.md', '---\nchildren: [1015]\nparent: 1001\n---\n# 1014 - Cold\n');
		const { spec } = specFromFacts('specs/1000/1001/1014.spec.md', facts);
		spec.childRefs.push('x');
		expect(facts.childRefs).toEqual(['1015']);
		expect(spec).toEqual({ ...readSpec('specs/1000/1001/1014.spec.md', '---\nchildren: [1015]\nparent: 1001\n---\n# 1014 - Cold\n').spec, childRefs: ['1015', 'x'] });
	});

	it('malformed frontmatter is a fact too: its problem comes back from the kept facts', () => {
		const text = '---\ntitle: [unclosed\n---\n# 1014 - Cold\n';
		const facts = JSON.parse(JSON.stringify(readSpecFacts('specs/1014.spec.md', text))) as SpecFacts;
		expect(specFromFacts('specs/1014.spec.md', facts)).toEqual(readSpec('specs/1014.spec.md', text));
		expect(facts.problems.length).toBe(1);
	});
});
