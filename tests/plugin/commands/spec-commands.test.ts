/** @jest-environment jsdom */
import { App, getOpenModal, notices, runCommand } from '../../__mocks__/obsidian';
import { newSpec, NewSpecInput } from '../../../src/core/workflow/new-spec';
import { validate } from '../../../src/core/validate/validate';
import { NewSpecModal } from '../../../src/plugin/modals/new-spec-modal';
import { ValidateModal } from '../../../src/plugin/modals/validate-modal';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { activePath, buttons, choose, field, isOpen, loaded, openNote, press, shown, type, vaultFiles, coreError, coreResult } from './artifact-harness';

async function openNewSpec(app: App): Promise<NewSpecModal> {
	expect(await runCommand(app, 'spec-workflow:new-spec')).toBe(true);
	const modal = getOpenModal(NewSpecModal);
	if (!modal) throw new Error('the new spec modal did not open');
	await modal.suggesting;
	return modal;
}

/** Chooses a type or parent and waits for the id suggested for it. */
async function chooseIn(modal: NewSpecModal, name: 'Type' | 'Parent', value: string): Promise<void> {
	choose(field<HTMLSelectElement>(modal, name), value);
	await modal.suggesting;
}

function form(modal: NewSpecModal): { type: string; parent: string | null; parents: string[]; id: string } {
	const parent = field<HTMLSelectElement>(modal, 'Parent');
	return {
		type: field<HTMLSelectElement>(modal, 'Type').value,
		parent: shown(modal, 'Parent') ? parent.value : null,
		parents: Array.from(parent.options, (o) => o.text),
		id: field(modal, 'ID').value,
	};
}

async function create(modal: NewSpecModal): Promise<void> {
	press(modal, 'Create');
	await modal.submitting;
}

describe('New spec…', () => {
	it('creates an epic with the next thousand when no spec is active, the same bytes as the core, and opens it', async () => {
		const { app, before } = await loaded();
		const modal = await openNewSpec(app);
		expect(form(modal)).toMatchObject({ type: 'epic', parent: null, id: '10000' });
		type(field(modal, 'Title'), 'Archive Tier');
		await create(modal);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => newSpec(ws, { type: 'epic', title: 'Archive Tier' })));
		expect(activePath(app)).toBe('specs/10000/epic.md');
		expect(isOpen(modal)).toBe(false);
		expect(notices).toEqual([]);
	});

	it('starts from the active task: a sibling task under its feature, with the next free id', async () => {
		const { app, before } = await loaded();
		await openNote(app, 'specs/1000/1001/1014.context.md');
		const modal = await openNewSpec(app);
		expect(form(modal)).toMatchObject({ type: 'task', parent: '1001', id: '1015' });
		expect(form(modal).parents).toEqual(['1001 - Storage Infrastructure', '3001 - Market Data Collection', '4005 - Strategy State Persistence', '9001 - Backtesting Framework']);
		type(field(modal, 'Title'), 'Archive Rotation');
		await create(modal);
		await app.flush();
		const input: NewSpecInput = { type: 'task', title: 'Archive Rotation', parent: '1001', id: '1015' };
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => newSpec(ws, input)));
		expect(activePath(app)).toBe('specs/1000/1001/1015.spec.md');
	});

	it('starts from the active epic with a feature, and re-suggests the id when the type or parent changes', async () => {
		const { app, before } = await loaded();
		await openNote(app, 'specs/1000/epic.md');
		const modal = await openNewSpec(app);
		expect(form(modal)).toMatchObject({ type: 'feature', parent: '1000', id: '1002' });
		expect(form(modal).parents).toEqual(['1000 - Foundation Infrastructure', '3000 - Market Data', '4000 - Strategy Engine', '9000 - Research & Backtesting']);

		await chooseIn(modal, 'Parent', '3000');
		expect(form(modal).id).toBe('3002');
		await chooseIn(modal, 'Type', 'task');
		expect(form(modal)).toMatchObject({ type: 'task', parent: '1001', id: '1015' });
		await chooseIn(modal, 'Parent', '3001');
		expect(form(modal).id).toBe('3011');
		await chooseIn(modal, 'Type', 'epic');
		expect(form(modal)).toMatchObject({ type: 'epic', parent: null, id: '10000' });
		await chooseIn(modal, 'Type', 'feature');
		expect(form(modal)).toMatchObject({ parent: '1000', id: '1002' });

		// The id stays editable.
		type(field(modal, 'ID'), '1009');
		type(field(modal, 'Title'), 'Replication');
		await create(modal);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => newSpec(ws, { type: 'feature', title: 'Replication', parent: '1000', id: '1009' })));
		expect(activePath(app)).toBe('specs/1000/1009/spec.md');
	});

	it('uses the suggestion when the id is left empty', async () => {
		const { app, before } = await loaded();
		await openNote(app, 'specs/3000/3001/spec.md');
		const modal = await openNewSpec(app);
		expect(form(modal)).toMatchObject({ type: 'task', parent: '3001', id: '3011' });
		type(field(modal, 'ID'), '  ');
		type(field(modal, 'Title'), 'Tick capture');
		await create(modal);
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => newSpec(ws, { type: 'task', title: 'Tick capture', parent: '3001' })));
	});

	it.each([
		['a taken id', '1014', (e: string) => expect(e).toBe('Id "1014" is already used by specs/1000/1001/1014.spec.md')],
		['an unsafe id', '../up', (e: string) => expect(e).toMatch(/^Unsafe id "\.\.\/up": /)],
		['an id naming a deliverables folder', 'deliverables', (e: string) => expect(e).toMatch(/deliverables\/ folders hold deliverables/)],
	])('refuses %s with the core’s message, writes nothing and keeps the modal', async (_what, id, check) => {
		const { app, before } = await loaded();
		await openNote(app, 'specs/1000/epic.md');
		const modal = await openNewSpec(app);
		type(field(modal, 'ID'), id);
		type(field(modal, 'Title'), 'Replication');
		await create(modal);
		await app.flush();
		expect(notices).toEqual([await coreError(before, (ws) => newSpec(ws, { type: 'feature', title: 'Replication', parent: '1000', id }))]);
		check(notices[0]);
		expect(await vaultFiles(app)).toEqual(before);
		expect(isOpen(modal)).toBe(true);
		expect(field(modal, 'Title').value).toBe('Replication');
	});

	it('asks for a title before writing anything', async () => {
		const { app, before } = await loaded();
		const modal = await openNewSpec(app);
		type(field(modal, 'Title'), '   ');
		await create(modal);
		await app.flush();
		expect(notices).toEqual(['Type a title for the new epic.']);
		expect(await vaultFiles(app)).toEqual(before);
		expect(isOpen(modal)).toBe(true);
	});

	it('says a task needs a feature when the vault has none', async () => {
		const files = { 'specs/1000/epic.md': '---\ntype: epic\ntitle: Only\n---\n# 1000 - Only\n' };
		const { app, before } = await loaded(files);
		const modal = await openNewSpec(app);
		await chooseIn(modal, 'Type', 'task');
		expect(form(modal)).toMatchObject({ parent: '', parents: [], id: '' });
		expect(modal.modalEl.textContent).toContain('No features yet: create one first.');
		type(field(modal, 'Title'), 'Orphan');
		await create(modal);
		await app.flush();
		expect(notices).toEqual(['A new task needs a parent feature: create a feature first.']);
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('closes on Cancel without writing', async () => {
		const { app, before } = await loaded();
		const modal = await openNewSpec(app);
		expect(buttons(modal)).toEqual(['Cancel', 'Create']);
		type(field(modal, 'Title'), 'Never');
		press(modal, 'Cancel');
		await app.flush();
		expect(isOpen(modal)).toBe(false);
		expect(await vaultFiles(app)).toEqual(before);
	});
});

/** The example vault with three problems: an unregistered deliverable (fixable), a script without traceback, a broken link. */
function vaultWithProblems(): Record<string, string> {
	const files = readVaultFiles(EXAMPLE_VAULT);
	const context = 'specs/1000/1001/1014.context.md';
	files[context] = files[context]
		.split('\n')
		.filter((l) => !l.includes('troubleshooting.md'))
		.join('\n');
	files['specs/3000/epic.md'] += 'See [[missing-note]]\n';
	const script = 'specs/1000/1001/deliverables/scripts/benchmark.sh';
	files[script] = files[script]
		.split('\n')
		.filter((l) => !l.startsWith('# Generated from'))
		.join('\n');
	return files;
}

function groups(modal: ValidateModal): { path: string; link: boolean; problems: string[] }[] {
	return Array.from(modal.contentEl.querySelectorAll('.spec-workflow-validate-file'), (el) => ({
		path: el.querySelector('.spec-workflow-validate-path')?.firstChild?.textContent ?? '',
		link: el.querySelector('.spec-workflow-validate-path a') !== null,
		problems: Array.from(el.querySelectorAll('li'), (li) => Array.from(li.children, (c) => c.textContent).join(' | ')),
	}));
}

async function openValidate(app: App): Promise<ValidateModal> {
	expect(await runCommand(app, 'spec-workflow:validate-specs')).toBe(true);
	const modal = getOpenModal(ValidateModal);
	if (!modal) throw new Error('the validate modal did not open');
	return modal;
}

describe('Validate specs', () => {
	it('says so in a Notice when there is nothing to fix', async () => {
		const { app, before } = await loaded();
		await runCommand(app, 'spec-workflow:validate-specs');
		expect(notices).toEqual(['No problems found in 10 specs.']);
		expect(getOpenModal(ValidateModal)).toBeNull();
		expect(await vaultFiles(app)).toEqual(before);
	});

	it('lists the problems by file, with severity, line and message', async () => {
		const { app, before } = await loaded(vaultWithProblems());
		const modal = await openValidate(app);
		expect(modal.contentEl.querySelector('.spec-workflow-validate-summary')?.textContent).toBe('1 error and 2 warnings in 10 specs.');
		expect(groups(modal)).toEqual([
			{
				path: 'specs/1000/1001/1014.context.md',
				link: true,
				problems: ['warning | line 134 | specs/1000/1001/deliverables/docs/troubleshooting.md is not listed under ## Deliverables | fixable'],
			},
			{
				path: 'specs/1000/1001/deliverables/scripts/benchmark.sh',
				// Obsidian cannot show a shell script: no link that would open an empty tab.
				link: false,
				problems: ['warning | no traceback header to its spec (a "Generated from:" comment line at the top)'],
			},
			{ path: 'specs/3000/epic.md', link: true, problems: ['error | line 27 | [[missing-note]] does not resolve to a file'] },
		]);
		expect(buttons(modal)).toEqual(['Fix safe problems', 'Close']);
		expect(await vaultFiles(app)).toEqual(before);
		expect(notices).toEqual([]);
	});

	it('opens a file from its name and closes the modal', async () => {
		const { app } = await loaded(vaultWithProblems());
		const modal = await openValidate(app);
		modal.contentEl.querySelectorAll<HTMLElement>('.spec-workflow-validate-path a')[1].click();
		await app.flush();
		expect(isOpen(modal)).toBe(false);
		expect(activePath(app)).toBe('specs/3000/epic.md');
	});

	it('opens a file from the keyboard too', async () => {
		const { app } = await loaded(vaultWithProblems());
		const modal = await openValidate(app);
		const link = modal.contentEl.querySelector<HTMLElement>('.spec-workflow-validate-path a');
		link?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
		await app.flush();
		expect(isOpen(modal)).toBe(false);
		expect(activePath(app)).toBe('specs/1000/1001/1014.context.md');
	});

	it('fixes the safe problems as validate --fix does and shows what is left', async () => {
		const { app, before } = await loaded(vaultWithProblems());
		const modal = await openValidate(app);
		press(modal, 'Fix safe problems');
		await modal.fixing;
		await app.flush();
		expect(await vaultFiles(app)).toEqual(await coreResult(before, (ws) => validate(ws, { fix: true })));
		expect(await vaultFiles(app)).not.toEqual(before);
		expect(isOpen(modal)).toBe(true);
		expect(modal.contentEl.querySelector('.spec-workflow-validate-fixed')?.textContent).toBe('Fixed 1 problem.');
		expect(modal.contentEl.querySelector('.spec-workflow-validate-summary')?.textContent).toBe('1 error and 1 warning in 10 specs.');
		expect(groups(modal).map((g) => g.path)).toEqual(['specs/1000/1001/deliverables/scripts/benchmark.sh', 'specs/3000/epic.md']);
		// Nothing fixable is left, so the button is gone.
		expect(buttons(modal)).toEqual(['Close']);
	});

	it('says when fixing left no problems', async () => {
		const files = readVaultFiles(EXAMPLE_VAULT);
		const context = 'specs/1000/1001/1014.context.md';
		files[context] = files[context]
			.split('\n')
			.filter((l) => !(l.includes('troubleshooting.md') && l.includes(' - Common issues')))
			.join('\n');
		const { app } = await loaded(files);
		const modal = await openValidate(app);
		press(modal, 'Fix safe problems');
		await modal.fixing;
		expect(modal.contentEl.querySelector('.spec-workflow-validate-summary')?.textContent).toBe('No problems left in 10 specs.');
		expect(groups(modal)).toEqual([]);
		press(modal, 'Close');
		expect(isOpen(modal)).toBe(false);
	});
});
