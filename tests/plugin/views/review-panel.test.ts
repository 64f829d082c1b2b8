/** @jest-environment jsdom */
import { notices } from '../../__mocks__/obsidian';
import { TASK } from '../../../src/core/operations/task';
import { markReviewed, type MarkReviewedInput } from '../../../src/core/review/mark-reviewed';
import { reviewInbox } from '../../../src/core/review/review-inbox';
import { sinceReview } from '../../../src/core/review/since-review';
import { INBOX_LINES } from '../../../src/plugin/views/review-section';
import { coreWorkspace, settle, vaultFiles } from '../plugin-harness';
import { activate, NOW, one, openPanel, settled, texts, type Panel } from './panel-harness';

const DIR = 'specs/1000/1001';
const SPEC = `${DIR}/1014.spec.md`;
const CONTEXT = `${DIR}/1014.context.md`;
const BENCH = `${DIR}/deliverables/scripts/benchmark.sh`;
const NOTE = 'notes/Storage tiers.md';

/** The inbox lines of the overview: id, title and summary. */
function inboxLines(p: Panel): string[] {
	return Array.from(p.el.querySelectorAll('.spec-workflow-review-inbox .spec-workflow-review-line')).map((row) => texts(row, 'span').join(' | '));
}

/**
 * The example vault with 1014 reviewed at 09:00; since then its benchmark script was edited and
 * its last task done.
 */
async function reviewedThenChanged(): Promise<Record<string, string>> {
	const ws = await coreWorkspace(undefined, '2025-08-28T09:00');
	await markReviewed(ws, { id: '1014', by: 'Ana' });
	await ws.store.process(BENCH, (text) => text + 'echo more\n');
	await TASK.run(ws, { id: '1014', task: '7', state: 'done' }, undefined);
	return ws.store.snapshot();
}

/** The files after the core's review of 1014 at NOW over `files`: what the panel's buttons must write. */
async function reviewed(files: Record<string, string>, input: Omit<MarkReviewedInput, 'id'>): Promise<Record<string, string>> {
	const ws = await coreWorkspace(files, NOW);
	await markReviewed(ws, { id: '1014', ...input });
	return ws.store.snapshot();
}

function reviewButton(p: Panel, text: string): HTMLButtonElement {
	const found = Array.from(p.el.querySelectorAll<HTMLButtonElement>('.spec-workflow-review button')).find((b) => b.textContent === text);
	if (!found) throw new Error(`No review button "${text}"`);
	return found;
}

async function press(p: Panel, text: string): Promise<void> {
	reviewButton(p, text).click();
	await settle(p.app);
	await settled(p);
}

beforeEach(() => notices.splice(0));

describe("the overview's Review section", () => {
	it('lists every spec with something new since its review, newest first, above the tree', async () => {
		const p = await openPanel(undefined, NOTE);
		expect(texts(one(p.el, '.spec-workflow-review-inbox'), '.spec-workflow-section-heading span')).toEqual(['Review', '4']);
		expect(inboxLines(p)).toEqual([
			'1014 | Cold Storage NAS Integration | 2 sessions · 6 tasks moved · 8 deliverables new',
			'1011 | Hot Storage NVMe Setup | 1 session · 5 tasks moved',
			'1001 | Storage Infrastructure | 1 session',
			'1000 | Foundation Infrastructure | 1 session',
		]);
		const sections = Array.from(p.el.querySelectorAll('.spec-workflow-review-inbox, .spec-workflow-overview-header'));
		expect(sections.map((s) => s.className)).toEqual(['spec-workflow-section spec-workflow-review-inbox', 'spec-workflow-overview-header']);
	});

	it("tapping a line opens that spec, and the panel shows the spec's changes since review", async () => {
		const p = await openPanel(undefined, NOTE);
		one<HTMLElement>(p.el, '.spec-workflow-review-line[data-id="1011"]').click();
		await settled(p);
		expect(p.app.workspace.getActiveFile()?.path).toBe(`${DIR}/1011.spec.md`);
		expect(texts(p.el, '.spec-workflow-title')).toEqual(['1011Hot Storage NVMe Setup']);
		expect(texts(one(p.el, '.spec-workflow-review'), '.spec-workflow-review-summary')).toEqual(['1 session · 5 tasks moved']);
	});

	it('a spec reviewed since its last change leaves the list, and the section goes when nothing is left', async () => {
		const ws = await coreWorkspace();
		await markReviewed(ws, { id: '1014' });
		const p = await openPanel(ws.store.snapshot(), NOTE);
		expect(inboxLines(p).map((l) => l.slice(0, 4))).toEqual(['1011', '1001', '1000']);

		for (const id of ['1011', '1001', '1000']) await markReviewed(ws, { id });
		const none = await openPanel(ws.store.snapshot(), NOTE);
		expect(none.el.querySelector('.spec-workflow-review-inbox')).toBeNull();
		expect(none.el.querySelector('.spec-workflow-overview-header')).not.toBeNull();
	});

	it('a redraw reads each journal once and no unchanged deliverable again, and an edit is seen even when it keeps the size and the time', async () => {
		const ws = await coreWorkspace();
		await markReviewed(ws, { id: '1014' });
		const p = await openPanel(ws.store.snapshot(), NOTE);
		expect(inboxLines(p).map((l) => l.slice(0, 4))).toEqual(['1011', '1001', '1000']);
		const read = jest.spyOn(p.app.vault, 'read');
		await p.view.refresh();
		const deliverableReads = () => read.mock.calls.map(([f]) => f.path).filter((path) => path.includes('/deliverables/'));
		expect(deliverableReads()).toEqual([]);
		// The tree and the Review section share what they read: each journal once.
		const paths = read.mock.calls.map(([f]) => f.path);
		expect(paths.filter((path, i) => paths.indexOf(path) !== i)).toEqual([]);
		// One character swapped, the modification time put back: only the vault's modify event tells.
		const file = p.app.vault.getFileByPath(BENCH)!;
		const before = await p.app.vault.read(file);
		await p.app.vault.modify(file, before.replace('#', '%'), { mtime: file.stat.mtime });
		await settled(p);
		expect(inboxLines(p)).toContain('1014 | Cold Storage NAS Integration | 1 deliverable changed');
	});

	it('shows the first lines and the rest behind "Show all"', async () => {
		// Seven specs, each with a finished session: the example's four and three more features under 1001.
		const ws = await coreWorkspace();
		const files = ws.store.snapshot();
		const extra: Record<string, string> = {};
		for (const n of ['1015', '1016', '1017']) {
			extra[`${DIR}/${n}.spec.md`] = files[`${DIR}/1011.spec.md`].split('1011').join(n);
			extra[`${DIR}/${n}.context.md`] = files[`${DIR}/1011.context.md`].split('1011').join(n);
		}
		const p = await openPanel({ ...files, ...extra }, NOTE);
		expect(texts(one(p.el, '.spec-workflow-review-inbox'), '.spec-workflow-section-heading span')).toEqual(['Review', '7']);
		expect(inboxLines(p)).toHaveLength(INBOX_LINES);
		const more = one<HTMLButtonElement>(p.el, '.spec-workflow-review-more');
		expect(more.textContent).toBe('Show all 7');
		more.click();
		expect(inboxLines(p)).toHaveLength(7);
		expect(p.el.querySelector('.spec-workflow-review-more')).toBeNull();
	});

	it('a spec never reviewed is listed only once it has a finished session or a deliverable, by the inbox every adapter shows', async () => {
		// 3001 gets a journal whose plan has a task begun, but no session and no deliverable yet.
		const files = {
			...(await coreWorkspace()).store.snapshot(),
			'specs/3000/3001/context.md': '# 3001 Context\n\n## Plan\n- [/] Pick the data vendor\n- [ ] Write the collector\n',
		};
		const ws = await coreWorkspace(files);
		expect((await sinceReview(ws, '3001')).tasks.map((t) => t.text)).toEqual(['Pick the data vendor']);
		const inbox = await reviewInbox(ws);
		expect(inbox.map((s) => s.id)).toEqual(['1014', '1011', '1001', '1000']);
		const p = await openPanel(files, NOTE);
		expect(inboxLines(p).map((l) => l.slice(0, 4))).toEqual(['1014', '1011', '1001', '1000']);
		// Its own panel still tells what moved.
		const own = await openPanel(files, 'specs/3000/3001/spec.md');
		expect(texts(one(own.el, '.spec-workflow-review'), '.spec-workflow-review-summary')).toEqual(['1 task moved']);
	});
});

describe('the spec panel\'s "Since last review"', () => {
	it('lists what changed since the mark: the deliverable edited and the task moved, with Mark reviewed and Accept changes', async () => {
		const p = await openPanel(await reviewedThenChanged(), SPEC);
		const card = one(p.el, '.spec-workflow-review');
		expect(texts(card, '.spec-workflow-review-title')).toEqual(['Since last review']);
		expect(texts(card, '.spec-workflow-review-mark')).toEqual(['Reviewed 2025-08-28 09:00 by Ana']);
		expect(texts(card, '.spec-workflow-review-summary')).toEqual(['1 task moved · 1 deliverable changed']);
		expect(texts(card, '.is-deliverables .spec-workflow-review-item')).toEqual(['Performance BenchmarkChanged']);
		expect(texts(card, '.is-tasks .spec-workflow-review-item')).toEqual(['Final validationpending → done']);
		expect(card.querySelector('.is-sessions')).toBeNull();
		expect(texts(card, 'button')).toEqual(['Mark reviewed', 'Accept changes']);
	});

	it('a spec never reviewed shows its finished sessions and its deliverables as new, without Accept changes', async () => {
		const p = await openPanel(undefined, SPEC);
		const card = one(p.el, '.spec-workflow-review');
		expect(texts(card, '.spec-workflow-review-mark')).toEqual(['Never reviewed']);
		expect(texts(card, '.is-sessions .spec-workflow-review-item')).toEqual([
			expect.stringMatching(/^Session 1: Initial Planning and Network Setup/),
			expect.stringMatching(/^Session 2: Directory Structure and Benchmarking/),
		]);
		expect(texts(card, '.is-deliverables .spec-workflow-review-state')).toEqual(Array(8).fill('New'));
		expect(texts(card, 'button')).toEqual(['Mark reviewed']);
	});

	it('shows a session whose journal gives no time by its date alone, and one with Started by when it ended', async () => {
		const journal = [
			'# Context\n\n**Spec**: [[epic]]\n\n## Plan\n- [x] Pick Grafana\n- [ ] Dashboards\n\n## Implementation Timeline\n',
			'### Session 1: 2025-08-03 - Start\n**Status**: completed\n**Duration**: 30 minutes\n\n',
			'### Session 2: 2025-08-04 - Alerts\n**Status**: completed\n**Started**: 2025-08-04 09:15\n**Duration**: 30 minutes\n',
		].join('');
		const files = { 'specs/E02/epic.md': '# E02 - Observability\n\n**Status**: planning\n', 'specs/E02/context.md': journal };
		const p = await openPanel(files, 'specs/E02/context.md');
		const card = one(p.el, '.spec-workflow-review');
		expect(texts(card, '.is-sessions .spec-workflow-review-item .spec-workflow-muted')).toEqual(['2025-08-03', '2025-08-04 09:45']);
	});

	it('Mark reviewed writes what the core review writes; the changed deliverable stays, so the block stays', async () => {
		const files = await reviewedThenChanged();
		const p = await openPanel(files, SPEC);
		await press(p, 'Mark reviewed');
		expect(await vaultFiles(p.app)).toEqual(await reviewed(files, { by: '' }));
		expect((await vaultFiles(p.app))[SPEC]).toContain('reviewed: 2025-08-28 10:00\n');
		expect(notices).toEqual(['Reviewed 1014; 1 still changed since review']);
		const card = one(p.el, '.spec-workflow-review');
		expect(texts(card, '.spec-workflow-review-summary')).toEqual(['1 deliverable changed']);
		expect(texts(card, 'button')).toEqual(['Mark reviewed', 'Accept changes']);
	});

	it('Accept changes re-baselines the deliverable as the core does, and the block goes', async () => {
		const files = await reviewedThenChanged();
		const p = await openPanel(files, SPEC);
		p.plugin.settings.reviewerName = 'Bo';
		await press(p, 'Accept changes');
		const expected = await reviewed(files, { accept: true, by: 'Bo' });
		expect(await vaultFiles(p.app)).toEqual(expected);
		expect(expected[CONTEXT]).not.toBe(files[CONTEXT]);
		expect(notices).toEqual(['Reviewed 1014; accepted 1 changed deliverable']);
		expect(p.el.querySelector('.spec-workflow-review')).toBeNull();
	});

	it("a spec with nothing new since its review shows no block, and is not in the overview's list", async () => {
		const ws = await coreWorkspace();
		await markReviewed(ws, { id: '1014' });
		const p = await openPanel(ws.store.snapshot(), SPEC);
		expect(p.el.querySelector('.spec-workflow-review')).toBeNull();
		await activate(p, NOTE);
		expect(p.el.querySelector('.spec-workflow-review-line[data-id="1014"]')).toBeNull();
	});
});
