import { debounce, ItemView, Notice, TAbstractFile, TFile, WorkspaceLeaf } from 'obsidian';
import { formatDuration, minutesBetween } from '../../core/context/duration';
import type { PlanTask, TaskState } from '../../core/context/plan-task';
import { Spec } from '../../core/index/spec';
import { TASK } from '../../core/operations/task';
import { activeSpec, failureMessage, openFile, runOperation } from '../commands/command-context';
import { commandFlow } from '../commands/command-flow';
import { addDeliverableFlow } from '../commands/deliverable-commands';
import { finishWork, logToSession, resumeWork, startWork } from '../commands/session-commands';
import { newSpecCommand } from '../commands/spec-commands';
import { approvePlan, modifyPlan, rejectPlan } from '../commands/proposal-commands';
import { markReviewed } from '../commands/review-commands';
import { runSpecFlow, SpecFlow } from '../commands/spec-command';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';
import { opensInObsidian } from '../shared/viewable-file';
import { loadOverview, loadSpecPanel, SpecPanelData } from './panel-data';
import { fileName, panelButton } from './panel-elements';
import { OverviewActions, OverviewState, renderNoSpecs, renderOverview } from './overview-panel';
import { PanelCommand, renderSpecPanel, SpecPanelActions } from './spec-panel';
import { renderReviewInbox } from './review-section';
import { linksToAny } from './used-by';
import { noticeTaskSet, openTaskLine } from './task-actions';
import { DeviceFolds, makeSectionsFoldable } from './folding';

export const STATUS_VIEW_TYPE = 'spec-workflow-status';

/** How long the panel waits after the last relevant change before it reads again. */
export const REFRESH_DELAY_MS = 400;

/** What each of the panel's spec buttons runs: the same flow as its command. */
const PANEL_FLOWS: Record<Exclude<PanelCommand, 'new-spec'>, SpecFlow> = {
	'start-work': startWork,
	'resume-work': resumeWork,
	'log-entry': logToSession,
	'add-deliverable': addDeliverableFlow,
	'finish-session': finishWork,
	'approve-plan': approvePlan,
	'modify-plan': modifyPlan,
	'reject-plan': rejectPlan,
	'mark-reviewed': async (p, spec) => void (await markReviewed(p, spec, false)),
	'accept-changes': async (p, spec) => void (await markReviewed(p, spec, true)),
};

/**
 * The sidebar panel. It follows the active note: for a note that belongs to a spec (the spec, its
 * context, a deliverable, its report) it shows that spec's status; for any other note, the
 * overview of every spec. It reads again, debounced, only when a file it shows changes, a spec
 * file changes (overview), or a note starts or stops linking to what it shows.
 */
export class SpecStatusView extends ItemView {
	/** How many times the panel has been drawn (tests count refreshes with it). */
	renders = 0;
	/** Spec id shown; null for the overview; undefined before the first drawing. */
	private target: string | null | undefined = undefined;
	private data: SpecPanelData | null = null;
	private readonly overview: OverviewState = { filter: 'all', collapsed: new Set() };
	private readonly folds = new DeviceFolds(this.app);
	/** Files this panel just wrote (a task toggled in place): their change events need no redraw. */
	private readonly selfWrites = new Set<string>();
	private running: Promise<void> | null = null;
	/** Task writes started from the panel and not yet finished. */
	private readonly writes = new Set<Promise<unknown>>();
	private again = false;
	private readonly refreshSoon = debounce(() => void this.refresh(), REFRESH_DELAY_MS, true);

	constructor(
		leaf: WorkspaceLeaf,
		private readonly plugin: SpecWorkflowPlugin,
	) {
		super(leaf);
	}

	getViewType(): string {
		return STATUS_VIEW_TYPE;
	}

	getDisplayText(): string {
		return 'Spec status';
	}

	getIcon(): string {
		return 'list-checks';
	}

	protected async onOpen(): Promise<void> {
		this.contentEl.addClass('spec-workflow-panel');
		this.contentEl.createDiv({ cls: 'spec-workflow-empty', text: 'Reading specs…' });
		const { workspace, metadataCache, vault } = this.app;
		this.registerEvent(workspace.on('file-open', () => this.followActive()));
		this.registerEvent(workspace.on('active-leaf-change', () => this.followActive()));
		this.registerEvent(metadataCache.on('changed', (file) => this.onChanged(file.path)));
		this.registerEvent(metadataCache.on('resolve', (file) => this.onLinksResolved(file.path)));
		// Markdown changes arrive through the metadata cache; scripts and config files only through the vault.
		this.registerEvent(vault.on('modify', (file) => this.onOtherFile(file)));
		this.registerEvent(vault.on('create', (file) => this.onOtherFile(file)));
		this.registerEvent(vault.on('delete', (file) => this.onChanged(file.path)));
		this.registerEvent(vault.on('rename', (file, oldPath) => this.onChanged(file.path) || this.onChanged(oldPath)));
		this.registerInterval(window.setInterval(() => this.tick(), 30_000));
		// Not awaited: before the index is built (a panel restored at start-up) the view must still open.
		void this.refresh();
		await Promise.resolve();
	}

	protected async onClose(): Promise<void> {
		this.refreshSoon.cancel();
		await Promise.resolve();
	}

	/** Draws the panel now and waits for it (after any refresh already running). */
	async refresh(): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.running = (async () => {
			do {
				this.again = false;
				await this.draw();
			} while (this.again);
		})();
		try {
			await this.running;
		} finally {
			this.running = null;
		}
	}

	/** Waits for the panel's own writes, runs a pending debounced refresh now and waits until it is drawn. */
	async settle(): Promise<void> {
		while (this.writes.size > 0) await Promise.allSettled([...this.writes]);
		this.refreshSoon.run();
		while (this.running) await this.running;
	}

	private followActive(): void {
		if (this.target === undefined) return;
		void activeSpec(this.plugin).then((spec) => {
			if ((spec?.id ?? null) !== this.target) void this.refresh();
		});
	}

	/** A file changed: redraw (debounced) if it is one the panel shows or counts. Returns whether it was. */
	private onChanged(path: string): boolean {
		if (this.selfWrites.delete(path)) return false;
		if (!this.concerns(path)) return false;
		this.refreshSoon();
		return true;
	}

	private onOtherFile(file: TAbstractFile): void {
		if (file instanceof TFile && file.extension !== 'md') this.onChanged(file.path);
	}

	/** A note's links were resolved again: it may have started linking to this spec or a deliverable. */
	private onLinksResolved(path: string): void {
		const data = this.data;
		if (this.target === null || !data || this.concerns(path)) return;
		if (linksToAny(this.app.metadataCache, path, data.linkTargets)) this.refreshSoon();
	}

	private concerns(path: string): boolean {
		if (this.target === undefined) return false;
		const index = this.plugin.index;
		// The overview shows specs, their plans' progress and the Review section's drift: spec and
		// context notes, and the deliverables registered with a spec.
		if (this.target === null) return index.concerns(path) && (path.endsWith('.md') || index.specForPath(path) !== null);
		const data = this.data;
		if (data?.paths.has(path)) return true;
		const owner = index.specForPath(path);
		return owner !== null && (owner.id === this.target || (data?.specIds.has(owner.id) ?? false));
	}

	private async draw(): Promise<void> {
		await this.plugin.indexReady;
		const spec = await activeSpec(this.plugin);
		this.target = spec?.id ?? null;
		// Built off-screen and swapped in at once: the panel never shows an empty frame.
		const body = createDiv('spec-workflow-body');
		if (spec) await this.drawSpec(body, spec);
		else await this.drawOverview(body);
		this.contentEl.empty();
		this.contentEl.appendChild(body);
		this.renders++;
	}

	private async drawSpec(body: HTMLElement, spec: Spec): Promise<void> {
		try {
			this.data = await loadSpecPanel(this.plugin, spec.id);
		} catch (e) {
			this.data = null;
			const card = body.createDiv('spec-workflow-empty-state');
			card.createDiv({ cls: 'spec-workflow-session-title', text: `Spec ${spec.id} cannot be shown` });
			card.createDiv({ cls: 'spec-workflow-muted', text: failureMessage(e) });
			panelButton(card.createDiv('spec-workflow-buttons'), 'Open the spec', () => void openFile(this.plugin, spec.path));
			return;
		}
		renderSpecPanel(body, this.data, this.specActions(this.data));
		makeSectionsFoldable(body, this.folds);
	}

	private async drawOverview(body: HTMLElement): Promise<void> {
		this.data = null;
		const actions: OverviewActions = {
			open: (path) => void openFile(this.plugin, path),
			newSpec: () => void this.run('new-spec'),
		};
		if (this.plugin.index.size === 0) {
			renderNoSpecs(body, this.plugin.settings.specsRoot, actions);
			return;
		}
		let tree, inbox;
		try {
			({ tree, inbox } = await loadOverview(this.plugin));
		} catch (e) {
			// A file read failing mid-draw: say so here, as drawSpec does, rather than reject the refresh.
			const card = body.createDiv('spec-workflow-empty-state');
			card.createDiv({ cls: 'spec-workflow-session-title', text: 'Specs cannot be shown' });
			card.createDiv({ cls: 'spec-workflow-muted', text: failureMessage(e) });
			return;
		}
		renderReviewInbox(body, inbox, (path) => actions.open(path));
		renderOverview(body, tree, this.overview, actions);
	}

	private specActions(data: SpecPanelData): SpecPanelActions {
		const id = data.status.id;
		return {
			open: (path) => void openFile(this.plugin, path),
			openDeliverable: (path) => void this.openDeliverable(data, path),
			run: (command) => void this.run(command),
			setTask: (task, state) => {
				const write = this.setTask(id, data.status.context, task, state);
				this.writes.add(write);
				return write.finally(() => this.writes.delete(write));
			},
			openTask: (task) => void openTaskLine(this.plugin, id, task),
			elapsed: (started) => this.elapsed(started),
		};
	}

	private async setTask(id: string, contextPath: string | null, task: PlanTask, state: TaskState): Promise<boolean> {
		if (contextPath) this.selfWrites.add(contextPath);
		const result = await runOperation(this.plugin, (ws) => TASK.run(ws, { id, task: String(task.number), state, expectText: task.text }, undefined));
		if (contextPath && (!result || result.written.length === 0)) this.selfWrites.delete(contextPath);
		if (result && result.written.length > 0) {
			noticeTaskSet(this.plugin, id, result, (undo) => {
				// The undo redraws at once, not on the change event: Obsidian may report both writes as one change, which the panel would skip as its own.
				if (contextPath) this.selfWrites.delete(contextPath);
				this.track(undo.then(() => this.refresh()));
			});
		}
		return result !== null;
	}

	/** Keeps a write started from the panel until it ends, so settle() waits for it. */
	private track(write: Promise<unknown>): void {
		this.writes.add(write);
		void write.finally(() => this.writes.delete(write));
	}

	/** Scripts and config files do not open in Obsidian: their spec's context note, which links them, opens instead. */
	private async openDeliverable(data: SpecPanelData, path: string): Promise<void> {
		if (opensInObsidian(this.app, path)) return openFile(this.plugin, path);
		new Notice(`Obsidian cannot show ${fileName(path)}: its link is in the context note.`);
		await openFile(this.plugin, data.status.context ?? data.status.path);
	}

	/**
	 * Runs a button's flow on the spec shown, directly: no spec picker and no detour through the
	 * command registry, so the spec acted on is the one the panel shows even if the active note changed.
	 */
	async run(command: PanelCommand): Promise<void> {
		if (command === 'new-spec') return commandFlow(newSpecCommand(this.plugin));
		const spec = this.target ? this.plugin.index.get(this.target) : null;
		if (spec) await runSpecFlow(this.plugin, spec, PANEL_FLOWS[command]);
	}

	private elapsed(started: string | null): string | null {
		if (started === null) return null;
		const minutes = minutesBetween(started, this.plugin.now());
		return minutes === null ? null : formatDuration(minutes);
	}

	/** Keeps the open session's elapsed time current without redrawing. */
	private tick(): void {
		const el = this.contentEl.querySelector('.spec-workflow-elapsed');
		const elapsed = this.elapsed(this.data?.activeStarted ?? null);
		if (el && elapsed !== null) el.setText(`${elapsed} so far`);
	}
}
