import type { App } from 'obsidian';
import { basename, dirname } from '../../core/files/paths';
import type { MigrationLogStore } from '../../core/migration/migration-host';
import {
	parseMigrationLog,
	serializeMigrationLog,
	serializeStep,
	stepsPath,
	withSteps,
	type MigrationJournal,
	type MigrationLog,
	type StepMark,
} from '../../core/migration/migration-log';
import { WorkflowError } from '../../core/workspace/workflow-error';

/** Steps kept in memory between two appends: the marks prove nothing (docs/migration.md), the files do. */
const FLUSH_EVERY = 50;

/**
 * The migration log through the vault adapter (it lives in a hidden folder): the plan written to a
 * temporary file and renamed into place before the first change, the steps appended beside it, the
 * complete log put in its place at the end.
 */
export class AdapterMigrationLog implements MigrationJournal {
	private pending = '';
	private unflushed = 0;

	constructor(
		private readonly app: App,
		readonly path: string,
	) {}

	async begin(log: MigrationLog): Promise<void> {
		try {
			const folder = dirname(this.path);
			if (!(await this.adapter.exists(folder))) await this.adapter.mkdir(folder);
			await this.replace(serializeMigrationLog(log));
		} catch (e) {
			throw new WorkflowError('no-log', `Could not write the migration log ${this.path} (${e instanceof Error ? e.message : String(e)}); nothing was changed`, this.path);
		}
	}

	async step(mark: StepMark): Promise<void> {
		this.pending += serializeStep(mark);
		// A text about to be written that the plan does not hold is recorded before the file changes.
		if ('after' in mark || 'watched' in mark || ++this.unflushed >= FLUSH_EVERY) await this.flush();
	}

	async finish(log: MigrationLog): Promise<void> {
		await this.replace(serializeMigrationLog(log));
		this.pending = '';
		if (await this.adapter.exists(stepsPath(this.path))) await this.adapter.remove(stepsPath(this.path));
	}

	async discard(): Promise<void> {
		this.pending = '';
		for (const path of [this.path, stepsPath(this.path)]) {
			if (await this.adapter.exists(path)) await this.adapter.remove(path);
		}
	}

	private get adapter(): App['vault']['adapter'] {
		return this.app.vault.adapter;
	}

	private async flush(): Promise<void> {
		if (this.pending === '') return;
		const text = this.pending;
		this.pending = '';
		this.unflushed = 0;
		await this.adapter.append(stepsPath(this.path), text);
	}

	/** Whole or not at all: the text goes to a temporary file first, which then takes the log's place. */
	private async replace(text: string): Promise<void> {
		const tmp = `${this.path}.tmp`;
		await this.adapter.write(tmp, text);
		if (await this.adapter.exists(this.path)) await this.adapter.remove(this.path);
		await this.adapter.rename(tmp, this.path);
	}
}

/**
 * The migration logs through the vault adapter, for the migrate and revert operations; the folders
 * a migration empties go to the trash as Obsidian removes folders.
 */
export function adapterMigrationLogs(app: App): MigrationLogStore {
	const { adapter } = app.vault;
	return {
		async logNames(folder) {
			// The adapter lists vault paths; the operation wants the names in the folder.
			return (await adapter.exists(folder)) ? (await adapter.list(folder)).files.map(basename) : [];
		},
		// The adapter reads a file whole: read() tells whether the log is finished.
		isApplying: () => Promise.resolve(true),
		async read(path) {
			const log = parseMigrationLog(await adapter.read(path), path);
			const steps = stepsPath(path);
			return !log.finished && (await adapter.exists(steps)) ? withSteps(log, await adapter.read(steps)) : log;
		},
		exists: (path) => adapter.exists(path),
		async locate(which, folder) {
			for (const path of [which, `${folder}/${which}`]) if (await adapter.exists(path)) return path;
			return null;
		},
		journal: (path) => new AdapterMigrationLog(app, path),
		async remove(path) {
			for (const p of [path, stepsPath(path)]) if (await adapter.exists(p)) await adapter.remove(p);
		},
		async removeIfEmpty(path) {
			const folder = app.vault.getFolderByPath(path);
			if (!folder || folder.children.length > 0) return false;
			await app.fileManager.trashFile(folder);
			return true;
		},
	};
}
