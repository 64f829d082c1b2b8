import { STATUS } from '../../core/operations/status';
import { WorkflowError } from '../../core/workspace/workflow-error';
import { requireSpec } from '../../core/workspace/workspace';
import type { NodeWorkspace } from '../open-workspace';
import type { McpShell } from './shell';

/** What a spec offers to read, each under its own URI: the spec, its journal and its status. */
export const RESOURCE_TEMPLATES = [
	{ uriTemplate: 'spec://{id}', name: 'spec', title: 'Spec', description: "The spec file's text (markdown), as it is on disk.", mimeType: 'text/markdown' },
	{
		uriTemplate: 'spec://{id}/context',
		name: 'context',
		title: 'Spec context (journal)',
		description: "The spec's context file: its sessions, plan, deliverables registry and metrics (markdown).",
		mimeType: 'text/markdown',
	},
	{ uriTemplate: 'spec://{id}/status', name: 'status', title: 'Spec status', description: 'The status JSON, as the status tool returns it.', mimeType: 'application/json' },
] as const;

export interface ResourceText {
	uri: string;
	mimeType: string;
	text: string;
}

type Part = 'spec' | 'context' | 'status';

/** A spec:// URI's id and part, or null when it is not one of ours. */
export function parseSpecUri(uri: string): { id: string; part: Part } | null {
	const m = /^spec:\/\/([^/]+)(?:\/(context|status))?\/?$/.exec(uri);
	if (!m) return null;
	try {
		return { id: decodeURIComponent(m[1]), part: (m[2] as Part | undefined) ?? 'spec' };
	} catch {
		return null;
	}
}

/** The text behind a spec:// URI; an unknown id or a spec without a journal is a WorkflowError. */
export async function readSpecResource(ws: NodeWorkspace, uri: string, shell: McpShell): Promise<ResourceText> {
	const parsed = parseSpecUri(uri);
	if (parsed === null) throw new WorkflowError('bad-uri', `Not a spec resource: ${uri} (use spec://<id>, spec://<id>/context or spec://<id>/status)`);
	const { id, part } = parsed;
	if (part === 'spec') return { uri, mimeType: 'text/markdown', text: await ws.store.read(requireSpec(ws, id).path) };
	const report = await STATUS.run(ws, { id }, shell.optionalGit(ws));
	if (part === 'status') return { uri, mimeType: 'application/json', text: JSON.stringify(report, null, 2) };
	if (report.context === null) throw new WorkflowError('no-context', `Spec ${report.id} has no context file yet; start_session creates it`);
	return { uri, mimeType: 'text/markdown', text: await ws.store.read(report.context) };
}

/** One resource per spec, its text, for clients that list resources rather than fill in templates. */
export function specResources(ws: NodeWorkspace): { uri: string; name: string; title: string; mimeType: string }[] {
	return ws.index
		.all()
		.map((spec) => ({ uri: `spec://${encodeURIComponent(spec.id)}`, name: spec.id, title: `${spec.id} ${spec.title}`, mimeType: 'text/markdown' }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}
