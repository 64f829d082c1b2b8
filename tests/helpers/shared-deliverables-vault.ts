/** The folder of feature 2001, whose `deliverables/` it shares with its task 2011. */
export const FEATURE = 'specs/2000/2001';

/**
 * Task 2011's files in its feature's shared deliverables folder, one registered by the task, the
 * rest found by their traceback; one registered by the feature though its traceback names the
 * task (registration wins); one neither registered nor traced (the folder's spec, the feature).
 */
export const SHARED_DELIVERABLES_VAULT: Record<string, string> = {
	'specs/2000/epic.md': '# 2000 - Cold lab\n',
	[`${FEATURE}/spec.md`]: '# 2001 - Storage\n\n**Status**: implementing\n\n## Deliverables\n- [[deliverables/docs/feature-guide.md|Guide]]\n',
	[`${FEATURE}/2011.spec.md`]: '# 2011 - NAS mount\n\n**Parent**: [[spec|2001]]\n**Status**: implementing\n\n## Deliverables\n- [[deliverables/docs/registered.md|Registered]]\n',
	[`${FEATURE}/deliverables/docs/registered.md`]: '---\nspec: "[[2011.spec]]"\n---\n# Registered\n',
	[`${FEATURE}/deliverables/docs/handwritten.md`]: '---\nspec: "[[2011.spec]]"\ncontext: "[[2011.context]]"\npurpose: Setup notes\n---\n# Handwritten\n',
	[`${FEATURE}/deliverables/scripts/mount.sh`]: '#!/bin/bash\n# Generated from: specs/2000/2001/2011.spec.md\n# Purpose: mount\nmount /mnt/nas\n',
	[`${FEATURE}/deliverables/docs/feature-guide.md`]: '---\nspec: "[[2011.spec]]"\n---\n# Guide\n',
	[`${FEATURE}/deliverables/scripts/plain.sh`]: '#!/bin/bash\necho plain\n',
};
