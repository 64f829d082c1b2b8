import { addDeliverable, deliverableFolder } from '../../../src/core/workflow/add-deliverable';
import { baselineOf } from '../../../src/core/deliverables/deliverable-drift';
import { setField } from '../../../src/core/edits/spec-fields';
import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

const DIR = 'specs/1000/1001';
const SPEC = `${DIR}/1014.spec.md`;
const CONTEXT = `${DIR}/1014.context.md`;
const vault = readVaultFiles(EXAMPLE_VAULT);

/** `text` with `insert` placed right after the one occurrence of `anchor`. */
function inserted(text: string, anchor: string, insert: string): string {
	expect(text.split(anchor)).toHaveLength(2);
	return text.replace(anchor, () => anchor + insert);
}

// Vault paths: a script or config file is no note, so Obsidian would follow no link in it.
const HEADER_1014 = ['Generated from: specs/1000/1001/1014.spec.md', 'Context: specs/1000/1001/1014.context.md'];

async function refusal(run: () => Promise<unknown>): Promise<WorkflowError> {
	try {
		await run();
	} catch (e) {
		if (e instanceof WorkflowError) return e;
		throw e;
	}
	throw new Error('expected a WorkflowError');
}

describe('addDeliverable on the example vault (no active session)', () => {
	it('writes a script with its shebang first, links it from spec and context, and nothing else', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await addDeliverable(ws, {
			id: '1014',
			type: 'scripts',
			file: 'archive-check.sh',
			title: 'Archive Check',
			purpose: 'Verify the nightly archive run',
			content: '#!/bin/bash\n# Usage: archive-check.sh [date]\n\nset -euo pipefail\n',
		});
		const path = `${DIR}/deliverables/scripts/archive-check.sh`;
		expect(result).toEqual({ path, written: [path, SPEC, CONTEXT], sessionLogged: false });

		const after = ws.store.snapshot();
		expect(after[path]).toBe(
			'#!/bin/bash\n' +
				'# Generated from: specs/1000/1001/1014.spec.md\n' +
				'# Context: specs/1000/1001/1014.context.md\n' +
				'# Purpose: Verify the nightly archive run\n' +
				'# Created: 2025-08-28 by Claude + User\n' +
				'#\n' +
				'# Usage: archive-check.sh [date]\n' +
				'\n' +
				'set -euo pipefail\n',
		);
		expect(after[SPEC]).toBe(
			inserted(before[SPEC], '- [[deliverables/scripts/benchmark.sh|Performance Benchmark]]\n', '- [[deliverables/scripts/archive-check.sh|Archive Check]]\n'),
		);
		expect(after[CONTEXT]).toBe(
			inserted(
				before[CONTEXT],
				'- [[deliverables/scripts/benchmark.sh|Performance Benchmark]] - Performance testing\n',
				'- [[deliverables/scripts/archive-check.sh|Archive Check]] - Verify the nightly archive run `hash:3638aed9`\n',
			),
		);
		const untouched = (snap: Record<string, string>) => Object.entries(snap).filter(([p]) => p !== SPEC && p !== CONTEXT && p !== path);
		expect(untouched(after)).toEqual(untouched(before));
	});

	it('keeps the index current: the new file belongs to the spec', async () => {
		const ws = await memoryWorkspace();
		await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh' });
		const spec = ws.index.get('1014');
		expect(spec && ws.index.deliverablesOf(spec)).toContain(`${DIR}/deliverables/scripts/x.sh`);
		expect(ws.index.specForPath(`${DIR}/deliverables/scripts/x.sh`)?.id).toBe('1014');
	});

	it('titles the links with the file name and writes no Purpose line when none is given', async () => {
		const ws = await memoryWorkspace();
		await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh' });
		const after = ws.store.snapshot();
		expect(after[`${DIR}/deliverables/scripts/x.sh`]).toBe(HEADER_1014.map((l) => `# ${l}\n`).join('') + '# Created: 2025-08-28 by Claude + User\n');
		expect(after[SPEC]).toContain('- [[deliverables/scripts/benchmark.sh|Performance Benchmark]]\n- [[deliverables/scripts/x.sh|x.sh]]\n\n### Documentation');
		expect(after[CONTEXT]).toContain('- Performance testing\n- [[deliverables/scripts/x.sh|x.sh]] `hash:109880b7`\n\n### Documentation');
	});

	it('writes config with its Target before Created, under Configuration / Configuration Files', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		await addDeliverable(ws, {
			id: '1014',
			type: 'config',
			file: 'nas-automount.conf',
			title: 'Automount Unit Settings',
			purpose: 'systemd automount timeouts',
			target: '/etc/systemd/system/mnt-nas.automount.d/',
			content: 'TimeoutIdleSec=600\n',
			author: 'Ana',
		});
		const after = ws.store.snapshot();
		expect(after[`${DIR}/deliverables/config/nas-automount.conf`]).toBe(
			HEADER_1014.map((l) => `# ${l}\n`).join('') +
				'# Purpose: systemd automount timeouts\n' +
				'# Target: /etc/systemd/system/mnt-nas.automount.d/\n' +
				'# Created: 2025-08-28 by Ana\n' +
				'\n' +
				'TimeoutIdleSec=600\n',
		);
		expect(after[SPEC]).toBe(
			inserted(before[SPEC], '- [[deliverables/config/sysctl.nas.conf|Network Optimization Settings]]\n', '- [[deliverables/config/nas-automount.conf|Automount Unit Settings]]\n'),
		);
		expect(after[CONTEXT]).toBe(
			inserted(
				before[CONTEXT],
				'- [[deliverables/config/sysctl.nas.conf|Network Optimization Settings]] - Network optimization\n',
				'- [[deliverables/config/nas-automount.conf|Automount Unit Settings]] - systemd automount timeouts `hash:dc5afd46`\n',
			),
		);
	});

	it('gives a markdown doc traceback properties merged into its own frontmatter', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		await addDeliverable(ws, {
			id: '1014',
			type: 'docs',
			file: 'runbook.md',
			title: 'Runbook',
			purpose: 'What to do when the NAS is down',
			content: '---\ntags:\n  - deliverable\n  - docs\n---\n# NAS Runbook\n',
		});
		const after = ws.store.snapshot();
		expect(after[`${DIR}/deliverables/docs/runbook.md`]).toBe(
			'---\n' +
				'spec: "[[../../1014.spec|1014 - Cold Storage NAS Integration]]"\n' +
				'context: "[[../../1014.context|Implementation Journal]]"\n' +
				'purpose: What to do when the NAS is down\n' +
				'created: 2025-08-28\n' +
				'tags:\n  - deliverable\n  - docs\n' +
				'---\n# NAS Runbook\n',
		);
		expect(after[SPEC]).toBe(inserted(before[SPEC], '- [[deliverables/docs/troubleshooting.md|Troubleshooting Guide]]\n', '- [[deliverables/docs/runbook.md|Runbook]]\n'));
		expect(after[CONTEXT]).toBe(
			inserted(
				before[CONTEXT],
				'- [[deliverables/docs/troubleshooting.md|Troubleshooting Guide]] - Common issues and solutions\n',
				'- [[deliverables/docs/runbook.md|Runbook]] - What to do when the NAS is down `hash:674deecc`\n',
			),
		);
	});

	it('writes JSON without a header and still registers it', async () => {
		const ws = await memoryWorkspace();
		await addDeliverable(ws, { id: '1014', type: 'config', file: 'dashboard.json', title: 'NAS Dashboard', purpose: 'Grafana panel', content: '{"title": "NAS"}\n' });
		const after = ws.store.snapshot();
		expect(after[`${DIR}/deliverables/config/dashboard.json`]).toBe('{"title": "NAS"}\n');
		expect(after[SPEC]).toContain('|Network Optimization Settings]]\n- [[deliverables/config/dashboard.json|NAS Dashboard]]\n');
		expect(after[CONTEXT]).toContain(' - Network optimization\n- [[deliverables/config/dashboard.json|NAS Dashboard]] - Grafana panel `hash:6076d32a`\n');
	});

	it('puts a custom type in its own folder and a new ### group at the end of both Deliverables sections', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await addDeliverable(ws, { id: '1014', type: 'datasets', file: 'sample.parquet.sh', title: 'Sample Loader', purpose: 'Loads a sample' });
		expect(result.path).toBe(`${DIR}/deliverables/datasets/sample.parquet.sh`);
		const after = ws.store.snapshot();
		expect(after[SPEC]).toBe(before[SPEC] + '\n### Datasets\n- [[deliverables/datasets/sample.parquet.sh|Sample Loader]]\n');
		expect(after[CONTEXT]).toBe(
			inserted(
				before[CONTEXT],
				'- [[deliverables/config/sysctl.nas.conf|Network Optimization Settings]] - Network optimization\n',
				'\n### Datasets\n- [[deliverables/datasets/sample.parquet.sh|Sample Loader]] - Loads a sample `hash:73b416a5`\n',
			),
		);
	});

	it('creates a missing group at its canonical place, leaving prose in the section alone', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		await addDeliverable(ws, { id: '1011', type: 'docs', file: 'raid-notes.md', title: 'RAID Notes', purpose: 'Array layout' });
		const after = ws.store.snapshot();
		expect(after[`${DIR}/1011.spec.md`]).toBe(before[`${DIR}/1011.spec.md`] + '\n### Documentation\n- [[deliverables/docs/raid-notes.md|RAID Notes]]\n');
		expect(after[`${DIR}/1011.context.md`]).toBe(
			inserted(
				before[`${DIR}/1011.context.md`],
				'None; commands are recorded above.\n',
				'\n### Documentation\n- [[deliverables/docs/raid-notes.md|RAID Notes]] - Array layout `hash:6dd05a22`\n',
			),
		);
		// A later script goes above Documentation, as the seed orders the groups.
		await addDeliverable(ws, { id: '1011', type: 'script', file: 'mkraid.sh', title: 'Array Setup' });
		expect(ws.store.snapshot()[`${DIR}/1011.spec.md`]).toBe(
			before[`${DIR}/1011.spec.md`] + '\n### Scripts\n- [[deliverables/scripts/mkraid.sh|Array Setup]]\n\n### Documentation\n- [[deliverables/docs/raid-notes.md|RAID Notes]]\n',
		);
	});

	it('appends to a Deliverables section kept as one flat list', async () => {
		const spec = vault[SPEC].replace(/## Deliverables[\s\S]*$/, '## Deliverables\n- [[deliverables/scripts/benchmark.sh|Performance Benchmark]]\n\nMore to come.\n');
		const ws = await memoryWorkspace({ ...vault, [SPEC]: spec });
		await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh', title: 'X' });
		expect(ws.store.snapshot()[SPEC]).toBe(inserted(spec, '- [[deliverables/scripts/benchmark.sh|Performance Benchmark]]\n', '- [[deliverables/scripts/x.sh|X]]\n'));
	});

	it('does not list a file twice when the spec already links to it', async () => {
		const spec = inserted(vault[SPEC], '### Scripts\n', '- [[deliverables/scripts/x.sh|Planned Script]]\n');
		const ws = await memoryWorkspace({ ...vault, [SPEC]: spec });
		const result = await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh' });
		expect(result.written).toEqual([`${DIR}/deliverables/scripts/x.sh`, CONTEXT]);
		expect(ws.store.snapshot()[SPEC]).toBe(spec);
	});

	it('creates the context when the spec has none, with the deliverable registered in it', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const result = await addDeliverable(ws, { id: '3001', type: 'scripts', file: 'collector.sh', title: 'Collector', purpose: 'Runs the feed collector' });
		const ctx = 'specs/3000/3001/context.md';
		expect(result).toEqual({
			path: 'specs/3000/3001/deliverables/scripts/collector.sh',
			written: [ctx, 'specs/3000/3001/spec.md', 'specs/3000/3001/deliverables/scripts/collector.sh'],
			sessionLogged: false,
		});
		const after = ws.store.snapshot();
		expect(after['specs/3000/3001/deliverables/scripts/collector.sh']).toBe(
			'# Generated from: specs/3000/3001/spec.md\n' +
				'# Context: specs/3000/3001/context.md\n' +
				'# Purpose: Runs the feed collector\n' +
				'# Created: 2025-08-28 by Claude + User\n',
		);
		const hash = baselineOf(after['specs/3000/3001/deliverables/scripts/collector.sh']);
		expect(
			after[ctx].endsWith(
				`## Implementation Timeline\n\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/collector.sh|Collector]] - Runs the feed collector \`hash:${hash}\`\n`,
			),
		).toBe(true);
		// The spec gains its context link (written by setField, the way the note keeps its fields) and a Deliverables section at the end.
		expect(after['specs/3000/3001/spec.md']).toBe(
			setField(before['specs/3000/3001/spec.md'], 'specs/3000/3001/spec.md', 'context', '[[context|Implementation Journal]]') +
				'\n## Deliverables\n\n### Scripts\n- [[deliverables/scripts/collector.sh|Collector]]\n',
		);
		expect(after['specs/3000/3001/spec.md']).toContain('context: "[[context|Implementation Journal]]"\n');
	});

	it('writes links in the markdown style when the vault uses it; a script still names its spec by vault path', async () => {
		const ws = await memoryWorkspace(undefined, { linkStyle: 'markdown' });
		await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh', title: 'X Script', purpose: 'Do x' });
		const after = ws.store.snapshot();
		expect(after[`${DIR}/deliverables/scripts/x.sh`]).toBe(
			'# Generated from: specs/1000/1001/1014.spec.md\n' + '# Context: specs/1000/1001/1014.context.md\n' + '# Purpose: Do x\n' + '# Created: 2025-08-28 by Claude + User\n',
		);
		expect(after[SPEC]).toContain('|Performance Benchmark]]\n- [X Script](deliverables/scripts/x.sh)\n');
		expect(after[CONTEXT]).toContain(' - Performance testing\n- [X Script](deliverables/scripts/x.sh) - Do x `hash:f91ce190`\n');
	});

	it('keeps CRLF spec and context files CRLF', async () => {
		const crlf = (s: string) => s.replace(/\n/g, '\r\n');
		const ws = await memoryWorkspace({ ...vault, [SPEC]: crlf(vault[SPEC]), [CONTEXT]: crlf(vault[CONTEXT]) });
		await addDeliverable(ws, { id: '1014', type: 'docs', file: 'faq.md', title: 'FAQ', purpose: 'Questions' });
		const after = ws.store.snapshot();
		expect(after[SPEC]).toBe(crlf(inserted(vault[SPEC], '|Troubleshooting Guide]]\n', '- [[deliverables/docs/faq.md|FAQ]]\n')));
		expect(after[CONTEXT]).toBe(crlf(inserted(vault[CONTEXT], '- Common issues and solutions\n', '- [[deliverables/docs/faq.md|FAQ]] - Questions `hash:02bea68e`\n')));
	});
});

describe('addDeliverable with an active session', () => {
	const CTX_1011 = `${DIR}/1011.context.md`;
	const active = inserted(vault[CTX_1011], '**Participants**: User, Claude  \n', '').replace('Claude  \n**Status**: completed', 'Claude  \n**Status**: active');

	it('records "- Created [[…]]" at the end of the session\'s Implementation', async () => {
		const ws = await memoryWorkspace({ ...vault, [CTX_1011]: active });
		const result = await addDeliverable(ws, { id: '1011', type: 'scripts', file: 'mkraid.sh', title: 'Array Setup', purpose: 'Builds md0' });
		expect(result.sessionLogged).toBe(true);
		const expected = inserted(
			inserted(active, '- Added the node-exporter `nvme` collector for temperatures\n', '- Created [[deliverables/scripts/mkraid.sh|Array Setup]]\n'),
			'## Deliverables\nNone; commands are recorded above.\n',
			'\n### Scripts\n- [[deliverables/scripts/mkraid.sh|Array Setup]] - Builds md0 `hash:bf5a022c`\n',
		);
		expect(ws.store.snapshot()[CTX_1011]).toBe(expected);
		// The author comes from the session's participants, the agent first as the seed writes it.
		expect(ws.store.snapshot()[`${DIR}/deliverables/scripts/mkraid.sh`]).toContain('# Created: 2025-08-28 by Claude + User\n');
	});

	it('creates the Implementation subsection between Planning and Testing when the session has none', async () => {
		const session =
			'### Session 2: 2025-08-28 - Docs\n**Duration**: In progress  \n**Participants**: Ana, Claude  \n**Status**: active  \n**Started**: 2025-08-28 09:00\n\n' +
			'#### Planning\n- Write the FAQ\n\n#### Testing\n- Proofread\n\n';
		const ctx = inserted(vault[CONTEXT], '- **Commit**: `b2c3d4e`\n\n', session);
		const ws = await memoryWorkspace({ ...vault, [CONTEXT]: ctx });
		const result = await addDeliverable(ws, { id: '1014', type: 'docs', file: 'faq.md', title: 'FAQ' });
		expect(result.sessionLogged).toBe(true);
		const after = ws.store.snapshot();
		expect(after[CONTEXT]).toBe(
			inserted(
				inserted(ctx, '#### Planning\n- Write the FAQ\n', '\n#### Implementation\n- Created [[deliverables/docs/faq.md|FAQ]]\n'),
				'- [[deliverables/docs/troubleshooting.md|Troubleshooting Guide]] - Common issues and solutions\n',
				'- [[deliverables/docs/faq.md|FAQ]] `hash:23a3fdf4`\n',
			),
		);
		expect(after[`${DIR}/deliverables/docs/faq.md`]).toContain('created: 2025-08-28\n');
		expect(after[`${DIR}/deliverables/docs/faq.md`]).toBe(
			'---\nspec: "[[../../1014.spec|1014 - Cold Storage NAS Integration]]"\ncontext: "[[../../1014.context|Implementation Journal]]"\ncreated: 2025-08-28\n---\n',
		);
	});
});

describe('addDeliverable refusals change nothing', () => {
	it.each(['../x.sh', '/etc/passwd', 'a/b.sh', '.obsidian', '..', '', 'con', 'x|y.sh'])('refuses the file name %j', async (file) => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const error = await refusal(() => addDeliverable(ws, { id: '1014', type: 'scripts', file }));
		expect(error.code).toBe('unsafe-file-name');
		expect(error.message).toContain(`Unsafe deliverable file name ${JSON.stringify(file)}`);
		expect(ws.store.snapshot()).toEqual(before);
	});

	it.each(['../scripts', 'a/b', '.obsidian', ''])('refuses the type %j', async (type) => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const error = await refusal(() => addDeliverable(ws, { id: '1014', type, file: 'x.sh' }));
		expect(error.code).toBe('unsafe-file-name');
		expect(error.message).toContain('Unsafe deliverable type');
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('refuses a file that exists, also when only the case differs', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const error = await refusal(() => addDeliverable(ws, { id: '1014', type: 'scripts', file: 'benchmark.sh', content: 'echo hi\n' }));
		expect(error.code).toBe('exists');
		expect(error.message).toBe(`${DIR}/deliverables/scripts/benchmark.sh already exists; nothing was written (choose another file name)`);
		const upper = await refusal(() => addDeliverable(ws, { id: '1014', type: 'scripts', file: 'Benchmark.SH' }));
		expect(upper.code).toBe('exists');
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('refuses an unknown id', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const error = await refusal(() => addDeliverable(ws, { id: '7777', type: 'scripts', file: 'x.sh' }));
		expect(error.code).toBe('unknown-id');
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('refuses markdown content with malformed frontmatter before writing anything', async () => {
		const ws = await memoryWorkspace();
		const before = ws.store.snapshot();
		const error = await refusal(() => addDeliverable(ws, { id: '1014', type: 'docs', file: 'bad.md', content: '---\ntitle: [oops\n---\n' }));
		expect(error.code).toBe('malformed-yaml');
		expect(error.message).toContain(`${DIR}/deliverables/docs/bad.md line`);
		expect(ws.store.snapshot()).toEqual(before);
	});

	it('refuses a journal whose frontmatter is malformed, as log and task do, writing nothing', async () => {
		// An active session too, so the refusal cannot come from an edit that skips the journal.
		const broken = '---\ntype: context\nspec: [[1014.spec\ntags: {a\n---\n' + vault[CONTEXT].replace('**Status**: completed', '**Status**: active');
		const ws = await memoryWorkspace({ ...vault, [CONTEXT]: broken });
		const before = ws.store.snapshot();
		const error = await refusal(() => addDeliverable(ws, { id: '1014', type: 'docs', file: 'notes.md', title: 'Notes' }));
		expect(error.code).toBe('malformed-yaml');
		expect(error.message).toBe('specs/1000/1001/1014.context.md line 3: Flow sequence in block collection must be sufficiently indented and end with a ]');
		expect(ws.store.snapshot()).toEqual(before);
	});
});

describe('deliverableFolder', () => {
	it("maps the known types and their synonyms to the seed's folders, keeping custom names", () => {
		expect(['scripts', 'script', 'docs', 'Documentation', 'config', 'configuration', 'Data Sets'].map(deliverableFolder)).toEqual([
			'scripts',
			'scripts',
			'docs',
			'docs',
			'config',
			'config',
			'Data Sets',
		]);
	});
});

describe('addDeliverable on a spec that keeps a deliverables property', () => {
	/** 1014 without its `## Deliverables` section, with `list` among its properties. */
	const specWith = (list: string): string => inserted(vault[SPEC].replace(/\n## Deliverables[\s\S]*$/, '\n'), 'updated: 2025-08-27\n', list);

	it("adds the file to a one-line list, as a path from the spec's folder, and writes no body section", async () => {
		const spec = specWith('deliverables: [deliverables/scripts/benchmark.sh] # by hand\n');
		const ws = await memoryWorkspace({ ...vault, [SPEC]: spec });
		const result = await addDeliverable(ws, { id: '1014', type: 'docs', file: 'x.md', title: 'X' });
		expect(result.written).toEqual([`${DIR}/deliverables/docs/x.md`, SPEC, CONTEXT]);
		const after = ws.store.snapshot();
		expect(after[SPEC]).toBe(specWith('deliverables: [deliverables/scripts/benchmark.sh, deliverables/docs/x.md] # by hand\n'));
		// The context's registry is written as always.
		expect(after[CONTEXT]).toContain('- [[deliverables/docs/x.md|X]]');
		expect(ws.index.registeredDeliverables(ws.index.get('1014')!)).toContain(`${DIR}/deliverables/docs/x.md`);
	});

	it('adds a "- path" line to a block list in its quoting', async () => {
		const spec = specWith('deliverables:\n  - "deliverables/scripts/benchmark.sh" # first\n');
		const ws = await memoryWorkspace({ ...vault, [SPEC]: spec });
		await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh' });
		expect(ws.store.snapshot()[SPEC]).toBe(specWith('deliverables:\n  - "deliverables/scripts/benchmark.sh" # first\n  - "deliverables/scripts/x.sh"\n'));
	});

	it('does not list a path the property names already', async () => {
		const spec = specWith('deliverables: [deliverables/scripts/x.sh]\n');
		const ws = await memoryWorkspace({ ...vault, [SPEC]: spec });
		const result = await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh' });
		expect(result.written).toEqual([`${DIR}/deliverables/scripts/x.sh`, CONTEXT]);
		expect(ws.store.snapshot()[SPEC]).toBe(spec);
	});

	it('writes the body section as before when the spec has one, or the list spans lines', async () => {
		for (const spec of [
			inserted(vault[SPEC], 'updated: 2025-08-27\n', 'deliverables: [deliverables/scripts/benchmark.sh]\n'),
			specWith('deliverables: [\n  deliverables/scripts/benchmark.sh]\n'),
		]) {
			const ws = await memoryWorkspace({ ...vault, [SPEC]: spec });
			await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'x.sh', title: 'X' });
			const after = ws.store.snapshot()[SPEC];
			expect(after).toContain('- [[deliverables/scripts/x.sh|X]]');
			expect(after.split('\n---\n')[0]).toBe(spec.split('\n---\n')[0]);
		}
	});
});
