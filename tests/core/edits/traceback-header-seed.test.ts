import { join } from 'path';
import { addDeliverable } from '../../../src/core/workflow/add-deliverable';
import { deliverablesReport } from '../../../src/core/reports/deliverables-report';
import { ChangeSet } from '../../../src/core/workspace/file-changes';
import { validate } from '../../../src/core/validate/validate';
import { wikilinkHeader } from '../../../src/core/validate/validate-deliverables';
import { VaultFacts } from '../../../src/core/validate/validate-facts';
import { commitChanges } from '../../../src/core/workspace/workspace';
import { readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace } from '../../helpers/workspace';

// The walkthrough's vault as its author keeps it: no frontmatter, `# 1014 - …` headings, path-form headers.
const SEED = readVaultFiles(join(__dirname, '..', '..', 'fixtures', 'real-vaults', 'seed-walkthrough'));
const DIR = 'specs/1000/1001';
const CONTEXT = `${DIR}/1014.context.md`;
const SEED_DAY = '2025-08-26T14:30:00';

/** The 1014 journal with its last session open again, its participants as given. */
function activeSession(participants: string): string {
	const text = SEED[CONTEXT];
	const at = text.indexOf('### Session 2:');
	const session = text.slice(at);
	const open = session.replace('**Participants**: User, Claude  \n**Status**: completed', `**Participants**: ${participants}  \n**Status**: active`);
	expect(open).not.toBe(session);
	return text.slice(0, at) + open;
}

describe("deliver on the walkthrough's vault writes the walkthrough's header", () => {
	it('a script: the shebang, then the five lines with vault paths, byte for byte', async () => {
		const ws = await memoryWorkspace(SEED, { now: SEED_DAY });
		const r = await addDeliverable(ws, {
			id: '1014',
			type: 'scripts',
			file: 'nas-health-check2.sh',
			purpose: 'Monitor NAS connectivity and performance',
			content: '#!/bin/bash\n',
		});
		expect(r.path).toBe(`${DIR}/deliverables/scripts/nas-health-check2.sh`);
		expect(ws.store.snapshot()[r.path]).toBe(
			'#!/bin/bash\n' +
				'# Generated from: specs/1000/1001/1014.spec.md\n' +
				'# Context: specs/1000/1001/1014.context.md\n' +
				'# Purpose: Monitor NAS connectivity and performance\n' +
				'# Created: 2025-08-26 by Claude + User\n',
		);
	});

	it('a config file: the same lines in its comments, Target before Created, the body after a blank line', async () => {
		const ws = await memoryWorkspace(SEED, { now: SEED_DAY });
		const r = await addDeliverable(ws, {
			id: '1014',
			type: 'config',
			file: 'exports.nas',
			purpose: 'NFS export options',
			target: '/etc/exports',
			content: '/storage 192.168.1.0/24(rw,sync)\n',
		});
		expect(ws.store.snapshot()[r.path]).toBe(
			'# Generated from: specs/1000/1001/1014.spec.md\n' +
				'# Context: specs/1000/1001/1014.context.md\n' +
				'# Purpose: NFS export options\n' +
				'# Target: /etc/exports\n' +
				'# Created: 2025-08-26 by Claude + User\n' +
				'\n' +
				'/storage 192.168.1.0/24(rw,sync)\n',
		);
	});

	it('a markdown doc keeps its link properties, which Obsidian indexes, labelled with the id once', async () => {
		const ws = await memoryWorkspace(SEED, { now: SEED_DAY });
		const r = await addDeliverable(ws, { id: '1014', type: 'docs', file: 'faq.md', purpose: 'Common questions', content: '# FAQ\n' });
		expect(ws.store.snapshot()[r.path]).toBe(
			'---\n' +
				'spec: "[[../../1014.spec|1014 - Cold Storage NAS Integration]]"\n' +
				'context: "[[../../1014.context|Implementation Journal]]"\n' +
				'purpose: Common questions\n' +
				'created: 2025-08-26\n' +
				'---\n' +
				'# FAQ\n',
		);
	});

	it("names the active session's participants: the walkthrough's User, Claude as Claude + User, others as they are", async () => {
		const seed = await memoryWorkspace({ ...SEED, [CONTEXT]: activeSession('User, Claude') }, { now: SEED_DAY, participants: 'Someone Else' });
		const a = await addDeliverable(seed, { id: '1014', type: 'scripts', file: 'a.sh' });
		expect(seed.store.snapshot()[a.path]).toContain('\n# Created: 2025-08-26 by Claude + User\n');

		const other = await memoryWorkspace({ ...SEED, [CONTEXT]: activeSession('Alice, Codex') }, { now: SEED_DAY });
		const b = await addDeliverable(other, { id: '1014', type: 'scripts', file: 'b.sh' });
		expect(other.store.snapshot()[b.path]).toContain('\n# Created: 2025-08-26 by Codex + Alice\n');
	});

	it("without an active session, the settings' participants", async () => {
		const ws = await memoryWorkspace(SEED, { now: SEED_DAY, participants: 'Ana, Ben' });
		const r = await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'c.sh' });
		expect(ws.store.snapshot()[r.path]).toContain('\n# Created: 2025-08-26 by Ana + Ben\n');
	});

	it('what deliver writes, validate reads as a traceback and the report attributes to the spec', async () => {
		const ws = await memoryWorkspace(SEED, { now: SEED_DAY });
		const r = await addDeliverable(ws, { id: '1014', type: 'scripts', file: 'nas-health-check2.sh', content: '#!/bin/bash\n' });
		expect((await validate(ws)).problems).toEqual([]);
		const report = await deliverablesReport(ws, '1014');
		expect(report.deliverables.map((d) => d.path)).toContain(r.path);
		expect(report.withoutTraceback).toEqual([]);
	});
});

describe('a script whose header links with [[wikilinks]], as deliver wrote it before', () => {
	// Filed in 1014's folder but naming 1011: only its traceback says whose it is.
	const LEGACY = `${DIR}/deliverables/scripts/smart-check.sh`;
	const HEADER =
		'#!/bin/bash\r\n' +
		'# Generated from: [[../../1011.spec|1011 - Hot Storage]] (v1)\r\n' +
		'# Context: [[../../1011.context|Implementation Journal]]\r\n' +
		'# Purpose: SMART status of the NVMe drives\r\n' +
		'# Created: 2025-08-20 by User + Claude\r\n' +
		'\r\n' +
		'smartctl -H /dev/nvme0  # see [[not a link]]\r\n';

	it('is still a traceback: validate raises no false alarm, offers the path form, and the report files it under the spec it names', async () => {
		const ws = await memoryWorkspace({ ...SEED, [LEGACY]: HEADER });
		const problems = (await validate(ws)).problems;
		// Listed in neither registry, so that is reported, under 1011: no missing traceback, no broken
		// link; the links that nothing follows in a script are a fixable warning.
		expect(problems.map((p) => [p.code, p.path, p.fixable])).toEqual([
			['unregistered-deliverable', `${DIR}/1011.context.md`, true],
			['unregistered-deliverable', `${DIR}/1011.spec.md`, true],
			['traceback-wikilink', LEGACY, true],
		]);
		expect((await deliverablesReport(ws, '1011')).deliverables.map((d) => d.path)).toContain(LEGACY);
		expect((await deliverablesReport(ws, '1014')).deliverables.map((d) => d.path)).not.toContain(LEGACY);
	});

	it('its fix writes the vault paths in place of the links, and changes no other byte of the vault', async () => {
		const whole = await memoryWorkspace({ ...SEED, [LEGACY]: HEADER.replace(' (v1)', '') });
		const plain = wikilinkHeader((await VaultFacts.load(whole)).get(LEGACY)!);
		const planned = new ChangeSet(whole.store);
		await plain?.fix?.(planned);
		await commitChanges(whole, planned);
		expect(whole.store.snapshot()[LEGACY]).toBe(
			HEADER.replace(' (v1)', '')
				.replace('[[../../1011.spec|1011 - Hot Storage]]', 'specs/1000/1001/1011.spec.md')
				.replace('[[../../1011.context|Implementation Journal]]', 'specs/1000/1001/1011.context.md'),
		);
		expect((await deliverablesReport(whole, '1011')).deliverables.map((d) => d.path)).toContain(LEGACY);

		const ws = await memoryWorkspace({ ...SEED, [LEGACY]: '\uFEFF' + HEADER });
		const before = ws.store.snapshot();
		const facts = await VaultFacts.load(ws);
		const file = facts.get(LEGACY);
		const finding = file && wikilinkHeader(file);
		expect(finding && [finding.severity, finding.code, finding.line, finding.message]).toEqual([
			'warning',
			'traceback-wikilink',
			3,
			`${LEGACY} line 3: the traceback header links [[../../1011.context|Implementation Journal]], which Obsidian does not follow outside a note; the fix writes the vault path specs/1000/1001/1011.context.md`,
		]);
		const changes = new ChangeSet(ws.store);
		await finding?.fix?.(changes);
		expect(await commitChanges(ws, changes)).toEqual([LEGACY]);
		const after = ws.store.snapshot();
		expect(after[LEGACY]).toBe(
			'\uFEFF#!/bin/bash\r\n' +
				// A link with more text after it stays: the readers take a path only as the whole value.
				'# Generated from: [[../../1011.spec|1011 - Hot Storage]] (v1)\r\n' +
				'# Context: specs/1000/1001/1011.context.md\r\n' +
				'# Purpose: SMART status of the NVMe drives\r\n' +
				'# Created: 2025-08-20 by User + Claude\r\n' +
				'\r\n' +
				'smartctl -H /dev/nvme0  # see [[not a link]]\r\n',
		);
		expect({ ...after, [LEGACY]: '' }).toEqual({ ...before, [LEGACY]: '' });
		// Rewritten, it is the same spec's: and nothing is left to fix.
		expect((await deliverablesReport(ws, '1011')).deliverables.map((d) => d.path)).toContain(LEGACY);
		expect(wikilinkHeader((await VaultFacts.load(ws)).get(LEGACY) ?? facts.get(LEGACY)!)).toBeNull();
	});

	it('offers nothing for a link that resolves to no file (that is a broken link), nor for path-form headers', async () => {
		const broken = HEADER.replace('[[../../1011.spec|1011 - Hot Storage]]', '[[../../gone.spec]]').replace(
			'[[../../1011.context|Implementation Journal]]',
			'specs/1000/1001/1011.context.md',
		);
		const ws = await memoryWorkspace({ ...SEED, [LEGACY]: broken });
		const facts = await VaultFacts.load(ws);
		expect(wikilinkHeader(facts.get(LEGACY)!)).toBeNull();
		for (const path of Object.keys(SEED).filter((p) => p.includes('/deliverables/'))) expect([path, wikilinkHeader(facts.get(path)!)]).toEqual([path, null]);
	});

	it('keeps the link where the path would end an HTML comment', async () => {
		const ws = await memoryWorkspace({
			...SEED,
			'specs/1000/x--y/9.spec.md': '# 9 - X\n',
			'specs/1000/x--y/deliverables/docs/page.html': '<!-- Generated from: [[../../9.spec|9 - X]] -->\n<p>x</p>\n',
		});
		const facts = await VaultFacts.load(ws);
		expect(wikilinkHeader(facts.get('specs/1000/x--y/deliverables/docs/page.html')!)).toBeNull();
	});
});
