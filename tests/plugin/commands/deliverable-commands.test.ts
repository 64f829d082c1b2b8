/** @jest-environment jsdom */
import { chooseSuggestion, getOpenModal, notices, runCommand, typeInSuggestModal } from '../../__mocks__/obsidian';
import { addDeliverable, AddDeliverableInput } from '../../../src/core/workflow/add-deliverable';
import { writeDeliverablesReport } from '../../../src/core/reports/deliverables-report';
import { startSession } from '../../../src/core/workflow/start-session';
import { AddDeliverableModal } from '../../../src/plugin/modals/add-deliverable-modal';
import { SpecPickerModal } from '../../../src/plugin/shared/spec-picker';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import {
	activePath,
	buttons,
	choose,
	field,
	isFile,
	isOpen,
	loaded,
	openNote,
	press,
	shown,
	startCommand,
	type,
	vaultFiles,
	waitForModal,
	coreError,
	coreResult,
} from './artifact-harness';

const SPEC = 'specs/1000/1001/1014.spec.md';
const CONTEXT = 'specs/1000/1001/1014.context.md';
const SCRIPTS = 'specs/1000/1001/deliverables/scripts';

async function openAddModal(app: Parameters<typeof runCommand>[0]): Promise<AddDeliverableModal> {
	expect(await runCommand(app, 'spec-workflow:add-deliverable')).toBe(true);
	const modal = getOpenModal(AddDeliverableModal);
	if (!modal) throw new Error('the add deliverable modal did not open');
	return modal;
}

function fill(modal: AddDeliverableModal, values: { type?: string; custom?: string; file?: string; title?: string; purpose?: string; target?: string; content?: string }): void {
	if (values.type !== undefined) choose(field<HTMLSelectElement>(modal, 'Type'), values.type);
	if (values.custom !== undefined) type(field(modal, 'Folder name'), values.custom);
	if (values.file !== undefined) type(field(modal, 'File name'), values.file);
	if (values.title !== undefined) type(field(modal, 'Title'), values.title);
	if (values.purpose !== undefined) type(field(modal, 'Purpose'), values.purpose);
	if (values.target !== undefined) type(field(modal, 'Target location'), values.target);
	if (values.content !== undefined) type(field<HTMLTextAreaElement>(modal, 'Initial content'), values.content);
}

async function submit(modal: AddDeliverableModal): Promise<void> {
	press(modal, 'Add deliverable');
	await modal.submitting;
}

describe('Add deliverable…', () => {
	it('adds a script to the active note’s spec: the same bytes as the core, then shows the context that links it', async () => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		const modal = await openAddModal(app);
		expect(modal.contentEl.querySelector('.spec-workflow-modal-subject')?.textContent).toBe('1014 - Cold Storage NAS Integration');
		expect(Array.from(field<HTMLSelectElement>(modal, 'Type').options, (o) => o.text)).toEqual(['Scripts', 'Docs', 'Config', 'Custom…']);
		fill(modal, {
			type: 'scripts',
			file: 'rotate-logs.sh',
			title: 'Log Rotation',
			purpose: 'Rotates the NAS logs weekly',
			content: '#!/bin/bash\nlogrotate /etc/logrotate.d/nas\n',
		});
		expect(modal.contentEl.querySelector('.spec-workflow-modal-note')?.textContent).toBe(`Creates ${SCRIPTS}/rotate-logs.sh`);
		await submit(modal);
		await app.flush();

		const input: AddDeliverableInput = {
			id: '1014',
			type: 'scripts',
			file: 'rotate-logs.sh',
			title: 'Log Rotation',
			purpose: 'Rotates the NAS logs weekly',
			content: '#!/bin/bash\nlogrotate /etc/logrotate.d/nas\n',
		};
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => addDeliverable(ws, input)));
		expect((await vaultFiles(app))[`${SCRIPTS}/rotate-logs.sh`]).toMatch(/^#!\/bin\/bash\n# Generated from: specs\/1000\/1001\/1014\.spec\.md\n/);
		expect(isOpen(modal)).toBe(false);
		// Obsidian cannot show a shell script; the context note with its new registry line opens instead.
		expect(activePath(app)).toBe(CONTEXT);
		expect(notices).toEqual([`Created ${SCRIPTS}/rotate-logs.sh. Obsidian cannot show this kind of file: open it from its link in the context note.`]);
	});

	it('opens a markdown deliverable itself, and records it in the active session', async () => {
		const { app, plugin, before } = await loaded();
		await startSession(plugin.workspace(), { id: '1014', title: 'Operations docs' });
		await app.flush();
		await openNote(app, CONTEXT);
		const modal = await openAddModal(app);
		fill(modal, { type: 'docs', file: 'runbook.md', title: 'Runbook', purpose: 'What to do when the NAS is down', content: '# Runbook\n' });
		await submit(modal);
		await app.flush();

		const expected = await coreResult(before, async (ws) => {
			await startSession(ws, { id: '1014', title: 'Operations docs' });
			await addDeliverable(ws, { id: '1014', type: 'docs', file: 'runbook.md', title: 'Runbook', purpose: 'What to do when the NAS is down', content: '# Runbook\n' });
		});
		const files = await vaultFiles(app);
		expect(files).toEqual(expected);
		expect(files[CONTEXT]).toContain('- Created [[deliverables/docs/runbook.md|Runbook]]');
		expect(activePath(app)).toBe('specs/1000/1001/deliverables/docs/runbook.md');
		expect(notices).toEqual([]);
	});

	it('uses the spec of an active deliverable, and takes a config file’s target', async () => {
		const { app, before } = await loaded();
		await openNote(app, `${SCRIPTS}/benchmark.sh`);
		const modal = await openAddModal(app);
		expect(getOpenModal(SpecPickerModal)).toBeNull();
		expect(shown(modal, 'Target location')).toBe(false);
		fill(modal, { type: 'config', file: 'exports.nas', purpose: 'NFS exports', target: '/etc/exports' });
		expect(shown(modal, 'Target location')).toBe(true);
		await submit(modal);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(
			await coreResult(before, (ws) => addDeliverable(ws, { id: '1014', type: 'config', file: 'exports.nas', purpose: 'NFS exports', target: '/etc/exports' })),
		);
		expect((await vaultFiles(app))['specs/1000/1001/deliverables/config/exports.nas']).toContain('# Target: /etc/exports\n');
	});

	it('leaves out a target typed before switching away from config', async () => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		const modal = await openAddModal(app);
		fill(modal, { type: 'config', target: '/etc/exports', file: 'check.sh' });
		fill(modal, { type: 'scripts' });
		expect(shown(modal, 'Target location')).toBe(false);
		await submit(modal);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => addDeliverable(ws, { id: '1014', type: 'scripts', file: 'check.sh' })));
	});

	it('takes a custom folder from "Custom…"', async () => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		const modal = await openAddModal(app);
		expect(shown(modal, 'Folder name')).toBe(false);
		fill(modal, { type: ':custom' });
		expect(shown(modal, 'Folder name')).toBe(true);
		fill(modal, { custom: 'tests', file: 'mount_test.py', purpose: 'Checks the mount' });
		await submit(modal);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => addDeliverable(ws, { id: '1014', type: 'tests', file: 'mount_test.py', purpose: 'Checks the mount' })));
		expect(isFile(app, 'specs/1000/1001/deliverables/tests/mount_test.py')).toBe(true);
	});

	it('offers the deliverable types from the settings', async () => {
		const { app, plugin } = await loaded();
		plugin.settings.deliverableTypes = ['scripts', 'queries', 'docs'];
		await openNote(app, SPEC);
		const modal = await openAddModal(app);
		expect(Array.from(field<HTMLSelectElement>(modal, 'Type').options, (o) => o.text)).toEqual(['Scripts', 'Queries', 'Docs', 'Custom…']);
	});

	it('asks for the spec with the picker when the active note belongs to none', async () => {
		const { app, before } = await loaded();
		await openNote(app, 'notes/Storage tiers.md');
		const done = startCommand(app, 'add-deliverable');
		const picker = await waitForModal(SpecPickerModal);
		await typeInSuggestModal(picker, '1011');
		chooseSuggestion(picker, 0);
		await done;
		const modal = getOpenModal(AddDeliverableModal) as AddDeliverableModal;
		expect(modal.contentEl.querySelector('.spec-workflow-modal-subject')?.textContent).toMatch(/^1011 - /);
		fill(modal, { type: 'docs', file: 'raid-notes.md' });
		await submit(modal);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => addDeliverable(ws, { id: '1011', type: 'docs', file: 'raid-notes.md' })));
	});

	it('does nothing when the picker is dismissed', async () => {
		const { app, before } = await loaded();
		const done = startCommand(app, 'add-deliverable');
		const picker = await waitForModal(SpecPickerModal);
		picker.close();
		await done;
		expect(getOpenModal(AddDeliverableModal)).toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
		expect(notices).toEqual([]);
	});

	it.each([
		['a file name that leaves its folder', '../escape.sh'],
		['an absolute path', '/etc/passwd'],
		['a hidden file', '.obsidian'],
		['no file name', ''],
	])('refuses %s: the core’s message, nothing written, the modal kept for a correction', async (_what, file) => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		const modal = await openAddModal(app);
		fill(modal, { type: 'scripts', file, purpose: 'Kept' });
		await submit(modal);
		await app.flush();
		expect(notices).toEqual([await coreError(before, (ws) => addDeliverable(ws, { id: '1014', type: 'scripts', file }))]);
		expect(notices[0]).toMatch(/^Unsafe deliverable file name /);
		expect(await vaultFiles(app)).toEqual(before);
		expect(isOpen(modal)).toBe(true);
		expect(field(modal, 'Purpose').value).toBe('Kept');

		// Corrected in the same modal, it goes through.
		fill(modal, { file: 'fixed.sh' });
		await submit(modal);
		await app.flush();
		expect(isOpen(modal)).toBe(false);
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => addDeliverable(ws, { id: '1014', type: 'scripts', file: 'fixed.sh', purpose: 'Kept' })));
	});

	it('refuses a file that exists (also in another case) and an unsafe custom folder', async () => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		const modal = await openAddModal(app);
		fill(modal, { type: 'scripts', file: 'Benchmark.sh' });
		await submit(modal);
		expect(notices).toEqual([`${SCRIPTS}/benchmark.sh already exists; nothing was written (choose another file name)`]);

		fill(modal, { type: ':custom', custom: '../up', file: 'x.sh' });
		await submit(modal);
		expect(notices[1]).toBe(await coreError(before, (ws) => addDeliverable(ws, { id: '1014', type: '../up', file: 'x.sh' })));
		await app.flush();
		expect(await vaultFiles(app)).toEqual(before);
		expect(isOpen(modal)).toBe(true);
	});

	it('closes on Cancel without writing', async () => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		const modal = await openAddModal(app);
		expect(buttons(modal)).toEqual(['Cancel', 'Add deliverable']);
		fill(modal, { file: 'never.sh' });
		press(modal, 'Cancel');
		await app.flush();
		expect(isOpen(modal)).toBe(false);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('says so when the vault has no specs', async () => {
		const { app } = await loaded({ 'notes/a.md': '# A\n' });
		await runCommand(app, 'spec-workflow:add-deliverable');
		expect(notices).toEqual(['No specs under specs/ yet. Create one with "New spec".']);
		expect(getOpenModal(AddDeliverableModal)).toBeNull();
	});
});

describe('Generate deliverables report', () => {
	const REPORT = 'specs/1000/1001/1014.deliverables.md';

	it('writes the same report as the CLI (backlinks from Obsidian’s link index) and opens it', async () => {
		const { app, before } = await loaded();
		await openNote(app, SPEC);
		expect(await runCommand(app, 'spec-workflow:deliverables-report')).toBe(true);
		const expected = await coreResult(before, (ws) => writeDeliverablesReport(ws, '1014'));
		const files = await vaultFiles(app);
		expect(files).toEqual(expected);
		expect(Object.keys(files).filter((p) => !(p in before))).toEqual([REPORT]);
		// The notes that use the spec, found through resolvedLinks rather than a scan.
		expect(files[REPORT]).toContain('Storage tiers');
		// The same words as the CLI: the tools a script needs, the part a spec uses, the journal's quality figures.
		expect(files[REPORT]).toContain('| 3.4KB | nc, dd |\n');
		expect(files[REPORT]).toContain('- [[../../9000/9001/spec|9001 - Backtesting Framework]]\n  - Uses: Directory structure\n  - Purpose: Read historical data\n');
		expect(files[REPORT]).toContain('### Quality Metrics\n- Scripts tested: 4/4 ✅\n- Documentation reviewed: unknown\n- Integration tests passed: unknown\n');
		expect(activePath(app)).toBe(REPORT);
		expect(notices).toEqual([]);
	});

	it('rewrites its own report from the report itself, changing nothing when nothing changed', async () => {
		const { app } = await loaded();
		await openNote(app, SPEC);
		await runCommand(app, 'spec-workflow:deliverables-report');
		const first = await vaultFiles(app);
		await openNote(app, REPORT);
		await runCommand(app, 'spec-workflow:deliverables-report');
		expect(await vaultFiles(app)).toEqual(first);
		expect(activePath(app)).toBe(REPORT);
		expect(getOpenModal(SpecPickerModal)).toBeNull();
	});

	it('asks for the spec when no note is open', async () => {
		const { app, before } = await loaded();
		const done = startCommand(app, 'deliverables-report');
		const picker = await waitForModal(SpecPickerModal);
		await typeInSuggestModal(picker, '1011');
		chooseSuggestion(picker, 0);
		await done;
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => writeDeliverablesReport(ws, '1011')));
		expect(activePath(app)).toBe('specs/1000/1001/1011.deliverables.md');
	});

	it('refuses to overwrite a note of that name that it did not generate', async () => {
		const files = { ...readVaultFiles(EXAMPLE_VAULT), [REPORT]: '# My own notes\n' };
		const { app, before } = await loaded(files);
		await openNote(app, SPEC);
		await runCommand(app, 'spec-workflow:deliverables-report');
		expect(notices).toEqual([await coreError(before, (ws) => writeDeliverablesReport(ws, '1014'))]);
		expect(notices[0]).toMatch(/^specs\/1000\/1001\/1014\.deliverables\.md exists and was not generated by Spec Workflow/);
		expect(await vaultFiles(app)).toEqual(before);
		expect(activePath(app)).toBe(SPEC);
	});

	it('refuses a spec whose properties are broken YAML', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		files[SPEC] = files[SPEC].replace('title:', 'title: [unclosed\nx:');
		const { app, before } = await loaded(files);
		await openNote(app, SPEC);
		await runCommand(app, 'spec-workflow:deliverables-report');
		expect(notices).toEqual([await coreError(before, (ws) => writeDeliverablesReport(ws, '1014'))]);
		expect(await vaultFiles(app)).toEqual(before);
	});
});
