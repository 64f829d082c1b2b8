import { ContextFile, readContextFile } from '../../core/context/context-file';
import { activeSession, Session } from '../../core/context/session';
import { Spec } from '../../core/index/spec';
import type SpecWorkflowPlugin from '../spec-workflow-plugin';

export interface SpecContext {
	path: string;
	context: ContextFile;
	/** The session still open, if any. */
	active: Session | null;
}

/**
 * The spec's context file as the core reads it, for showing the plan and sessions in a modal;
 * null when the spec has none yet. Writing is always left to the core operations.
 */
export async function readSpecContext(plugin: SpecWorkflowPlugin, spec: Spec): Promise<SpecContext | null> {
	const path = plugin.index.contextPathOf(spec);
	if (!(await plugin.store.exists(path))) return null;
	const context = readContextFile(await plugin.store.read(path));
	return { path, context, active: activeSession(context.sessions) };
}
