/** @jest-environment jsdom */
import { basesViews, createFakeApp, fileAt, loadPlugin, resetApiVersion, setApiVersion, showBasesView, updateBasesView, type App, type BasesView } from '../../__mocks__/obsidian';
import SpecWorkflowPlugin from '../../../src/plugin/spec-workflow-plugin';
import { SPEC_TREE_VIEW_ID, SpecTreeDrawing } from '../../../src/plugin/views/spec-tree-bases-view';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';

const F = 'specs/1000/1001';
const SPECS = ['specs/1000/epic.md', `${F}/spec.md`, `${F}/1011.spec.md`, `${F}/1014.spec.md`, 'specs/3000/epic.md', 'specs/3000/3001/spec.md'];

/** The example vault with 1014 reviewed before its last update and 1011 reviewed after its. */
function reviewedVault(): Record<string, string> {
	const files = readVaultFiles(EXAMPLE_VAULT);
	files[`${F}/1014.spec.md`] = files[`${F}/1014.spec.md`].replace('updated: 2025-08-27\n', 'updated: 2025-08-27\nreviewed: 2025-08-26 18:00\n');
	files[`${F}/1011.spec.md`] = files[`${F}/1011.spec.md`].replace('updated: 2025-08-25\n', 'updated: 2025-08-25\nreviewed: 2025-08-26\n');
	return files;
}

async function load(files: Record<string, string> = reviewedVault()): Promise<{ app: App; plugin: SpecWorkflowPlugin }> {
	const app = createFakeApp(files);
	const plugin = await loadPlugin(app, SpecWorkflowPlugin, { id: 'spec-workflow' });
	app.layoutReady();
	await plugin.indexReady;
	return { app, plugin };
}

async function drawn(view: BasesView): Promise<void> {
	await (view as unknown as { tree: SpecTreeDrawing }).tree.settle();
}

/** The tree as text: one line per spec, indented by depth, with what its row says. */
function treeLines(el: HTMLElement): string[] {
	const lines: string[] = [];
	const walk = (parent: Element, depth: number): void => {
		for (const item of Array.from(parent.querySelectorAll(':scope > .spec-workflow-tree-item'))) {
			const row = item.querySelector(':scope > .spec-workflow-tree-row')!;
			const parts = Array.from(row.querySelectorAll('.spec-workflow-tree-top > *, .spec-workflow-tree-bottom > span'), (e) => e.textContent);
			lines.push('  '.repeat(depth) + parts.join(' · '));
			const children = item.querySelector(':scope > .spec-workflow-tree-children');
			if (children) walk(children, depth + 1);
		}
	};
	const tree = el.querySelector('.spec-workflow-tree');
	if (tree) walk(tree, 0);
	return lines;
}

function notes(el: HTMLElement): string[] {
	return Array.from(el.querySelectorAll('.spec-workflow-bases-tree > .spec-workflow-muted'), (e) => e.textContent ?? '');
}

afterEach(() => resetApiVersion());

describe('the Spec tree Bases view', () => {
	it('is registered as "Spec tree" for any base', async () => {
		const { app } = await load();
		expect(basesViews(app).get(SPEC_TREE_VIEW_ID)).toMatchObject({ name: 'Spec tree', icon: 'list-tree' });
	});

	it("shows a base's rows as epics → features → tasks with progress rolled up and the specs changed since review flagged", async () => {
		const { app } = await load();
		const { view, containerEl } = await showBasesView(app, SPEC_TREE_VIEW_ID, [...SPECS, `${F}/1014.context.md`]);
		await drawn(view);
		expect(treeLines(containerEl)).toEqual([
			'1000 · Foundation Infrastructure · Epic · implementing · 83% · 10/12',
			'  1001 · Storage Infrastructure · Feature · implementing · 83% · 10/12',
			'    1011 · Hot Storage NVMe Setup · Task · completed · 100% · 5/5',
			'    1014 · Cold Storage NAS Integration · Changed since review · Task · implementing · 71% · 5/7',
			'3000 · Market Data · Epic · planning · No tasks',
			'  3001 · Market Data Collection · Feature · planning · No tasks',
		]);
		expect(notes(containerEl)).toEqual(['1 changed since its last review.', '1 row is not a spec and is not shown.']);
	});

	it('places a spec under its nearest ancestor the base shows, its progress still the whole roll-up', async () => {
		const { app } = await load();
		const { view, containerEl } = await showBasesView(app, SPEC_TREE_VIEW_ID, ['specs/1000/epic.md', `${F}/1014.spec.md`]);
		await drawn(view);
		expect(treeLines(containerEl)).toEqual([
			'1000 · Foundation Infrastructure · Epic · implementing · 83% · 10/12',
			'  1014 · Cold Storage NAS Integration · Changed since review · Task · implementing · 71% · 5/7',
		]);
	});

	it('draws the new rows when Bases hands it new results', async () => {
		const { app } = await load();
		const { view, containerEl } = await showBasesView(app, SPEC_TREE_VIEW_ID, SPECS);
		await updateBasesView(app, view, ['specs/3000/epic.md']);
		await drawn(view);
		expect(treeLines(containerEl)).toEqual(['3000 · Market Data · Epic · planning · No tasks']);
		expect(notes(containerEl)).toEqual(['Nothing changed since its last review.']);
	});

	it('follows the index live: a plan task ticked in a journal the base does not show moves the progress up the tree', async () => {
		const { app } = await load();
		const { view, containerEl } = await showBasesView(app, SPEC_TREE_VIEW_ID, SPECS);
		await drawn(view);
		const journal = fileAt(app, `${F}/1014.context.md`);
		await app.vault.modify(journal, (await app.vault.read(journal)).replace('- [ ] Final validation', '- [x] Final validation'));
		await app.flush();
		await drawn(view);
		expect(treeLines(containerEl).slice(0, 4)).toEqual([
			'1000 · Foundation Infrastructure · Epic · implementing · 92% · 11/12',
			'  1001 · Storage Infrastructure · Feature · implementing · 92% · 11/12',
			'    1011 · Hot Storage NVMe Setup · Task · completed · 100% · 5/5',
			'    1014 · Cold Storage NAS Integration · Changed since review · Task · implementing · 86% · 6/7',
		]);
	});

	it('flags a spec once its updated passes its reviewed, and clears the flag when it is reviewed again', async () => {
		const { app } = await load();
		const { view, containerEl } = await showBasesView(app, SPEC_TREE_VIEW_ID, [`${F}/1011.spec.md`]);
		await drawn(view);
		expect(treeLines(containerEl)).toEqual(['1011 · Hot Storage NVMe Setup · Task · completed · 100% · 5/5']);
		const spec = fileAt(app, `${F}/1011.spec.md`);
		await app.vault.modify(spec, (await app.vault.read(spec)).replace('updated: 2025-08-25', 'updated: 2025-08-29 10:00'));
		await app.flush();
		await drawn(view);
		expect(treeLines(containerEl)).toEqual(['1011 · Hot Storage NVMe Setup · Changed since review · Task · completed · 100% · 5/5']);
		await app.vault.modify(spec, (await app.vault.read(spec)).replace('reviewed: 2025-08-26', 'reviewed: 2025-08-29 10:30'));
		await app.flush();
		await drawn(view);
		expect(treeLines(containerEl)).toEqual(['1011 · Hot Storage NVMe Setup · Task · completed · 100% · 5/5']);
	});

	it('is not registered on an app before 1.10, and the plugin still loads with its commands', async () => {
		setApiVersion('1.9.12');
		const { app } = await load();
		expect(basesViews(app).size).toBe(0);
		expect('spec-workflow:write-specs-base' in app.commands.commands).toBe(true);
	});
});
