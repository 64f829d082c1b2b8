import { basename, dirname, joinPath, normalizeVaultPath } from '../files/paths';
import type { Spec } from '../index/spec';
import { parseLinkText } from '../links/link-parser';

/**
 * Whether a spec's `context` link (or `**Context**:` line) that resolves to nothing would
 * resolve to `contextPath` once that file exists — as it does when a context file was deleted
 * but the link to it kept. Null when it would (or there is no link); otherwise the problem, since
 * creating a context elsewhere would leave the spec pointing at a file that is not there.
 */
export function contextRefProblem(spec: Spec, contextPath: string): string | null {
	const ref = spec.contextRef;
	if (ref === null) return null;
	const target = (parseLinkText(ref)?.target ?? ref).trim();
	if (target !== '' && namesPath(target, spec.path, contextPath)) return null;
	return `${spec.path}: its context link ${ref.trim()} points to a file that does not exist; create that file, or remove the link to get ${contextPath}`;
}

/** `1014.context`, `./1014.context.md`, `specs/1000/1001/1014.context` or a bare `context` naming the file beside the spec. */
function namesPath(target: string, sourcePath: string, path: string): boolean {
	const forms = [target, `${target}.md`];
	if (!target.includes('/')) return forms.some((f) => f.toLowerCase() === basename(path).toLowerCase()) && dirname(path) === dirname(sourcePath);
	const joined = target.startsWith('/') ? target.slice(1) : joinPath(dirname(sourcePath), target);
	return forms.some((f) => {
		const fromSource = normalizeVaultPath(joined + f.slice(target.length));
		const fromRoot = target.startsWith('/') ? null : normalizeVaultPath(f);
		return [fromSource, fromRoot].some((p) => p !== null && p.toLowerCase() === path.toLowerCase());
	});
}
