import { addRegistryEntry, registryEditFor } from '../../../src/core/edits/registry-entry';
import { requireSpec } from '../../../src/core/workspace/workspace';
import { memoryWorkspace } from '../../helpers/workspace';

const DIR = 'specs/2000/2001';
const SPEC = `${DIR}/spec.md`;
const CONTEXT = `${DIR}/context.md`;

async function setup(spec: string, context = '# Context: Alpha\n', extra: Record<string, string> = {}) {
	const ws = await memoryWorkspace({ 'specs/2000/epic.md': '# Platform\n\n## Features\n- [[2001/spec|Alpha]]\n', [SPEC]: spec, [CONTEXT]: context, ...extra });
	const s = requireSpec(ws, '2001');
	const add = (path: string, isContext: boolean, deliverable: string, title: string, purpose: string | null = null): string =>
		addRegistryEntry(
			ws.store.snapshot()[path],
			path,
			deliverable,
			registryEditFor(ws, { spec: s, notePath: path, note: isContext ? 'context' : 'spec', deliverable, title, purpose }),
		);
	return { add };
}

describe('addRegistryEntry with registryEditFor (add deliverable and validate --fix)', () => {
	test('a registry kept as one flat list gets the entry at the end of that list, not a new group', async () => {
		const { add } = await setup('# Alpha\n\n## Deliverables\n- [[deliverables/scripts/a.sh|A]]\n\nNotes below the list.\n');
		expect(add(SPEC, false, `${DIR}/deliverables/config/b.conf`, 'B')).toBe(
			'# Alpha\n\n## Deliverables\n- [[deliverables/scripts/a.sh|A]]\n- [[deliverables/config/b.conf|B]]\n\nNotes below the list.\n',
		);
	});

	test('a custom type gets its own group before Code Changes; the spec says Configuration, the context Configuration Files', async () => {
		const { add } = await setup('# Alpha\n\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/a.sh|A]]\n\n### Code Changes\n- `src/x.ts`\n');
		expect(add(SPEC, false, `${DIR}/deliverables/datasets/d.csv`, 'D')).toBe(
			'# Alpha\n\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/a.sh|A]]\n\n### Datasets\n- [[deliverables/datasets/d.csv|D]]\n\n### Code Changes\n- `src/x.ts`\n',
		);
		expect(add(SPEC, false, `${DIR}/deliverables/config/b.conf`, 'B')).toContain('\n### Configuration\n- [[deliverables/config/b.conf|B]]\n');
		expect(add(CONTEXT, true, `${DIR}/deliverables/config/b.conf`, 'B', 'Tuning')).toBe(
			'# Context: Alpha\n\n## Deliverables\n\n### Configuration Files\n- [[deliverables/config/b.conf|B]] - Tuning\n',
		);
	});

	test('a file already listed is left alone: by its path (also before it exists) or as the resolver finds it', async () => {
		const spec = '# Alpha\n\n## Deliverables\n- [[deliverables/scripts/new.sh|New]]\n- [[run.sh|Run]]\n';
		const { add } = await setup(spec, undefined, { [`${DIR}/deliverables/scripts/run.sh`]: 'echo\n' });
		expect(add(SPEC, false, `${DIR}/deliverables/scripts/new.sh`, 'New')).toBe(spec);
		expect(add(SPEC, false, `${DIR}/deliverables/scripts/run.sh`, 'Run')).toBe(spec);
	});

	test('a context without the section gets it at its place, before a `## Dependencies` section', async () => {
		const { add } = await setup('# Alpha\n', '# Context: Alpha\n\n## Dependencies\n- none\n\n## Notes & Learnings\n- n\n');
		expect(add(CONTEXT, true, `${DIR}/deliverables/scripts/a.sh`, 'A', 'Runs')).toBe(
			'# Context: Alpha\n\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/a.sh|A]] - Runs\n\n## Dependencies\n- none\n\n## Notes & Learnings\n- n\n',
		);
	});
});
