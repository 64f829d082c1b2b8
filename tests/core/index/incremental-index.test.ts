import fc from 'fast-check';
import { MemoryFileStore } from '../../../src/core/files/memory-file-store';
import { SpecIndex } from '../../../src/core/index/spec-index';
import { LinkResolver } from '../../../src/core/links/link-resolver';
import { indexSnapshot } from './index-snapshot';

/*
 * The plugin keeps its index current with one update per vault event, and a vault kept open by the
 * MCP server follows the disk the same way. Whatever the order of the changes, the index so kept
 * must answer as one built afresh from the files as they are.
 */

const FOLDERS = ['specs/E01', 'specs/E01/F01', 'specs/E01/F02', 'specs/E01/F01/T01', 'specs/E02', 'specs/backup/E01'];
const NAMES = [
	'spec.md',
	'epic.md',
	'context.md',
	'E01-F01.spec.md',
	'E01-F01.context.md',
	'F01.context.md',
	'T01.spec.md',
	'notes.md',
	'deliverables/scripts/run.sh',
	'deliverables/docs/guide.md',
];

const frontmatterLine = fc.constantFrom(
	'id: E01',
	'id: E01-F01',
	'id: F01',
	'type: epic',
	'type: feature',
	'type: task',
	'status: done',
	'status: in progress',
	'parent: E01',
	'parent: "[[../spec]]"',
	'context: "[[context]]"',
	'children: [F01, F02]',
	'deliverables: [run.sh]',
);
const bodyLine = fc.constantFrom(
	'# E01-F01 - Parser',
	'# Parser',
	'**Status**: blocked',
	'**Parent**: [[../epic]]',
	'## Deliverables',
	'- [[deliverables/scripts/run.sh|Run]]',
	'- [Guide](deliverables/docs/guide.md)',
	'## Plan',
	'- [ ] First step',
	'Body text.',
);
const noteText = fc
	.tuple(fc.boolean(), fc.array(frontmatterLine, { maxLength: 4 }), fc.array(bodyLine, { maxLength: 5 }))
	.map(([withProps, props, body]) => (withProps ? `---\n${props.join('\n')}\n---\n` : '') + body.join('\n') + '\n');

type Change = { kind: 'write'; path: string; text: string } | { kind: 'delete'; path: string };
const path = fc.tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...NAMES)).map(([folder, name]) => `${folder}/${name}`);
const change: fc.Arbitrary<Change> = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('write' as const), path, text: noteText }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), path }) },
);

async function fresh(store: MemoryFileStore): Promise<{ index: SpecIndex }> {
	const links = new LinkResolver(Object.keys(store.snapshot()));
	const index = new SpecIndex({ specsRoot: 'specs', resolveLink: (l, s) => links.resolve(l, s) });
	await index.build(store);
	return { index };
}

describe('an index kept current change by change', () => {
	it('answers as an index built afresh after every change', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 12 }), async (changes) => {
				const store = new MemoryFileStore({});
				const links = new LinkResolver([]);
				const kept = new SpecIndex({ specsRoot: 'specs', resolveLink: (l, s) => links.resolve(l, s) });
				await kept.build(store);
				for (const c of changes) {
					if (c.kind === 'write') {
						store.put(c.path, c.text);
						links.add(c.path);
						kept.update(c.path, kept.needsText(c.path) ? c.text : undefined);
					} else {
						await store.remove(c.path);
						links.remove(c.path);
						kept.remove(c.path);
					}
					const rebuilt = await fresh(store);
					expect(indexSnapshot(kept)).toEqual(indexSnapshot(rebuilt.index));
				}
			}),
			{ numRuns: 300 },
		);
	});

	it('answers the same whatever order the files were listed in', async () => {
		const files = fc.dictionary(path, noteText, { maxKeys: 14 });
		await fc.assert(
			fc.asyncProperty(files, fc.infiniteStream(fc.nat()), async (vault, seeds) => {
				const store = new MemoryFileStore(vault);
				const entries = await store.list('specs');
				const shuffled = entries
					.map((e) => [seeds.next().value as number, e] as const)
					.sort((a, b) => a[0] - b[0])
					.map(([, e]) => e);
				const built = async (order: typeof entries) => {
					const links = new LinkResolver(order.map((e) => e.path));
					const index = new SpecIndex({ specsRoot: 'specs', resolveLink: (l, s) => links.resolve(l, s) });
					await index.build(store, { entries: order });
					return indexSnapshot(index);
				};
				expect(await built(shuffled)).toEqual(await built(entries));
			}),
			{ numRuns: 300 },
		);
	});
});
