import { validate } from '../../../src/core/validate/validate';
import { memoryWorkspace } from '../../helpers/workspace';

/** `epics` epics × 5 features × 5 tasks, each task with a context, a script and one missing registry entry. */
function bigVault(epics: number): Record<string, string> {
	const files: Record<string, string> = {};
	for (let e = 1; e <= epics; e++) {
		const features: string[] = [];
		for (let f = 1; f <= 5; f++) {
			const fid = `${e}0${f}`;
			features.push(`- [[${fid}/spec|${fid}]]`);
			const tasks: string[] = [];
			for (let t = 1; t <= 5; t++) {
				const tid = `${fid}${t}`;
				tasks.push(`- [[${tid}.spec|${tid}]]`);
				files[`specs/${e}/${fid}/${tid}.spec.md`] =
					`---\ntype: task\nstatus: planning\ncontext: "[[${tid}.context]]"\n---\n# T\n\n**Status**: planning\n\n## Deliverables\n- [[deliverables/scripts/${tid}.sh|s]]\n- [[missing-${tid}]]\n`;
				files[`specs/${e}/${fid}/${tid}.context.md`] = `# Context\n\n**Spec**: [[${tid}.spec]]\n\n## Deliverables\n- [[deliverables/scripts/${tid}.sh|s]] - p\n`;
				files[`specs/${e}/${fid}/deliverables/scripts/${tid}.sh`] = `#!/bin/sh\n# Generated from: specs/${e}/${fid}/${tid}.spec.md\necho\n`;
			}
			files[`specs/${e}/${fid}/spec.md`] = `---\ntype: feature\ncontext: "[[context]]"\n---\n# F\n\n## Tasks\n${tasks.join('\n')}\n`;
			files[`specs/${e}/${fid}/context.md`] = `# C\n\n**Spec**: [[spec]]\n`;
		}
		files[`specs/${e}/epic.md`] = `---\ntype: epic\n---\n# E\n\n## Features\n${features.join('\n')}\n`;
	}
	return files;
}

// Speed is measured by `npm run bench`, not here: this checks that a many-spec vault gets exactly its problems.
test('a vault of 860 files yields exactly the one planted problem per task', async () => {
	const ws = await memoryWorkspace(bigVault(10));
	const result = await validate(ws);
	expect(result.specs).toBe(10 * 31);
	expect(result.problems).toHaveLength(10 * 25);
	expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(['missing-deliverable']));
	expect(result.problems[0].message).toBe('specs/1/101/1011.spec.md line 12: registered deliverable [[missing-1011]] does not exist');
});
