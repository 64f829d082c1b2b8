import { WorkflowError } from '../../../src/core/workspace/workflow-error';
import { EXAMPLE_VAULT, readVaultFiles } from '../../helpers/vault-files';
import { memoryWorkspace, TestWorkspace } from '../../helpers/workspace';

/** Paths and helpers shared by the session operation tests (start, resume, log, task, finish). */

export const SPEC_1014 = 'specs/1000/1001/1014.spec.md';
export const CTX_1014 = 'specs/1000/1001/1014.context.md';
export const SPEC_1011 = 'specs/1000/1001/1011.spec.md';
export const CTX_1011 = 'specs/1000/1001/1011.context.md';
export const SPEC_1001 = 'specs/1000/1001/spec.md';
export const CTX_1001 = 'specs/1000/1001/context.md';
export const SPEC_4005 = 'specs/4000/4005/spec.md';
export const CTX_4005 = 'specs/4000/4005/context.md';

export const EXAMPLE = readVaultFiles(EXAMPLE_VAULT);

/** The example vault with some files replaced (or removed, with null). */
export function vaultWith(changes: Record<string, string | null> = {}): Record<string, string> {
	const files = { ...EXAMPLE };
	for (const [path, text] of Object.entries(changes)) {
		if (text === null) delete files[path];
		else files[path] = text;
	}
	return files;
}

export async function workspace(changes: Record<string, string | null> = {}, now = '2025-08-28T14:30:00', participants?: string): Promise<TestWorkspace> {
	return memoryWorkspace(vaultWith(changes), { now, participants });
}

/** `from` replaced by `to`, where `from` must occur exactly once (so expected texts are precise). */
export function replaceOnce(text: string, from: string, to: string): string {
	const at = text.indexOf(from);
	if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
	return text.slice(0, at) + to + text.slice(at + from.length);
}

export function toCrlf(text: string): string {
	return text.replace(/\r?\n/g, '\r\n');
}

/** Every file but `edited` is byte-identical to before; returns the edited files' new texts. */
export function expectOnlyChanged(before: Record<string, string>, after: Record<string, string>, edited: string[]): Record<string, string> {
	expect(Object.keys(after).sort()).toEqual([...new Set([...Object.keys(before), ...edited])].sort());
	for (const path of Object.keys(before)) if (!edited.includes(path)) expect([path, after[path]]).toEqual([path, before[path]]);
	return Object.fromEntries(edited.map((p) => [p, after[p]]));
}

/** Runs `op`, expects a WorkflowError with this code and message, and that no file changed. */
export async function expectRefused(ws: TestWorkspace, op: () => Promise<unknown>, code: string, message: string | RegExp): Promise<void> {
	const before = ws.store.snapshot();
	const error = await op().then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(WorkflowError);
	expect((error as WorkflowError).code).toBe(code);
	if (typeof message === 'string') expect((error as WorkflowError).message).toBe(message);
	else expect((error as WorkflowError).message).toMatch(message);
	expect(ws.store.snapshot()).toEqual(before);
}

/** The header lines a started session gets. */
export function sessionBlock(n: number, title = 'Implementation Session', started = '2025-08-28 14:30', participants = 'User, Claude'): string {
	return `### Session ${n}: ${started.slice(0, 10)} - ${title}\n**Duration**: In progress  \n**Participants**: ${participants}  \n**Status**: active  \n**Started**: ${started}\n`;
}

/** 1014's journal ends its timeline with Session 2's last issue; a new session goes after it. */
export const END_OF_1014_TIMELINE = '- **Commit**: `b2c3d4e`\n';
